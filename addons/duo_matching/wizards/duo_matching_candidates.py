from dataclasses import replace

import numpy as np

from odoo import api, fields, models

from ..matching_engine import REJECTED_AT_MEETING, build_rules, encode_pool, score_matrix
from ..matching_engine.explain import explain_pairs

MAX_LINES = 20


class DuoMatchingCandidates(models.TransientModel):
    """The best partners for one person, ranked by the engine on a 1 × N pool: to match
    someone by hand between two sessions."""

    _name = "duo.matching.candidates"
    _description = "DUO Best Candidates"

    role = fields.Selection([("mentee", "Mentee"), ("mentor", "Mentor")], required=True)
    mentee_id = fields.Many2one("duo.mentee", readonly=True)
    mentor_id = fields.Many2one("duo.mentor", readonly=True)
    line_ids = fields.One2many("duo.matching.candidate.line", "wizard_id", string="Candidates")
    excluded_count = fields.Integer(
        readonly=True, string="Ruled out",
        help="Candidates ruled out by a hard constraint (language, slot, centre, earlier "
             "rejection).",
    )

    @api.model
    def _open_for(self, person):
        wizard = self.create({"role": person._duo_role, f"{person._duo_role}_id": person.id})
        wizard._fill()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Best candidates for %s", person.name),
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def _fill(self):
        self.ensure_one()
        person = self.mentee_id or self.mentor_id
        Pool = self.env["duo.matching.pool"]
        mentees, mentors = Pool._candidates(person.centre_id)
        if self.role == "mentee":
            mentee_ids, mentor_ids = [person.id], mentors.ids
        else:
            mentee_ids = mentees.ids
            mentor_ids = [person.id]
        mentee_profiles, mentor_profiles = Pool._profiles(mentee_ids, mentor_ids)
        # The person may be beyond "ready" (a mentor with a full agenda): rank anyway.
        mentor_profiles = [replace(p, capacity=max(p.capacity, 1)) for p in mentor_profiles]
        rejected = Pool._rejected_pairs(mentee_ids, mentor_ids)
        explanations, excluded = self._rank(
            mentee_profiles, mentor_profiles, person.centre_id._matching_config(), rejected
        )
        texts = Pool._explanation_texts([_plain(e.to_dict()) for e in explanations])
        min_score = person.centre_id.matching_min_score
        self.write({
            "excluded_count": excluded,
            "line_ids": [
                fields.Command.create({
                    "rank": rank,
                    "mentee_id": explanation.mentee_id,
                    "mentor_id": explanation.mentor_id,
                    "score": explanation.score,
                    "below_minimum": explanation.score < min_score,
                    "explanation": text,
                })
                for rank, (explanation, text) in enumerate(
                    zip(explanations, texts, strict=True), start=1
                )
            ],
        })

    @api.model
    def _rank(self, mentee_profiles, mentor_profiles, config, rejected):
        """Explanations of the best feasible pairs, best first, and how many pairs a hard
        constraint rules out."""
        if not mentee_profiles or not mentor_profiles:
            return [], 0
        pool = encode_pool(mentee_profiles, mentor_profiles, config)
        row_of = {int(i): k for k, i in enumerate(pool.mentees.ids.tolist())}
        col_of = {int(i): k for k, i in enumerate(pool.mentors.ids.tolist())}
        forbidden = [(row_of[e], col_of[r], REJECTED_AT_MEETING) for e, r in rejected]
        rules = build_rules(pool, (), forbidden)
        scores = score_matrix(pool, rules).scores
        rows, cols = np.nonzero(scores >= 0)
        excluded = scores.size - len(rows)
        order = np.argsort(-scores[rows, cols], kind="stable")[:MAX_LINES]
        rows, cols = rows[order], cols[order]
        explanations = explain_pairs(
            pool, scores, rows, cols, np.zeros(len(rows), bool), [()] * len(rows)
        )
        return explanations, int(excluded)


def _plain(value):
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value.item() if hasattr(value, "item") else value
