from datetime import timedelta

from odoo import api, fields, models


class DuoVolunteerSignup(models.Model):
    """A volunteer signed up for a mission."""

    _name = "duo.volunteer.signup"
    _description = "Volunteer Sign-up"
    _order = "date_start desc, id desc"

    mission_id = fields.Many2one(
        "duo.volunteer.mission", required=True, ondelete="cascade", index=True
    )
    volunteer_id = fields.Many2one(
        "duo.volunteer", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one(related="volunteer_id.partner_id", string="Contact")
    state = fields.Selection(
        [("confirmed", "Confirmed"), ("cancel", "Cancelled")],
        default="confirmed",
        required=True,
    )
    date_start = fields.Datetime(related="mission_id.date_start", store=True)
    centre_id = fields.Many2one(related="mission_id.centre_id", store=True, index=True)
    company_id = fields.Many2one(related="mission_id.company_id", store=True)
    help_kind_id = fields.Many2one(related="mission_id.help_kind_id")
    reminder_sent = fields.Boolean(copy=False)

    _mission_volunteer_uniq = models.Constraint(
        "unique (mission_id, volunteer_id)", "This volunteer is already signed up for the mission."
    )

    @api.depends("mission_id", "volunteer_id")
    def _compute_display_name(self):
        for signup in self:
            signup.display_name = f"{signup.volunteer_id.name} – {signup.mission_id.name}"

    def action_cancel(self):
        self.write({"state": "cancel"})

    def action_confirm(self):
        self.write({"state": "confirmed", "reminder_sent": False})

    @api.model
    def _cron_send_reminders(self):
        """Daily: remind volunteers of the missions starting within the configured number of
        days (``duo_volunteers.reminder_days``, 2 by default), in their own language."""
        # sudo: system parameters are readable by administrators only; this one is harmless
        params_sudo = self.env["ir.config_parameter"].sudo()
        days = int(params_sudo.get_param("duo_volunteers.reminder_days", 2))
        now = fields.Datetime.now()
        signups = self.search([
            ("state", "=", "confirmed"),
            ("reminder_sent", "=", False),
            ("mission_id.state", "=", "open"),
            ("date_start", ">=", now),
            ("date_start", "<=", now + timedelta(days=days)),
        ])
        signups = signups.filtered(lambda s: s.volunteer_id.email)
        if not signups:
            return
        template = self.env.ref("duo_volunteers.mail_template_mission_reminder")
        template.send_mail_batch(signups.ids)
        signups.reminder_sent = True
