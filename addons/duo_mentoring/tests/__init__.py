from . import test_duo_centre
from . import test_duo_person
from . import test_duo_pair
from . import test_duo_cron
from . import test_duo_cycle_report
from . import test_duo_pair_performance
from . import test_duo_tour
from . import test_duo_gdpr
