from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

# Weights of the "find volunteers" ranking (out of 100).
SCORE_HELP_KIND = 40
SCORE_LANGUAGE = 30
SCORE_AVAILABILITY = 30


class DuoVolunteerMission(models.Model):
    """Something volunteers are needed for: a weekly support slot, an event's logistics, a
    campaign task or a translation job."""

    _name = "duo.volunteer.mission"
    _description = "Volunteer Mission"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True, translate=True)
    mission_type = fields.Selection(
        [
            ("weekly_support", "Weekly support slot"),
            ("event", "Event logistics"),
            ("campaign", "Campaign task"),
            ("translation", "Translation job"),
        ],
        required=True,
        default="weekly_support",
        tracking=True,
    )
    help_kind_id = fields.Many2one(
        "duo.help.kind", string="Kind of help", required=True, ondelete="restrict", index=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("done", "Done"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    description = fields.Html(translate=True)
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    centre_id = fields.Many2one(
        "duo.centre", index=True, tracking=True, check_company=True,
        default=lambda self: self.env.user.duo_centre_ids[:1],
    )
    date_start = fields.Datetime(
        string="Start", required=True, tracking=True, default=fields.Datetime.now, index=True
    )
    date_end = fields.Datetime(string="End")
    slot_id = fields.Many2one(
        "duo.availability.slot", string="Weekly slot",
        help="Weekday and part of the day of a recurring weekly support mission.",
    )
    event_id = fields.Many2one("event.event", index="btree_not_null")
    language_ids = fields.Many2many(
        "duo.language", string="Useful languages",
        help="Languages the volunteers should speak, e.g. those of the young people supported.",
    )
    source_lang_id = fields.Many2one("duo.language", string="Translate from")
    target_lang_id = fields.Many2one("duo.language", string="Translate to")
    volume = fields.Integer(help="Number of words to translate.")
    deadline = fields.Date()
    volunteers_needed = fields.Integer(default=1, tracking=True)
    signup_ids = fields.One2many("duo.volunteer.signup", "mission_id", string="Sign-ups")
    volunteers_confirmed = fields.Integer(compute="_compute_volunteers_confirmed", store=True)
    volunteers_missing = fields.Integer(compute="_compute_volunteers_confirmed", store=True)
    staffing_progress = fields.Float(compute="_compute_staffing_progress")
    hour_ids = fields.One2many("duo.volunteer.hour", "mission_id", string="Hours")
    color = fields.Integer()

    _volunteers_needed_positive = models.Constraint(
        "CHECK (volunteers_needed >= 0)", "The number of volunteers needed cannot be negative."
    )

    @api.depends("signup_ids.state", "volunteers_needed")
    def _compute_volunteers_confirmed(self):
        for mission in self:
            confirmed = len(mission.signup_ids.filtered(lambda s: s.state == "confirmed"))
            mission.volunteers_confirmed = confirmed
            mission.volunteers_missing = max(mission.volunteers_needed - confirmed, 0)

    @api.depends("volunteers_confirmed", "volunteers_needed")
    def _compute_staffing_progress(self):
        for mission in self:
            mission.staffing_progress = (
                min(100.0, 100.0 * mission.volunteers_confirmed / mission.volunteers_needed)
                if mission.volunteers_needed else 100.0
            )

    @api.constrains("mission_type", "source_lang_id", "target_lang_id")
    def _check_translation_languages(self):
        for mission in self.filtered(lambda m: m.mission_type == "translation"):
            if not mission.source_lang_id or not mission.target_lang_id:
                raise ValidationError(
                    self.env._("A translation job needs a source and a target language.")
                )
            if mission.source_lang_id == mission.target_lang_id:
                raise ValidationError(
                    self.env._("Source and target languages of a translation must differ.")
                )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for mission in self:
            if mission.date_end and mission.date_end < mission.date_start:
                raise ValidationError(self.env._("A mission cannot end before it starts."))

    @api.onchange("mission_type")
    def _onchange_mission_type(self):
        xmlids = {
            "translation": "duo_volunteers.duo_help_kind_translation",
            "event": "duo_volunteers.duo_help_kind_logistics",
            "weekly_support": "duo_volunteers.duo_help_kind_listening",
        }
        if self.mission_type in xmlids:
            kind = self.env.ref(xmlids[self.mission_type], raise_if_not_found=False)
            if kind:
                self.help_kind_id = kind

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_open(self):
        self.write({"state": "open"})

    def action_done(self):
        self.write({"state": "done"})

    def action_cancel(self):
        self.write({"state": "cancel"})

    def action_draft(self):
        self.write({"state": "draft"})

    def action_find_volunteers(self):
        """Open a wizard listing the best candidates, ranked."""
        self.ensure_one()
        ranking = self._rank_volunteers()
        wizard = self.env["duo.mission.candidate.wizard"].create({
            "mission_id": self.id,
            "line_ids": [
                fields.Command.create({
                    "volunteer_id": volunteer.id,
                    "score": score,
                    "reasons": reasons,
                })
                for volunteer, score, reasons in ranking
            ],
        })
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Find volunteers"),
            "res_model": "duo.mission.candidate.wizard",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _get_required_slot(self):
        """The weekly slot the mission takes place in: its own slot, or the one of its start
        (in the responsible's timezone)."""
        self.ensure_one()
        if self.slot_id:
            return self.slot_id
        if self.mission_type == "translation" or not self.date_start:
            return self.env["duo.availability.slot"]
        tz = pytz.timezone(self.user_id.tz or self.env.user.tz or "Europe/Brussels")
        local = pytz.utc.localize(self.date_start).astimezone(tz)
        part = "morning" if local.hour < 12 else "afternoon" if local.hour < 18 else "evening"
        return self.env["duo.availability.slot"].search(
            [("weekday", "=", str(local.weekday())), ("day_part", "=", part)], limit=1
        )

    def _get_candidate_domain(self):
        self.ensure_one()
        domain = Domain([
            ("is_available", "=", True),
            ("company_id", "=", self.company_id.id),
            ("id", "not in", self.signup_ids.filtered(
                lambda s: s.state == "confirmed").volunteer_id.ids),
        ])
        if self.centre_id and self.mission_type != "translation":
            # translations are done from home: any centre will do
            domain &= Domain("centre_id", "in", [self.centre_id.id, False])
        return domain

    def _rank_volunteers(self, limit=20):
        """Rank available volunteers for this mission by kind of help, language and weekly
        availability. Returns a list of (volunteer, score, reasons), best first.

        Everything is read in batch: one search, then the many2many fields of all candidates
        are prefetched together, and translation pairs come in one search.
        """
        self.ensure_one()
        volunteers = self.env["duo.volunteer"].search(self._get_candidate_domain())
        if not volunteers:
            return []
        slot = self._get_required_slot()
        translators = set()
        if self.mission_type == "translation":
            pairs = self.env["duo.volunteer.language.pair"].search([
                ("volunteer_id", "in", volunteers.ids),
                ("source_lang_id", "=", self.source_lang_id.id),
                ("target_lang_id", "=", self.target_lang_id.id),
            ])
            translators = set(pairs.volunteer_id.ids)
            wanted_languages = self.source_lang_id | self.target_lang_id
        else:
            wanted_languages = self.language_ids
        ranking = []
        for volunteer in volunteers:
            score, reasons = 0, []
            if self.help_kind_id in volunteer.help_kind_ids:
                score += SCORE_HELP_KIND
                reasons.append(self.env._("offers %s", self.help_kind_id.name))
            if self.mission_type == "translation":
                if volunteer.id in translators:
                    score += SCORE_LANGUAGE
                    reasons.append(self.env._(
                        "translates %(from_lang)s → %(to_lang)s",
                        from_lang=self.source_lang_id.name, to_lang=self.target_lang_id.name,
                    ))
                elif wanted_languages <= volunteer.language_ids:
                    score += SCORE_LANGUAGE // 2
                    reasons.append(self.env._("speaks both languages"))
            elif wanted_languages:
                common = wanted_languages & volunteer.language_ids
                if common:
                    score += SCORE_LANGUAGE * len(common) // len(wanted_languages)
                    reasons.append(self.env._(
                        "speaks %s", ", ".join(common.mapped("name"))
                    ))
            else:
                score += SCORE_LANGUAGE
            if not slot:
                score += SCORE_AVAILABILITY
            elif slot in volunteer.availability_ids:
                score += SCORE_AVAILABILITY
                reasons.append(self.env._("free on %s", slot.name))
            if score:
                ranking.append((volunteer, score, "; ".join(reasons)))
        ranking.sort(key=lambda row: (-row[1], row[0].name or ""))
        return ranking[:limit]

    @api.model
    def _cron_check_understaffed(self, days=3):
        """Daily: give the responsible a to-do for each open mission starting within ``days``
        days that still lacks volunteers, once per mission."""
        now = fields.Datetime.now()
        missions = self.search([
            ("state", "=", "open"),
            ("volunteers_missing", ">", 0),
            ("date_start", ">=", now),
            ("date_start", "<=", now + timedelta(days=days)),
        ])
        if not missions:
            return
        activity_type = self.env.ref("duo_volunteers.mail_activity_type_mission_shortage")
        already = self.env["mail.activity"].search([
            ("res_model", "=", self._name),
            ("res_id", "in", missions.ids),
            ("activity_type_id", "=", activity_type.id),
        ])
        for mission in missions - self.browse(already.mapped("res_id")):
            user = mission.user_id or mission.create_uid
            mission.activity_schedule(
                "duo_volunteers.mail_activity_type_mission_shortage",
                date_deadline=fields.Date.to_date(mission.date_start),
                # In the coordinator's own language.
                summary=mission.with_context(lang=user.lang).env._(
                    "%(count)s volunteer(s) missing", count=mission.volunteers_missing
                ),
                user_id=user.id,
            )
