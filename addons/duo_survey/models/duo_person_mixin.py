from odoo import models

from odoo.addons.duo_mentoring.models.duo_gdpr_mixin import ERASE_UNLINK, PersonalData


class DuoPersonMixin(models.AbstractModel):
    _inherit = "duo.person.mixin"

    def _on_stage_changed(self):
        result = super()._on_stage_changed()
        # The intake is done: the programme evaluation goes out (once per person).
        now_ready = self.filtered(lambda person: person.stage_code == "ready")
        if now_ready:
            self.env["survey.user_input"]._duo_invite("programme", now_ready)
        return result

    def _gdpr_data_map(self):
        """Questionnaires stay for the impact figures without who answered them: the choices
        and scores remain, typed answers go. Follow-up notes of the person's duos go too."""
        locations = super()._gdpr_data_map()
        answers = self.env["survey.user_input"].sudo().search([
            "|", (f"duo_{self._duo_role}_id", "=", self.id),
            ("partner_id", "=", self.partner_id.id),
        ])
        typed = answers.user_input_line_ids.filtered(
            lambda line: line.answer_type in ("char_box", "text_box"))
        followups = self.env["duo.followup"].sudo().search(
            [("pair_id", "in", self.pair_ids.ids)])
        return [
            *locations,
            PersonalData("questionnaires", answers,
                         ["survey_id", "state", "create_date", "email", "nickname",
                          "scoring_percentage"],
                         values={"email": False, "nickname": False, "partner_id": False}),
            PersonalData("typed answers", typed,
                         ["user_input_id", "question_id", "value_char_box", "value_text_box"],
                         ERASE_UNLINK),
            PersonalData("follow-ups", followups, ["pair_id", "state", "notes"],
                         values={"notes": False}),
        ]
