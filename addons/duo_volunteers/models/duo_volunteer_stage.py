from odoo import fields, models


class DuoVolunteerStage(models.Model):
    """Pipeline of a volunteer: Applied, Interviewed, Active, Paused, Left."""

    _name = "duo.volunteer.stage"
    _inherit = ["duo.stage.mixin"]
    _description = "Volunteer Stage"

    is_active_stage = fields.Boolean(
        string="Volunteers available",
        help="Volunteers in this stage can be proposed for missions.",
    )
