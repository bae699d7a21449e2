from . import duo_matching_fairness_report
from . import duo_matching_fairness_wizard
