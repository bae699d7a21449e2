from odoo import fields, models


class DuoCentreMixin(models.AbstractModel):
    """The centre a record belongs to, its company, and the coordinator in charge: what the
    per-centre and per-company record rules read, defined once for people and duos."""

    _name = "duo.centre.mixin"
    _description = "DUO Centre and Coordinator"

    centre_id = fields.Many2one(
        "duo.centre", required=True, index=True, tracking=True,
        default=lambda self: self.env.user.duo_centre_ids[:1],
    )
    company_id = fields.Many2one(related="centre_id.company_id", store=True)
    user_id = fields.Many2one(
        "res.users", string="Coordinator", tracking=True, default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
