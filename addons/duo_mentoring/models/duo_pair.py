from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta
from psycopg2 import IntegrityError

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import format_date

from ..tools import installed_lang

ANSWERS = [("pending", "Waiting"), ("accepted", "Accepted"), ("rejected", "Rejected")]
OUTCOMES = [
    ("job", "Job"),
    ("training", "Qualifying training"),
    ("internship", "Internship"),
    ("volunteering", "Volunteering"),
    ("none", "None yet"),
]
MENTORING_MONTHS = 6
# The closed stages that need a closing reason, and the free text that details it.
CLOSE_DETAILS_FIELDS = {"rejected": "rejection_reason", "ended": "end_reason"}
# What the step dates check reads (see _check_step_dates).
STEP_DATE_FIELDS = {"first_meeting_event_id", "mentee_answer", "mentor_answer",
                    "agreement_date", "start_date", "end_date"}
FIRST_MEETING_HOUR = 10
BRUSSELS_TZ = "Europe/Brussels"

# Which stage may follow which: the duo pipeline is a path, with exits to the closed stages.
NEXT_STAGES = {
    "proposed": {"first_meeting", "rejected"},
    "first_meeting": {"approved", "rejected"},
    "approved": {"agreement", "ended"},
    "agreement": {"mentoring", "ended"},
    "mentoring": {"completed", "ended"},
    "completed": set(),
    "ended": set(),
    "rejected": set(),
}


