from dataclasses import replace

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain

from ..matching_engine import (
    CRITERIA,
    LEARNED,
    NO_POSITIVE_SIGNAL,
    NOT_ENOUGH_OUTCOMES,
    criterion_scores,
    learn_weights,
    replay_changes,
)

# What counts as a success or a failure of a closed duo (see _learning_outcomes).
POSITIVE_OUTCOMES = ("job", "training", "internship", "volunteering")
CLOSED_STAGES = ("completed", "ended", "rejected")
# Ended early for a reason that says nothing about the match (left out), or because the
# mentee reached the goal early (a success).
LEFT_OUT_REASONS = ("moved",)
SUCCESS_REASONS = ("found_job",)
# Sessions replayed with the suggested weights, and the smallest group whose success rate
# is shown (as in the fairness report).
REPLAYED_SESSIONS = 5
MIN_GROUP_SIZE = 5
# Weights differ when they are further apart than their display precision.
WEIGHT_TOLERANCE = 0.05
# What staff may write themselves: the centre of a draft. Results and decisions are written
# by the actions below only, after their checks.
CLIENT_FIELDS = {"centre_id"}


class DuoMatchingWeightSuggestion(models.Model):
    """Criterion weights learned from a centre's closed duos, proposed to the matching team.

    Learning never changes the centre: the team reads the suggestion (current and suggested
    weights, the duos it rests on, its cross-validated quality, what it would have changed in
    the last sessions, success per group) and accepts or rejects it. Accepting writes the
    centre's weights and logs it; an accepted suggestion can be reverted.
    """

    _name = "duo.matching.weight.suggestion"
    _description = "DUO Learned Matching Weights"
    _inherit = ["mail.thread"]
    _order = "date_learned desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    centre_id = fields.Many2one(
        "duo.centre", required=True, index=True, tracking=True,
        default=lambda self: self.env.user.duo_centre_ids[:1],
    )
    company_id = fields.Many2one(related="centre_id.company_id", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("proposed", "To decide"), ("accepted", "Accepted"),
         ("rejected", "Rejected"), ("reverted", "Reverted")],
        default="draft", required=True, tracking=True, copy=False,
    )
    status = fields.Selection(
        [(LEARNED, "Learned"), (NOT_ENOUGH_OUTCOMES, "Not enough outcomes"),
         (NO_POSITIVE_SIGNAL, "No signal")],
        readonly=True, copy=False,
    )
    status_text = fields.Text(compute="_compute_status_text", string="Reading")
    date_learned = fields.Datetime(string="Learned on", readonly=True, copy=False)
    duo_count = fields.Integer(
        string="Duos used", readonly=True, copy=False,
        help="Closed duos of the centre whose outcome counts as a success or a failure.",
    )
    success_count = fields.Integer(string="Successes", readonly=True, copy=False)
    failure_count = fields.Integer(string="Failures", readonly=True, copy=False)
    left_out_count = fields.Integer(
        string="Left out", readonly=True, copy=False,
        help="Closed duos that say nothing about the match: completed without a positive "
             "outcome yet, or ended early because someone moved.",
    )
    prior_strength = fields.Float(
        string="Current weights count as (duos)", readonly=True, copy=False, digits=(6, 0),
        help="The current weights weigh as much as this many duos: with few duos the "
             "suggestion stays close to them.",
    )
    auc_current = fields.Float(string="AUC, current weights", digits=(4, 3), readonly=True)
    auc_current_low = fields.Float(string="AUC, current weights, from", digits=(4, 3),
                                   readonly=True)
    auc_current_high = fields.Float(string="AUC, current weights, to", digits=(4, 3),
                                    readonly=True)
    auc_suggested = fields.Float(string="AUC, suggested weights", digits=(4, 3), readonly=True)
    auc_suggested_low = fields.Float(string="AUC, suggested weights, from", digits=(4, 3),
                                     readonly=True)
    auc_suggested_high = fields.Float(string="AUC, suggested weights, to", digits=(4, 3),
                                      readonly=True)
    auc_gain = fields.Float(string="AUC difference", digits=(4, 3), readonly=True)
    auc_gain_low = fields.Float(string="AUC difference, from", digits=(4, 3), readonly=True)
    auc_gain_high = fields.Float(string="AUC difference, to", digits=(4, 3), readonly=True)
    auc_folds = fields.Integer(string="Folds", readonly=True)
    auc_current_text = fields.Char(compute="_compute_auc_texts", string="Current weights")
    auc_suggested_text = fields.Char(
        compute="_compute_auc_texts", string="Suggested weights",
        help="Cross-validated: each duo is scored with weights learned without it.",
    )
    auc_gain_text = fields.Char(compute="_compute_auc_texts", string="Difference")
    line_ids = fields.One2many(
        "duo.matching.weight.suggestion.line", "suggestion_id", string="Weights", copy=False
    )
    replay_ids = fields.One2many(
        "duo.matching.weight.replay", "suggestion_id", string="Last sessions", copy=False
    )
    group_ids = fields.One2many(
        "duo.matching.weight.group", "suggestion_id", string="Success per group", copy=False
    )
    replay_changed_count = fields.Integer(
        compute="_compute_replay_totals", string="Proposals that would change"
    )
    replay_proposal_count = fields.Integer(
        compute="_compute_replay_totals", string="Proposals replayed"
    )
    decided_user_id = fields.Many2one("res.users", string="Decided by", readonly=True,
                                      copy=False)
    date_decided = fields.Datetime(string="Decided on", readonly=True, copy=False)
    previous_suggestion_id = fields.Many2one(
        "duo.matching.weight.suggestion", string="Replaced weights learned in", readonly=True,
        copy=False, help="Where the weights this suggestion replaced came from (empty: by hand).",
    )

    @api.depends("centre_id", "date_learned")
    def _compute_name(self):
        for suggestion in self:
            suggestion.name = self.env._(
                "Learned weights %(centre)s %(date)s",
                centre=suggestion.centre_id.code or "",
                date=fields.Date.to_string(fields.Datetime.to_datetime(
                    suggestion.date_learned or fields.Datetime.now()
                ).date()),
            )

    @api.depends("status", "duo_count", "success_count", "failure_count", "prior_strength")
    @api.depends_context("lang")
    def _compute_status_text(self):
        _ = self.env._
        for suggestion in self:
            if not suggestion.status:
                suggestion.status_text = _(
                    "Learn from the centre's closed duos: nothing changes until the matching "
                    "team accepts the suggestion."
                )
            elif suggestion.status == NOT_ENOUGH_OUTCOMES:
                suggestion.status_text = _(
                    "Not enough outcomes yet: at least 5 successes and 5 failures are needed "
                    "(%(successes)s and %(failures)s so far). The suggestion is the current "
                    "weights.",
                    successes=suggestion.success_count, failures=suggestion.failure_count,
                )
            elif suggestion.status == NO_POSITIVE_SIGNAL:
                suggestion.status_text = _(
                    "In these %(count)s duos, success does not rise with the current score: "
                    "there is nothing to learn from them yet. The suggestion is the current "
                    "weights.",
                    count=suggestion.duo_count,
                )
            else:
                suggestion.status_text = _(
                    "Learned from %(count)s closed duos (%(successes)s successes, %(failures)s "
                    "failures). The current weights count as %(prior)s duos, so with few duos "
                    "the suggestion stays close to them.",
                    count=suggestion.duo_count, successes=suggestion.success_count,
                    failures=suggestion.failure_count, prior=int(suggestion.prior_strength),
                )

    @api.depends("auc_current", "auc_suggested", "auc_gain", "status")
    @api.depends_context("lang")
    def _compute_auc_texts(self):
        for suggestion in self:
            learned = suggestion.status in (LEARNED, NO_POSITIVE_SIGNAL)
            suggestion.auc_current_text = learned and suggestion._interval_text(
                "auc_current") or ""
            suggestion.auc_suggested_text = learned and suggestion._interval_text(
                "auc_suggested") or ""
            suggestion.auc_gain_text = learned and suggestion._interval_text(
                "auc_gain", signed=True) or ""

    def _interval_text(self, prefix, signed=False):
        value, low, high = (self[prefix], self[f"{prefix}_low"], self[f"{prefix}_high"])
        pattern = "%+.2f" if signed else "%.2f"
        return self.env._(
            "%(value)s (95%% interval %(low)s to %(high)s)",
            value=pattern % value, low=pattern % low, high=pattern % high,
        )

    @api.depends("replay_ids.changed_count", "replay_ids.proposal_count")
    def _compute_replay_totals(self):
        for suggestion in self:
            suggestion.replay_changed_count = sum(suggestion.replay_ids.mapped("changed_count"))
            suggestion.replay_proposal_count = sum(suggestion.replay_ids.mapped("proposal_count"))

    # ------------------------------------------------------------------ CRUD
    def write(self, vals):
        if not self.env.su:
            mail_fields = {name for name in vals if name.startswith(("message_", "activity_"))}
            if set(vals) - CLIENT_FIELDS - mail_fields:
                raise AccessError(self.env._(
                    "Learned weights change only by learning, accepting, rejecting or "
                    "reverting."
                ))
            if "centre_id" in vals and any(s.state != "draft" for s in self):
                raise UserError(self.env._("The centre of a learned suggestion cannot change."))
        return super().write(vals)

    # ------------------------------------------------------------------ actions
    def action_learn(self):
        """Learn the weights from the centre's closed duos (again). The centre is unchanged."""
        self._check_matching_team()
        for suggestion in self:
            if suggestion.state not in ("draft", "proposed"):
                raise UserError(self.env._("Only a suggestion not decided yet can learn again."))
            suggestion._learn()
        return True

    def action_accept(self):
        """Write the suggested weights to the centre, logged on both, and keep the replaced
        weights for a revert."""
        self._check_matching_team()
        for suggestion in self:
            suggestion._accept()
        return True

    def action_reject(self):
        self._check_matching_team()
        if any(suggestion.state != "proposed" for suggestion in self):
            raise UserError(self.env._("Only a suggestion to decide can be rejected."))
        # sudo: decisions are written by the actions only (see write), after the checks.
        self.sudo().write({"state": "rejected", "decided_user_id": self.env.uid,
                           "date_decided": fields.Datetime.now()})
        return True

    def action_revert(self):
        """Put back the weights an accepted suggestion replaced, logged on both."""
        self._check_matching_team()
        for suggestion in self:
            suggestion._revert()
        return True

    def action_open_fairness(self):
        """The fairness report of the centre, next to the success per group shown here."""
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "duo_matching.duo_matching_fairness_wizard_action"
        )
        action["context"] = {"default_centre_ids": self.centre_id.ids}
        return action

    # ------------------------------------------------------------------ business
    def _check_matching_team(self):
        """Deciding on weights is the matching team's (and managers'), for their centres:
        the ACLs and the per-centre rules of this model say who may write it."""
        if not self.env.user.has_group("duo_matching.group_duo_matching"):
            raise AccessError(self.env._("Only the matching team decides on matching weights."))
        self.check_access("write")

    def _matches(self, centre):
        """Whether the centre's weights are this suggestion's suggested weights."""
        self.ensure_one()
        weights = centre._matching_weights()
        return all(abs(weights[line.criterion] - line.suggested_weight) <= WEIGHT_TOLERANCE
                   for line in self.line_ids)

    @api.model
    def _learning_outcomes(self, pairs):
        """``{pair id: 1 | 0 | None}``: what each closed duo says about its match.

        Success (1): completed with a positive outcome (a job, a qualifying training, an
        internship, volunteering), or ended early because the mentee found a job.
        Failure (0): rejected at the first meeting, or ended early for any other reason.
        Left out (None): completed without a positive outcome yet, or ended early because
        someone moved (neither says whether the two were well matched).
        """
        outcomes = {}
        for pair in pairs:
            reason = pair.close_reason_id.code
            if pair.stage_code == "completed":
                outcomes[pair.id] = 1 if pair.outcome in POSITIVE_OUTCOMES else None
            elif pair.stage_code == "ended" and reason in SUCCESS_REASONS:
                outcomes[pair.id] = 1
            elif pair.stage_code == "ended" and reason in LEFT_OUT_REASONS:
                outcomes[pair.id] = None
            elif pair.stage_code in ("ended", "rejected"):
                outcomes[pair.id] = 0
        return outcomes

    def _closed_pairs(self):
        return self.env["duo.pair"].search_fetch(
            Domain("centre_id", "=", self.centre_id.id)
            & Domain("stage_code", "in", CLOSED_STAGES),
            ["stage_code", "outcome", "close_reason_id", "mentee_id", "mentor_id"],
            order="id",
        )

    def _learn(self):
        self.ensure_one()
        centre = self.centre_id
        pairs = self._closed_pairs()
        outcomes = self._learning_outcomes(pairs)
        used = pairs.filtered(lambda pair: outcomes.get(pair.id) is not None)
        Pool = self.env["duo.matching.pool"]
        config = centre._matching_config()
        # Today's profiles of the duos' two people, in a fixed number of queries, scored by
        # the engine in one call.
        mentee_profiles, mentor_profiles = Pool._profiles(used.mentee_id.ids, used.mentor_id.ids)
        scores = criterion_scores(
            mentee_profiles, mentor_profiles,
            [(pair.mentee_id.id, pair.mentor_id.id) for pair in used], config,
        )
        result = learn_weights(
            scores, [outcomes[pair.id] for pair in used], centre._matching_weights(), seed=0
        )
        # sudo: results are written by this action only (see write and the read-only access
        # to the lines), after _check_matching_team.
        suggestion_sudo = self.sudo()
        (suggestion_sudo.line_ids.unlink(), suggestion_sudo.replay_ids.unlink(),
         suggestion_sudo.group_ids.unlink())
        suggestion_sudo.write(dict(
            self._result_vals(result),
            state="proposed",
            date_learned=fields.Datetime.now(),
            left_out_count=len(pairs) - len(used),
            line_ids=[
                Command.create({
                    "sequence": index, "criterion": name,
                    "current_weight": result.current[name],
                    "suggested_weight": round(result.suggested[name], 1),
                })
                for index, name in enumerate(CRITERIA)
            ],
        ))
        suggestion_sudo.env["duo.matching.weight.replay"].create(
            self._replay_last_sessions(config, result.suggested)
        )
        suggestion_sudo.env["duo.matching.weight.group"].create(
            self._group_outcomes(used, outcomes)
        )

    @staticmethod
    def _result_vals(result):
        vals = {
            "status": result.status,
            "duo_count": result.duos,
            "success_count": result.successes,
            "failure_count": result.failures,
            "prior_strength": result.prior_strength,
            "auc_folds": result.folds,
        }
        for name in ("auc_current", "auc_suggested", "auc_gain"):
            estimate = getattr(result, name)
            vals.update({
                name: estimate.value if estimate else 0.0,
                f"{name}_low": estimate.low if estimate else 0.0,
                f"{name}_high": estimate.high if estimate else 0.0,
            })
        return vals

    def _replay_last_sessions(self, config, suggested):
        """Re-run the pools of the centre's last sessions with today's profiles, once with the
        current and once with the suggested weights, and count the proposals that differ."""
        sessions = self.env["duo.matching.session"].search(
            Domain("centre_id", "=", self.centre_id.id)
            & Domain("state", "in", ("proposed", "done")),
            order="date desc, id desc", limit=REPLAYED_SESSIONS,
        )
        if not sessions:
            return []
        Pool = self.env["duo.matching.pool"]
        mentee_ids = sessions.candidate_mentee_ids.ids
        mentor_ids = sessions.candidate_mentor_ids.ids
        mentee_profiles, mentor_profiles = Pool._profiles(mentee_ids, mentor_ids)
        mentees_by_id = {profile.id: profile for profile in mentee_profiles}
        # Every candidate mentor had room in that session: at least one place each.
        mentors_by_id = {profile.id: replace(profile, capacity=max(profile.capacity, 1))
                         for profile in mentor_profiles}
        rejected = Pool._rejected_pairs(mentee_ids, mentor_ids)
        excluded = self.env["duo.matching.proposal"].search_fetch(
            [("session_id", "in", sessions.ids), ("state", "=", "excluded")],
            ["session_id", "mentee_id", "mentor_id"],
        )
        vals = []
        for session in sessions:
            change = replay_changes(
                [mentees_by_id[i] for i in session.candidate_mentee_ids.ids if i in mentees_by_id],
                [mentors_by_id[i] for i in session.candidate_mentor_ids.ids if i in mentors_by_id],
                config, suggested,
                excluded=[(p.mentee_id.id, p.mentor_id.id) for p in excluded
                          if p.session_id == session],
                rejected=rejected,
            )
            vals.append({
                "suggestion_id": self.id, "session_id": session.id,
                "proposal_count": change.proposals_current,
                "suggested_count": change.proposals_suggested,
                "changed_count": change.changed,
                "total_current": change.total_current,
                "total_suggested": change.total_suggested,
            })
        return vals

    def _group_outcomes(self, pairs, outcomes):
        """Success rate of the duos used, per group of mentees and of mentors (gender, age
        band, language, sector), as the fairness report groups people: learning from
        outcomes must not quietly favour the groups that already succeed."""
        fairness = self.env["duo.matching.fairness.wizard"].new(
            {"date_to": fields.Date.context_today(self), "min_group_size": MIN_GROUP_SIZE}
        )
        vals = []
        for role in ("mentee", "mentor"):
            people = pairs[f"{role}_id"]
            people.fetch(["gender", "birthdate", "sector_ids"])
            groups = fairness._groups(role, people)
            for dimension, group_of in groups.items():
                tally = {}
                for pair in pairs:
                    name = group_of[pair[f"{role}_id"].id]
                    count, successes = tally.get(name, (0, 0))
                    tally[name] = (count + 1, successes + outcomes[pair.id])
                for name, (count, successes) in sorted(tally.items()):
                    hidden = count < MIN_GROUP_SIZE
                    vals.append({
                        "suggestion_id": self.id, "role": role, "dimension": dimension,
                        "group_name": name, "is_hidden": hidden,
                        "duo_count": 0 if hidden else count,
                        "success_count": 0 if hidden else successes,
                        "success_rate": 0.0 if hidden else 100.0 * successes / count,
                    })
        return vals

    def _accept(self):
        self.ensure_one()
        _ = self.env._
        if self.state != "proposed":
            raise UserError(_("Only a suggestion to decide can be accepted."))
        if self.status != LEARNED:
            raise UserError(_("Nothing was learned: there are no new weights to accept."))
        centre = self.centre_id
        current = centre._matching_weights()
        if any(abs(current[line.criterion] - line.current_weight) > WEIGHT_TOLERANCE
               for line in self.line_ids):
            raise UserError(_(
                "The weights of %s changed since this suggestion was learned: learn again.",
                centre.display_name,
            ))
        previous_suggestion = centre.matching_weight_suggestion_id
        # sudo: decisions are written by the actions only (see write), after the checks.
        suggestion_sudo = self.sudo()
        for line in suggestion_sudo.line_ids:
            line.previous_weight = current[line.criterion]
        self._write_centre_weights(
            {line.criterion: line.suggested_weight for line in self.line_ids}, self,
            _("Weights accepted from %s"),
        )
        suggestion_sudo.write({"state": "accepted", "decided_user_id": self.env.uid,
                               "date_decided": fields.Datetime.now(),
                               "previous_suggestion_id": previous_suggestion.id})
        self.message_post(body=_("Accepted: the centre's matching weights are now these."))

    def _revert(self):
        self.ensure_one()
        _ = self.env._
        if self.state != "accepted":
            raise UserError(_("Only an accepted suggestion can be reverted."))
        if not self._matches(self.centre_id):
            raise UserError(_(
                "The weights of %s changed since this suggestion was accepted: set them by "
                "hand on the centre.", self.centre_id.display_name,
            ))
        self._write_centre_weights(
            {line.criterion: line.previous_weight for line in self.line_ids},
            self.previous_suggestion_id, _("Weights reverted from %s"),
        )
        # sudo: decisions are written by the actions only (see write), after the checks.
        self.sudo().write({"state": "reverted", "decided_user_id": self.env.uid,
                           "date_decided": fields.Datetime.now()})
        self.message_post(body=_("Reverted: the centre has its previous matching weights."))

    def _write_centre_weights(self, weights, suggestion, title):
        """Set the centre's weights and log the change, each weight before and after, with
        ``title`` (a translated sentence, ``%s`` standing for the link to this suggestion)."""
        centre = self.centre_id
        before = centre._matching_weights()
        labels = self.env["duo.matching.pool"]._criterion_labels()
        # sudo: the matching team may not edit centres (managers configure them); a decision
        # on a suggestion of their own centre (checked in _check_matching_team) is their one
        # way to change its weights, and only the weights are written.
        centre_sudo = centre.sudo()
        centre_sudo.write({
            **{f"matching_weight_{name}": value for name, value in weights.items()},
            "matching_weight_suggestion_id": suggestion.id,
        })
        changes = [
            self.env._("%(criterion)s %(before).1f → %(after).1f",
                       criterion=labels[name].capitalize(), before=before[name], after=value)
            for name, value in weights.items() if abs(before[name] - value) > WEIGHT_TOLERANCE
        ]
        body = Markup.escape(title) % self._get_html_link(title=self.name)
        if changes:
            body += ": " + ", ".join(changes)
        centre_sudo.message_post(body=body, author_id=self.env.user.partner_id.id)
