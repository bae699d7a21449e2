from odoo import api, fields, models
from odoo.fields import Domain

CONSENT_CHANNELS = [
    ("website", "Website form"),
    ("paper", "Signed paper form"),
    ("email", "Email"),
    ("oral", "Oral, recorded by staff"),
]


class DuoConsentMixin(models.AbstractModel):
    """The proof of consent the GDPR asks for: what was agreed (notice version), when, how,
    from where and in which language. Mentees, mentors and volunteers share it."""

    _name = "duo.consent.mixin"
    _description = "DUO Consent"

    consent_date = fields.Datetime(tracking=True, copy=False)
    consent_version = fields.Char(string="Privacy notice version", copy=False)
    consent_channel = fields.Selection(CONSENT_CHANNELS, copy=False)
    consent_ip = fields.Char(string="Consent IP address", copy=False,
                             help="Address the consent came from (website applications).")
    consent_lang = fields.Char(string="Consent language", copy=False,
                               help="Language the privacy notice was shown in, e.g. nl_BE.")
    has_consent = fields.Boolean(compute="_compute_has_consent", search="_search_has_consent")

    @api.depends("consent_date", "consent_version")
    def _compute_has_consent(self):
        for record in self:
            record.has_consent = bool(record.consent_date and record.consent_version)

    def _search_has_consent(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        given = Domain("consent_date", "!=", False) & Domain("consent_version", "!=", False)
        return given if (operator == "=") == value else ~given

    def _consent_personal_fields(self):
        """Consent details an erasure clears (the date stays: it proves there was consent)."""
        return ["consent_version", "consent_channel", "consent_ip", "consent_lang"]
