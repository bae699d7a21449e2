from odoo import fields, models


class DuoOnboardingItem(models.Model):
    """A step of the onboarding checklist every new volunteer goes through."""

    _name = "duo.onboarding.item"
    _description = "Volunteer Onboarding Step"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
