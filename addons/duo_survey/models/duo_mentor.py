from odoo import fields, models


class DuoMentor(models.Model):
    _inherit = "duo.mentor"

    evaluation_ids = fields.One2many(
        "survey.user_input", "duo_mentor_id", string="Evaluations",
        groups="duo_mentoring.group_duo_user",
    )
