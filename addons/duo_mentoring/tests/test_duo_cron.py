from datetime import date, datetime

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from .common import DuoCommon


class TestDuoInactivityCron(DuoCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pair = cls.create_pair(user_id=cls.user_coordinator_bxl.id)
        cls.pair.write({
            "first_meeting_event_id": cls.env["calendar.event"].create({
                "name": "First", "start": "2026-01-05 10:00:00", "stop": "2026-01-05 11:00:00",
            }).id,
            "mentee_answer": "accepted", "mentor_answer": "accepted",
            "agreement_date": date(2026, 1, 6),
            **cls.AGREEMENT_ACCEPTED,
            "start_date": date(2026, 1, 7),
        })
        for code in ("first_meeting", "approved", "agreement", "mentoring"):
            cls.pair.stage_id = cls._stage("duo.pair.stage", code)
        cls.inactive_type = cls.env.ref("duo_mentoring.mail_activity_type_duo_inactive")
        cls.end_type = cls.env.ref("duo_mentoring.mail_activity_type_duo_end")

    def _activities(self, activity_type):
        return self.env["mail.activity"].search([
            ("res_model", "=", "duo.pair"), ("res_id", "=", self.pair.id),
            ("activity_type_id", "=", activity_type.id),
        ])

    def test_no_alert_while_meeting_weekly(self):
        self.env["duo.meeting"].create({"pair_id": self.pair.id, "date": date(2026, 2, 1)})
        with freeze_time("2026-02-10"):
            self.env["duo.pair"]._cron_check_duos()
        self.assertFalse(self._activities(self.inactive_type))

    def test_alert_after_14_days_once_for_the_coordinator(self):
        self.env["duo.meeting"].create({"pair_id": self.pair.id, "date": date(2026, 2, 1)})
        with freeze_time("2026-02-16"):
            self.env["duo.pair"]._cron_check_duos()
            self.env["duo.pair"]._cron_check_duos()
        activity = self._activities(self.inactive_type)
        self.assertEqual(len(activity), 1, "never twice while the first is open")
        self.assertEqual(activity.user_id, self.user_coordinator_bxl)

    def test_the_alert_speaks_the_coordinator_language(self):
        self.env["res.lang"]._activate_lang("nl_BE")
        self.env["ir.module.module"]._load_module_terms(["duo_mentoring"], ["nl_BE"])
        self.user_coordinator_bxl.lang = "nl_BE"
        with freeze_time("2026-01-30"):
            self.env["duo.pair"].with_context(lang="en_US")._cron_check_duos()
        self.assertIn("geen ontmoeting geregistreerd", self._activities(self.inactive_type).note)

    def test_delay_is_configurable(self):
        self.env["ir.config_parameter"].set_param("duo_mentoring.inactivity_days", 30)
        self.env["duo.meeting"].create({"pair_id": self.pair.id, "date": date(2026, 2, 1)})
        with freeze_time("2026-02-16"):
            self.env["duo.pair"]._cron_check_duos()
        self.assertFalse(self._activities(self.inactive_type))

    def test_duo_without_any_meeting_counts_from_start(self):
        with freeze_time("2026-01-30"):
            self.env["duo.pair"]._cron_check_duos()
        self.assertTrue(self._activities(self.inactive_type))

    def test_planned_end_raises_activity(self):
        self.env["duo.meeting"].create({"pair_id": self.pair.id, "date": date(2026, 7, 6)})
        with freeze_time(self.pair.planned_end_date - relativedelta(days=1)):
            self.env["duo.pair"]._cron_check_duos()
        self.assertFalse(self._activities(self.end_type))
        with freeze_time(self.pair.planned_end_date):
            self.env["duo.pair"]._cron_check_duos()
        self.assertTrue(self._activities(self.end_type))

    def test_cron_record_runs(self):
        cron = self.env.ref("duo_mentoring.ir_cron_duo_check_pairs")
        self.assertTrue(cron.active)
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "days"))
        with freeze_time("2026-03-01"):
            cron.ir_actions_server_id.run()
        self.assertTrue(self._activities(self.inactive_type))

    def test_search_filter_follows_the_setting(self):
        """The kanban's "No recent meeting" filter and the cron read the same setting."""
        self.env["duo.meeting"].create({"pair_id": self.pair.id, "date": date(2026, 2, 1)})
        Pair = self.env["duo.pair"]
        with freeze_time("2026-02-20"):
            self.assertIn(self.pair, Pair.search([("meeting_overdue", "=", True)]))
            self.assertTrue(self.pair.meeting_overdue)
            self.env["ir.config_parameter"].set_param("duo_mentoring.inactivity_days", 30)
            self.pair.invalidate_recordset(["meeting_overdue"])
            self.assertNotIn(self.pair, Pair.search([("meeting_overdue", "=", True)]))
            self.assertIn(self.pair, Pair.search([("meeting_overdue", "=", False)]))
            self.assertFalse(self.pair.meeting_overdue)


