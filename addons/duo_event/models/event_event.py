from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from .event_type import DUO_EVENT_KINDS

DUO_AUDIENCES = [("mentee", "Mentees"), ("mentor", "Mentors")]


class EventEvent(models.Model):
    _inherit = "event.event"

    duo_kind = fields.Selection(
        DUO_EVENT_KINDS, string="DUO session kind", index="btree_not_null",
        compute="_compute_duo_kind", store=True, readonly=False, precompute=True,
    )
    duo_centre_id = fields.Many2one(
        "duo.centre", string="DUO centre", index="btree_not_null",
        default=lambda self: self.env.user.duo_centre_ids[:1],
        help="Centre organising the session; people registering from the website join it.",
    )
    duo_audience = fields.Selection(
        DUO_AUDIENCES, string="For",
        help="Information sessions: who registers here. A visitor who registers on the "
             "website and is not known yet becomes a mentee or a mentor of this kind.",
    )
    duo_training_module_id = fields.Many2one(
        "duo.training.module", string="Training module", index="btree_not_null",
        ondelete="restrict",
        help="The half-day module of the mentor training taught in this session.",
    )
    duo_programme_activity_ids = fields.One2many(
        "duo.programme.activity", "event_id", string="Programme activities",
    )

    @api.depends("event_type_id")
    def _compute_duo_kind(self):
        for event in self:
            if event.event_type_id or not event.duo_kind:
                event.duo_kind = event.event_type_id.duo_kind

    # ------------------------------------------------------------------ form defaults
    @api.onchange("event_type_id", "date_begin")
    def _onchange_duo_duration(self):
        """A DUO session lasts what its template says (two hours, a half-day...), not the
        conference-style default of Odoo."""
        hours = self.event_type_id.duo_duration_hours
        if hours and self.date_begin:
            self.date_end = self.date_begin + relativedelta(minutes=round(hours * 60))

    @api.onchange("duo_centre_id")
    def _onchange_duo_venue(self):
        """The session takes place at its centre unless staff choose another venue."""
        if self.duo_centre_id.partner_id:
            self.address_id = self.duo_centre_id.partner_id

    # ------------------------------------------------------------------ actions
    def action_duo_close_attendance(self):
        """After the session: whoever is registered but was not marked attended missed it."""
        self.registration_ids.filtered(
            lambda r: r.state == "open" and r.duo_training_attendance_ids
        )._duo_mark_missed()
        return True
