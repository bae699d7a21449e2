from odoo import fields, models


class DuoCentre(models.Model):
    """A DUO centre (Brussels, Liège, Antwerp...). People and duos belong to one centre and
    staff only see the centres they are assigned to."""

    _name = "duo.centre"
    _description = "DUO Centre"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short code used in references, e.g. BXL.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_id = fields.Many2one("res.partner", string="Address", help="Postal address.")
    coordinator_ids = fields.Many2many(
        "res.users",
        "duo_centre_coordinator_rel",
        "centre_id",
        "user_id",
        string="Coordinators",
        help="Staff who receive the centre's activities (new applications, inactive duos...).",
    )
    user_ids = fields.Many2many(
        "res.users",
        "duo_centre_user_rel",
        "centre_id",
        "user_id",
        string="Staff with access",
        help="Staff allowed to see this centre's people and duos. Managers see every centre.",
    )

    # Eligibility rules, per centre (defaults: the programme as it runs in Brussels).
    mentee_min_age = fields.Integer(default=18)
    mentee_max_age = fields.Integer(default=33)
    mentee_requires_non_eu_origin = fields.Boolean(
        string="Mentees need a non-EU origin", default=True,
        help="Non-EU nationality, or a parent or grandparent born outside the EU.",
    )
    mentee_requires_permit = fields.Boolean(
        string="Mentees need a long-term residence permit", default=True
    )
    mentor_min_age = fields.Integer(default=50)
    mentor_min_experience = fields.Integer(
        string="Mentors' minimum years of experience", default=1
    )
    allow_cross_centre_matching = fields.Boolean(
        help="Matching may pair people of this centre with people of other centres."
    )

    _code_uniq = models.Constraint("unique (code, company_id)", "A centre code must be unique.")
