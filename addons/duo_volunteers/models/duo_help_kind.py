from odoo import fields, models


class DuoHelpKind(models.Model):
    """A kind of help volunteers offer (listening and support, logistics, translation...)."""

    _name = "duo.help.kind"
    _description = "Kind of Volunteer Help"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    needs_language_pair = fields.Boolean(
        help="Translation work: missions of this kind name a source and a target language."
    )
    active = fields.Boolean(default=True)

    _name_uniq = models.Constraint("unique (name)", "This kind of help already exists.")
