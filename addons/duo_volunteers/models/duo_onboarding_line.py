from odoo import api, fields, models


class DuoOnboardingLine(models.Model):
    """A checklist step for one volunteer."""

    _name = "duo.onboarding.line"
    _description = "Volunteer Onboarding Checklist Line"
    _order = "sequence, id"

    volunteer_id = fields.Many2one("duo.volunteer", required=True, ondelete="cascade", index=True)
    item_id = fields.Many2one("duo.onboarding.item", string="Step", required=True)
    sequence = fields.Integer(related="item_id.sequence", store=True)
    done = fields.Boolean()
    done_date = fields.Date(compute="_compute_done_date", store=True, readonly=False)

    _item_uniq = models.Constraint(
        "unique (volunteer_id, item_id)", "This step is already on the volunteer's checklist."
    )

    @api.depends("done")
    def _compute_done_date(self):
        for line in self:
            if not line.done:
                line.done_date = False
            elif not line.done_date:
                line.done_date = fields.Date.context_today(line)
