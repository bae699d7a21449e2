from . import test_duo_matching_session
from . import test_matching_engine
