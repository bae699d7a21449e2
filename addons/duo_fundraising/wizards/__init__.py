from . import duo_fiscal_certificate_change
