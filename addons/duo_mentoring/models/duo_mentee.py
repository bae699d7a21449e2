from odoo import api, fields, models

RESIDENCE_STATUSES = [
    ("long_term", "Long-term residence permit"),
    ("temporary", "Temporary residence permit"),
    ("refugee", "Recognised refugee"),
    ("subsidiary", "Subsidiary protection"),
    ("applicant", "Asylum applicant"),
    ("belgian", "Belgian nationality"),
    ("other", "Other"),
]
VALID_RESIDENCE_STATUSES = ("long_term", "refugee", "subsidiary", "belgian")


class DuoMentee(models.Model):
    """A young job seeker who came from outside the EU and is looking for work."""

    _name = "duo.mentee"
    _description = "Mentee"
    _inherit = ["duo.person.mixin"]
    _duo_role = "mentee"

    language_skill_ids = fields.One2many("duo.language.skill", "mentee_id", string="Languages")
    job_goal = fields.Char(string="Job goal", tracking=True)
    pair_ids = fields.One2many("duo.pair", "mentee_id", string="Duos")
    pair_count = fields.Integer(compute="_compute_pair_count")
    active_pair_id = fields.Many2one("duo.pair", compute="_compute_pair_count", string="Duo")

    # Special-category data: only for staff who check eligibility (need-to-know).
    nationality_id = fields.Many2one(
        "res.country", groups="duo_mentoring.group_duo_sensitive", tracking=True
    )
    has_non_eu_origin = fields.Boolean(
        string="Parent or grandparent born outside the EU",
        groups="duo_mentoring.group_duo_sensitive",
    )
    residence_status = fields.Selection(
        RESIDENCE_STATUSES, groups="duo_mentoring.group_duo_sensitive", tracking=True
    )
    residence_valid_until = fields.Date(
        string="Permit valid until", groups="duo_mentoring.group_duo_sensitive"
    )


    @api.depends("pair_ids.is_open")
    def _compute_pair_count(self):
        # One query for the whole batch, not one per mentee.
        counts = dict(self.env["duo.pair"]._read_group(
            [("mentee_id", "in", self.ids)], ["mentee_id"], ["__count"]
        ))
        open_pairs = self.env["duo.pair"].search([("mentee_id", "in", self.ids),
                                                  ("is_open", "=", True)])
        open_by_mentee = {pair.mentee_id: pair for pair in open_pairs}
        for mentee in self:
            mentee.pair_count = counts.get(mentee, 0)
            mentee.active_pair_id = open_by_mentee.get(mentee, False)

    # Computed from the special-category fields above, and redacted for users without the
    # sensitive group (only the verdict and neutral reasons); see _eligibility_problems.
    _duo_redacted_fields = ("eligibility_issues", "is_eligible")

    def _gdpr_personal_fields(self):
        return [*super()._gdpr_personal_fields(), "job_goal", "nationality_id",
                "has_non_eu_origin", "residence_status", "residence_valid_until"]

    def _eligibility_depends(self):
        return [*super()._eligibility_depends(), "nationality_id", "has_non_eu_origin",
                "residence_status", "residence_valid_until"]

    def _eligibility_problems(self):
        self.ensure_one()
        # Eligibility reads special-category fields that plain coordinators cannot see;
        # only the verdict and its explanation are shown to them.
        mentee_sudo = self.sudo()
        centre = mentee_sudo.centre_id
        problems = []
        if not self.birthdate:
            problems.append(self.env._("birth date unknown"))
        elif not centre.mentee_min_age <= self.age <= centre.mentee_max_age:
            problems.append(self.env._("age %(age)s is outside %(min)s–%(max)s", age=self.age,
                                       min=centre.mentee_min_age, max=centre.mentee_max_age))
        if centre.mentee_requires_non_eu_origin:
            eu = self.env.ref("base.europe", raise_if_not_found=False)
            nationality = mentee_sudo.nationality_id
            non_eu = nationality and eu and nationality not in eu.country_ids
            if not non_eu and not mentee_sudo.has_non_eu_origin:
                problems.append(self.env._("no non-EU nationality or family origin recorded"))
        if centre.mentee_requires_permit:
            valid_until = mentee_sudo.residence_valid_until
            if mentee_sudo.residence_status not in VALID_RESIDENCE_STATUSES:
                problems.append(self.env._("no valid long-term residence permit recorded"))
            elif valid_until and valid_until < fields.Date.context_today(self):
                if self.env.su or self.env.user.has_group("duo_mentoring.group_duo_sensitive"):
                    problems.append(self.env._("the residence permit expired on %s",
                                               valid_until))
                else:
                    # The date is special-category data: only staff with the sensitive
                    # group read it.
                    problems.append(self.env._("the residence permit has expired"))
        spoken = self.language_skill_ids.filtered(
            lambda s: s.language_id.is_programme_language and s.level_rank >= 3
        )
        if not spoken:
            problems.append(self.env._("speaks none of French, Dutch or English at B1 or more"))
        return problems
