from odoo import fields, models


class DuoCommune(models.Model):
    """A commune with its postcode and coordinates, so matching can weigh travel distance."""

    _name = "duo.commune"
    _description = "Commune"
    _order = "zip, name"
    _rec_names_search = ["name", "zip"]

    name = fields.Char(required=True, translate=True)
    zip = fields.Char(string="Postcode", required=True, index=True)
    latitude = fields.Float(digits=(10, 6))
    longitude = fields.Float(digits=(10, 6))
    centre_id = fields.Many2one("duo.centre", help="Centre that usually serves this commune.")

    _zip_name_uniq = models.Constraint("unique (zip, name)", "This commune already exists.")

    def _compute_display_name(self):
        for commune in self:
            commune.display_name = f"{commune.zip} {commune.name}"
