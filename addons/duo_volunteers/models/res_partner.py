from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    duo_volunteer_ids = fields.One2many(
        "duo.volunteer", "partner_id", string="Volunteer",
        groups="duo_volunteers.group_duo_volunteer_user",
    )
