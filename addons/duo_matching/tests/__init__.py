from . import test_duo_matching_session
