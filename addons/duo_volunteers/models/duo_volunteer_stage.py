from odoo import fields, models


class DuoVolunteerStage(models.Model):
    """Pipeline of a volunteer: Applied, Interviewed, Active, Paused, Left."""

    _name = "duo.volunteer.stage"
    _description = "Volunteer Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    fold = fields.Boolean(help="Folded in the kanban view when empty.")
    is_active_stage = fields.Boolean(
        string="Volunteers available",
        help="Volunteers in this stage can be proposed for missions.",
    )
    description = fields.Text(translate=True)
