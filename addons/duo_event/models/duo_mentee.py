from odoo import fields, models


class DuoMentee(models.Model):
    _inherit = "duo.mentee"

    event_registration_ids = fields.One2many(
        "event.registration", "duo_mentee_id", string="Sessions",
    )
