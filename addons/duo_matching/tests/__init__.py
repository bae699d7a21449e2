from . import test_duo_matching_session
from . import test_duo_matching_candidates
from . import test_duo_matching_fairness
from . import test_duo_matching_performance
from . import test_duo_matching_tour
from . import test_duo_matching_weights
from . import test_duo_matching_weights_tour
