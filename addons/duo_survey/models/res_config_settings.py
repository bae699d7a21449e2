from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    duo_evaluation_reminder_days = fields.Integer(
        string="Days before reminding an unanswered evaluation",
        config_parameter="duo_survey.evaluation_reminder_days", default=7,
    )
