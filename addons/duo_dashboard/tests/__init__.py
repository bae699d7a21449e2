from . import test_duo_dashboard
from . import test_duo_dashboard_performance
from . import test_duo_dashboard_tour
