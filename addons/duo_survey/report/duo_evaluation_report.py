from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.survey_survey import DUO_EVALUATIONS
from ..models.survey_user_input import DUO_ROLES


class DuoEvaluationReport(models.Model):
    """One row per DUO evaluation sent: response rates per centre, evaluation and year."""

    _name = "duo.evaluation.report"
    _description = "DUO Evaluation Response Rates"
    _auto = False
    _order = "date_sent desc"

    survey_id = fields.Many2one("survey.survey", string="Questionnaire", readonly=True)
    evaluation = fields.Selection(DUO_EVALUATIONS, readonly=True)
    role = fields.Selection(DUO_ROLES, readonly=True)
    centre_id = fields.Many2one("duo.centre", readonly=True)
    pair_id = fields.Many2one("duo.pair", string="Duo", readonly=True)
    date_sent = fields.Date(string="Sent on", readonly=True)
    year = fields.Char(readonly=True)
    sent_count = fields.Integer(string="Sent", readonly=True, aggregator="sum")
    answered_count = fields.Integer(string="Answered", readonly=True, aggregator="sum")
    response_rate = fields.Float(string="Response rate (%)", readonly=True, aggregator="avg")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL(
            """
            CREATE VIEW %(table)s AS (
                SELECT i.id, i.survey_id, i.duo_evaluation AS evaluation, i.duo_role AS role,
                       i.duo_centre_id AS centre_id, i.duo_pair_id AS pair_id,
                       %(extra_columns)s
                       i.create_date::date AS date_sent,
                       to_char(i.create_date, 'YYYY') AS year,
                       1 AS sent_count,
                       CASE WHEN i.state = 'done' THEN 1 ELSE 0 END AS answered_count,
                       CASE WHEN i.state = 'done' THEN 100.0 ELSE 0.0 END AS response_rate
                  FROM survey_user_input i
                 WHERE i.duo_evaluation IS NOT NULL AND NOT coalesce(i.test_entry, FALSE)
            )
            """,
            table=SQL.identifier(self._table),
            extra_columns=SQL("").join(SQL("%s,", column) for column in self._extra_columns()),
        ))

    def _extra_columns(self):
        """Columns other add-ons add to the view (``SQL("i.x AS y")``, on the answer `i`)."""
        return []
