from . import test_duo_umbrella
