from . import duo_evaluation_report
from . import duo_evaluation_score_report
