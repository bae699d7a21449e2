from odoo import fields, models


class DuoTrainingAttendance(models.Model):
    """A mentor's attendance at one training module: what the Training stage gate reads."""

    _name = "duo.training.attendance"
    _description = "Mentor Training Attendance"
    _order = "date desc, id desc"

    mentor_id = fields.Many2one("duo.mentor", required=True, index=True, ondelete="cascade")
    centre_id = fields.Many2one(related="mentor_id.centre_id", store=True, index=True)
    module_id = fields.Many2one("duo.training.module", required=True, ondelete="restrict")
    date = fields.Date(required=True, default=fields.Date.context_today)
    state = fields.Selection(
        [("registered", "Registered"), ("attended", "Attended"), ("missed", "Missed")],
        required=True, default="registered",
    )
    notes = fields.Char()
