from . import duo_campaign
from . import duo_gift
from . import duo_gift_pledge
from . import duo_fiscal_certificate
from . import res_partner
from . import duo_gdpr_mixin
from . import crm_lead
