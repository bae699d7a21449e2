from odoo import api, fields, models

from ..matching_engine import rank_candidates

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
        is_mentee = self.role == "mentee"
        mentee_ids = [person.id] if is_mentee else mentees.ids
        mentor_ids = mentors.ids if is_mentee else [person.id]
        mentee_profiles, mentor_profiles = Pool._profiles(mentee_ids, mentor_ids)
        (profile,), others = (
            (mentee_profiles, mentor_profiles) if is_mentee
            else (mentor_profiles, mentee_profiles)
        )
        # The engine ranks a person who is not ready or has no room left all the same.
        ranking = rank_candidates(
            profile, others, person.centre_id._matching_config(), role=self.role,
            rejected=Pool._rejected_pairs(mentee_ids, mentor_ids), limit=MAX_LINES,
        )
        texts = Pool._explanation_texts(
            [_plain(candidate.explanation.to_dict()) for candidate in ranking.candidates]
        )
        self.write({
            "excluded_count": ranking.ruled_out_count,
            "line_ids": [
                fields.Command.create({
                    "rank": candidate.rank,
                    "mentee_id": candidate.explanation.mentee_id,
                    "mentor_id": candidate.explanation.mentor_id,
                    "score": candidate.score,
                    "below_minimum": candidate.below_threshold,
                    "explanation": text,
                })
                for candidate, text in zip(ranking.candidates, texts, strict=True)
            ],
        })


def _plain(value):
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value.item() if hasattr(value, "item") else value
