from odoo import api, fields, models
from odoo.exceptions import ValidationError

CASH_GIFT_TYPES = ("one_off", "recurring", "event")


class DuoCampaign(models.Model):
    """A fundraising campaign or project, with a target and the amount raised so far."""

    _name = "duo.campaign"
    _description = "Fundraising Campaign"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, translate=True, tracking=True)
    description = fields.Html(translate=True)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_start = fields.Date(string="Start", tracking=True)
    date_end = fields.Date(string="End", tracking=True)
    target_amount = fields.Monetary(string="Target", tracking=True)
    raised_amount = fields.Monetary(
        string="Raised", compute="_compute_raised",
        help="Cash received: one-off gifts, instalments of recurring pledges, gifts at events.",
    )
    in_kind_amount = fields.Monetary(string="In kind", compute="_compute_raised")
    progress = fields.Float(string="Progress (%)", compute="_compute_raised")
    gift_count = fields.Integer(compute="_compute_raised")
    donor_count = fields.Integer(compute="_compute_raised")
    gift_ids = fields.One2many("duo.gift", "campaign_id", string="Gifts")
    pledge_ids = fields.One2many("duo.gift.pledge", "campaign_id", string="Pledges")
    lead_ids = fields.One2many("crm.lead", "duo_campaign_id", string="Opportunities")
    lead_count = fields.Integer(compute="_compute_lead_count")

    @api.depends("gift_ids.amount", "gift_ids.state", "gift_ids.gift_type", "target_amount")
    def _compute_raised(self):
        groups = self.env["duo.gift"]._read_group(
            [("campaign_id", "in", self.ids), ("state", "=", "received")],
            ["campaign_id", "is_cash"],
            ["amount:sum", "__count", "partner_id:count_distinct"],
        )
        totals = {}
        for campaign, is_cash, amount, count, donors in groups:
            data = totals.setdefault(campaign.id, {"cash": 0.0, "kind": 0.0, "n": 0, "d": 0})
            data["cash" if is_cash else "kind"] += amount
            data["n"] += count
            data["d"] += donors  # a donor giving cash and in kind counts twice: good enough
        for campaign in self:
            data = totals.get(campaign.id, {"cash": 0.0, "kind": 0.0, "n": 0, "d": 0})
            campaign.raised_amount = data["cash"]
            campaign.in_kind_amount = data["kind"]
            campaign.gift_count = data["n"]
            campaign.donor_count = data["d"]
            campaign.progress = (
                100.0 * data["cash"] / campaign.target_amount if campaign.target_amount else 0.0
            )

    def _compute_lead_count(self):
        counts = dict(self.env["crm.lead"].with_context(active_test=False)._read_group(
            [("duo_campaign_id", "in", self.ids)], ["duo_campaign_id"], ["__count"]
        ))
        for campaign in self:
            campaign.lead_count = counts.get(campaign, 0)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for campaign in self:
            start, end = campaign.date_start, campaign.date_end
            if start and end and end < start:
                raise ValidationError(self.env._("A campaign cannot end before it starts."))

    def action_view_gifts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("duo_fundraising.duo_gift_action")
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id}
        return action

    def action_view_leads(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "duo_fundraising.crm_lead_action_fundraising"
        )
        action["domain"] = [("duo_campaign_id", "=", self.id)]
        action["context"] = {
            "default_duo_campaign_id": self.id,
            "default_type": "opportunity",
            "default_team_id": self.env.ref("duo_fundraising.crm_team_fundraising").id,
        }
        return action
