from . import duo_matching_candidates
from . import duo_matching_candidate_line
