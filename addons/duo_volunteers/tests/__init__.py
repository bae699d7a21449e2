from . import test_duo_help_kind
from . import test_duo_volunteer_mission
from . import test_duo_volunteer_hour
from . import test_duo_volunteer_consent
from . import test_duo_volunteers_access
from . import test_duo_volunteers_tours
from . import test_duo_volunteers_i18n
from . import test_duo_volunteer_gdpr
