from odoo import fields, models


class DuoInterestTag(models.Model):
    """Personality traits and interests, used to suggest duos that get along."""

    _name = "duo.interest.tag"
    _description = "Personality and Interest Tag"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(
        [("personality", "Personality"), ("interest", "Interest")],
        required=True, default="interest",
    )
    color = fields.Integer()

    _name_uniq = models.Constraint("unique (name, kind)", "This tag already exists.")
