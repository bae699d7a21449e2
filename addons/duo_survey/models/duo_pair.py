from odoo import fields, models

from odoo.addons.duo_mentoring.models.duo_pair_stage import ENDED_PAIR_CODES


class DuoPair(models.Model):
    """The end-of-mentoring evaluation and the follow-ups at 3, 6 and 12 months."""

    _inherit = "duo.pair"

    evaluation_ids = fields.One2many("survey.user_input", "duo_pair_id", string="Evaluations")
    followup_ids = fields.One2many("duo.followup", "pair_id", string="Follow-ups")

    def _on_stage_changed(self, stage_before):
        result = super()._on_stage_changed(stage_before)
        # A duo that ran its course sends the end-of-mentoring evaluation to both people.
        closed = self.filtered(
            lambda pair: pair.stage_code in ENDED_PAIR_CODES
            and stage_before.get(pair.id) not in ENDED_PAIR_CODES
        )
        answers = self.env["survey.user_input"]
        for pair in closed:
            answers._duo_invite("end", pair.mentee_id, pair=pair)
            answers._duo_invite("end", pair.mentor_id, pair=pair)
        return result
