from odoo import fields, models
from odoo.tools import SQL


class DuoEvaluationReport(models.Model):
    _inherit = "duo.evaluation.report"

    training_event_id = fields.Many2one("event.event", string="Training session", readonly=True)

    def _extra_columns(self):
        return [*super()._extra_columns(), SQL("i.duo_training_event_id AS training_event_id")]
