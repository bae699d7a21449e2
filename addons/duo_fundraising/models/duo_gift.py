from odoo import api, fields, models
from odoo.exceptions import UserError

from .duo_campaign import CASH_GIFT_TYPES
from .duo_fiscal_year import LIVE_STATES


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
        [("draft", "Draft"), ("received", "Received"), ("refunded", "Refunded"),
         ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True,
        help="Date the money was received: it decides the income year of the tax receipt.",
    )
    has_counterpart = fields.Boolean(
        string="With a counterpart", tracking=True,
        help="The donor received something in return (a ticket, a dinner, goods, "
             "advertising): the payment is not a gift for the tax reduction.",
    )
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
        "duo.fiscal.certificate", string="Tax receipt", copy=False, readonly=True,
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
        """A gift on an issued tax receipt keeps what the receipt says. Money can still be
        refunded or the gift cancelled: the receipt then shows it needs a correction."""
        locked = {"amount", "date", "partner_id", "gift_type", "has_counterpart",
                  "company_id"}
        on_receipt = self.filtered(lambda gift: gift.certificate_id.state in LIVE_STATES)
        if on_receipt and (locked & set(vals) or vals.get("state") in ("draft", "received")):
            raise UserError(self.env._(
                "This gift is on an issued tax receipt: record a refund or cancel the gift, "
                "then correct the receipt."
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

    def action_refund(self):
        """The money went back to the donor: the gift no longer counts for a tax receipt."""
        self.filtered(lambda gift: gift.state == "received").write({"state": "refunded"})

    def action_draft(self):
        self.write({"state": "draft"})

    def action_send_thanks(self):
        template = self.env.ref("duo_fundraising.mail_template_gift_thanks")
        for gift in self:
            gift.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
        self.thanked = True
