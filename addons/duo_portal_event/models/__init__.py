from . import duo_programme_activity
