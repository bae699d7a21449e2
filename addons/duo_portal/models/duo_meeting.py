from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import clean_context

from .duo_pair import PORTAL_MEETING_STAGES

MODES = [("in_person", "In person"), ("video", "Video call"), ("phone", "Phone")]
RATINGS = [("1", "Difficult"), ("2", "So-so"), ("3", "Good"), ("4", "Very good")]
# The fields a mentor or mentee may give when logging a meeting on the portal.
PORTAL_MEETING_FIELDS = frozenset({"pair_id", "date", "duration", "mode", "topics", "rating",
                                   "notes"})


class DuoMeeting(models.Model):
    _inherit = "duo.meeting"

    mode = fields.Selection(MODES, string="How", default="in_person")
    rating = fields.Selection(RATINGS, string="How did it go?")
    logged_by = fields.Selection(
        [("mentee", "Mentee"), ("mentor", "Mentor"), ("staff", "Staff")],
        default="staff", readonly=True, required=True)
    # A worry goes to the coordinator, not to the duo partner: staff only.
    concern = fields.Boolean(string="Something worries", groups="base.group_user",
                             help="Raised on the portal: the coordinator got an activity.")
    concern_note = fields.Text(string="What worries", groups="base.group_user")
    # The coordinator's calendar event: neither read nor set from the portal.
    calendar_event_id = fields.Many2one(groups="base.group_user")

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.su or self.env.user._is_internal():
            return super().create(vals_list)
        # Context defaults (default_calendar_event_id, default_date, ...) would add values
        # the whitelist below never sees: a portal user gets none of them.
        meetings = self.with_env(self.env(context=clean_context(self.env.context)))
        vals_list = [meetings._portal_meeting_vals(vals) for vals in vals_list]
        return super(DuoMeeting, meetings).create(vals_list)

    @api.model
    def _portal_meeting_vals(self, vals):
        """A portal user logs meetings of their own duo, once both said yes, with the
        whitelisted fields only, on a day that is not in the future."""
        forbidden = set(vals) - PORTAL_MEETING_FIELDS
        if forbidden:
            raise AccessError(self.env._("A meeting logged on the portal cannot set %s.",
                                         ", ".join(sorted(forbidden))))
        pair = self.env["duo.pair"].browse(vals.get("pair_id")).exists()
        side = pair and pair._duo_portal_side()
        if not side:
            raise AccessError(self.env._("You can only log meetings of your own duo."))
        if pair.stage_code not in PORTAL_MEETING_STAGES:
            raise UserError(self.env._("Meetings are logged once both of you said yes to "
                                       "the duo."))
        day = fields.Date.to_date(vals.get("date")) or fields.Date.context_today(self)
        if day > fields.Date.context_today(self):
            raise UserError(self.env._("A meeting cannot be logged in the future."))
        return dict(vals, logged_by=side)
