from odoo import api, fields, models

from odoo.addons.duo_mentoring.models.duo_gdpr_mixin import PersonalData


class DuoMentor(models.Model):
    """The compulsory 4-day training: attendance per module, and the gate to Ready to match."""

    _inherit = "duo.mentor"

    event_registration_ids = fields.One2many(
        "event.registration", "duo_mentor_id", string="Sessions",
    )
    training_attendance_ids = fields.One2many("duo.training.attendance", "mentor_id")
    training_missing_module_ids = fields.Many2many(
        "duo.training.module", compute="_compute_training", string="Modules still to attend"
    )
    training_done = fields.Boolean(compute="_compute_training", string="Training complete")
    training_next_sessions = fields.Text(
        compute="_compute_training_next_sessions", string="Next sessions to catch up",
    )

    def _gdpr_data_map(self):
        return [*super()._gdpr_data_map(), PersonalData(
            "training attendance", self.training_attendance_ids.sudo(),
            ["module_id", "event_id", "notes"], values={"notes": False},
        )]

    @api.depends("training_attendance_ids.state", "training_attendance_ids.module_id")
    def _compute_training(self):
        modules = self.env["duo.training.module"].search([])
        attended = self.env["duo.training.attendance"]._read_group(
            [("mentor_id", "in", self.ids), ("state", "=", "attended")],
            ["mentor_id"], ["module_id:array_agg"],
        )
        done_by_mentor = {mentor: set(module_ids) for mentor, module_ids in attended}
        for mentor in self:
            done = done_by_mentor.get(mentor, set())
            missing = modules.filtered(lambda m, done=done: m.id not in done)
            mentor.training_missing_module_ids = missing
            mentor.training_done = not missing

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

    def _stage_gate_problems(self):
        problems = super()._stage_gate_problems()
        if self.stage_code in ("evaluation", "ready", "matched") and not self.training_done:
            problems.append(self.env._(
                "the 4-day training is not complete (missing: %s)",
                ", ".join(self.training_missing_module_ids.mapped("name")),
            ))
        return problems

    def _duo_last_training_event(self):
        """The last training session the mentor attended (empty when none)."""
        self.ensure_one()
        attended = self.event_registration_ids.filtered(
            lambda r: r.event_id.duo_kind == "training" and r.state == "done"
        )
        return attended.sorted(lambda r: r.event_id.date_begin)[-1:].event_id

    def _on_training_completed(self):
        """Hook called with the mentors whose attendance just changed and who now have
        every module; satellites react through ``super()`` (the training evaluation)."""
