from odoo import api, fields, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    duo_training_event_id = fields.Many2one(
        "event.event", string="Training session", ondelete="set null", readonly=True,
        help="Training evaluation: the last training session the mentor attended.",
    )

    @api.model
    def _duo_invite_values(self, kind, person, pair=None):
        values = super()._duo_invite_values(kind, person, pair=pair)
        if kind == "training":
            values["duo_training_event_id"] = person._duo_last_training_event().id
        return values
