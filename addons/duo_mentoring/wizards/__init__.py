from . import duo_pair_close_wizard
