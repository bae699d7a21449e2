from . import duo_mission_candidate_wizard
from . import duo_mission_candidate_line
