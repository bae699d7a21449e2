from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import html2plaintext

from ..tools import installed_lang
from .duo_gdpr_mixin import ERASE_UNLINK, PersonalData

CONTACT_LANGS = [("fr_FR", "French"), ("nl_BE", "Dutch"), ("en_US", "English")]
EDUCATION_LEVELS = [
    ("none", "No diploma"),
    ("primary", "Primary school"),
    ("secondary", "Secondary school"),
    ("vocational", "Vocational training"),
    ("bachelor", "Bachelor"),
    ("master", "Master or higher"),
]
GENDERS = [("female", "Female"), ("male", "Male"), ("other", "Other / not said")]
# Stages after which a person's file is only kept for the retention period.
CLOSED_CODES = ("withdrawn", "not_eligible", "alumni")
# Stages that need the information session, or the personal interview, behind them.
AFTER_INFO_SESSION = ("interview", "training", "evaluation", "ready", "matched")
AFTER_INTERVIEW = ("training", "evaluation", "ready", "matched")


class DuoPersonMixin(models.AbstractModel):
    """What mentees and mentors share: a contact, a centre, an intake pipeline, the profile
    the matching engine reads (sectors, languages, slots, interests, commune), and the GDPR
    duties (export, erasure, anonymisation after the retention period; duos keep their
    anonymous facts for the programme's statistics)."""

    _name = "duo.person.mixin"
    _description = "DUO Person"
    _inherit = [
        "mail.thread", "mail.activity.mixin", "duo.centre.mixin", "duo.consent.mixin",
        "duo.application.mixin", "duo.gdpr.mixin",
    ]
    _order = "priority desc, id desc"
    _rec_name = "name"

    # Kind of person, used by the shared stage domain ("mentee" or "mentor").
    _duo_role = None

    partner_id = fields.Many2one(
        "res.partner", string="Contact", required=True, index=True, ondelete="restrict",
        tracking=True,
    )
    name = fields.Char(related="partner_id.name", store=True, readonly=False, required=True)
    email = fields.Char(related="partner_id.email", readonly=False)
    phone = fields.Char(related="partner_id.phone", readonly=False)
    active = fields.Boolean(default=True)
    priority = fields.Selection([("0", "Normal"), ("1", "High")], default="0")
    color = fields.Integer()
    stage_id = fields.Many2one(
        "duo.intake.stage", index=True, tracking=True, copy=False,
        group_expand="_read_group_stage_ids", ondelete="restrict",
        default=lambda self: self._default_stage(),
        domain=lambda self: [(f"for_{self._duo_role}", "=", True)],
    )
    stage_code = fields.Selection(related="stage_id.code", store=True, index=True)
    date_stage = fields.Datetime(string="In stage since", readonly=True, copy=False)
    date_ready = fields.Datetime(
        string="Ready to match since", readonly=True, copy=False,
        help="Start of the wait for a duo; used by the fairness report.",
    )
    close_reason = fields.Text(
        string="Reason", tracking=True,
        help="Why the person withdrew or is not eligible; required for those stages.",
    )

    # Profile
    birthdate = fields.Date(tracking=True)
    age = fields.Integer(compute="_compute_age")
    gender = fields.Selection(GENDERS)
    commune_id = fields.Many2one("duo.commune")
    sector_ids = fields.Many2many("duo.sector", string="Sectors")
    slot_ids = fields.Many2many("duo.availability.slot", string="Availability")
    tag_ids = fields.Many2many("duo.interest.tag", string="Personality and interests")
    questionnaire_notes = fields.Text(string="Questionnaire answers")
    education = fields.Selection(EDUCATION_LEVELS)
    education_details = fields.Char()
    cv = fields.Binary(string="CV", attachment=True, copy=False)
    cv_filename = fields.Char(string="CV file name")
    contact_lang = fields.Selection(
        CONTACT_LANGS, string="Contact language", required=True, default="fr_FR",
        help="Language of the emails and documents this person receives.",
    )

    # Intake
    info_session_date = fields.Date(string="Information session", tracking=True)
    interview_date = fields.Date(string="Interview", tracking=True)
    interviewer_id = fields.Many2one("res.users", domain="[('share', '=', False)]")
    interview_notes = fields.Html()

    # Eligibility
    eligibility_issues = fields.Text(compute="_compute_eligibility")
    is_eligible = fields.Boolean(compute="_compute_eligibility")
    eligibility_override = fields.Boolean(
        string="Kept despite eligibility", tracking=True,
        help="Staff decided to keep this person although a rule is not met.",
    )
    eligibility_override_reason = fields.Text(tracking=True)

    _birthdate_past = models.Constraint(
        "CHECK (birthdate IS NULL OR birthdate < CURRENT_DATE)",
        "A birth date must be in the past.",
    )

    # ------------------------------------------------------------------ defaults, computes
    def _default_stage(self):
        return self.env["duo.intake.stage"].search(
            [(f"for_{self._duo_role}", "=", True), ("is_closed", "=", False)], limit=1
        )

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        return stages.search([(f"for_{self._duo_role}", "=", True)])

    @api.depends("birthdate")
    def _compute_age(self):
        today = fields.Date.context_today(self)
        for person in self:
            person.age = relativedelta(today, person.birthdate).years if person.birthdate else 0

    def _eligibility_depends(self):
        return ["birthdate", "centre_id", "language_skill_ids.level",
                "language_skill_ids.language_id"]

    def _eligibility_problems(self):
        """Translated reasons why this person does not meet the centre's rules."""
        raise NotImplementedError

    @api.depends(lambda self: self._eligibility_depends())
    @api.depends_context("uid")
    def _compute_eligibility(self):
        for person in self:
            problems = person._eligibility_problems()
            person.eligibility_issues = "\n".join(problems) or False
            person.is_eligible = not problems

    # ------------------------------------------------------------------ constraints
    @api.constrains("stage_id", "close_reason")
    def _check_close_reason(self):
        for person in self:
            if person.stage_id.is_closed and not (person.close_reason or "").strip():
                raise ValidationError(
                    self.env._("Say why %(name)s moves to %(stage)s.",
                               name=person.name, stage=person.stage_id.name)
                )

    @api.constrains("eligibility_override", "eligibility_override_reason")
    def _check_override_reason(self):
        for person in self:
            if person.eligibility_override and not (
                person.eligibility_override_reason or ""
            ).strip():
                raise ValidationError(
                    self.env._("Give the reason for keeping %s despite the eligibility rules.",
                               person.name)
                )

    # ------------------------------------------------------------------ CRUD
    @api.model
    def _create_contacts(self, vals_list):
        """New contacts for people created without one. Never an existing contact found by
        email or phone: what is typed must not change someone else's contact; staff see
        the possible duplicates and merge them."""
        return self.env["res.partner"].create([{
            "name": vals.get("name") or vals.get("email") or vals.get("phone"),
            "email": (vals.get("email") or "").strip() or False,
            "phone": (vals.get("phone") or "").strip() or False,
        } for vals in vals_list])

    # ------------------------------------------------------------------ duplicates
    def _duplicate_people_domain(self):
        pairs = [(person.name, person.birthdate) for person in self
                 if person.name and person.birthdate]
        if not pairs:
            return False
        return Domain.OR([Domain("name", "=ilike", name) & Domain("birthdate", "=", birthdate)
                          for name, birthdate in pairs])

    def _is_same_person(self, other):
        return bool(self.birthdate and other.birthdate == self.birthdate
                    and (other.name or "").lower() == (self.name or "").lower())

    def _sync_partner_lang(self):
        """Emails follow the contact language when Odoo has that language installed."""
        for person in self:
            lang = installed_lang(self.env, person.contact_lang)
            if lang and person.partner_id.lang != lang:
                person.partner_id.lang = lang

    @api.model
    def _sync_partner_langs_of_everyone(self):
        """After a language was activated: every person's contact follows their contact
        language. As superuser: whoever installs a language, all centres' people follow."""
        people = self.sudo().with_context(active_test=False)
        for code, _label in CONTACT_LANGS:
            lang = installed_lang(self.env, code)
            if lang:
                people.search([("contact_lang", "=", code),
                               ("partner_id.lang", "!=", lang)]).partner_id.lang = lang

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        contact_updates, without_contact = [], []
        for vals in vals_list:
            typed = {key: vals.pop(key) for key in ("email", "phone") if vals.get(key)}
            if vals.get("partner_id"):
                # Staff picked the contact and typed its email or phone: keep what they typed.
                contact_updates.append((vals["partner_id"], typed))
            else:
                without_contact.append((vals, typed))
            vals.setdefault("date_stage", now)
        contacts = self._create_contacts([dict(vals, **typed) for vals, typed in without_contact])
        for (vals, _typed), contact in zip(without_contact, contacts, strict=True):
            vals["partner_id"] = contact.id
        for partner_id, typed in contact_updates:
            partner = self.env["res.partner"].browse(partner_id)
            changed = {key: value for key, value in typed.items() if partner[key] != value}
            if changed:
                partner.write(changed)
        records = super().create(vals_list)
        records._sync_partner_lang()
        records._check_stage_gates()
        records.filtered(lambda p: p.stage_code == "ready").date_ready = now
        # Website applications and event registrations send their own confirmation, with the
        # session dates. The key only withholds this courtesy email: no check depends on it,
        # so a client that sends it skips nothing but its own invitation.
        if not self.env.context.get("duo_skip_invitation"):
            records.filtered(
                lambda p: p.stage_code == "info_session" and p.email
            )._send_invitation()
        return records

    def write(self, vals):
        self._check_no_computed_write(vals)
        vals = self._application_write_vals(vals)
        if "stage_id" in vals:
            vals = dict(vals, date_stage=fields.Datetime.now())
        result = super().write(vals)
        self._check_rules_still_hold(vals)
        if "contact_lang" in vals:
            self._sync_partner_lang()
        if "stage_id" in vals:
            self._check_stage_gates()
            ready = self.filtered(lambda p: p.stage_code == "ready" and not p.date_ready)
            if ready:
                ready.date_ready = fields.Datetime.now()
            self._on_stage_changed()
        return result

    def _on_stage_changed(self):
        """Hook called after people moved to another intake stage (the gates passed).
        Satellites react here through ``super()`` (e.g. sending an evaluation)."""

    # ------------------------------------------------------------------ stage gates
    def _stage_gate_problems(self):
        """Translated reasons why this person may not be in their current stage."""
        self.ensure_one()
        problems = []
        code = self.stage_code
        if code in AFTER_INFO_SESSION and not self.info_session_date:
            problems.append(self.env._("the information session is not recorded (mark the "
                                       "attendance or give its date)"))
        if code in AFTER_INTERVIEW and (
                not self.interview_date or not _html_has_text(self.interview_notes)):
            problems.append(self.env._("the personal interview (date and notes) is not "
                                       "recorded"))
        if code in ("ready", "matched"):
            if not self.has_consent:
                problems.append(self.env._("the GDPR consent (date and notice version) is "
                                           "missing"))
            if not self.is_eligible and not self.eligibility_override:
                problems.append(self.env._("the eligibility rules are not met (%s); keep the "
                                           "person with an override and a reason if staff "
                                           "agree", self.eligibility_issues))
        return problems

    def _check_stage_gates(self):
        for person in self:
            problems = person._stage_gate_problems()
            if problems:
                raise UserError(
                    self.env._("%(name)s cannot move to %(stage)s: %(problems)s.",
                               name=person.name, stage=person.stage_id.name,
                               problems="; ".join(problems))
                )

    def _move_to_stage(self, code):
        stage = self.env["duo.intake.stage"].search(
            [("code", "=", code), (f"for_{self._duo_role}", "=", True)], limit=1
        )
        if stage:
            self.write({"stage_id": stage.id})

    def _send_invitation(self):
        """Welcome email inviting to an information session, in the person's language.
        Queued: a failing mail server never loses the application."""
        template = self.env.ref(
            f"duo_mentoring.mail_template_duo_{self._duo_role}_invitation",
            raise_if_not_found=False,
        )
        if template:
            for person in self:
                template.send_mail(person.id, email_layout_xmlid="mail.mail_notification_light")

    # ------------------------------------------------------------------ actions
    def action_send_invitation(self):
        self._send_invitation()
        return True

    def action_mark_ready(self):
        self._move_to_stage("ready")
        return True

    # ------------------------------------------------------------------ GDPR
    def _gdpr_personal_fields(self):
        """Fields of the person cleared by an erasure (subclasses add their own)."""
        return ["birthdate", "gender", "commune_id", "cv", "cv_filename", "questionnaire_notes",
                "education", "education_details", "interview_notes", "close_reason",
                "eligibility_override_reason", *self._consent_personal_fields(),
                "tag_ids", "slot_ids", "sector_ids", "application_email"]

    def _gdpr_data_map(self):
        self.ensure_one()
        locations = super()._gdpr_data_map()
        placeholder = self.env._("(anonymised)")
        erased = {name: False for name in self._gdpr_personal_fields()}
        # Free texts that constraints require when set keep a placeholder, not the text.
        erased.update(close_reason=placeholder, eligibility_override_reason=placeholder,
                      active=False, gdpr_erased_date=fields.Datetime.now(),
                      application_pending=False)
        for name, field in self._fields.items():
            if name in erased and field.type == "many2many":
                erased[name] = [(5, 0, 0)]
        skip = {"message_ids", "activity_ids", "message_follower_ids", "website_message_ids",
                "message_partner_ids", "duplicate_partner_ids", "rating_ids"}
        exported = [name for name, field in self._fields.items()
                    if (field.store or name == "cv") and name not in skip]
        pairs = self.pair_ids.sudo().with_context(active_test=False)
        # A meeting's event is erased only when it is that duo's own: a linked event of
        # anything else (a board meeting, another duo) is not this person's data.
        calendar = pairs.first_meeting_event_id | pairs.meeting_ids.filtered(
            lambda meeting: meeting.calendar_event_id.res_model == "duo.pair"
            and meeting.calendar_event_id.res_id == meeting.pair_id.id).calendar_event_id
        return [
            *locations,
            PersonalData(self._duo_role, self, exported, values=erased),
            PersonalData("languages", self.language_skill_ids, ["language_id", "level"],
                         ERASE_UNLINK),
            # Open duos end (the other person is freed); closed and ended duos keep their
            # anonymous facts for the programme's statistics.
            PersonalData("open duos", pairs.filtered("is_open"), ["name", "stage_id"], values={
                "stage_id": self.env["duo.pair"]._stage("ended").id,
                "end_reason": placeholder, "end_date": fields.Date.context_today(self),
            }, context={"duo_force_stage": True}),
            PersonalData("duos", pairs, [
                "name", "stage_id", "mentee_answer", "mentor_answer", "rejection_reason",
                "agreement_date", "start_date", "end_date", "outcome", "close_reason_id",
                "end_reason", "matching_explanation",
            ], values={"matching_explanation": False}),
            PersonalData("duos ended or rejected", pairs.filtered(
                lambda pair: pair.rejection_reason or pair.end_reason), [], values={
                "rejection_reason": placeholder, "end_reason": placeholder}),
            PersonalData("meetings", pairs.meeting_ids, ["date", "duration", "topics", "notes"],
                         values={"topics": False, "notes": False}),
            PersonalData("goals", pairs.goal_ids, ["name", "target_date", "state", "review"],
                         values={"name": placeholder, "review": False}),
            PersonalData("calendar", calendar, ["name", "start", "stop", "location",
                                                "description"], ERASE_UNLINK),
        ]

    def _cron_gdpr_retention(self):
        """Anonymise people who left the programme longer ago than the retention period."""
        months = int(self.env["ir.config_parameter"].sudo().get_param(
            "duo_mentoring.retention_months", 24))
        limit = fields.Datetime.now() - relativedelta(months=months)
        expired = self.with_context(active_test=False).search([
            ("stage_code", "in", CLOSED_CODES), ("date_stage", "<", limit),
            ("gdpr_erased_date", "=", False),
        ])
        expired._gdpr_anonymise()


def _html_has_text(html):
    return bool(html and html2plaintext(html).strip())
