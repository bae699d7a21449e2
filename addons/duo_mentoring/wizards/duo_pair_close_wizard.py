from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.duo_pair import OUTCOMES


class DuoPairCloseWizard(models.TransientModel):
    """Asks for what a closing needs: who rejected the match and why, the reason for ending
    early, or the outcome of a completed duo."""

    _name = "duo.pair.close.wizard"
    _description = "Close a Duo"

    pair_id = fields.Many2one("duo.pair", required=True, ondelete="cascade")
    stage_code = fields.Selection(related="pair_id.stage_code")
    closing = fields.Selection(
        [("reject_mentee", "The mentee rejects the match"),
         ("reject_mentor", "The mentor rejects the match"),
         ("end_early", "End the duo early"),
         ("complete", "Complete the duo")],
        required=True, compute="_compute_closing", store=True, readonly=False, precompute=True,
    )
    reason = fields.Text()
    outcome = fields.Selection(OUTCOMES)

    @api.depends("pair_id")
    def _compute_closing(self):
        for wizard in self:
            code = wizard.pair_id.stage_code
            wizard.closing = (
                "reject_mentee" if code in ("proposed", "first_meeting")
                else "complete" if code == "mentoring" else "end_early"
            )

    def action_confirm(self):
        self.ensure_one()
        pair = self.pair_id
        if self.closing in ("reject_mentee", "reject_mentor", "end_early") and not (
            self.reason or ""
        ).strip():
            raise UserError(self.env._("Please give the reason."))
        if self.closing == "reject_mentee":
            pair._record_answer("mentee", "rejected", self.reason)
        elif self.closing == "reject_mentor":
            pair._record_answer("mentor", "rejected", self.reason)
        elif self.closing == "end_early":
            pair.action_end_early(self.reason)
        else:
            if not self.outcome:
                raise UserError(self.env._("Please record the outcome of the duo."))
            pair.outcome = self.outcome
            pair.action_complete()
        return {"type": "ir.actions.act_window_close"}
