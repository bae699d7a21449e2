from odoo import fields, models


class DuoGoal(models.Model):
    """A goal of the duo's career action plan, agreed at signature and reviewed at the end."""

    _name = "duo.goal"
    _description = "Career Action Plan Goal"
    _order = "pair_id, sequence, id"

    pair_id = fields.Many2one("duo.pair", required=True, index=True, ondelete="cascade")
    centre_id = fields.Many2one(related="pair_id.centre_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Goal", required=True)
    target_date = fields.Date()
    state = fields.Selection(
        [("todo", "To do"), ("in_progress", "In progress"), ("done", "Reached"),
         ("dropped", "Dropped")],
        default="todo", required=True,
    )
    review = fields.Text(help="How the goal was reached, or why not, at the final review.")
