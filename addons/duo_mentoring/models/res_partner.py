from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Read by the need-to-know rule on contacts: DUO staff only reach the contacts of people
    # in their centres (archived people included, hence active_test off).
    duo_mentee_ids = fields.One2many(
        "duo.mentee", "partner_id", string="DUO mentee files", context={"active_test": False},
        groups="duo_mentoring.group_duo_trainer",
    )
    duo_mentor_ids = fields.One2many(
        "duo.mentor", "partner_id", string="DUO mentor files", context={"active_test": False},
        groups="duo_mentoring.group_duo_trainer",
    )
