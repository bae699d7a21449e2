from . import duo_centre
from . import res_users
