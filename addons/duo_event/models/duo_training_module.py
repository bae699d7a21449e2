from odoo import fields, models
from odoo.exceptions import UserError


class DuoTrainingModule(models.Model):
    """One of the half-day modules of the compulsory 4-day mentor training."""

    _name = "duo.training.module"
    _description = "Mentor Training Module"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    day = fields.Integer(required=True, help="Training day (1 to 4).")
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    # Training modules are taught in Odoo events (one event per half-day session).
    event_ids = fields.One2many("event.event", "duo_training_module_id", string="Sessions")
    next_event_id = fields.Many2one(
        "event.event", compute="_compute_next_event_id", string="Next session",
    )

    def _compute_next_event_id(self):
        next_events = self._duo_next_events()
        for module in self:
            module.next_event_id = next_events.get(module, False)

    def _duo_next_events(self):
        """{module: first upcoming session open for registration}, one query for all."""
        if not self:
            return {}
        events = self.env["event.event"].search([
            ("duo_training_module_id", "in", self.ids),
            ("date_begin", ">", fields.Datetime.now()),
        ], order="date_begin, id")
        result = {}
        for event in events.filtered("event_registrations_open"):
            result.setdefault(event.duo_training_module_id, event)
        return result

    def action_duo_register_next_session(self):
        """Register the mentor of the context to the next session of this module."""
        self.ensure_one()
        mentor = self.env["duo.mentor"].browse(self.env.context.get("duo_mentor_id"))
        event = self.next_event_id
        if not mentor.exists() or not event:
            raise UserError(self.env._("No upcoming session of %s is open for registration.",
                                       self.name))
        registration = self.env["event.registration"].create({
            "event_id": event.id,
            "partner_id": mentor.partner_id.id,
            "duo_mentor_id": mentor.id,
        })
        return {
            "type": "ir.actions.act_window",
            "res_model": "event.registration",
            "res_id": registration.id,
            "view_mode": "form",
            "target": "current",
        }
