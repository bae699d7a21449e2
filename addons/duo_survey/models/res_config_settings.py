from odoo import fields, models

from .duo_pair import PULSE_FIRST_DAYS, PULSE_INTERVAL_DAYS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    duo_evaluation_reminder_days = fields.Integer(
        string="Days before reminding an unanswered evaluation",
        config_parameter="duo_survey.evaluation_reminder_days", default=7,
    )
    duo_pulse_first_days = fields.Integer(
        string="Days of mentoring before the first relationship pulse",
        config_parameter="duo_survey.pulse_first_days", default=PULSE_FIRST_DAYS,
    )
    duo_pulse_interval_days = fields.Integer(
        string="Days between two relationship pulses",
        config_parameter="duo_survey.pulse_interval_days", default=PULSE_INTERVAL_DAYS,
    )
