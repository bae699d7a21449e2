from odoo import models
from odoo.exceptions import AccessError

# What a mentor or mentee may set on a goal from the portal (staff decide to drop one).
PORTAL_GOAL_STATES = ("todo", "in_progress", "done")


class DuoGoal(models.Model):
    _inherit = "duo.goal"

    def write(self, vals):
        if not self.env.su and self.env.user._is_portal():
            self._check_portal_goal_write(vals)
        return super().write(vals)

    def _check_portal_goal_write(self, vals):
        """On the portal, the progress of a goal of an open duo is all one can change."""
        if set(vals) != {"state"} or vals["state"] not in PORTAL_GOAL_STATES or not all(
            self.pair_id.mapped("is_open")
        ):
            raise AccessError(self.env._(
                "On the portal you can only update the progress of your duo's goals."))