class DuoPair(models.Model):
    """A duo: one mentee and one mentor, from the proposal to the end of the six months."""

    _name = "duo.pair"
    _description = "Duo"
    _inherit = ["mail.thread", "mail.activity.mixin", "duo.centre.mixin"]
    _order = "priority desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    mentee_id = fields.Many2one(
        "duo.mentee", required=True, index=True, ondelete="restrict", tracking=True
    )
    mentor_id = fields.Many2one(
        "duo.mentor", required=True, index=True, ondelete="restrict", tracking=True
    )
    # The mentee's centre unless staff choose another (no default: it would win over it).
    centre_id = fields.Many2one(
        compute="_compute_centre_id", store=True, readonly=False, precompute=True, default=None,
    )
    stage_id = fields.Many2one(
        "duo.pair.stage", index=True, tracking=True, copy=False,
        group_expand="_read_group_stage_ids", ondelete="restrict",
        default=lambda self: self.env["duo.pair.stage"].search([], limit=1),
    )
    stage_code = fields.Selection(related="stage_id.code", store=True, index=True)
    is_open = fields.Boolean(compute="_compute_is_open", store=True, index=True)
    active = fields.Boolean(default=True)
    priority = fields.Selection([("0", "Normal"), ("1", "High")], default="0")
    color = fields.Integer()
    matching_score = fields.Float(digits=(4, 3), help="Score given by the matching engine.")
    matching_explanation = fields.Text()

    # First meeting: both sides say yes or no.
    first_meeting_event_id = fields.Many2one("calendar.event", string="First meeting", copy=False)
    first_meeting_date = fields.Datetime(related="first_meeting_event_id.start")
    mentee_answer = fields.Selection(ANSWERS, default="pending", tracking=True, copy=False)
    mentor_answer = fields.Selection(ANSWERS, default="pending", tracking=True, copy=False)
    rejection_reason = fields.Text(string="Rejection details", tracking=True, copy=False)

    # Agreement, signed at a second meeting.
    proposal_sent_date = fields.Datetime(
        string="Proposal sent", readonly=True, copy=False,
        help="When the match proposal was last emailed to both people.",
    )
    first_meeting_alert_date = fields.Date(
        string="First meeting alert", readonly=True, copy=False,
        help="When the coordinator was alerted that the first meeting was still not scheduled "
             "after the proposal (once per duo).",
    )
    agreement_date = fields.Date(tracking=True, copy=False)
    agreement_mentee_accepted = fields.Boolean(string="Mentee accepted the agreement", copy=False)
    agreement_mentor_accepted = fields.Boolean(string="Mentor accepted the agreement", copy=False)
    conduct_mentee_accepted = fields.Boolean(
        string="Mentee accepted the code of conduct", copy=False
    )
    conduct_mentor_accepted = fields.Boolean(
        string="Mentor accepted the code of conduct", copy=False
    )

    # Mentoring period.
    start_date = fields.Date(tracking=True, copy=False)
    planned_end_date = fields.Date(
        compute="_compute_planned_end_date", store=True, readonly=False, tracking=True
    )
    end_date = fields.Date(tracking=True, copy=False)
    outcome = fields.Selection(OUTCOMES, tracking=True, copy=False)
    end_reason = fields.Text(string="Early end details", tracking=True, copy=False)
    # Rejected at the first meeting or ended early: why, from the managers' list (countable).
    # Staff only, like the details: one side's reason is not for the other to read.
    close_reason_id = fields.Many2one(
        "duo.close.reason", string="Closing reason", index=True, tracking=True, copy=False,
        ondelete="restrict", groups="base.group_user",
    )
    goal_ids = fields.One2many("duo.goal", "pair_id", string="Career action plan")
    goal_done_ratio = fields.Float(compute="_compute_goal_done_ratio", string="Goals reached")
    meeting_ids = fields.One2many("duo.meeting", "pair_id", string="Meetings")
    meeting_count = fields.Integer(compute="_compute_meeting_stats", store=True)
    last_meeting_date = fields.Date(compute="_compute_meeting_stats", store=True)
    meeting_overdue = fields.Boolean(
        compute="_compute_meeting_overdue", search="_search_meeting_overdue",
        string="No recent meeting",
        help="Mentoring duo that logged no meeting for the number of days set in the DUO "
             "settings (counted from the start when it never met).",
    )

    # The database, not only the UI, refuses a second open duo for a mentee: two staff
    # confirming at once cannot both succeed.
    _one_open_pair_per_mentee = models.UniqueIndex(
        "(mentee_id) WHERE is_open",
        "This mentee already has an open duo.",
    )


    # ------------------------------------------------------------------ computes
    @api.depends("mentee_id.name", "mentor_id.name")
    def _compute_name(self):
        for pair in self:
            pair.name = " & ".join(filter(None, [pair.mentee_id.name, pair.mentor_id.name]))

    @api.depends("mentee_id")
    def _compute_centre_id(self):
        for pair in self:
            pair.centre_id = pair.mentee_id.centre_id or pair.centre_id

    @api.depends("stage_id.is_closed", "stage_id")
    def _compute_is_open(self):
        for pair in self:
            # The stage's own flag decides: staff may add or rename stages.
            pair.is_open = bool(pair.stage_id) and not pair.stage_id.is_closed

    @api.depends("start_date")
    def _compute_planned_end_date(self):
        for pair in self:
            if pair.start_date:
                pair.planned_end_date = pair.start_date + relativedelta(months=MENTORING_MONTHS)

    @api.depends("meeting_ids.date")
    def _compute_meeting_stats(self):
        stats = {
            pair: (count, last)
            for pair, count, last in self.env["duo.meeting"]._read_group(
                [("pair_id", "in", self.ids)], ["pair_id"], ["__count", "date:max"]
            )
        }
        for pair in self:
            pair.meeting_count, pair.last_meeting_date = stats.get(pair, (0, False))

    @api.model
    def _inactivity_days(self):
        return int(self.env["ir.config_parameter"].sudo().get_param(
            "duo_mentoring.inactivity_days", 14))

    @api.model
    def _first_meeting_days(self):
        return int(self.env["ir.config_parameter"].sudo().get_param(
            "duo_mentoring.first_meeting_days", 10))

    @api.model
    def _meeting_overdue_domain(self):
        limit = fields.Date.context_today(self) - relativedelta(days=self._inactivity_days())
        return Domain("stage_code", "=", "mentoring") & (
            Domain("last_meeting_date", "<", limit)
            | (Domain("last_meeting_date", "=", False) & Domain("start_date", "<", limit))
        )

    @api.depends("stage_code", "last_meeting_date", "start_date")
    def _compute_meeting_overdue(self):
        overdue = self.filtered_domain(self._meeting_overdue_domain())
        for pair in self:
            pair.meeting_overdue = pair in overdue

    def _search_meeting_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        domain = self._meeting_overdue_domain()
        return domain if (operator == "=") == value else ~domain

    @api.depends("goal_ids.state")
    def _compute_goal_done_ratio(self):
        for pair in self:
            goals = pair.goal_ids.filtered(lambda g: g.state != "dropped")
            done = goals.filtered(lambda g: g.state == "done")
            pair.goal_done_ratio = 100.0 * len(done) / len(goals) if goals else 0.0

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        return stages.search([])

    # ------------------------------------------------------------------ constraints
    @api.constrains("mentee_id", "mentor_id", "centre_id")
    def _check_centres(self):
        for pair in self:
            if pair.mentor_id.centre_id != pair.centre_id and not (
                pair.centre_id.allow_cross_centre_matching
            ):
                raise ValidationError(self.env._(
                    "%(mentor)s belongs to %(other)s, not %(centre)s: allow matching across "
                    "centres in the centre's settings first.",
                    mentor=pair.mentor_id.name, other=pair.mentor_id.centre_id.name,
                    centre=pair.centre_id.name,
                ))


    def _check_step_dates(self, vals):
        """Each step happens after the one before it: the duo says yes once the first meeting
        has taken place, signs at a later meeting (never in the future), starts after signing
        and ends after starting. Called from create and write, not as a constraint: those run
        as superuser, and only set-up code in superuser mode (duo_force_stage) may backfill."""
        if not STEP_DATE_FIELDS.intersection(vals) or (
            self.env.su and self.env.context.get("duo_force_stage")
        ):
            return
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        for pair in self:
            problem = pair._step_date_problem(now, today)
            if problem:
                raise ValidationError(self.env._("%(duo)s: %(problem)s",
                                                 duo=pair.name, problem=problem))

    def _step_date_problem(self, now, today):
        _ = self.env._
        meeting = self.first_meeting_event_id
        meeting_day = meeting and fields.Datetime.context_timestamp(self, meeting.start).date()
        accepted = "accepted" in (self.mentee_answer, self.mentor_answer)
        if accepted and (not meeting or meeting.start > now):
            if not meeting:
                return _("an answer is recorded after the first meeting: schedule it first.")
            return _("the first meeting takes place on %s: record the answers after it.",
                     format_date(self.env, meeting_day))
        if self.agreement_date:
            if self.agreement_date > today:
                return _("the agreement cannot be signed on a future date.")
            if not meeting_day or self.agreement_date < meeting_day:
                return _("the agreement is signed at a meeting after the first one, not "
                         "before it.")
        if self.start_date and self.agreement_date and self.start_date < self.agreement_date:
            return _("the mentoring cannot start before the agreement is signed.")
        if self.end_date and self.start_date and self.end_date < self.start_date:
            return _("the duo cannot end before it started.")
        return ""
    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        self._check_capacity_before_create(vals_list)
        pairs = self._with_clear_integrity_errors(lambda: super(DuoPair, self).create(vals_list))
        pairs._check_people_ready()
        for pair, vals in zip(pairs, vals_list, strict=True):
            pair._check_step_dates(vals)
        pairs.filtered("is_open").mentee_id._move_to_stage("matched")
        pairs.filtered("is_open").mentor_id._move_to_stage("matched")
        return pairs

    def write(self, vals):
        if "stage_id" in vals and len(vals) > 1:
            # The stage's requirements read the record (first meeting, answers, agreement):
            # record what comes with the stage first, then move it, both or neither.
            other_vals = dict(vals)
            stage_vals = {"stage_id": other_vals.pop("stage_id")}
            with self.env.cr.savepoint():
                self.write(other_vals)
                return self.write(stage_vals)
        self._check_no_computed_write(vals)
        stage_before = {}
        if "stage_id" in vals:
            new_stage = self.env["duo.pair.stage"].browse(vals["stage_id"])
            for pair in self:
                pair._check_transition(new_stage)
            stage_before = {pair.id: pair.stage_code for pair in self}
        result = self._with_clear_integrity_errors(lambda: super(DuoPair, self).write(vals))
        self._check_rules_still_hold(vals)
        self._check_step_dates(vals)
        if stage_before:
            self._on_stage_changed(stage_before)
        return result

    def _on_stage_changed(self, stage_before):
        """Hook called after duos moved stage; ``stage_before`` maps a duo's id to its former
        stage code. Satellites react here through ``super()`` (evaluations, portal access)."""

    def _check_capacity_before_create(self, vals_list):
        """Refuse early, with a clear message, what the database would refuse anyway (its
        constraints remain the guarantee when two people confirm at the same moment)."""
        default_stage = self.default_get(["stage_id"]).get("stage_id")
        stages = self.env["duo.pair.stage"].browse(
            {vals.get("stage_id", default_stage) for vals in vals_list} - {None, False}
        )
        open_stage_ids = set(stages.filtered(lambda s: not s.is_closed).ids)
        new_open = [vals for vals in vals_list
                    if vals.get("stage_id", default_stage) in open_stage_ids]
        if not new_open:
            return
        mentees = self.env["duo.mentee"].browse({vals["mentee_id"] for vals in new_open})
        mentors = self.env["duo.mentor"].browse({vals["mentor_id"] for vals in new_open})
        busy = self.search([("mentee_id", "in", mentees.ids), ("is_open", "=", True)])
        wanted_per_mentee = {}
        wanted_per_mentor = {}
        for vals in new_open:
            wanted_per_mentee[vals["mentee_id"]] = wanted_per_mentee.get(vals["mentee_id"], 0) + 1
            wanted_per_mentor[vals["mentor_id"]] = wanted_per_mentor.get(vals["mentor_id"], 0) + 1
        for mentee in mentees:
            if mentee in busy.mentee_id or wanted_per_mentee[mentee.id] > 1:
                raise UserError(self.env._(
                    "%s already has an open duo: close it before proposing another.",
                    mentee.name,
                ))
        for mentor in mentors:
            if mentor.open_pair_count + wanted_per_mentor[mentor.id] > mentor.capacity:
                raise UserError(self.env._(
                    "%(name)s already follows %(count)s duo(s), their capacity is %(capacity)s.",
                    name=mentor.name, count=mentor.open_pair_count, capacity=mentor.capacity,
                ))

    def _with_clear_integrity_errors(self, operation):
        """Run `operation` and flush, turning the database's refusals (a second open duo for
        a mentee, a mentor over capacity) into messages staff understand."""
        try:
            with self.env.cr.savepoint():
                result = operation()
                self.env.flush_all()
        except IntegrityError as error:
            constraint = getattr(error.diag, "constraint_name", "") or ""
            if "one_open_pair_per_mentee" in constraint:
                raise UserError(self.env._(
                    "This mentee already has an open duo (perhaps confirmed a moment ago by "
                    "someone else): close it before proposing another."
                )) from None
            if "capacity_respected" in constraint:
                raise UserError(self.env._(
                    "This mentor already follows as many duos as their capacity allows."
                )) from None
            raise
        return result

    def _check_people_ready(self):
        for pair in self.filtered("is_open"):
            for person in (pair.mentee_id, pair.mentor_id):
                if person.stage_code not in ("ready", "matched"):
                    raise UserError(self.env._(
                        "%(name)s is not Ready to match yet (stage: %(stage)s).",
                        name=person.name, stage=person.stage_id.name,
                    ))

    def _check_transition(self, new_stage):
        """Enforce the duo path and each stage's requirements, with a clear message."""
        self.ensure_one()
        old = self.stage_code
        new = new_stage.code
        # Set-up code running as superuser (data migrations, tests) may place a duo in any
        # stage; a context key sent by a client over RPC never skips the path.
        if old == new or (self.env.su and self.env.context.get("duo_force_stage")):
            return
        if new not in NEXT_STAGES.get(old, set()):
            raise UserError(self.env._(
                "A duo cannot go from %(old)s to %(new)s.",
                old=self.stage_id.name, new=new_stage.name,
            ))
        problems = self._stage_requirements(new)
        if problems:
            raise UserError(self.env._(
                "%(duo)s cannot move to %(stage)s: %(problems)s.",
                duo=self.name, stage=new_stage.name, problems="; ".join(problems),
            ))

    def _stage_requirements(self, code):
        _ = self.env._
        problems = []
        if code == "first_meeting" and not self.first_meeting_event_id:
            problems.append(_("schedule the first meeting in the calendar"))
        if code == "approved" and not (
            self.mentee_answer == "accepted" and self.mentor_answer == "accepted"
        ):
            problems.append(_("both the mentee and the mentor must accept the match"))
        if code == "rejected":
            problems += self._close_reason_problems(code)
        if code == "agreement" and not (
            self.agreement_date and self.agreement_mentee_accepted
            and self.agreement_mentor_accepted and self.conduct_mentee_accepted
            and self.conduct_mentor_accepted
        ):
            problems.append(_("both must accept the agreement and the code of conduct, "
                              "with the date of signature"))
        if code == "mentoring" and not self.start_date:
            problems.append(_("set the start date"))
        if code == "completed" and not self.outcome:
            problems.append(_("record the outcome"))
        if code == "ended":
            problems += self._close_reason_problems(code)
        return problems

    def _close_reason_problems(self, code):
        """A rejected or early-ended duo has a reason that applies to it; "Other" says what."""
        _ = self.env._
        reason = self.close_reason_id
        if not reason:
            return [_("choose the reason of the rejection") if code == "rejected"
                    else _("choose the reason for ending early")]
        if not reason._applies(code):
            return [_("%(reason)s is not a reason to choose for %(stage)s",
                      reason=reason.name, stage=self._stage(code).name)]
        details = self[CLOSE_DETAILS_FIELDS[code]]
        if reason.code == "other" and not (details or "").strip():
            return [_("describe the other reason in the details")]
        return []

    # ------------------------------------------------------------------ business
    def _stage(self, code):
        return self.env["duo.pair.stage"].search([("code", "=", code)], limit=1)

    def _set_stage(self, code, template_xmlid=None):
        self.write({"stage_id": self._stage(code).id})
        if template_xmlid:
            self._send_to_both(template_xmlid)

    def _send_to_both(self, template_xmlid):
        """Email the mentee and the mentor, each in their own language. Sending happens
        in the mail queue: a failing mail server never undoes the transition."""
        template = self.env.ref(template_xmlid, raise_if_not_found=False)
        if not template:
            return
        for pair in self:
            for person in (pair.mentee_id, pair.mentor_id):
                template.with_context(
                    duo_recipient_id=person.partner_id.id,
                    duo_recipient_lang=installed_lang(self.env, person.contact_lang),
                    duo_recipient_name=person.name,
                ).send_mail(pair.id, email_layout_xmlid="mail.mail_notification_light")

    def _schedule_first_meeting(self, start, duration=1.0):
        """Create the calendar event of the first meeting with both people and the
        coordinator, and move the duo to First meeting."""
        Event = self.env["calendar.event"]
        for pair in self:
            partners = pair.mentee_id.partner_id | pair.mentor_id.partner_id
            partners |= pair.user_id.partner_id
            event = Event.create({
                "name": self.env._("DUO first meeting: %s", pair.name),
                "start": start,
                "stop": start + relativedelta(minutes=int(duration * 60)),
                "duration": duration,
                "partner_ids": [(6, 0, partners.ids)],
                "user_id": pair.user_id.id,
                "res_model_id": self.env["ir.model"]._get_id("duo.pair"),
                "res_id": pair.id,
                # Other employees see a busy slot, not who meets whom (need-to-know).
                "privacy": "private",
            })
            pair.first_meeting_event_id = event
        self._set_stage("first_meeting", "duo_mentoring.mail_template_duo_first_meeting")

    def _close_reason_vals(self, code, close_reason=None, details=None):
        """Values recording why the duo moves to `code` (rejected or ended): the reason
        chosen, else the one already set; a caller that only gives a text (the portal's
        "no, because...") gets "Other" with that text as details."""
        self.ensure_one()
        details_field = CLOSE_DETAILS_FIELDS[code]
        vals = {details_field: details} if details else {}
        reason = close_reason or self.close_reason_id
        if not reason and (details or self[details_field] or "").strip():
            reason = self.env["duo.close.reason"]._other()
        if reason:
            vals["close_reason_id"] = reason.id
        return vals

    def _record_answer(self, side, answer, reason=None, close_reason=None):
        """Record the mentee's or mentor's answer after the first meeting; a rejection closes
        the duo and sends both back to Ready to match. `reason` is the free text, detailing
        `close_reason` (a duo.close.reason, "Other" when only a text is given)."""
        self.ensure_one()
        self.write({f"{side}_answer": answer})
        if answer == "rejected":
            self.write(self._close_reason_vals("rejected", close_reason, reason))
            self._set_stage("rejected")
            self.mentee_id._move_to_stage("ready")
            if not self.mentor_id.pair_ids.filtered("is_open"):
                self.mentor_id._move_to_stage("ready")
        elif self.mentee_answer == "accepted" and self.mentor_answer == "accepted":
            self._set_stage("approved")

    def _create_default_goals(self):
        defaults = [
            self.env._("A realistic professional project"),
            self.env._("A CV ready to send"),
            self.env._("Applications sent"),
            self.env._("Job interviews obtained"),
        ]
        vals = []
        for pair in self.filtered(lambda p: not p.goal_ids):
            target = pair.agreement_date and pair.agreement_date + relativedelta(
                months=MENTORING_MONTHS
            )
            vals += [{"pair_id": pair.id, "name": name, "sequence": seq,
                      "target_date": target} for seq, name in enumerate(defaults, start=1)]
        self.env["duo.goal"].create(vals)

    # ------------------------------------------------------------------ cron
    def _cron_check_duos(self):
        """Daily: alert the coordinator of mentoring duos that logged no meeting for N days
        (configurable), of duos that reached their planned end, and of proposed duos whose
        first meeting is still not scheduled N days (configurable, 10) after the proposal. One
        activity per duo and reason, never repeated while it is open; the first meeting
        alert comes once per duo."""
        today = fields.Date.context_today(self)
        first_days = self._first_meeting_days()
        unscheduled = self.search([
            ("stage_code", "=", "proposed"), ("first_meeting_event_id", "=", False),
            ("proposal_sent_date", "<=", fields.Datetime.now() - relativedelta(days=first_days)),
            ("first_meeting_alert_date", "=", False),
        ])
        unscheduled._schedule_activity_once(
            "duo_mentoring.mail_activity_type_duo_first_meeting",
            lambda env: env._("Proposed %s days ago and the first meeting is still not "
                              "scheduled: plan it with both people.", first_days),
        )
        unscheduled.first_meeting_alert_date = today
        days = self._inactivity_days()
        inactive = self.search([("meeting_overdue", "=", True)])
        ending = self.search([("stage_code", "=", "mentoring"), ("planned_end_date", "<=", today)])
        inactive._schedule_activity_once(
            "duo_mentoring.mail_activity_type_duo_inactive",
            lambda env: env._("No meeting logged for %s days: check in with the duo.", days),
        )
        ending._schedule_activity_once(
            "duo_mentoring.mail_activity_type_duo_end",
            lambda env: env._("The six months are over: hold the final evaluation and close "
                              "the duo."),
        )

    def _schedule_activity_once(self, activity_type_xmlid, note):
        activity_type = self.env.ref(activity_type_xmlid)
        already = set(self.env["mail.activity"].search([
            ("res_model", "=", self._name), ("res_id", "in", self.ids),
            ("activity_type_id", "=", activity_type.id),
        ]).mapped("res_id"))
        for pair in self.filtered(lambda p: p.id not in already):
            user = pair.user_id or pair.centre_id.coordinator_ids[:1] or self.env.user
            # `note(env)` gives the text in the coordinator's own language.
            pair.activity_schedule(activity_type_xmlid, user_id=user.id,
                                   note=note(pair.with_context(lang=user.lang).env))

    # ------------------------------------------------------------------ actions
    def action_propose(self):
        """Email the match proposal to both people, once: a duo already proposed (by a
        matching session or an earlier click) is left alone."""
        to_propose = self.filtered(lambda pair: not pair.proposal_sent_date)
        to_propose._send_to_both("duo_mentoring.mail_template_duo_match_proposal")
        to_propose.proposal_sent_date = fields.Datetime.now()
        return True

    def action_resend_proposal(self):
        """Send the proposal again (someone lost it), on purpose only."""
        self._send_to_both("duo_mentoring.mail_template_duo_match_proposal")
        self.proposal_sent_date = fields.Datetime.now()
        return True

    def action_schedule_first_meeting(self):
        """Book the first meeting next working day at 10:00, local time of the coordinator
        (Brussels unless their preferences say otherwise), and open it; staff move it in the
        calendar."""
        self.ensure_one()
        tz = pytz.timezone(self.env.user.tz or BRUSSELS_TZ)
        day = fields.Datetime.context_timestamp(self, fields.Datetime.now()).date()
        day += relativedelta(days=1)
        while day.weekday() >= 5:
            day += relativedelta(days=1)
        local_start = tz.localize(datetime.combine(day, time(FIRST_MEETING_HOUR)))
        start = local_start.astimezone(pytz.utc).replace(tzinfo=None)
        self._schedule_first_meeting(start)
        return {
            "type": "ir.actions.act_window",
            "res_model": "calendar.event",
            "res_id": self.first_meeting_event_id.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_accept_mentee(self):
        for pair in self:
            pair._record_answer("mentee", "accepted")

    def action_accept_mentor(self):
        for pair in self:
            pair._record_answer("mentor", "accepted")

    def action_sign_agreement(self):
        # Signing happens at the second meeting: today, unless staff recorded another date.
        for pair in self.filtered(lambda p: not p.agreement_date):
            pair.agreement_date = fields.Date.context_today(pair)
        for pair in self:
            pair._set_stage("agreement")
        self._create_default_goals()
        self._send_to_both("duo_mentoring.mail_template_duo_agreement")

    def action_start_mentoring(self):
        for pair in self.filtered(lambda p: not p.start_date):
            pair.start_date = fields.Date.context_today(pair)
        self._set_stage("mentoring")

    def action_complete(self):
        for pair in self:
            if not pair.end_date:
                pair.end_date = fields.Date.context_today(pair)
        self._set_stage("completed", "duo_mentoring.mail_template_duo_end")
        self._after_close()

    def action_end_early(self, reason=None, close_reason=None):
        """End the duos before their six months: `reason` is the free text, detailing
        `close_reason` (a duo.close.reason, "Other" when only a text is given)."""
        today = fields.Date.context_today(self)
        for pair in self:
            pair.write({"end_date": today,
                        **pair._close_reason_vals("ended", close_reason, reason)})
        self._set_stage("ended", "duo_mentoring.mail_template_duo_end")
        self._after_close()

    def _after_close(self):
        """People whose duo ended become alumni (mentors stay available if they have room)."""
        self.mentee_id._move_to_stage("alumni")
        free_mentors = self.mentor_id.filtered(lambda m: m.open_pair_count < m.capacity)
        free_mentors._move_to_stage("ready")

    def action_open_close_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Close the duo"),
            "res_model": "duo.pair.close.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_pair_id": self.id},
        }

    def action_print_agreement(self):
        return self.env.ref("duo_mentoring.action_report_duo_agreement").report_action(self)
