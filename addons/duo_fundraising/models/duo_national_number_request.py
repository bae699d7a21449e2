import hashlib
import secrets
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import consteq

from .res_partner import (
    FUNDRAISING_GROUP,
    compact_number,
    is_valid_national_number,
    mask_national_number,
)

REQUEST_VALID_DAYS = 30


def token_digest(token):
    return hashlib.sha256((token or "").encode()).hexdigest()


class DuoNationalNumberRequest(models.Model):
    """A donor asked, by a personal link emailed to them alone, for the national number their
    tax receipt needs. What the donor types lands here, never on the contact: a fundraising
    manager confirms it onto the contact (or refuses it). The link works once, for
    REQUEST_VALID_DAYS days; only a digest of its secret is stored."""

    _name = "duo.national.number.request"
    _description = "National Number Request"
    _inherit = ["mail.thread"]
    _order = "create_date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one("res.partner", string="Donor", required=True, readonly=True,
                                 index=True, ondelete="cascade")
    company_id = fields.Many2one("res.company", required=True, readonly=True,
                                 default=lambda self: self.env.company)
    state = fields.Selection(
        [("sent", "Sent to the donor"), ("received", "To confirm"), ("confirmed", "Confirmed"),
         ("refused", "Refused"), ("cancelled", "Cancelled")],
        default="sent", required=True, readonly=True, tracking=True,
    )
    token_digest = fields.Char(readonly=True, copy=False, groups="base.group_system")
    date_expiry = fields.Datetime(string="Link valid until", readonly=True)
    submitted_number = fields.Char(string="Number given", readonly=True, copy=False)
    submitted_number_masked = fields.Char(string="Number given (masked)",
                                          compute="_compute_submitted_number_masked")
    date_received = fields.Datetime(string="Received on", readonly=True)

    @api.depends("submitted_number")
    def _compute_submitted_number_masked(self):
        for request in self:
            request.submitted_number_masked = mask_national_number(request.submitted_number)

    # ------------------------------------------------------------------ sending
    @api.model
    def _send_to(self, partners):
        """One new request per donor with an email address (their open ones end), emailed to
        the donor alone: the link is in no chatter, no follower's copy and no template a
        colleague could render. A note without the link tells staff it was sent."""
        partners = partners.filtered("email")
        if not partners:
            return self.browse()
        self.search([("partner_id", "in", partners.ids), ("state", "=", "sent")]).write(
            {"state": "cancelled"})
        template = self.env.ref("duo_fundraising.mail_template_national_number_request")
        base_url = partners[:1].get_base_url()
        requests = self.browse()
        for partner in partners:
            token = secrets.token_urlsafe(24)
            request = self.create({
                "partner_id": partner.id,
                "date_expiry": fields.Datetime.now() + timedelta(days=REQUEST_VALID_DAYS),
            })
            # sudo: the digest is readable by the system only; the manager creates it.
            request.sudo().token_digest = token_digest(token)
            url = f"{base_url}/duo/donor/national-number/{request.id}/{token}"
            # The URL reaches the template through the context only: rendering the template
            # elsewhere (a colleague's composer) gives no link.
            template.with_context(duo_nn_url=url).send_mail(
                request.id, email_layout_xmlid="mail.mail_notification_light")
            partner.message_post(
                body=self.env._("National number asked from the donor by a personal link "
                                "(valid %s days).", REQUEST_VALID_DAYS),
                subtype_xmlid="mail.mt_note",
            )
            requests |= request
        return requests

    # ------------------------------------------------------------------ the donor's link
    @api.model
    def _open_by_token(self, request_id, token):
        """The open request of the link, or an empty recordset (wrong id or secret, used,
        expired). Runs as superuser: the visitor is anonymous, the secret is the check."""
        request_sudo = self.sudo().browse(request_id).exists()
        if not request_sudo or request_sudo.state != "sent" \
                or not request_sudo.token_digest \
                or not consteq(request_sudo.token_digest, token_digest(token)) \
                or (request_sudo.date_expiry and request_sudo.date_expiry < fields.Datetime.now()):
            return self.sudo().browse()
        return request_sudo

    def _receive(self, number):
        """The donor's answer: kept on the request for a manager to confirm; the link ends."""
        self.ensure_one()
        self.write({"submitted_number": compact_number(number), "state": "received",
                    "date_received": fields.Datetime.now(), "token_digest": False})
        managers = self.env.ref(FUNDRAISING_GROUP).all_user_ids.filtered(
            lambda user: not user.share and self.company_id in user.company_ids)
        user = self.create_uid if self.create_uid in managers else managers[:1]
        if user:
            staff = self.with_context(lang=user.lang)
            self.partner_id.activity_schedule(
                "mail.mail_activity_data_todo", user_id=user.id,
                summary=staff.env._("Confirm the national number the donor gave"),
                note=staff.env._(
                    "The donor gave a national number through their personal link: check it "
                    "on the request, then confirm or refuse it."),
            )

    # ------------------------------------------------------------------ staff
    def action_confirm(self):
        for request in self:
            if request.state != "received":
                raise UserError(self.env._("Only a number received from the donor can be "
                                           "confirmed."))
            if not is_valid_national_number(request.submitted_number):
                raise UserError(self.env._("%s is not a valid national registry number.",
                                           request.submitted_number_masked))
            request.partner_id.write({"duo_national_registry_number": request.submitted_number})
            request.state = "confirmed"
        return True

    def action_refuse(self):
        if any(request.state != "received" for request in self):
            raise UserError(self.env._("Only a number received from the donor can be refused."))
        self.write({"state": "refused"})
        return True

    def action_cancel(self):
        # A link whose request is no longer "sent" opens nothing.
        self.filtered(lambda request: request.state == "sent").write({"state": "cancelled"})
        return True
