from odoo import api, fields, models


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

    # Attendance lines recorded from the registrations to training sessions.
    event_registration_id = fields.Many2one(
        "event.registration", string="Registration", index="btree_not_null",
        ondelete="set null", readonly=True,
    )
    event_id = fields.Many2one(
        related="event_registration_id.event_id", string="Session", store=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.filtered(lambda line: line.state == "attended").mentor_id \
            .filtered("training_done")._on_training_completed()
        return lines

    def write(self, vals):
        result = super().write(vals)
        if vals.get("state") == "attended" or "module_id" in vals:
            self.mentor_id.filtered("training_done")._on_training_completed()
        return result
