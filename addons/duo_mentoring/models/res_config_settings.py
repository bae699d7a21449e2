from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    duo_inactivity_days = fields.Integer(
        string="Days without meeting before an alert",
        config_parameter="duo_mentoring.inactivity_days", default=14,
    )
    duo_first_meeting_days = fields.Integer(
        string="Days after the proposal to schedule the first meeting",
        config_parameter="duo_mentoring.first_meeting_days", default=10,
    )
    duo_privacy_notice_version = fields.Char(
        string="Current privacy notice version",
        config_parameter="duo_mentoring.privacy_notice_version", default="2026-01",
    )
    duo_retention_months = fields.Integer(
        string="Months to keep the file of people who left",
        config_parameter="duo_mentoring.retention_months", default=24,
        help="After this period, people withdrawn, not eligible or alumni are anonymised.",
    )
