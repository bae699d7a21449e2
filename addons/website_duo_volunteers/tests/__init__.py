from . import test_website_volunteer
from . import test_portal_volunteering
