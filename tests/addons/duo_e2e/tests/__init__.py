from . import test_navigation
