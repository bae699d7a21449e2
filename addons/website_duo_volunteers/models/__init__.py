from . import duo_website_application
