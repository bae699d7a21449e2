from odoo import fields, models


class DuoMentee(models.Model):
    """Sessions, evaluations and follow-ups of a mentee; the programme evaluation is sent
    when the intake is done (Ready to match)."""

    _inherit = "duo.mentee"

    event_registration_ids = fields.One2many(
        "event.registration", "duo_mentee_id", string="Sessions",
    )
    evaluation_ids = fields.One2many(
        "survey.user_input", "duo_mentee_id", string="Evaluations",
        groups="duo_mentoring.group_duo_user",
    )
    followup_ids = fields.One2many(
        "duo.followup", "mentee_id", string="Follow-ups", groups="duo_mentoring.group_duo_user",
    )

    def write(self, vals):
        result = super().write(vals)
        if "stage_id" in vals:
            # The intake is done: the programme evaluation goes out (once per person).
            ready = self.filtered(lambda p: p.stage_code == "ready")
            if ready:
                self.env["survey.user_input"]._duo_invite("programme", ready)
        return result

    def _duo_last_training_event(self):
        return self.env["event.event"]
