from collections import defaultdict

from odoo import api, models
from odoo.fields import Domain
from odoo.tools import SQL

from odoo.addons.duo_mentoring.models.duo_language_skill import LEVEL_RANK

from ..matching_engine import (
    BELOW_THRESHOLD,
    DAY_PARTS,
    DAYS,
    DIFFERENT_CENTRE,
    EXCLUDED_PAIR,
    MENTEE_LOCKED,
    MENTEE_NOT_READY,
    MENTOR_AT_CAPACITY,
    MENTOR_NOT_READY,
    NO_CANDIDATES,
    NO_COMMON_LANGUAGE,
    NO_COMMON_SLOT,
    NO_ELIGIBLE_PARTNER,
    OUTCOMPETED,
    REJECTED_AT_MEETING,
    Profile,
)

# The CEFR code of each level rank the engine reports (the core's encoding; "native" has its
# own translated word).
LEVEL_CODES = {rank: code.upper() for code, rank in LEVEL_RANK.items() if code != "native"}
UNMATCHED_CODES = [
    (MENTEE_NOT_READY, "Mentee not ready"),
    (MENTOR_NOT_READY, "Mentor not ready"),
    (MENTOR_AT_CAPACITY, "Mentor at capacity"),
    (NO_CANDIDATES, "Nobody on the other side"),
    (NO_ELIGIBLE_PARTNER, "No eligible partner"),
    (BELOW_THRESHOLD, "Below the minimum score"),
    (OUTCOMPETED, "Partners better used elsewhere"),
]


