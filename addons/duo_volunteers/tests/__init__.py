from . import test_duo_help_kind
