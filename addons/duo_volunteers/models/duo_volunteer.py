from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.duo_mentoring.models.duo_gdpr_mixin import (
    ERASE_KEEP,
    ERASE_UNLINK,
    PersonalData,
)


class DuoVolunteer(models.Model):
    """A volunteer of DUO: the contact stays a plain ``res.partner`` (it may also be a donor,
    a mentor...), the volunteer-specific pipeline, skills and checklist live here, with the
    proof of consent shared with mentees and mentors."""

    _name = "duo.volunteer"
    _description = "Volunteer"
    _inherit = [
        "mail.thread", "mail.activity.mixin", "duo.consent.mixin", "duo.application.mixin",
        "duo.gdpr.mixin",
    ]
    _order = "priority desc, name, id"

    def _default_stage_id(self):
        return self.env["duo.volunteer.stage"].search([], limit=1)

    def _default_onboarding_line_ids(self):
        items = self.env["duo.onboarding.item"].search([])
        return [fields.Command.create({"item_id": item.id}) for item in items]

    partner_id = fields.Many2one(
        "res.partner", string="Contact", required=True, ondelete="restrict", index=True,
        tracking=True,
    )
    name = fields.Char(related="partner_id.name", store=True, readonly=False)
    email = fields.Char(related="partner_id.email", readonly=False)
    phone = fields.Char(related="partner_id.phone", readonly=False)
    lang = fields.Selection(related="partner_id.lang", readonly=False)
    image_128 = fields.Image(related="partner_id.image_128")
    active = fields.Boolean(default=True)
    priority = fields.Selection([("0", "Normal"), ("1", "Favourite")], default="0")
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    centre_id = fields.Many2one(
        "duo.centre", index=True, tracking=True, check_company=True,
        default=lambda self: self.env.user.duo_centre_ids[:1],
    )
    stage_id = fields.Many2one(
        "duo.volunteer.stage", string="Status", default=_default_stage_id, index=True,
        tracking=True, group_expand="_read_group_stage_ids", ondelete="restrict",
    )
    is_available = fields.Boolean(related="stage_id.is_active_stage", store=True)
    user_id = fields.Many2one(
        "res.users", string="Coordinator", default=lambda self: self.env.user, tracking=True
    )
    help_kind_ids = fields.Many2many("duo.help.kind", string="Kinds of help")
    language_ids = fields.Many2many("duo.language", string="Languages spoken")
    translation_pair_ids = fields.One2many(
        "duo.volunteer.language.pair", "volunteer_id", string="Translation pairs"
    )
    availability_ids = fields.Many2many(
        "duo.availability.slot", string="Weekly availability",
        help="Weekly slots in which the volunteer is usually free.",
    )
    onboarding_line_ids = fields.One2many(
        "duo.onboarding.line", "volunteer_id", string="Onboarding checklist",
        default=_default_onboarding_line_ids,
    )
    onboarding_progress = fields.Float(compute="_compute_onboarding_progress")
    signup_ids = fields.One2many("duo.volunteer.signup", "volunteer_id", string="Sign-ups")
    hour_ids = fields.One2many("duo.volunteer.hour", "volunteer_id", string="Hours")
    hours_approved = fields.Float(
        string="Approved hours", compute="_compute_hours", digits=(16, 2)
    )
    hours_to_approve = fields.Float(compute="_compute_hours", digits=(16, 2))
    signup_count = fields.Integer(compute="_compute_signup_count")
    date_start = fields.Date(string="Volunteering since", tracking=True)
    notes = fields.Html()

    _partner_uniq = models.Constraint(
        "unique (partner_id, company_id)", "This contact is already a volunteer."
    )

    # The contact's own fields shown on the volunteer: the form sends them back as they were
    # loaded from the chosen contact.
    CONTACT_FIELDS = ("name", "email", "phone", "lang")

    @api.model_create_multi
    def create(self, vals_list):
        # Values equal to the chosen contact's are not written back to it: picking an existing
        # contact must not need the right to edit contacts (coordinators do not have it).
        partners = self.env["res.partner"].browse(
            {vals["partner_id"] for vals in vals_list if vals.get("partner_id")})
        current = {partner.id: partner for partner in partners}
        for vals in vals_list:
            partner = current.get(vals.get("partner_id"))
            for name in self.CONTACT_FIELDS:
                if partner and name in vals and vals[name] == (partner[name] or False):
                    del vals[name]
        return super().create(vals_list)

    def write(self, vals):
        return super().write(self._application_write_vals(vals))

    # ------------------------------------------------------------------ GDPR
    def _check_gdpr_rights(self):
        if not self.env.user.has_group("duo_volunteers.group_duo_volunteer_manager"):
            raise AccessError(self.env._(
                "Only volunteer managers handle volunteers' personal data requests."))

    def _gdpr_data_map(self):
        """The volunteer file, translation pairs and onboarding are the person's; missions
        signed up for and hours stay for the activity figures, without notes."""
        self.ensure_one()
        erased = {
            "notes": False, "application_email": False, "application_pending": False,
            "help_kind_ids": [(5, 0, 0)], "language_ids": [(5, 0, 0)],
            "availability_ids": [(5, 0, 0)], "active": False,
            "gdpr_erased_date": fields.Datetime.now(),
            **dict.fromkeys(self._consent_personal_fields(), False),
        }
        return [
            *super()._gdpr_data_map(),
            PersonalData("volunteer", self, [
                "name", "email", "phone", "lang", "centre_id", "stage_id", "help_kind_ids",
                "language_ids", "availability_ids", "date_start", "notes", "consent_date",
                "consent_version", "consent_channel", "consent_ip", "consent_lang",
            ], values=erased),
            PersonalData("translation pairs", self.translation_pair_ids,
                         ["source_lang_id", "target_lang_id"], ERASE_UNLINK),
            PersonalData("onboarding", self.onboarding_line_ids, ["item_id", "done",
                                                                  "done_date"], ERASE_KEEP),
            PersonalData("missions", self.signup_ids, ["mission_id", "state", "date_start"],
                         ERASE_KEEP),
            PersonalData("hours", self.hour_ids, ["date", "hours", "description", "state"],
                         values={"description": False}),
        ]

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        return stages.search([], order=stages._order)

    @api.depends("onboarding_line_ids.done")
    def _compute_onboarding_progress(self):
        for volunteer in self:
            lines = volunteer.onboarding_line_ids
            volunteer.onboarding_progress = (
                100.0 * len(lines.filtered("done")) / len(lines) if lines else 0.0
            )

    def _compute_hours(self):
        groups = self.env["duo.volunteer.hour"]._read_group(
            [("volunteer_id", "in", self.ids), ("state", "in", ("approved", "to_approve"))],
            ["volunteer_id", "state"],
            ["hours:sum"],
        )
        totals = {(volunteer.id, state): hours for volunteer, state, hours in groups}
        for volunteer in self:
            volunteer.hours_approved = totals.get((volunteer.id, "approved"), 0.0)
            volunteer.hours_to_approve = totals.get((volunteer.id, "to_approve"), 0.0)

    def _compute_signup_count(self):
        counts = dict(
            self.env["duo.volunteer.signup"]._read_group(
                [("volunteer_id", "in", self.ids), ("state", "=", "confirmed")],
                ["volunteer_id"],
                ["__count"],
            )
        )
        for volunteer in self:
            volunteer.signup_count = counts.get(volunteer, 0)

    def action_view_hours(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "duo_volunteers.duo_volunteer_hour_action"
        )
        action["domain"] = [("volunteer_id", "=", self.id)]
        action["context"] = {"default_volunteer_id": self.id}
        return action

    def action_view_signups(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "duo_volunteers.duo_volunteer_signup_action"
        )
        action["domain"] = [("volunteer_id", "=", self.id)]
        action["context"] = {"default_volunteer_id": self.id}
        return action
