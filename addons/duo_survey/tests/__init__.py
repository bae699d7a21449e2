from . import test_duo_evaluations
