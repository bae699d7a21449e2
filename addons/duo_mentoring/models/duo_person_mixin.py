from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import html2plaintext

CONTACT_LANGS = [("fr_FR", "French"), ("nl_BE", "Dutch"), ("en_US", "English")]
CONSENT_CHANNELS = [
    ("website", "Website form"),
    ("paper", "Signed paper form"),
    ("email", "Email"),
    ("oral", "Oral, recorded by staff"),
]
EDUCATION_LEVELS = [
    ("none", "No diploma"),
    ("primary", "Primary school"),
    ("secondary", "Secondary school"),
    ("vocational", "Vocational training"),
    ("bachelor", "Bachelor"),
    ("master", "Master or higher"),
]
GENDERS = [("female", "Female"), ("male", "Male"), ("other", "Other / not said")]


class DuoPersonMixin(models.AbstractModel):
    """What mentees and mentors share: a contact, a centre, an intake pipeline, and the
    profile the matching engine reads (sectors, languages, slots, interests, commune)."""

    _name = "duo.person.mixin"
    _description = "DUO Person"
    _inherit = ["mail.thread", "mail.activity.mixin"]
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
    centre_id = fields.Many2one(
        "duo.centre", required=True, index=True, tracking=True,
        default=lambda self: self.env.user.duo_centre_ids[:1],
    )
    company_id = fields.Many2one(related="centre_id.company_id", store=True)
    user_id = fields.Many2one(
        "res.users", string="Coordinator", tracking=True, default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
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

    # GDPR consent: what was agreed, when and how (the proof the law asks for).
    consent_date = fields.Datetime(tracking=True, copy=False)
    consent_version = fields.Char(string="Privacy notice version", copy=False)
    consent_channel = fields.Selection(CONSENT_CHANNELS, copy=False)
    consent_ip = fields.Char(string="Consent IP address", copy=False,
                             help="Address the consent came from (website applications).")
    consent_lang = fields.Char(string="Consent language", copy=False,
                               help="Language the privacy notice was shown in, e.g. nl_BE.")
    has_consent = fields.Boolean(compute="_compute_has_consent", search="_search_has_consent")

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

    @api.depends("consent_date", "consent_version")
    def _compute_has_consent(self):
        for person in self:
            person.has_consent = bool(person.consent_date and person.consent_version)

    def _search_has_consent(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        given = Domain("consent_date", "!=", False) & Domain("consent_version", "!=", False)
        return given if (operator == "=") == value else ~given

    def _eligibility_depends(self):
        return ["birthdate", "centre_id", "language_skill_ids.level",
                "language_skill_ids.language_id"]

    def _eligibility_problems(self):
        """Translated reasons why this person does not meet the centre's rules."""
        raise NotImplementedError

    @api.depends(lambda self: self._eligibility_depends())
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
    def _find_or_create_partner(self, vals):
        """Link a returning applicant to their existing contact (same email or phone)
        instead of creating a duplicate."""
        Partner = self.env["res.partner"]
        email = (vals.get("email") or "").strip().lower()
        phone = (vals.get("phone") or "").strip()
        partner = Partner
        if email:
            partner = Partner.search([("email_normalized", "=", email)], limit=1)
        if not partner and phone:
            sanitized = Partner._phone_format(number=phone) or phone
            partner = Partner.search([("phone_sanitized", "=", sanitized)], limit=1)
        if partner:
            return partner
        return Partner.create({
            "name": vals.get("name") or email or phone,
            "email": email or False,
            "phone": phone or False,
        })

    def _sync_partner_lang(self):
        """Emails follow the contact language when Odoo has that language installed."""
        for person in self:
            lang = installed_lang(self.env, person.contact_lang)
            if lang and person.partner_id.lang != lang:
                person.partner_id.lang = lang

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        for vals in vals_list:
            if not vals.get("partner_id"):
                vals["partner_id"] = self._find_or_create_partner(vals).id
            # The related fields are written on the contact; avoid doing it twice.
            for key in ("email", "phone"):
                vals.pop(key, None)
            vals.setdefault("date_stage", now)
        records = super().create(vals_list)
        records._sync_partner_lang()
        records._check_stage_gates()
        records.filtered(lambda p: p.stage_code == "ready").date_ready = now
        if not self.env.context.get("duo_skip_invitation"):
            # Website applications send their own confirmation, with the session dates.
            records.filtered(
                lambda p: p.stage_code == "info_session" and p.email
            )._send_invitation()
        return records

    def write(self, vals):
        if "stage_id" in vals:
            vals = dict(vals, date_stage=fields.Datetime.now())
        result = super().write(vals)
        if "contact_lang" in vals:
            self._sync_partner_lang()
        if "stage_id" in vals:
            self._check_stage_gates()
            ready = self.filtered(lambda p: p.stage_code == "ready" and not p.date_ready)
            if ready:
                ready.date_ready = fields.Datetime.now()
        return result

    # ------------------------------------------------------------------ stage gates
    def _stage_gate_problems(self):
        """Translated reasons why this person may not be in their current stage."""
        self.ensure_one()
        problems = []
        if self.stage_code in ("ready", "matched"):
            if not self.has_consent:
                problems.append(self.env._("the GDPR consent (date and notice version) is "
                                           "missing"))
            if not self.interview_date or not _html_has_text(self.interview_notes):
                problems.append(self.env._("the personal interview (date and notes) is not "
                                           "recorded"))
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


def installed_lang(env, code):
    """`code` if Odoo has that language active, else False (render in the default)."""
    return code if code and env["res.lang"]._get_data(code=code).active else False


def _html_has_text(html):
    return bool(html and html2plaintext(html).strip())
