from odoo import fields, models

DUO_EVALUATIONS = [
    ("training", "Training evaluation"),
    ("programme", "Programme evaluation"),
    ("end", "End-of-mentoring evaluation"),
    ("pulse", "Relationship pulse"),
    ("exit", "Exit questionnaire"),
]


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    duo_evaluation = fields.Selection(
        DUO_EVALUATIONS, string="DUO evaluation", index="btree_not_null", copy=False,
        help="DUO sends this questionnaire automatically: after the four training days, when "
             "a person is ready to match, when a duo ends, during the mentoring (relationship "
             "pulse) or when a duo is rejected or ends early (exit questionnaire). The first "
             "active questionnaire of each kind is used.",
    )