class DuoMatchingPool(models.AbstractModel):
    """Between the records and the engine: who is a candidate, their profiles loaded with a
    fixed number of queries whatever the pool size, and the engine's structured explanations
    turned into sentences in the reader's language."""

    _name = "duo.matching.pool"
    _description = "DUO Matching Pool"

    # ------------------------------------------------------------------ candidates
    @api.model
    def _mentee_domain(self, centre):
        return Domain("stage_code", "=", "ready") & Domain("centre_id", "=", centre.id)

    @api.model
    def _mentor_domain(self, centre):
        domain = Domain("stage_code", "in", ("ready", "matched"))
        if centre.allow_cross_centre_matching:
            # Both centres opted in to matching across centres.
            return domain & (
                Domain("centre_id", "=", centre.id)
                | Domain("centre_id.allow_cross_centre_matching", "=", True)
            )
        return domain & Domain("centre_id", "=", centre.id)

    @api.model
    def _candidates(self, centre):
        """Ready mentees of the centre and mentors with room for a new duo (of every centre
        open to cross-centre matching when this one is)."""
        mentees = self.env["duo.mentee"].search(self._mentee_domain(centre), order="id")
        Mentor = self.env["duo.mentor"]
        if centre.allow_cross_centre_matching:
            # Staff only see their own centres; mentors of centres that opted in to
            # cross-centre matching are candidates too (a read-only rule lets the matching
            # team see them, see security/duo_matching_rules.xml).
            Mentor = Mentor.sudo()
        mentors = Mentor.search_fetch(
            self._mentor_domain(centre), ["capacity", "open_pair_count"], order="id"
        ).filtered(lambda m: m.open_pair_count < m.capacity)
        return mentees, mentors.with_env(self.env)

    # ------------------------------------------------------------------ profiles
    def _fetch(self, query):
        self.env.cr.execute(query)
        return self.env.cr.fetchall()

    def _m2m_side(self, model, field_name, ids):
        field = self.env[model]._fields[field_name]
        return SQL(
            "SELECT %(role)s AS role, %(col1)s AS person_id, %(col2)s AS target_id "
            "FROM %(rel)s WHERE %(col1)s = ANY(%(ids)s)",
            role=model.split(".")[-1], col1=SQL.identifier(field.column1),
            col2=SQL.identifier(field.column2), rel=SQL.identifier(field.relation),
            ids=list(ids),
        )

    def _m2m_rows(self, field_name, mentee_ids, mentor_ids, select, join):
        """Rows ``(role, person_id, *select)`` of a profile many2many, both sides in one
        query; ``join`` joins the target table as ``t`` on ``x.target_id``."""
        return self._fetch(SQL(
            "SELECT x.role, x.person_id, %(select)s FROM (%(mentees)s UNION ALL %(mentors)s) x "
            "%(join)s",
            select=select, join=join,
            mentees=self._m2m_side("duo.mentee", field_name, mentee_ids),
            mentors=self._m2m_side("duo.mentor", field_name, mentor_ids),
        ))

    def _person_rows(self, table, ids, capacity):
        return self._fetch(SQL(
            """SELECT p.id, p.centre_id, c.latitude, c.longitude, %(capacity)s
                 FROM %(table)s p LEFT JOIN duo_commune c ON c.id = p.commune_id
                WHERE p.id = ANY(%(ids)s)""",
            table=SQL.identifier(table), ids=list(ids),
            capacity=SQL("GREATEST(p.capacity - COALESCE(p.open_pair_count, 0), 0)")
            if capacity else SQL("1"),
        ))

    @api.model
    def _profiles(self, mentee_ids, mentor_ids):
        """Engine profiles of the given people, in six queries whatever their number."""
        mentee_ids, mentor_ids = list(mentee_ids), list(mentor_ids)
        # The queries below read the tables directly: write pending changes first.
        self.env.flush_all()
        data = {
            "mentee": {row[0]: row for row in self._person_rows("duo_mentee", mentee_ids, False)},
            "mentor": {row[0]: row for row in self._person_rows("duo_mentor", mentor_ids, True)},
        }
        languages = defaultdict(dict)
        for mentee_id, mentor_id, code, rank in self._fetch(SQL(
            """SELECT s.mentee_id, s.mentor_id, l.code, s.level_rank
                 FROM duo_language_skill s JOIN duo_language l ON l.id = s.language_id
                WHERE s.mentee_id = ANY(%s) OR s.mentor_id = ANY(%s)""",
            mentee_ids, mentor_ids,
        )):
            key = ("mentee", mentee_id) if mentee_id else ("mentor", mentor_id)
            languages[key][code] = rank
        slots = defaultdict(int)
        for role, person_id, bit in self._m2m_rows(
            "slot_ids", mentee_ids, mentor_ids, SQL("t.bit"),
            SQL("JOIN duo_availability_slot t ON t.id = x.target_id"),
        ):
            slots[role, person_id] |= 1 << bit
        sectors = {}
        for role, person_id, code, parent_code, complete_code in self._m2m_rows(
            "sector_ids", mentee_ids, mentor_ids, SQL("t.code, p.code, t.complete_code"),
            SQL("JOIN duo_sector t ON t.id = x.target_id "
                "LEFT JOIN duo_sector p ON p.id = t.parent_id"),
        ):
            # The engine reads one sector per person: the first division, else the section.
            rank = (parent_code is None, complete_code or "")
            key = (role, person_id)
            if key not in sectors or rank < sectors[key][0]:
                sectors[key] = (rank, (code, parent_code))
        tags = defaultdict(lambda: {"personality": set(), "interest": set()})
        for role, person_id, tag_id, kind in self._m2m_rows(
            "tag_ids", mentee_ids, mentor_ids, SQL("t.id, t.kind"),
            SQL("JOIN duo_interest_tag t ON t.id = x.target_id"),
        ):
            tags[role, person_id][kind].add(tag_id)

        def profile(role, row):
            person_id, centre_id, lat, lon, capacity = row
            key = (role, person_id)
            code, parent_code = sectors.get(key, (None, (None, None)))[1]
            located = lat is not None and lon is not None and (lat or lon)
            return Profile(
                id=person_id,
                centre_id=centre_id,
                sector=code if parent_code else None,
                sector_section=parent_code or code,
                languages=languages.get(key, {}),
                slots=slots.get(key, 0),
                personality_tags=frozenset(tags[key]["personality"]) if key in tags
                else frozenset(),
                interest_tags=frozenset(tags[key]["interest"]) if key in tags else frozenset(),
                lat=lat if located else None,
                lon=lon if located else None,
                capacity=capacity,
            )

        return (
            [profile("mentee", data["mentee"][i]) for i in mentee_ids if i in data["mentee"]],
            [profile("mentor", data["mentor"][i]) for i in mentor_ids if i in data["mentor"]],
        )

    @api.model
    def _rejected_pairs(self, mentee_ids, mentor_ids):
        """(mentee, mentor) pairs refused at an earlier first meeting: never proposed again."""
        self.env["duo.pair"].flush_model(["stage_code", "mentee_id", "mentor_id"])
        return set(self._fetch(SQL(
            """SELECT mentee_id, mentor_id FROM duo_pair
                WHERE stage_code = 'rejected' AND mentee_id = ANY(%s) AND mentor_id = ANY(%s)""",
            list(mentee_ids), list(mentor_ids),
        )))

    # ------------------------------------------------------------------ sentences
    def _criterion_labels(self):
        _ = self.env._
        return {
            "sector": _("sector"),
            "languages": _("languages"),
            "availability": _("availability"),
            "personality": _("personality"),
            "interests": _("interests"),
            "distance": _("distance"),
            "preferences": _("preferences"),
        }

    def _constraint_labels(self):
        _ = self.env._
        return {
            MENTEE_NOT_READY: _("the mentee is not ready to match"),
            MENTOR_NOT_READY: _("the mentor is not ready to match"),
            MENTOR_AT_CAPACITY: _("the mentor has no room for another duo"),
            MENTEE_LOCKED: _("the mentee is locked to another mentor"),
            DIFFERENT_CENTRE: _("they belong to different centres"),
            NO_COMMON_LANGUAGE: _("they share no language at a workable level"),
            NO_COMMON_SLOT: _("they share no weekly slot"),
            REJECTED_AT_MEETING: _("they already met and declined"),
            EXCLUDED_PAIR: _("the matching team excluded this duo"),
            BELOW_THRESHOLD: _("the score is below the centre's minimum"),
        }

    def _level_label(self, rank):
        return LEVEL_CODES.get(rank) or self.env._("native")

    def _or_list(self, items):
        items = list(items)
        if len(items) < 2:
            return "".join(items)
        return self.env._("%(items)s or %(last)s", items=", ".join(items[:-1]), last=items[-1])

    def _and_list(self, items):
        items = list(items)
        if len(items) < 2:
            return "".join(items)
        return self.env._("%(items)s and %(last)s", items=", ".join(items[:-1]), last=items[-1])

    def _slot_label(self, day, part):
        Slot = self.env["duo.availability.slot"]
        days = dict(Slot._fields["weekday"]._description_selection(self.env))
        parts = dict(Slot._fields["day_part"]._description_selection(self.env))
        return self.env._(
            "%(day)s %(part)s", day=days.get(str(DAYS.index(day)), day),
            part=parts.get(part, part).lower() if part in DAY_PARTS else part,
        )

    def _names(self, model, ids):
        """Names of the records the reader may see (others are simply left out)."""
        ids = {int(i) for i in ids if i}
        if not ids:
            return {}
        records = self.env[model].with_context(active_test=False).search([("id", "in", list(ids))])
        return {record.id: record.display_name for record in records}

    def _language_names(self, codes):
        if not codes:
            return {}
        languages = self.env["duo.language"].with_context(active_test=False).search_fetch(
            [("code", "in", list(codes))], ["code", "name"]
        )
        return {language.code: language.name for language in languages}

    def _explanation_texts(self, datas):
        """One multi-line sentence per engine :class:`PairExplanation` (as a dict)."""
        datas = [data or {} for data in datas]
        languages = self._language_names(
            {lang[0] for data in datas for lang in data.get("shared_languages") or ()}
        )
        runners = self._names(
            "duo.mentor", [data.get("runner_up_mentor_id") for data in datas]
        )
        return [
            self._explanation_text(data, languages, runners) if data else "" for data in datas
        ]

    def _explanation_text(self, data, language_names, runner_names):
        _ = self.env._
        labels = self._criterion_labels()
        criteria = data.get("criteria") or {}
        parts = [
            _("%(criterion)s %(points).2f", criterion=labels.get(name, name),
              points=values["contribution"])
            for name, values in criteria.items() if values.get("contribution", 0) > 0.0005
        ]
        lines = [_("Score %(score).2f = %(parts)s.", score=data.get("score", 0.0),
                   parts=" + ".join(parts) or "0")]
        sector = data.get("sector_match")
        if sector == "division":
            lines.append(_("Same sector (division)."))
        elif sector == "section":
            lines.append(_("Related sector (same section)."))
        shared = [
            _("%(language)s (mentee %(mentee)s, mentor %(mentor)s)",
              language=language_names.get(code, code), mentee=self._level_label(mentee_level),
              mentor=self._level_label(mentor_level))
            for code, mentee_level, mentor_level in data.get("shared_languages") or ()
        ]
        if shared:
            lines.append(_("Shared languages: %s.", ", ".join(shared)))
        slots = [self._slot_label(day, part) for day, part in data.get("shared_slots") or ()]
        if slots:
            lines.append(_("Shared slots: %s.", ", ".join(slots)))
        if data.get("distance_km") is not None:
            lines.append(_("Distance: %.1f km.", data["distance_km"]))
        runner_id = data.get("runner_up_mentor_id")
        if runner_id:
            lines.append(_(
                "Runner-up: %(name)s (%(score).2f, gap %(gap).2f).",
                name=runner_names.get(runner_id, _("another mentor")),
                score=data.get("runner_up_score") or 0.0, gap=data.get("score_gap") or 0.0,
            ))
        elif not data.get("locked"):
            lines.append(_("No other mentor fits this mentee."))
        violations = data.get("violations") or ()
        if violations:
            constraint_labels = self._constraint_labels()
            lines.append(_("Warning, locked by hand although %s.", self._and_list(
                constraint_labels.get(code, code) for code in violations
            )))
        return "\n".join(lines)

    def _unmatched_texts(self, items):
        """One translated sentence per ``(role, code, params)`` of the engine."""
        languages = self._language_names({
            lang[0] for _role, _code, params in items for lang in params.get("languages") or ()
        })
        names = {
            "mentee": self._names("duo.mentor", [
                params.get("best_partner_id") for role, _c, params in items if role == "mentee"
            ]),
            "mentor": self._names("duo.mentee", [
                params.get("best_partner_id") for role, _c, params in items if role == "mentor"
            ]),
        }
        return [
            self._unmatched_text(role, code, params or {}, languages, names[role])
            for role, code, params in items
        ]

    def _unmatched_text(self, role, code, params, language_names, partner_names):
        _ = self.env._
        mentee = role == "mentee"
        if code == NO_ELIGIBLE_PARTNER:
            return self._no_partner_text(mentee, params, language_names)
        simple = {
            MENTEE_NOT_READY: _("This mentee is not ready to match."),
            MENTOR_NOT_READY: _("This mentor is not ready to match."),
            MENTOR_AT_CAPACITY: _("This mentor has no room for another duo."),
            NO_CANDIDATES: _("There is no mentor in this session.") if mentee
            else _("There is no mentee in this session."),
        }
        if code in simple:
            return simple[code]
        partner = partner_names.get(params.get("best_partner_id")) or (
            _("another mentor") if mentee else _("another mentee")
        )
        if code == BELOW_THRESHOLD:
            return _(
                "The best possible partner, %(name)s, scores %(score).2f, below the minimum "
                "of %(min).2f.",
                name=partner, score=params.get("best_score", 0.0), min=params.get("min_score", 0),
            )
        if code == OUTCOMPETED:
            return _(
                "%(count)s partners would fit (best: %(name)s, %(score).2f) but each forms a "
                "better duo with someone else.",
                count=params.get("candidates", 0), name=partner,
                score=params.get("best_score", 0.0),
            )
        return _("No partner found (%s).", code)

    def _no_partner_text(self, mentee, params, language_names):
        """Why every partner is excluded, from the first constraint that leaves nobody."""
        _ = self.env._
        blocking = params.get("blocking")
        level = self._level_label(params.get("workable_level") or 3)
        spoken = self._or_list(
            language_names.get(code, code) for code, _level in params.get("languages") or ()
        )
        slots = self._or_list(
            self._slot_label(day, part) for day, part in params.get("slots") or ()
        )
        if blocking == NO_COMMON_LANGUAGE:
            if not spoken:
                return _("This person speaks no language at %s or better.", level)
            if mentee:
                return _("No mentor speaks %(languages)s at %(level)s or better.",
                         languages=spoken, level=level)
            return _("No mentee speaks %(languages)s at %(level)s or better.",
                     languages=spoken, level=level)
        if blocking == NO_COMMON_SLOT:
            if not slots:
                return _("This person has no weekly availability slot.")
            if mentee:
                return _("No mentor speaks %(languages)s at %(level)s with a %(slots)s slot.",
                         languages=spoken, level=level, slots=slots)
            return _("No mentee speaks %(languages)s at %(level)s with a %(slots)s slot.",
                     languages=spoken, level=level, slots=slots)
        texts = {
            MENTOR_NOT_READY: _("No mentor is ready to match."),
            MENTOR_AT_CAPACITY: _("No mentor has room for a new duo."),
            MENTEE_NOT_READY: _("No mentee is ready to match."),
            MENTEE_LOCKED: _("Every mentee who would fit is locked to another mentor."),
            DIFFERENT_CENTRE: _("Every available partner belongs to another centre."),
            REJECTED_AT_MEETING: _("Every partner who would fit already met this person at a "
                                   "first meeting that was declined."),
            EXCLUDED_PAIR: _("The matching team excluded every partner who would fit."),
        }
        return texts.get(blocking) or _("No partner meets the hard constraints.")
