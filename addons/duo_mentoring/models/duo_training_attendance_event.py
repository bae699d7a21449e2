from odoo import api, fields, models


class DuoTrainingAttendance(models.Model):
    """Attendance lines recorded from the registrations to training sessions."""

    _inherit = "duo.training.attendance"

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
            ._duo_send_training_evaluation()
        return lines

    def write(self, vals):
        result = super().write(vals)
        if vals.get("state") == "attended" or "module_id" in vals:
            self.mentor_id._duo_send_training_evaluation()
        return result
