from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.duo_pair import OUTCOMES

# Which closed stage each way of closing leads to, when it needs a closing reason.
CLOSING_STAGES = {"reject_mentee": "rejected", "reject_mentor": "rejected", "end_early": "ended"}


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
    # The closed stage the duo goes to when it needs a reason, which filters the reasons.
    close_stage_code = fields.Selection(
        [("rejected", "Rejected"), ("ended", "Ended early")],
        compute="_compute_close_stage_code",
    )
    close_reason_id = fields.Many2one(
        "duo.close.reason", string="Reason",
        compute="_compute_close_reason_id", store=True, readonly=False,
        domain="[('applies_to', 'in', (close_stage_code, 'both'))]",
    )
    details = fields.Text(help="A few words on what happened (required for \"Other\").")
    outcome = fields.Selection(OUTCOMES)

    @api.depends("pair_id")
    def _compute_closing(self):
        for wizard in self:
            code = wizard.pair_id.stage_code
            wizard.closing = (
                "reject_mentee" if code in ("proposed", "first_meeting")
                else "complete" if code == "mentoring" else "end_early"
            )

    @api.depends("closing")
    def _compute_close_stage_code(self):
        for wizard in self:
            wizard.close_stage_code = CLOSING_STAGES.get(wizard.closing, False)

    @api.depends("closing")
    def _compute_close_reason_id(self):
        # Switching between rejecting and ending early drops a reason that no longer applies.
        for wizard in self:
            reason, stage_code = wizard.close_reason_id, wizard.close_stage_code
            keep = stage_code and reason and reason._applies(stage_code)
            wizard.close_reason_id = reason if keep else False

    def action_confirm(self):
        self.ensure_one()
        pair = self.pair_id
        if self.close_stage_code and not self.close_reason_id:
            raise UserError(self.env._("Please choose the reason."))
        if self.closing == "reject_mentee":
            pair._record_answer("mentee", "rejected", self.details, self.close_reason_id)
        elif self.closing == "reject_mentor":
            pair._record_answer("mentor", "rejected", self.details, self.close_reason_id)
        elif self.closing == "end_early":
            pair.action_end_early(self.details, self.close_reason_id)
        else:
            if not self.outcome:
                raise UserError(self.env._("Please record the outcome of the duo."))
            pair.outcome = self.outcome
            pair.action_complete()
        return {"type": "ir.actions.act_window_close"}