class TestDuoFirstMeetingCron(DuoCommon):
    """A proposed duo whose first meeting is still not scheduled some days after the proposal
    (10 unless the settings say otherwise): the coordinator gets an activity, once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-03-02 09:00:00"):
            cls.pair = cls.create_pair(user_id=cls.user_coordinator_bxl.id)
            cls.pair.action_propose()
        cls.first_meeting_type = cls.env.ref(
            "duo_mentoring.mail_activity_type_duo_first_meeting")

    def _activities(self):
        return self.env["mail.activity"].search([
            ("res_model", "=", "duo.pair"), ("res_id", "=", self.pair.id),
            ("activity_type_id", "=", self.first_meeting_type.id),
        ])

    def test_alert_after_10_days_once_for_the_coordinator(self):
        with freeze_time("2026-03-11 12:00:00"):
            self.env["duo.pair"]._cron_check_duos()
        self.assertFalse(self._activities(), "9 days: not yet")
        with freeze_time("2026-03-12 12:00:00"):
            self.env["duo.pair"]._cron_check_duos()
            self.env["duo.pair"]._cron_check_duos()
        activity = self._activities()
        self.assertEqual(len(activity), 1, "never twice on the same day")
        self.assertEqual(activity.user_id, self.user_coordinator_bxl)
        self.assertIn("Proposed 10 days ago", str(activity.note))
        self.assertEqual(self.pair.first_meeting_alert_date, date(2026, 3, 12))
        # Done without scheduling it: no second alert the next days (once per duo).
        activity.action_done()
        with freeze_time("2026-03-20 12:00:00"):
            self.env["duo.pair"]._cron_check_duos()
        self.assertFalse(self._activities())

    def test_no_alert_once_scheduled(self):
        with freeze_time("2026-03-05 09:00:00"):
            self.pair._schedule_first_meeting(datetime(2026, 3, 16, 9, 0))
        with freeze_time("2026-03-13 12:00:00"):
            self.env["duo.pair"]._cron_check_duos()
        self.assertFalse(self._activities())

    def test_not_proposed_no_alert(self):
        """A duo never emailed (a draft of the matching team) is not late."""
        draft = self.create_pair(user_id=self.user_coordinator_bxl.id)
        with freeze_time("2026-06-01"):
            self.env["duo.pair"]._cron_check_duos()
        self.assertFalse(self.env["mail.activity"].search([
            ("res_model", "=", "duo.pair"), ("res_id", "=", draft.id),
            ("activity_type_id", "=", self.first_meeting_type.id),
        ]))

    def test_delay_is_configurable(self):
        self.env["ir.config_parameter"].set_param("duo_mentoring.first_meeting_days", 20)
        with freeze_time("2026-03-12 12:00:00"):
            self.env["duo.pair"]._cron_check_duos()
        self.assertFalse(self._activities())
        with freeze_time("2026-03-22 12:00:00"):
            self.env["duo.pair"]._cron_check_duos()
        self.assertIn("Proposed 20 days ago", str(self._activities().note))

    def test_the_alert_speaks_the_coordinator_language(self):
        self.env["res.lang"]._activate_lang("nl_BE")
        self.env["ir.module.module"]._load_module_terms(["duo_mentoring"], ["nl_BE"])
        self.user_coordinator_bxl.lang = "nl_BE"
        with freeze_time("2026-03-12 12:00:00"):
            self.env["duo.pair"].with_context(lang="en_US")._cron_check_duos()
        self.assertIn("eerste ontmoeting", str(self._activities().note))
