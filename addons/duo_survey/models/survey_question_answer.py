from odoo import fields, models

from odoo.addons.duo_mentoring.models.duo_pair import OUTCOMES


class SurveyQuestionAnswer(models.Model):
    _inherit = "survey.question.answer"

    duo_outcome = fields.Selection(
        OUTCOMES, string="Duo outcome",
        help="End-of-mentoring evaluation: choosing this answer records this outcome on the "
             "duo (the mentee's answer prevails over the mentor's).",
    )
    duo_negative = fields.Boolean(
        string="Worrying answer",
        help="Relationship pulse: a participant choosing this answer gives the duo's "
             "coordinator an activity at once.",
    )
