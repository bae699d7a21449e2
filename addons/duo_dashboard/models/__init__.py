from . import duo_dashboard_target
