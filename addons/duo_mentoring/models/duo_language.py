from odoo import fields, models


class DuoLanguage(models.Model):
    """A spoken language (ISO 639), independent from Odoo's installed interface languages:
    mentees speak Tigrinya, Dari or Lingala even though nobody runs Odoo in them."""

    _name = "duo.language"
    _description = "Spoken Language"
    _order = "sequence, name"
    _rec_names_search = ["name", "code", "native_name"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="ISO 639-1 code when there is one, else ISO 639-3.")
    native_name = fields.Char(help="The language's name in itself, e.g. ትግርኛ for Tigrinya.")
    sequence = fields.Integer(default=100, help="Programme languages (fr, nl, en) come first.")
    is_programme_language = fields.Boolean(
        help="A language the programme runs in: a mentee must speak at least one of them."
    )
    active = fields.Boolean(default=True)

    _code_uniq = models.Constraint("unique (code)", "A language code must be unique.")
