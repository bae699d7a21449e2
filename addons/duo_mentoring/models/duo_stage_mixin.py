from odoo import fields, models


class DuoStageMixin(models.AbstractModel):
    """What every DUO pipeline stage has: a translatable name, an order, a kanban fold and a
    description. Stages are records, so staff rename and reorder them."""

    _name = "duo.stage.mixin"
    _description = "DUO Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    fold = fields.Boolean(help="Folded in the kanban view.")
    description = fields.Text(translate=True)
