from . import test_duo_evaluations
from . import test_duo_pulse
