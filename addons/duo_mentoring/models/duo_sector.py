from odoo import api, fields, models
from odoo.exceptions import ValidationError


class DuoSector(models.Model):
    """Business sector, a two-level taxonomy (NACE sections → divisions) used to pair mentees
    with mentors of the same trade."""

    _name = "duo.sector"
    _description = "Business Sector"
    _parent_store = True
    _order = "complete_code"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True, help="NACE code: a letter for a section, two digits for a division."
    )
    parent_id = fields.Many2one("duo.sector", string="Section", index=True, ondelete="restrict")
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("duo.sector", "parent_id", string="Divisions")
    complete_code = fields.Char(compute="_compute_complete_code", store=True)
    active = fields.Boolean(default=True)

    _code_uniq = models.Constraint("unique (code)", "A sector code must be unique.")

    @api.depends("code", "parent_id.code")
    def _compute_complete_code(self):
        for sector in self:
            parent = sector.parent_id.code
            sector.complete_code = f"{parent}.{sector.code}" if parent else sector.code

    @api.depends("name", "code")
    def _compute_display_name(self):
        for sector in self:
            sector.display_name = f"{sector.code} {sector.name}" if sector.code else sector.name

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(self.env._("A sector cannot be its own section."))

    def _section(self):
        """The top-level section of each sector (itself for a section)."""
        return self.mapped(lambda s: s.parent_id or s)
