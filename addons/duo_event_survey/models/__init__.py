from . import duo_mentor
from . import survey_user_input
