from odoo import api, fields, models


class DuoMentor(models.Model):
    """Sessions (information session, training, intervisions) and evaluations of a mentor."""

    _inherit = "duo.mentor"

    event_registration_ids = fields.One2many(
        "event.registration", "duo_mentor_id", string="Sessions",
    )
    evaluation_ids = fields.One2many(
        "survey.user_input", "duo_mentor_id", string="Evaluations",
        groups="duo_mentoring.group_duo_user",
    )
    training_next_sessions = fields.Text(
        compute="_compute_training_next_sessions", string="Next sessions to catch up",
    )

    @api.depends("training_missing_module_ids")
    def _compute_training_next_sessions(self):
        missing = self.training_missing_module_ids
        next_events = missing._duo_next_events()
        for mentor in self:
            lines = []
            for module in mentor.training_missing_module_ids:
                event = next_events.get(module)
                lines.append(self.env._(
                    "%(module)s: %(session)s", module=module.name,
                    session=event.display_name if event else self.env._("no session planned"),
                ))
            mentor.training_next_sessions = "\n".join(lines) or False

    def write(self, vals):
        result = super().write(vals)
        if "stage_id" in vals:
            # The intake is done: the programme evaluation goes out (once per person).
            ready = self.filtered(lambda p: p.stage_code == "ready")
            if ready:
                self.env["survey.user_input"]._duo_invite("programme", ready)
        return result

    def _duo_last_training_event(self):
        self.ensure_one()
        attended = self.event_registration_ids.filtered(
            lambda r: r.event_id.duo_kind == "training" and r.state == "done"
        )
        return attended.sorted(lambda r: r.event_id.date_begin)[-1:].event_id

    def _duo_send_training_evaluation(self):
        """The training evaluation goes to mentors who just completed the four days."""
        done = self.filtered("training_done")
        if done:
            self.env["survey.user_input"]._duo_invite("training", done)
