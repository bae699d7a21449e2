from odoo import fields, models


class DuoVolunteerMission(models.Model):
    _inherit = "duo.volunteer.mission"

    campaign_id = fields.Many2one(
        "duo.campaign", index="btree_not_null", check_company=True,
        help="The fundraising campaign this mission works for.",
    )
