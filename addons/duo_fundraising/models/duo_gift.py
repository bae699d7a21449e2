from odoo import api, fields, models
from odoo.exceptions import UserError

from .duo_campaign import CASH_GIFT_TYPES


class DuoGift(models.Model):
    """A gift received from a donor (a contact: person, company or foundation)."""

    _name = "duo.gift"
    _description = "Gift"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Donor", required=True, index=True, tracking=True
    )
    campaign_id = fields.Many2one(
        "duo.campaign", index=True, tracking=True, check_company=True
    )
    gift_type = fields.Selection(
        [
            ("one_off", "One-off gift"),
            ("recurring", "Recurring pledge instalment"),
            ("in_kind", "In kind"),
            ("event", "At an event"),
        ],
        string="Type",
        required=True,
        default="one_off",
        tracking=True,
    )
    is_cash = fields.Boolean(compute="_compute_is_cash", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("received", "Received"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    amount = fields.Monetary(
        tracking=True, help="Amount received, or estimated value of a gift in kind."
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    event_id = fields.Many2one("event.event", index="btree_not_null")
    pledge_id = fields.Many2one(
        "duo.gift.pledge", index="btree_not_null", ondelete="restrict",
        readonly=True,
    )
    in_kind_description = fields.Text(string="Gift in kind")
    thanked = fields.Boolean(string="Thank-you sent", copy=False, tracking=True)
    certificate_id = fields.Many2one(
        "duo.fiscal.certificate", string="Fiscal certificate", copy=False, readonly=True,
        index="btree_not_null",
    )
    note = fields.Text()

    _amount_positive = models.Constraint("CHECK (amount >= 0)", "A gift cannot be negative.")

    @api.depends("gift_type")
    def _compute_is_cash(self):
        for gift in self:
            gift.is_cash = gift.gift_type in CASH_GIFT_TYPES

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("duo.gift") or "/"
        return super().create(vals_list)

    def write(self, vals):
        locked = {"amount", "date", "partner_id", "gift_type", "state"}
        if locked & set(vals) and any(gift.certificate_id for gift in self):
            raise UserError(self.env._(
                "This gift is on a fiscal certificate already: cancel the certificate first."
            ))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_received(self):
        if any(gift.state == "received" for gift in self):
            raise UserError(self.env._("Cancel a received gift instead of deleting it."))

    def action_receive(self):
        """Mark as received and thank the donor, in their language."""
        self.write({"state": "received"})
        self.filtered(lambda g: not g.thanked and g.partner_id.email).action_send_thanks()

    def action_cancel(self):
        self.write({"state": "cancel"})

    def action_draft(self):
        self.write({"state": "draft"})

    def action_send_thanks(self):
        template = self.env.ref("duo_fundraising.mail_template_gift_thanks")
        for gift in self:
            gift.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
        self.thanked = True
