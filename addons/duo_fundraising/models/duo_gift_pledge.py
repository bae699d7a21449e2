from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

INTERVAL_MONTHS = {"monthly": 1, "quarterly": 3, "yearly": 12}


class DuoGiftPledge(models.Model):
    """A recurring pledge (a standing order): each instalment becomes a received gift."""

    _name = "duo.gift.pledge"
    _description = "Recurring Pledge"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    partner_id = fields.Many2one(
        "res.partner", string="Donor", required=True, index=True, tracking=True
    )
    campaign_id = fields.Many2one("duo.campaign", tracking=True)
    amount = fields.Monetary(string="Amount per instalment", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    interval = fields.Selection(
        [("monthly", "Monthly"), ("quarterly", "Quarterly"), ("yearly", "Yearly")],
        required=True,
        default="monthly",
    )
    date_start = fields.Date(required=True, default=fields.Date.context_today)
    date_end = fields.Date(help="Leave empty for an open-ended pledge.")
    next_date = fields.Date(string="Next instalment", readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("running", "Running"), ("done", "Finished"),
         ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
    )
    gift_ids = fields.One2many("duo.gift", "pledge_id", string="Instalments")
    received_amount = fields.Monetary(compute="_compute_received_amount")

    _amount_positive = models.Constraint(
        "CHECK (amount > 0)", "An instalment must be a positive amount."
    )

    @api.depends("partner_id", "amount", "interval")
    def _compute_name(self):
        intervals = dict(self._fields["interval"]._description_selection(self.env))
        for pledge in self:
            pledge.name = f"{pledge.partner_id.name or ''} – {pledge.amount:.2f} " \
                          f"{intervals.get(pledge.interval, '')}"

    def _compute_received_amount(self):
        totals = dict(self.env["duo.gift"]._read_group(
            [("pledge_id", "in", self.ids), ("state", "=", "received")],
            ["pledge_id"],
            ["amount:sum"],
        ))
        for pledge in self:
            pledge.received_amount = totals.get(pledge, 0.0)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for pledge in self:
            if pledge.date_end and pledge.date_end < pledge.date_start:
                raise ValidationError(self.env._("A pledge cannot end before it starts."))

    def action_start(self):
        for pledge in self:
            pledge.write({"state": "running", "next_date": pledge.date_start})
        self._generate_instalments()

    def action_stop(self):
        self.write({"state": "done", "next_date": False})

    def action_cancel(self):
        self.write({"state": "cancel", "next_date": False})

    def _generate_instalments(self, until=None):
        """Record every instalment due up to ``until`` (today by default) as a received
        gift, in one create."""
        until = until or fields.Date.context_today(self)
        gift_vals = []
        for pledge in self.filtered(lambda p: p.state == "running" and p.next_date):
            step = relativedelta(months=INTERVAL_MONTHS[pledge.interval])
            next_date = pledge.next_date
            while next_date <= until and (not pledge.date_end or next_date <= pledge.date_end):
                gift_vals.append({
                    "partner_id": pledge.partner_id.id,
                    "campaign_id": pledge.campaign_id.id,
                    "company_id": pledge.company_id.id,
                    "gift_type": "recurring",
                    "amount": pledge.amount,
                    "date": next_date,
                    "pledge_id": pledge.id,
                    "state": "received",
                })
                next_date += step
            if pledge.date_end and next_date > pledge.date_end:
                pledge.write({"state": "done", "next_date": False})
            else:
                pledge.next_date = next_date
        return self.env["duo.gift"].create(gift_vals)

    @api.model
    def _cron_generate_instalments(self):
        self.search([("state", "=", "running")])._generate_instalments()
