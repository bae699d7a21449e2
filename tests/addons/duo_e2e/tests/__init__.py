from . import test_navigation
from . import test_full_cycle
