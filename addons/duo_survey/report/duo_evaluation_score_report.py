from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.survey_survey import DUO_EVALUATIONS
from ..models.survey_user_input import DUO_ROLES


class DuoEvaluationScoreReport(models.Model):
    """Scores given in DUO evaluations (scale questions and scored choices), to average per
    question, centre and training session."""

    _name = "duo.evaluation.score.report"
    _description = "DUO Evaluation Scores"
    _auto = False
    _order = "date desc"

    survey_id = fields.Many2one("survey.survey", string="Questionnaire", readonly=True)
    question_id = fields.Many2one("survey.question", readonly=True)
    evaluation = fields.Selection(DUO_EVALUATIONS, readonly=True)
    role = fields.Selection(DUO_ROLES, readonly=True)
    centre_id = fields.Many2one("duo.centre", readonly=True)
    date = fields.Date(string="Answered on", readonly=True)
    year = fields.Char(readonly=True)
    score = fields.Float(string="Average score", readonly=True, aggregator="avg")
    answer_count = fields.Integer(string="Answers", readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL(
            """
            CREATE VIEW %(table)s AS (
                SELECT l.id, i.survey_id, l.question_id, i.duo_evaluation AS evaluation,
                       i.duo_role AS role, i.duo_centre_id AS centre_id,
                       %(extra_columns)s
                       coalesce(i.end_datetime, l.create_date)::date AS date,
                       to_char(coalesce(i.end_datetime, l.create_date), 'YYYY') AS year,
                       CASE WHEN l.answer_type = 'scale' THEN l.value_scale::float
                            WHEN l.answer_type = 'numerical_box' THEN l.value_numerical_box
                            ELSE l.answer_score END AS score,
                       1 AS answer_count
                  FROM survey_user_input_line l
                  JOIN survey_user_input i ON i.id = l.user_input_id
                 WHERE i.duo_evaluation IS NOT NULL AND i.state = 'done'
                   AND NOT coalesce(l.skipped, FALSE)
                   AND NOT coalesce(i.test_entry, FALSE)
                   AND (l.answer_type IN ('scale', 'numerical_box')
                        OR (l.answer_type = 'suggestion' AND l.answer_score <> 0))
            )
            """,
            table=SQL.identifier(self._table),
            extra_columns=SQL("").join(SQL("%s,", column) for column in self._extra_columns()),
        ))

    def _extra_columns(self):
        """Columns other add-ons add to the view (``SQL("i.x AS y")``, on the answer `i`)."""
        return []
