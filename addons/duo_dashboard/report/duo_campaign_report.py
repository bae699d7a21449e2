from odoo import fields, models, tools
from odoo.tools import SQL


class DuoCampaignReport(models.Model):
    """One row per active fundraising campaign: its target and the cash gifts received."""

    _name = "duo.campaign.report"
    _description = "DUO Fundraising Progress"
    _auto = False
    _order = "date desc, id desc"

    campaign_id = fields.Many2one("duo.campaign", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    date = fields.Date(string="Start", readonly=True)
    target_amount = fields.Monetary(string="Target", readonly=True, aggregator="sum")
    raised_amount = fields.Monetary(string="Raised", readonly=True, aggregator="sum",
                                    help="Cash gifts received.")
    gift_count = fields.Integer(string="Gifts", readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL(
            """
            CREATE VIEW %(table)s AS (
                WITH gifts AS (
                    SELECT campaign_id, sum(amount) AS raised, count(*) AS n
                      FROM duo_gift
                     WHERE state = 'received' AND is_cash AND campaign_id IS NOT NULL
                  GROUP BY campaign_id
                )
                SELECT c.id, c.id AS campaign_id, c.company_id, co.currency_id,
                       c.date_start AS date, coalesce(c.target_amount, 0) AS target_amount,
                       coalesce(g.raised, 0) AS raised_amount, coalesce(g.n, 0) AS gift_count
                  FROM duo_campaign c
                  JOIN res_company co ON co.id = c.company_id
             LEFT JOIN gifts g ON g.campaign_id = c.id
                 WHERE c.active
            )
            """,
            table=SQL.identifier(self._table),
        ))
