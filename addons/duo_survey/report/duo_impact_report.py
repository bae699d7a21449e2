from odoo import fields, models, tools
from odoo.tools import SQL

from odoo.addons.duo_mentoring.models.duo_pair_stage import ENDED_PAIR_CODES

from ..models.duo_followup import POSITIVE_SITUATIONS, STABLE_SITUATIONS


class DuoImpactReport(models.Model):
    """Impact per centre and cohort (the year the mentoring started), one row per closed duo:
    did the mentee find a job, an internship or a qualifying training within 12 months, a
    stable job, and did the mentor start a new duo afterwards. Shares average the 0/100 rows."""

    _name = "duo.impact.report"
    _description = "DUO Impact"
    _auto = False
    _order = "cohort desc, centre_id"

    pair_id = fields.Many2one("duo.pair", string="Duo", readonly=True)
    mentee_id = fields.Many2one("duo.mentee", readonly=True)
    mentor_id = fields.Many2one("duo.mentor", readonly=True)
    centre_id = fields.Many2one("duo.centre", readonly=True)
    cohort = fields.Char(readonly=True, help="Year the mentoring started.")
    stage_code = fields.Selection(
        [("completed", "Completed"), ("ended", "Ended early")], string="Ending", readonly=True,
    )
    pair_count = fields.Integer(string="Duos", readonly=True, aggregator="sum")
    positive_rate = fields.Float(
        string="Job, internship or training within 12 months (%)", readonly=True,
        aggregator="avg",
    )
    stable_job_rate = fields.Float(
        string="Stable job (%)", readonly=True, aggregator="avg",
        help="Open-ended contract or fixed-term contract of 3 months or more, within 12 months.",
    )
    mentor_new_duo_rate = fields.Float(
        string="Mentor started a new duo (%)", readonly=True, aggregator="avg",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL(
            """
            CREATE VIEW %(table)s AS (
                SELECT p.id, p.id AS pair_id, p.mentee_id, p.mentor_id, p.centre_id,
                       to_char(coalesce(p.start_date, p.create_date::date), 'YYYY') AS cohort,
                       p.stage_code, 1 AS pair_count,
                       CASE WHEN p.outcome IN ('job', 'internship', 'training')
                              OR EXISTS (SELECT 1 FROM duo_followup f
                                          WHERE f.pair_id = p.id
                                            AND f.situation IN %(positive)s)
                            THEN 100.0 ELSE 0.0 END AS positive_rate,
                       CASE WHEN EXISTS (SELECT 1 FROM duo_followup f
                                          WHERE f.pair_id = p.id
                                            AND f.situation IN %(stable)s)
                            THEN 100.0 ELSE 0.0 END AS stable_job_rate,
                       CASE WHEN EXISTS (SELECT 1 FROM duo_pair n
                                          WHERE n.mentor_id = p.mentor_id AND n.id <> p.id
                                            AND n.create_date > p.create_date
                                            AND n.stage_code <> 'rejected')
                            THEN 100.0 ELSE 0.0 END AS mentor_new_duo_rate
                  FROM duo_pair p
                 WHERE p.stage_code IN %(ended)s AND p.active
            )
            """,
            table=SQL.identifier(self._table),
            positive=POSITIVE_SITUATIONS,
            stable=STABLE_SITUATIONS,
            ended=ENDED_PAIR_CODES,
        ))
