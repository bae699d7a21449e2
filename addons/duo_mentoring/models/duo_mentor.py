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

    _capacity_positive = models.Constraint(
        "CHECK (capacity >= 0)", "A mentor's capacity cannot be negative."
    )
    _capacity_respected = models.Constraint(
        "CHECK (open_pair_count <= capacity)",
        "This mentor has reached their capacity of open duos.",
    )



    @api.depends("pair_ids.is_open")
    def _compute_open_pair_count(self):
        counts = dict(self.env["duo.pair"]._read_group(
            [("mentor_id", "in", self.ids), ("is_open", "=", True)], ["mentor_id"], ["__count"]
        ))
        for mentor in self:
            mentor.open_pair_count = counts.get(mentor, 0)

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
