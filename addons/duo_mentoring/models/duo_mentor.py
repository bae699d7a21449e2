from odoo import api, fields, models


class DuoMentor(models.Model):
    """A senior professional close to retirement who mentors a young job seeker."""

    _name = "duo.mentor"
    _description = "Mentor"
    _inherit = ["duo.person.mixin"]
    _duo_role = "mentor"

    language_skill_ids = fields.One2many("duo.language.skill", "mentor_id", string="Languages")
    job_title = fields.Char(string="Profession", tracking=True)
    career_summary = fields.Text(string="Career")
    experience_years = fields.Integer(string="Years of professional experience")
    motivation = fields.Text()
    capacity = fields.Integer(
        default=1, tracking=True, help="How many duos this mentor can follow at the same time."
    )
    pair_ids = fields.One2many("duo.pair", "mentor_id", string="Duos")
    open_pair_count = fields.Integer(
        string="Open duos", compute="_compute_open_pair_count", store=True,
        help="Duos from Proposed to Mentoring. Stored so that the database itself refuses a "
             "duo beyond the mentor's capacity, even from two sessions at once.",
    )
    training_attendance_ids = fields.One2many("duo.training.attendance", "mentor_id")
    training_missing_module_ids = fields.Many2many(
        "duo.training.module", compute="_compute_training", string="Modules still to attend"
    )
    training_done = fields.Boolean(compute="_compute_training", string="Training complete")

    _capacity_positive = models.Constraint(
        "CHECK (capacity >= 0)", "A mentor's capacity cannot be negative."
    )
    _capacity_respected = models.Constraint(
        "CHECK (open_pair_count <= capacity)",
        "This mentor has reached their capacity of open duos.",
    )

    # Sessions (information session, training, intervisions) and evaluations of a mentor.
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


    @api.depends("pair_ids.is_open")
    def _compute_open_pair_count(self):
        counts = dict(self.env["duo.pair"]._read_group(
            [("mentor_id", "in", self.ids), ("is_open", "=", True)], ["mentor_id"], ["__count"]
        ))
        for mentor in self:
            mentor.open_pair_count = counts.get(mentor, 0)

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

    def _gdpr_personal_fields(self):
        return [*super()._gdpr_personal_fields(), "job_title", "career_summary", "motivation"]

    def _eligibility_depends(self):
        return [*super()._eligibility_depends(), "experience_years"]

    def _eligibility_problems(self):
        self.ensure_one()
        centre = self.centre_id
        problems = []
        if not self.birthdate:
            problems.append(self.env._("birth date unknown"))
        elif self.age < centre.mentor_min_age:
            problems.append(self.env._("age %(age)s is under %(min)s", age=self.age,
                                       min=centre.mentor_min_age))
        if centre.mentor_min_experience and self.experience_years < centre.mentor_min_experience:
            problems.append(self.env._("less than %s years of professional experience",
                                       centre.mentor_min_experience))
        return problems

    def _stage_gate_problems(self):
        problems = super()._stage_gate_problems()
        if self.stage_code in ("ready", "matched") and not self.training_done:
            problems.append(self.env._(
                "the 4-day training is not complete (missing: %s)",
                ", ".join(self.training_missing_module_ids.mapped("name")),
            ))
        return problems

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
