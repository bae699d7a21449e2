from . import portal
from . import application
