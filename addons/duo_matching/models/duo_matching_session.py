import time

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..matching_engine import match

ACCEPTABLE_STATES = ("proposed", "locked")


class DuoMatchingSession(models.Model):
    """The weekly matching meeting of one centre: who was ready, what was proposed and
    what the matching team decided."""

    _name = "duo.matching.session"
    _description = "DUO Matching Session"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    centre_id = fields.Many2one(
        "duo.centre", required=True, index=True, tracking=True,
        default=lambda self: self.env.user.duo_centre_ids[:1],
    )
    company_id = fields.Many2one(related="centre_id.company_id", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("proposed", "Proposed"), ("done", "Decided"),
         ("cancel", "Cancelled")],
        default="draft", required=True, tracking=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Chaired by", default=lambda self: self.env.user
    )
    notes = fields.Html()
    allow_cross_centre = fields.Boolean(related="centre_id.allow_cross_centre_matching")

    # Snapshot of the pool at the last run.
    candidate_mentee_ids = fields.Many2many(
        "duo.mentee", "duo_matching_session_mentee_rel", "session_id", "mentee_id",
        string="Candidate mentees", readonly=True, copy=False,
    )
    candidate_mentor_ids = fields.Many2many(
        "duo.mentor", "duo_matching_session_mentor_rel", "session_id", "mentor_id",
        string="Candidate mentors", readonly=True, copy=False,
    )
    candidate_mentee_count = fields.Integer(compute="_compute_counts", string="Mentees")
    candidate_mentor_count = fields.Integer(compute="_compute_counts", string="Mentors")
    proposal_ids = fields.One2many("duo.matching.proposal", "session_id", string="Proposals")
    proposal_count = fields.Integer(compute="_compute_counts", string="Proposed duos")
    unmatched_ids = fields.One2many("duo.matching.unmatched", "session_id")
    unmatched_count = fields.Integer(compute="_compute_counts", string="Unmatched people")
    pair_count = fields.Integer(compute="_compute_counts", string="Duos")
    total_score = fields.Float(digits=(8, 3), readonly=True, copy=False)
    run_count = fields.Integer(string="Runs", readonly=True, copy=False)
    date_run = fields.Datetime(string="Last run", readonly=True, copy=False)
    weights_used = fields.Json(
        string="Weights at the last run", readonly=True, copy=False,
        help="The centre's criterion weights at the last run.",
    )
    weights_used_text = fields.Char(compute="_compute_weights_used_text", string="Weights used")
    weight_suggestion_id = fields.Many2one(
        "duo.matching.weight.suggestion", string="Weights learned in", readonly=True,
        copy=False, help="The accepted suggestion the weights of the last run came from.",
    )
    run_duration = fields.Float(
        string="Run time (s)", digits=(6, 3), readonly=True, copy=False,
        help="Seconds from the database records to the saved proposals, at the last run.",
    )

    @api.depends("date", "centre_id")
    def _compute_name(self):
        for session in self:
            session.name = self.env._(
                "Matching %(centre)s %(date)s",
                centre=session.centre_id.code or "",
                date=session.date or "",
            )

    @api.depends("candidate_mentee_ids", "candidate_mentor_ids", "proposal_ids.state",
                 "unmatched_ids")
    def _compute_counts(self):
        for session in self:
            session.candidate_mentee_count = len(session.candidate_mentee_ids)
            session.candidate_mentor_count = len(session.candidate_mentor_ids)
            session.proposal_count = len(
                session.proposal_ids.filtered(lambda p: p.state != "excluded")
            )
            session.unmatched_count = len(session.unmatched_ids)
            session.pair_count = len(session.proposal_ids.pair_id)

    @api.depends("weights_used")
    @api.depends_context("lang")
    def _compute_weights_used_text(self):
        labels = self.env["duo.matching.pool"]._criterion_labels()
        for session in self:
            weights = session.weights_used or {}
            session.weights_used_text = ", ".join(
                f"{labels.get(name, name).capitalize()} {value:.1f}"
                for name, value in weights.items()
            )

    # ------------------------------------------------------------------ actions
    def action_run(self):
        """Snapshot the pool, run the engine and replace the open proposals; locked and
        excluded proposals are kept and passed to the engine."""
        # Coordinators read sessions; only the matching team runs and decides them.
        self.check_access("write")
        for session in self:
            if session.state not in ("draft", "proposed"):
                raise UserError(self.env._("Only a draft or proposed session can run."))
            session._run()
        return True

    def action_accept(self):
        """Create a duo (stage Proposed) for every proposal not excluded, email both people
        the proposal, and keep the proposals with their final state."""
        self.check_access("write")
        for session in self:
            session._accept()
        return True

    def action_cancel(self):
        if any(session.state == "done" for session in self):
            raise UserError(self.env._("A decided session cannot be cancelled: its duos exist."))
        self.write({"state": "cancel"})
        return True

    def action_reset_draft(self):
        self.filtered(lambda s: s.state == "cancel").write({"state": "draft"})
        return True

    def action_view_pairs(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Duos"),
            "res_model": "duo.pair",
            "view_mode": "list,kanban,form",
            "domain": [("id", "in", self.proposal_ids.pair_id.ids)],
        }

    # ------------------------------------------------------------------ business
    def _run(self):
        self.ensure_one()
        start = time.perf_counter()
        Pool = self.env["duo.matching.pool"]
        mentees, mentors = Pool._candidates(self.centre_id)
        pool_mentees, pool_mentors = set(mentees.ids), set(mentors.ids)
        kept = self.proposal_ids.filtered(lambda p: p.state in ("locked", "excluded"))
        outside = kept.filtered(
            lambda p: p.mentee_id.id not in pool_mentees or p.mentor_id.id not in pool_mentors
        )
        # Proposals of people who left the pool (matched elsewhere, withdrawn) go.
        (self.proposal_ids - kept | outside).unlink()
        kept -= outside
        self.unmatched_ids.unlink()
        locked = kept.filtered(lambda p: p.state == "locked")
        excluded = kept - locked
        mentee_profiles, mentor_profiles = Pool._profiles(mentees.ids, mentors.ids)
        config = self.centre_id._matching_config()
        result = match(
            mentee_profiles, mentor_profiles, config,
            locked=[(p.mentee_id.id, p.mentor_id.id) for p in locked],
            excluded=[(p.mentee_id.id, p.mentor_id.id) for p in excluded],
            rejected=Pool._rejected_pairs(mentees.ids, mentors.ids),
        )
        self._save_result(result, locked)
        self.write({
            "candidate_mentee_ids": [Command.set(mentees.ids)],
            "candidate_mentor_ids": [Command.set(mentors.ids)],
            "state": "proposed",
            "total_score": result.total_score,
            "run_count": self.run_count + 1,
            "date_run": fields.Datetime.now(),
            "weights_used": dict(config.weights),
            "weight_suggestion_id": self.centre_id.matching_weight_suggestion_id.id,
            "run_duration": time.perf_counter() - start,
        })

    def _save_result(self, result, locked):
        """Write the engine's output back: one create for the proposals, one for the
        unmatched people; locked proposals get their fresh score and explanation."""
        ranked = sorted(result.proposals, key=lambda p: (-p.score, p.mentee_id))
        locked_by_pair = {(p.mentee_id.id, p.mentor_id.id): p for p in locked}
        new_vals = []
        for rank, explanation in enumerate(ranked, start=1):
            vals = {
                "score": explanation.score,
                "rank": rank,
                "explanation_data": _jsonable(explanation.to_dict()),
            }
            proposal = locked_by_pair.get((explanation.mentee_id, explanation.mentor_id))
            if proposal:
                proposal.write(vals)
            else:
                new_vals.append(dict(vals, session_id=self.id, state="proposed",
                                     mentee_id=explanation.mentee_id,
                                     mentor_id=explanation.mentor_id))
        self.env["duo.matching.proposal"].create(new_vals)
        self.env["duo.matching.unmatched"].create([
            {
                "session_id": self.id,
                "role": reason.role,
                f"{reason.role}_id": reason.person_id,
                "code": reason.code,
                "params": _jsonable(reason.params),
            }
            for reason in result.unmatched_mentees + result.unmatched_mentors
        ])

    def _accept(self):
        self.ensure_one()
        if self.state != "proposed":
            raise UserError(self.env._("Run the session before accepting its proposals."))
        proposals = self.proposal_ids.filtered(lambda p: p.state in ACCEPTABLE_STATES)
        if not proposals:
            raise UserError(self.env._("There is no proposal left to accept."))
        stale = proposals.filtered(lambda p: not p.explanation_data)
        if stale:
            raise UserError(self.env._(
                "Run the session again: %s changed by hand and not scored yet.",
                ", ".join(stale.mapped("display_name")),
            ))
        pairs = self.env["duo.pair"].create([
            {
                "mentee_id": proposal.mentee_id.id,
                "mentor_id": proposal.mentor_id.id,
                "user_id": (proposal.mentee_id.user_id or self.env.user).id,
                "matching_score": proposal.score,
                "matching_explanation": proposal.explanation,
            }
            for proposal in proposals
        ])
        for proposal, pair in zip(proposals, pairs, strict=True):
            proposal.write({"state": "accepted", "pair_id": pair.id})
        # The duos stay Proposed: both people are told by email, then their coordinator
        # plans the first meeting with them (the proposal email says so).
        pairs.action_propose()
        self.write({"state": "done"})


def _jsonable(value):
    """Engine parameters (tuples, numpy scalars) as plain JSON values."""
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if hasattr(value, "item"):
        return value.item()
    return value
