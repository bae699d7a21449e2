from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    duo_centre_ids = fields.Many2many(
        "duo.centre",
        "duo_centre_user_rel",
        "user_id",
        "centre_id",
        string="DUO centres",
        help="Centres whose people and duos this user may see.",
    )
