from . import duo_matching_session
