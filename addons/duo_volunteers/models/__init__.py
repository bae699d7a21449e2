from . import duo_help_kind
