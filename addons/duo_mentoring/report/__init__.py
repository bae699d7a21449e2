from . import duo_cycle_report
