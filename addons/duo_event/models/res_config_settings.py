from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    duo_info_session_manual_stage = fields.Boolean(
        string="Move people after the information session by hand",
        config_parameter="duo_event.info_session_manual_stage",
        help="Attending an information session then only records its date; otherwise the "
             "person also moves on to the personal interview.",
    )
