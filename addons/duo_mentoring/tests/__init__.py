from . import test_duo_centre
