from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class DuoVolunteerHour(models.Model):
    """Time a volunteer spent on a mission, logged by staff or by the volunteer on the portal
    and approved by staff."""

    _name = "duo.volunteer.hour"
    _description = "Volunteer Hours"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    volunteer_id = fields.Many2one(
        "duo.volunteer", required=True, ondelete="restrict", index=True, tracking=True
    )
    mission_id = fields.Many2one(
        "duo.volunteer.mission", required=True, ondelete="restrict", index=True, tracking=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    hours = fields.Float(required=True, digits=(16, 2), tracking=True)
    description = fields.Char()
    state = fields.Selection(
        [("to_approve", "To approve"), ("approved", "Approved"), ("refused", "Refused")],
        default="to_approve",
        required=True,
        tracking=True,
        index=True,
    )
    source = fields.Selection(
        [("staff", "Staff"), ("portal", "Portal")], default="staff", required=True, readonly=True
    )
    help_kind_id = fields.Many2one(
        related="mission_id.help_kind_id", store=True, string="Kind of help"
    )
    centre_id = fields.Many2one(related="mission_id.centre_id", store=True, index=True)
    company_id = fields.Many2one(related="mission_id.company_id", store=True)
    approved_by_id = fields.Many2one("res.users", string="Approved by", readonly=True)
    approved_date = fields.Date(readonly=True)

    _hours_positive = models.Constraint(
        "CHECK (hours > 0 AND hours <= 24)", "Hours must be between 0 and 24 per entry."
    )

    @api.depends("volunteer_id", "mission_id", "hours")
    def _compute_display_name(self):
        for hour in self:
            hour.display_name = self.env._(
                "%(volunteer)s: %(hours)s h on %(mission)s",
                volunteer=hour.volunteer_id.name,
                hours=hour.hours,
                mission=hour.mission_id.name,
            )

    def _is_staff(self):
        return self.env.su or self.env.user.has_group("duo_volunteers.group_duo_volunteer_user")

    @api.constrains("volunteer_id", "mission_id")
    def _check_volunteer_signed_up(self):
        signups = self.env["duo.volunteer.signup"].search([
            ("mission_id", "in", self.mission_id.ids),
            ("volunteer_id", "in", self.volunteer_id.ids),
            ("state", "=", "confirmed"),
        ])
        signed = {(s.mission_id.id, s.volunteer_id.id) for s in signups}
        for hour in self:
            if (hour.mission_id.id, hour.volunteer_id.id) not in signed:
                raise ValidationError(self.env._(
                    "%s is not signed up for this mission.", hour.volunteer_id.name
                ))

    @api.model_create_multi
    def create(self, vals_list):
        if not self._is_staff():
            for vals in vals_list:
                # volunteers log hours; only staff approve them
                vals.update(state="to_approve", source="portal")
                vals.pop("approved_by_id", None)
                vals.pop("approved_date", None)
        return super().create(vals_list)

    def write(self, vals):
        if not self._is_staff():
            if {"state", "approved_by_id", "approved_date", "source"} & set(vals):
                raise AccessError(self.env._("Only staff can approve volunteer hours."))
            if any(hour.state != "to_approve" for hour in self):
                raise AccessError(self.env._("Approved or refused hours cannot be changed."))
        result = super().write(vals)
        # Record rules judge the hours as they were: moving them to another volunteer or
        # mission must leave them within the user's reach too.
        if not self.env.su and {"volunteer_id", "mission_id"} & set(vals):
            self.check_access("write")
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        if any(hour.state == "approved" for hour in self):
            raise ValidationError(self.env._("Approved hours cannot be deleted."))

    def action_approve(self):
        self.write({
            "state": "approved",
            "approved_by_id": self.env.user.id,
            "approved_date": fields.Date.context_today(self),
        })

    def action_refuse(self):
        self.write({"state": "refused", "approved_by_id": False, "approved_date": False})

    def action_reset(self):
        self.write({"state": "to_approve", "approved_by_id": False, "approved_date": False})
