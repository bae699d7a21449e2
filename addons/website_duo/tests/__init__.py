from . import test_website_forms
from . import test_website_duo_info_session_tour
from . import test_website_footer
