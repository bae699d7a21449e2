from odoo import fields, models


class DuoMeeting(models.Model):
    """One of the weekly meetings of a duo during the mentoring period."""

    _name = "duo.meeting"
    _description = "Duo Meeting"
    _order = "date desc, id desc"

    pair_id = fields.Many2one("duo.pair", required=True, index=True, ondelete="cascade")
    centre_id = fields.Many2one(related="pair_id.centre_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    duration = fields.Float(string="Duration (hours)", default=1.0)
    topics = fields.Char(help="What the duo worked on, e.g. CV, mock interview, applications.")
    notes = fields.Text()
    calendar_event_id = fields.Many2one("calendar.event", string="Calendar event")

    _duration_positive = models.Constraint(
        "CHECK (duration > 0 AND duration <= 24)", "A meeting lasts between 0 and 24 hours."
    )
