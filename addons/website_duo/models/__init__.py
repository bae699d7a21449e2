from . import duo_website_submission
from . import duo_website_application
