from odoo import fields, models


class DuoTrainingModule(models.Model):
    """One of the half-day modules of the compulsory 4-day mentor training."""

    _name = "duo.training.module"
    _description = "Mentor Training Module"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    day = fields.Integer(required=True, help="Training day (1 to 4).")
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
