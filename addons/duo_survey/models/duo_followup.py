from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

FOLLOWUP_MONTHS = [("3", "3 months"), ("6", "6 months"), ("12", "12 months")]
SITUATIONS = [
    ("open_ended", "Job: open-ended contract"),
    ("fixed_term_long", "Job: fixed-term contract of 3 months or more"),
    ("short_job", "Job: shorter contract"),
    ("internship", "Internship"),
    ("training", "Qualifying training"),
    ("job_seeking", "Job seeking"),
    ("unreachable", "Could not be reached"),
]
STABLE_SITUATIONS = ("open_ended", "fixed_term_long")
POSITIVE_SITUATIONS = ("open_ended", "fixed_term_long", "short_job", "internship", "training")
# A follow-up more than this late when the cron first sees it is not created any more
# (duos closed long before the follow-ups existed).
LATE_WINDOW_DAYS = 90


class DuoFollowup(models.Model):
    """A short check-in with the mentee 3, 6 and 12 months after the duo ended."""

    _name = "duo.followup"
    _description = "Follow-up after a duo"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "due_date desc, id desc"
    _rec_name = "mentee_id"

    pair_id = fields.Many2one("duo.pair", string="Duo", required=True, index=True,
                              ondelete="cascade")
    mentee_id = fields.Many2one(related="pair_id.mentee_id", store=True, index=True)
    mentor_id = fields.Many2one(related="pair_id.mentor_id", store=True)
    centre_id = fields.Many2one(related="pair_id.centre_id", store=True, index=True)
    company_id = fields.Many2one(related="pair_id.company_id", store=True)
    user_id = fields.Many2one(
        "res.users", string="Coordinator", tracking=True,
        compute="_compute_user_id", store=True, readonly=False,
        domain="[('share', '=', False)]",
    )
    months = fields.Selection(FOLLOWUP_MONTHS, string="After", required=True)
    due_date = fields.Date(required=True)
    date = fields.Date(string="Checked on", tracking=True)
    situation = fields.Selection(SITUATIONS, tracking=True)
    notes = fields.Text()
    state = fields.Selection(
        [("todo", "To do"), ("done", "Done")], compute="_compute_state", store=True,
    )

    _pair_months_uniq = models.Constraint(
        "unique (pair_id, months)", "A duo has one follow-up per milestone.",
    )

    @api.depends("pair_id.user_id")
    def _compute_user_id(self):
        for followup in self:
            followup.user_id = (
                followup.pair_id.user_id or followup.pair_id.centre_id.coordinator_ids[:1]
            )

    @api.depends("situation", "date")
    def _compute_state(self):
        for followup in self:
            followup.state = "done" if followup.situation and followup.date else "todo"

    def _compute_display_name(self):
        months = dict(self._fields["months"]._description_selection(self.env))
        for followup in self:
            followup.display_name = " – ".join(
                filter(None, [followup.mentee_id.name, months.get(followup.months)])
            )

    def action_done(self):
        for followup in self.filtered(lambda f: not f.date):
            followup.date = fields.Date.context_today(followup)
        self.activity_feedback(["duo_survey.mail_activity_type_duo_followup"])
        return True

    @api.model
    def _cron_create_due(self):
        """Daily: create the follow-ups that fell due and give the coordinator an activity."""
        today = fields.Date.context_today(self)
        oldest_end = today - relativedelta(months=12, days=LATE_WINDOW_DAYS)
        pairs = self.env["duo.pair"].search([
            ("stage_code", "in", ("completed", "ended")),
            ("end_date", ">=", oldest_end), ("end_date", "<=", today - relativedelta(months=3)),
        ])
        existing = {
            (f.pair_id.id, f.months)
            for f in self.search([("pair_id", "in", pairs.ids)])
        }
        vals_list = []
        for pair in pairs:
            for months, _label in FOLLOWUP_MONTHS:
                due = pair.end_date + relativedelta(months=int(months))
                late = (today - due).days
                if (pair.id, months) not in existing and 0 <= late <= LATE_WINDOW_DAYS:
                    vals_list.append({"pair_id": pair.id, "months": months, "due_date": due})
        followups = self.create(vals_list)
        for followup in followups:
            user = followup.user_id or self.env.user
            followup.activity_schedule(
                "duo_survey.mail_activity_type_duo_followup",
                date_deadline=followup.due_date + relativedelta(days=7),
                # In the coordinator's own language.
                note=followup.with_context(lang=user.lang).env._(
                    "Call %s and record their situation.", followup.mentee_id.name),
                user_id=user.id,
            )
        return followups
