from odoo import fields, models


class DuoMentee(models.Model):
    _inherit = "duo.mentee"

    evaluation_ids = fields.One2many(
        "survey.user_input", "duo_mentee_id", string="Evaluations",
        groups="duo_mentoring.group_duo_user",
    )
    followup_ids = fields.One2many(
        "duo.followup", "mentee_id", string="Follow-ups", groups="duo_mentoring.group_duo_user",
    )
