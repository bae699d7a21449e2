from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

INTERVISION_REQUIRED = 2
INTERVISION_EVERY_MONTHS = 2


class DuoPair(models.Model):
    """Programme activities of a duo and the mentor's intervisions during the mentoring."""

    _inherit = "duo.pair"

    programme_activity_ids = fields.Many2many(
        "duo.programme.activity", string="Programme activities",
        help="Workshops and resources the duo took part in.",
    )
    # Staff's follow-up of the mentor, not for portal users reading the duo.
    intervision_count = fields.Integer(
        compute="_compute_intervision", string="Intervisions attended", groups="base.group_user",
        help="Peer-exchange sessions the mentor attended during this mentoring period.",
    )
    intervision_behind = fields.Boolean(
        compute="_compute_intervision", string="Intervisions behind", groups="base.group_user",
        help="With the sessions left (one every two months), the mentor can no longer attend "
             "the two required during the mentoring period.",
    )

    @api.depends("start_date", "end_date", "planned_end_date", "mentor_id", "stage_code")
    def _compute_intervision(self):
        today = fields.Date.context_today(self)
        started = self.filtered("start_date")
        dates_by_mentor = defaultdict(list)
        if started:
            # Counting only: the coordinator of a duo sees how many sessions its mentor
            # attended, whoever organised them.
            registrations_sudo = self.env["event.registration"].sudo().search([
                ("duo_mentor_id", "in", started.mentor_id.ids),
                ("event_id.duo_kind", "=", "intervision"),
                ("state", "=", "done"),
                ("event_id.date_begin", ">=", fields.Datetime.to_datetime(
                    min(started.mapped("start_date")))),
            ])
            for registration in registrations_sudo:
                dates_by_mentor[registration.duo_mentor_id.id].append(
                    registration.event_id.date_begin.date()
                )
        for pair in self:
            end = pair.end_date or pair.planned_end_date or today
            count = sum(
                1 for day in dates_by_mentor.get(pair.mentor_id.id, [])
                if pair.start_date and pair.start_date <= day <= end
            )
            pair.intervision_count = count
            behind = False
            if pair.stage_code == "mentoring" and pair.start_date and count < INTERVISION_REQUIRED:
                left = relativedelta(end, today) if end > today else relativedelta()
                months_left = left.years * 12 + left.months
                behind = count + months_left // INTERVISION_EVERY_MONTHS < INTERVISION_REQUIRED
            pair.intervision_behind = behind

    @api.model
    def _cron_duo_check_intervisions(self):
        """Daily: the coordinator of a duo whose mentor falls behind on intervisions gets an
        activity (once while it is open)."""
        behind = self.search([("stage_code", "=", "mentoring")]).filtered("intervision_behind")
        behind._schedule_activity_once(
            "duo_event.mail_activity_type_duo_intervision",
            lambda env: env._("The mentor can no longer attend the %s intervisions required "
                              "during the mentoring: register them to the next session.",
                              INTERVISION_REQUIRED),
        )
