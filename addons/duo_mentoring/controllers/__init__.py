from . import application
