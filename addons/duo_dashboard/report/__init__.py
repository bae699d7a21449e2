from . import duo_pair_report
from . import duo_intake_report
from . import duo_matching_session_report
from . import duo_campaign_report
