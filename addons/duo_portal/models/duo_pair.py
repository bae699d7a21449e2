from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain
from odoo.tools import plaintext2html

from odoo.addons.duo_mentoring.tools import installed_lang

# Stages in which the duo logs its weekly meetings from the portal (both said yes).
PORTAL_MEETING_STAGES = ("approved", "agreement", "mentoring")
# What a side's online signature stores: written only by `_duo_portal_sign` (superuser,
# after the controller's ownership check) and by the erasure, never by a client.
SIGNATURE_FIELDS = frozenset(
    f"{side}_{name}" for side in ("mentee", "mentor")
    for name in ("signature", "signed_by", "signed_on"))


class DuoPair(models.Model):
    _name = "duo.pair"
    _inherit = ["duo.pair", "portal.mixin"]

    # Whose duo it is, stored: the portal record rules and /my/duo read them without
    # traversing mentees and mentors, which portal users cannot read.
    mentee_partner_id = fields.Many2one(
        related="mentee_id.partner_id", store=True, index=True, string="Mentee's contact")
    mentor_partner_id = fields.Many2one(
        related="mentor_id.partner_id", store=True, index=True, string="Mentor's contact")
    portal_nudge_date = fields.Date(
        string="Last reminder to log a meeting", readonly=True, copy=False,
        help="When both people were last emailed because no meeting was logged.")

    # What staff or one side wrote is not for the other side to read over RPC: a mentee
    # does not read the mentor's answer or reason, nor the matching engine's explanation.
    matching_score = fields.Float(groups="base.group_user")
    matching_explanation = fields.Text(groups="base.group_user")
    mentee_answer = fields.Selection(groups="base.group_user")
    mentor_answer = fields.Selection(groups="base.group_user")
    rejection_reason = fields.Text(groups="base.group_user")
    end_reason = fields.Text(groups="base.group_user")
    # Staff's follow-up of the duo: how it ended and the coordinator's reminder.
    outcome = fields.Selection(groups="base.group_user")
    first_meeting_alert_date = fields.Date(groups="base.group_user")

    # Each side reads and signs the agreement and the code of conduct on the portal (the
    # portal's signature widget): the drawn signature, the name typed and when. Staff read
    # them; the portal page and the agreement PDF show them as superuser.
    mentee_signature = fields.Image(
        string="Mentee's signature", max_width=1024, max_height=1024, copy=False,
        readonly=True, groups="base.group_user")
    mentee_signed_by = fields.Char(
        string="Mentee signed as", copy=False, readonly=True, groups="base.group_user")
    mentee_signed_on = fields.Datetime(
        string="Mentee signed on", copy=False, readonly=True, groups="base.group_user")
    mentor_signature = fields.Image(
        string="Mentor's signature", max_width=1024, max_height=1024, copy=False,
        readonly=True, groups="base.group_user")
    mentor_signed_by = fields.Char(
        string="Mentor signed as", copy=False, readonly=True, groups="base.group_user")
    mentor_signed_on = fields.Datetime(
        string="Mentor signed on", copy=False, readonly=True, groups="base.group_user")

    def _compute_access_url(self):
        # Every duo has its page: nothing of portal.mixin's default ('#') to keep.
        for pair in self:
            pair.access_url = f"/my/duo/{pair.id}"

    def _mail_get_operation_for_mail_message_operation(self, message_operation):
        """The mentee and the mentor read the duo, not its whole thread: a message the
        coordinator sent to one of them, or the other's email reply, is not for the other
        side. For non-internal users reading a duo's messages needs write access on the
        duo, which they never have; what they wrote or received stays readable through
        mail's own author and recipient checks. The user is read from the environment, as
        mail asks this of a sudo'ed thread too."""
        operations = super()._mail_get_operation_for_mail_message_operation(message_operation)
        if self.env.user._is_internal():
            return operations
        return {pair: "write" if operation == "read" else operation
                for pair, operation in operations.items()}

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_signature_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_signature_vals(vals)
        return super().write(vals)

    @api.model
    def _check_signature_vals(self, vals):
        if not self.env.su and SIGNATURE_FIELDS.intersection(vals):
            raise AccessError(self.env._(
                "Only the mentee and the mentor sign the agreement, on their portal."))

    def _get_report_base_filename(self):
        # The signed agreement downloaded from the portal (portal's _show_report).
        self.ensure_one()
        return self.env._("DUO agreement - %s", self.name)

    # ------------------------------------------------------------------ portal access
    def action_propose(self):
        """Proposing a duo also opens the portal to both people."""
        to_invite = self.filtered(lambda pair: not pair.proposal_sent_date)
        result = super().action_propose()
        to_invite._duo_portal_invite()
        return result

    def action_duo_portal_invite(self):
        """Staff give both people their portal access (again) and email them the link."""
        self._duo_portal_invite()
        return True

    def _duo_portal_invite(self):
        """Give the mentee and the mentor a portal login (an existing one is reused) and
        email each, in their language, the link to their duo space."""
        # Staff who may change the duo may open its portal; the logins are made as superuser.
        self.check_access("write")
        template = self.env.ref("duo_portal.mail_template_duo_portal_invitation")
        for pair in self:
            for person in (pair.mentee_id, pair.mentor_id):
                user, problem = person._duo_portal_user()
                if problem:
                    pair.message_post(body=self.env._(
                        "%(name)s gets no portal access: %(problem)s.",
                        name=person.name, problem=problem))
                    continue
                path = f"/my/duo/{pair.id}"
                if user.sudo().login_date:
                    url = f"{pair.get_base_url()}/web/login?redirect={path}"
                else:
                    # A new login: the link lets them choose a password first.
                    url = user.partner_id.sudo()._get_signup_url_for_action(
                        url=path)[user.partner_id.id]
                template.with_context(
                    duo_recipient_id=person.partner_id.id,
                    duo_recipient_lang=installed_lang(self.env, person.contact_lang),
                    duo_recipient_name=person.name,
                    duo_portal_url=url,
                    duo_portal_login=user.sudo().login,
                ).send_mail(pair.id, email_layout_xmlid="mail.mail_notification_light")

    def _duo_portal_side(self, partner=None):
        """'mentee' or 'mentor' when `partner` (the current user's) is one of this duo's
        people, else False."""
        self.ensure_one()
        partner = partner or self.env.user.partner_id
        if self.mentee_partner_id == partner:
            return "mentee"
        if self.mentor_partner_id == partner:
            return "mentor"
        return False

    def _duo_portal_person(self, side):
        return self.mentee_id if side == "mentee" else self.mentor_id

    # ------------------------------------------------------------------ signature
    def _duo_portal_sign(self, side, name, signature):
        """`side` signs the agreement and the code of conduct: its signature, name and time
        are stored and both acceptances ticked; the second signature signs the agreement as
        staff would (today, with the action plan and the email to both). Called as superuser
        by the portal once it checked that the current user is this side of the duo."""
        self.ensure_one()
        _ = self.env._
        if self.stage_code != "approved":
            raise UserError(_("The agreement is signed online once you both said yes to the "
                              "duo, and before it is signed."))
        if self[f"{side}_signed_on"]:
            raise UserError(_("You already signed the agreement."))
        self.write({
            f"{side}_signature": signature,
            f"{side}_signed_by": name,
            f"{side}_signed_on": fields.Datetime.now(),
            f"agreement_{side}_accepted": True,
            f"conduct_{side}_accepted": True,
        })
        if self.mentee_signed_on and self.mentor_signed_on:
            self.action_sign_agreement()

    # ------------------------------------------------------------------ concerns
    def _duo_raise_concern(self, side, reason, meeting=None):
        """Alert the coordinator at once: an activity on the duo, in the coordinator's
        language, with the person's own words."""
        self.ensure_one()
        user = (self.user_id or self.centre_id.coordinator_ids[:1]
                or self.env.ref("base.user_admin"))
        env = self.with_context(lang=user.lang).env
        person = self._duo_portal_person(side)
        if meeting:
            summary = env._("%(name)s is worried after the meeting of %(date)s",
                            name=person.name, date=fields.Date.to_string(meeting.date))
        else:
            summary = env._("%s is unsure about this duo", person.name)
        return self.activity_schedule(
            "duo_portal.mail_activity_type_duo_concern", user_id=user.id, summary=summary,
            note=plaintext2html(reason or ""),
        )

    # ------------------------------------------------------------------ nudges
    @api.model
    def _cron_duo_portal_nudge(self):
        """Daily: duos in mentoring that logged no meeting for the configured number of days
        get an email to both people with a link to log one; once per period."""
        today = fields.Date.context_today(self)
        days = self._inactivity_days()
        limit = fields.Date.subtract(today, days=days)
        pairs = self.search(self._meeting_overdue_domain() & (
            Domain("portal_nudge_date", "=", False) | Domain("portal_nudge_date", "<=", limit)))
        pairs._send_to_both("duo_portal.mail_template_duo_portal_nudge")
        pairs.portal_nudge_date = today
