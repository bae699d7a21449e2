from odoo import api, fields, models
from odoo.exceptions import UserError

PROPOSAL_STATES = [
    ("proposed", "Proposed"),
    ("locked", "Locked"),
    ("excluded", "Excluded"),
    ("accepted", "Accepted"),
]


class DuoMatchingProposal(models.Model):
    """A duo the engine proposed in a matching session, and what the team made of it:
    locked (kept at the next run), excluded (never proposed again in this session) or
    accepted (the duo exists)."""

    _name = "duo.matching.proposal"
    _description = "DUO Matching Proposal"
    _order = "session_id, state desc, rank, id"

    session_id = fields.Many2one(
        "duo.matching.session", required=True, index=True, ondelete="cascade"
    )
    centre_id = fields.Many2one(related="session_id.centre_id", store=True, index=True)
    session_state = fields.Selection(related="session_id.state", string="Session status")
    mentee_id = fields.Many2one("duo.mentee", required=True, index=True, ondelete="cascade")
    mentor_id = fields.Many2one("duo.mentor", required=True, index=True, ondelete="cascade")
    score = fields.Float(digits=(4, 3), readonly=True)
    rank = fields.Integer(readonly=True, help="1 = the best scored duo of the run.")
    state = fields.Selection(PROPOSAL_STATES, required=True, default="proposed", index=True)
    explanation_data = fields.Json(
        readonly=True, copy=False, help="The engine's structured explanation of the score."
    )
    explanation = fields.Text(compute="_compute_explanation")
    score_parts = fields.Json(
        compute="_compute_score_parts",
        help="The score's part per criterion ({code, label, points}), largest first.",
    )
    runner_up_mentor_id = fields.Many2one(
        "duo.mentor", compute="_compute_runner_up", string="Runner-up"
    )
    score_gap = fields.Float(compute="_compute_runner_up", digits=(4, 3), string="Gap")
    runner_up_summary = fields.Char(
        compute="_compute_runner_up", string="Next best mentor",
        help="The mentor the engine would have chosen next, and how far behind.",
    )
    has_warning = fields.Boolean(compute="_compute_runner_up")
    pair_id = fields.Many2one("duo.pair", string="Duo", readonly=True, index="btree_not_null")

    @api.depends("explanation_data")
    @api.depends_context("lang")
    def _compute_explanation(self):
        texts = self.env["duo.matching.pool"]._explanation_texts(
            [proposal.explanation_data for proposal in self]
        )
        for proposal, text in zip(self, texts, strict=True):
            proposal.explanation = text or self.env._(
                "Changed by hand: run the session again to score this duo."
            )

    @api.depends("explanation_data")
    @api.depends_context("lang")
    def _compute_score_parts(self):
        labels = self.env["duo.matching.pool"]._criterion_labels()
        for proposal in self:
            criteria = (proposal.explanation_data or {}).get("criteria") or {}
            parts = [
                {"code": code, "label": labels.get(code, code).capitalize(),
                 "points": round(values.get("contribution", 0.0), 3)}
                for code, values in criteria.items() if values.get("contribution", 0) > 0.0005
            ]
            proposal.score_parts = sorted(parts, key=lambda part: -part["points"])

    @api.depends("explanation_data")
    @api.depends_context("lang")
    def _compute_runner_up(self):
        for proposal in self:
            data = proposal.explanation_data or {}
            proposal.runner_up_mentor_id = data.get("runner_up_mentor_id") or False
            proposal.score_gap = data.get("score_gap") or 0.0
            proposal.has_warning = bool(data.get("violations"))
            proposal.runner_up_summary = proposal.runner_up_mentor_id and self.env._(
                "%(mentor)s, %(gap).2f behind", mentor=proposal.runner_up_mentor_id.name,
                gap=proposal.score_gap,
            ) or ""

    def _compute_display_name(self):
        for proposal in self:
            proposal.display_name = f"{proposal.mentee_id.name} & {proposal.mentor_id.name}"

    # ------------------------------------------------------------------ CRUD
    def write(self, vals):
        if {"mentee_id", "mentor_id"} & set(vals):
            self._check_open()
            # A duo changed by hand is the team's decision: keep it at the next run, scored
            # then.
            vals = dict(vals, explanation_data=False, score=0.0)
            vals.setdefault("state", "locked")
        result = super().write(vals)
        if vals.get("state") == "locked":
            self._check_one_lock_per_mentee()
        return result

    # ------------------------------------------------------------------ actions
    def action_open_explanation(self):
        """The engine's reasons for this duo, whole, in a dialog: the proposals' list keeps
        to what the team decides on."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.display_name,
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(self.env.ref("duo_matching.duo_matching_proposal_view_form").id, "form")],
            "target": "new",
        }

    def action_lock(self):
        self._set_state("locked")

    def action_exclude(self):
        self._set_state("excluded")

    def action_reset(self):
        self._set_state("proposed")

    def _set_state(self, state):
        self._check_open()
        self.write({"state": state})
        return True

    # ------------------------------------------------------------------ checks
    def _check_open(self):
        if any(proposal.session_id.state != "proposed" for proposal in self):
            raise UserError(self.env._(
                "Only the proposals of a session being decided can change."
            ))

    def _check_one_lock_per_mentee(self):
        for proposal in self:
            others = proposal.session_id.proposal_ids.filtered(
                lambda p, proposal=proposal: p.state == "locked"
                and p.mentee_id == proposal.mentee_id and p != proposal
            )
            if others:
                raise UserError(self.env._(
                    "%(mentee)s is already locked to %(mentor)s.",
                    mentee=proposal.mentee_id.name, mentor=others[0].mentor_id.name,
                ))
