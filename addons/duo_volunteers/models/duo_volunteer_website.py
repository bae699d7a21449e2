from odoo import fields, models

from odoo.addons.duo_mentoring.models.duo_person_mixin import CONSENT_CHANNELS


class DuoVolunteer(models.Model):
    """Proof of the consent given with a website sign-up (what, when, from where, in which
    language), as for mentees and mentors."""

    _inherit = "duo.volunteer"

    consent_date = fields.Datetime(tracking=True, copy=False)
    consent_version = fields.Char(string="Privacy notice version", copy=False)
    consent_channel = fields.Selection(CONSENT_CHANNELS, copy=False)
    consent_ip = fields.Char(string="Consent IP address", copy=False)
    consent_lang = fields.Char(string="Consent language", copy=False,
                               help="Language the privacy notice was shown in, e.g. nl_BE.")
