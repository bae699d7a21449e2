from collections import defaultdict
from statistics import median

from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.fields import Domain

AGE_BANDS = ((0, "< 25"), (25, "25–29"), (30, "30–34"), (35, "35–49"), (50, "50–59"),
             (60, "60–64"), (65, "65+"))


class DuoMatchingFairnessWizard(models.TransientModel):
    """Compute the fairness report of the matching sessions of a period."""

    _name = "duo.matching.fairness.wizard"
    _description = "DUO Matching Fairness Report Wizard"

    date_from = fields.Date(
        required=True, default=lambda self: fields.Date.context_today(self)
        - relativedelta(months=6),
    )
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    centre_ids = fields.Many2many("duo.centre", string="Centres", help="Empty: all my centres.")
    min_group_size = fields.Integer(
        string="Smallest group shown", default=5, required=True,
        help="Groups with fewer people show no figures, so nobody can be singled out.",
    )

    def action_compute(self):
        self.ensure_one()
        self.env["duo.matching.fairness.report"].create(self._report_vals())
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Matching fairness %(start)s – %(end)s",
                               start=self.date_from, end=self.date_to),
            "res_model": "duo.matching.fairness.report",
            "view_mode": "list,pivot",
            "domain": [("wizard_id", "=", self.id)],
            "context": {"search_default_group_dimension": 1},
        }

    # ------------------------------------------------------------------ computation
    def _sessions(self):
        domain = Domain("date", ">=", self.date_from) & Domain("date", "<=", self.date_to) \
            & Domain("state", "in", ("proposed", "done"))
        if self.centre_ids:
            domain &= Domain("centre_id", "in", self.centre_ids.ids)
        return self.env["duo.matching.session"].search(domain)

    def _report_vals(self):
        sessions = self._sessions()
        proposals = self.env["duo.matching.proposal"].search_fetch(
            [("session_id", "in", sessions.ids), ("state", "!=", "excluded")],
            ["mentee_id", "mentor_id", "pair_id"],
        )
        pairs = proposals.pair_id
        pairs.fetch(["create_date", "stage_code", "mentee_answer", "mentor_answer"])
        vals = []
        for role, people in (("mentee", sessions.candidate_mentee_ids),
                             ("mentor", sessions.candidate_mentor_ids)):
            people.fetch(["gender", "birthdate", "date_ready", "sector_ids"])
            outcomes = self._outcomes(role, people, proposals)
            groups = self._groups(role, people)
            for dimension, group_of in groups.items():
                members = defaultdict(list)
                for person in people:
                    members[group_of[person.id]].append(outcomes[person.id])
                vals += [self._row(role, dimension, name, rows) for name, rows in
                         sorted(members.items())]
        return vals

    def _outcomes(self, role, people, proposals):
        outcome = {person.id: {"proposed": False, "accepted": False, "completed": False,
                               "wait": None} for person in people}
        for proposal in proposals:
            person = proposal[f"{role}_id"]
            if person.id not in outcome:
                continue
            result = outcome[person.id]
            result["proposed"] = True
            pair = proposal.pair_id
            if not pair:
                continue
            if pair.mentee_answer == "accepted" and pair.mentor_answer == "accepted":
                result["accepted"] = True
            if pair.stage_code == "completed":
                result["completed"] = True
            if person.date_ready and result["wait"] is None:
                result["wait"] = max((pair.create_date - person.date_ready).total_seconds(),
                                     0) / 86400
        return outcome

    def _groups(self, role, people):
        _ = self.env._
        genders = dict(people._fields["gender"]._description_selection(self.env))
        unknown = _("Unknown")
        languages = self._first_languages(role, people)
        groups = {"gender": {}, "age_band": {}, "language_group": {}, "sector": {}}
        for person in people:
            groups["gender"][person.id] = genders.get(person.gender) or unknown
            groups["age_band"][person.id] = self._age_band(person.birthdate) or unknown
            groups["language_group"][person.id] = languages.get(person.id) or unknown
            sector = person.sector_ids[:1]._section()
            groups["sector"][person.id] = sector.display_name or unknown
        return groups

    def _age_band(self, birthdate):
        if not birthdate:
            return False
        age = relativedelta(self.date_to, birthdate).years
        return next(label for floor, label in reversed(AGE_BANDS) if age >= floor)

    def _first_languages(self, role, people):
        """Each person's best language (a mother tongue, usually): one query for all."""
        skills = self.env["duo.language.skill"].search_fetch(
            [(f"{role}_id", "in", people.ids)], [f"{role}_id", "language_id", "level_rank"],
            order="level_rank desc, id",
        )
        first = {}
        for skill in skills:
            first.setdefault(skill[f"{role}_id"].id, skill.language_id.name)
        return first

    def _row(self, role, dimension, name, rows):
        count = len(rows)
        row = {"wizard_id": self.id, "role": role, "dimension": dimension, "group_name": name}
        if count < self.min_group_size:
            return dict(row, is_hidden=True, note=self.env._(
                "hidden (fewer than %s people)", self.min_group_size
            ))
        proposed = sum(r["proposed"] for r in rows)
        accepted = sum(r["accepted"] for r in rows)
        completed = sum(r["completed"] for r in rows)
        waits = [r["wait"] for r in rows if r["wait"] is not None]
        return dict(
            row, candidate_count=count, proposed_count=proposed, accepted_count=accepted,
            completed_count=completed, proposed_rate=100.0 * proposed / count,
            accepted_rate=100.0 * accepted / count, completed_rate=100.0 * completed / count,
            median_wait_days=median(waits) if waits else 0.0,
        )
