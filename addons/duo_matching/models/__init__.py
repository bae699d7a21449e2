from . import duo_centre
from . import duo_matching_pool
from . import duo_matching_session
from . import duo_matching_proposal
from . import duo_matching_unmatched
from . import duo_mentee
from . import duo_mentor
