from . import test_duo_fundraising
from . import test_duo_fiscal_certificate
from . import test_duo_fundraising_access
from . import test_duo_fundraising_i18n
from . import test_duo_fundraising_tours
