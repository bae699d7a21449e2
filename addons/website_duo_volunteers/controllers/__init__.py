from . import application
from . import portal
