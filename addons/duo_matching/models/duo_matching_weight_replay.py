from odoo import api, fields, models


class DuoMatchingWeightReplay(models.Model):
    """One of the centre's last sessions replayed with a learned suggestion: its pool (today's
    profiles) matched with the current and with the suggested weights."""

    _name = "duo.matching.weight.replay"
    _description = "DUO Learned Weights Session Replay"
    _order = "suggestion_id, session_date desc, id"

    suggestion_id = fields.Many2one(
        "duo.matching.weight.suggestion", required=True, index=True, ondelete="cascade"
    )
    centre_id = fields.Many2one(related="suggestion_id.centre_id", store=True, index=True)
    session_id = fields.Many2one("duo.matching.session", required=True, ondelete="cascade")
    session_date = fields.Date(related="session_id.date", store=True, string="Date")
    proposal_count = fields.Integer(string="Proposals (current weights)", readonly=True)
    suggested_count = fields.Integer(string="Proposals (suggested weights)", readonly=True)
    changed_count = fields.Integer(
        string="Would change", readonly=True,
        help="Mentees who would get another mentor, or a proposal gained or lost.",
    )
    total_current = fields.Float(string="Total score (current)", digits=(8, 2), readonly=True)
    total_suggested = fields.Float(string="Total score (suggested)", digits=(8, 2),
                                   readonly=True)
    changed_share = fields.Float(compute="_compute_changed_share", string="% changed")

    @api.depends("changed_count", "proposal_count", "suggested_count")
    def _compute_changed_share(self):
        for replay in self:
            base = max(replay.proposal_count, replay.suggested_count)
            replay.changed_share = 100.0 * replay.changed_count / base if base else 0.0
