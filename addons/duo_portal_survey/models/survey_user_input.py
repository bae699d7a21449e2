from odoo import api, fields, models
from odoo.fields import Domain

# Questionnaires listed on the portal at most.
PORTAL_EVALUATIONS_LISTED = 20


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    @api.model
    def _duo_portal_pending_domain(self, partner, pair=None):
        """The DUO questionnaires waiting for `partner` (the person's own contact): not
        answered yet, of an open questionnaire, before their deadline. With `pair`, those of
        that duo and those of the person alone (programme, training)."""
        domain = (Domain("partner_id", "=", partner.id)
                  & Domain("duo_evaluation", "!=", False)
                  & Domain("state", "!=", "done")
                  & Domain("test_entry", "=", False)
                  & Domain("survey_id.active", "=", True)
                  & (Domain("deadline", "=", False)
                     | Domain("deadline", ">", fields.Datetime.now())))
        if pair is not None:
            domain &= Domain("duo_pair_id", "in", [False, pair.id])
        return domain

    @api.model
    def _duo_portal_pending(self, partner, pair=None):
        return self.search(self._duo_portal_pending_domain(partner, pair), order="id",
                           limit=PORTAL_EVALUATIONS_LISTED)
