from . import test_duo_events
