from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import DuoDashboardCommon, read_pivots


def one(groups):
    """The single group of a pivot without rows."""
    assert len(groups) == 1, groups
    return groups[0]


def by(groups, field, key=lambda value: value):
    return {key(group[field]): group for group in groups}


@tagged("post_install", "-at_install")
class TestDuoDashboardFigures(DuoDashboardCommon):
    """A known cohort in its own centre; every figure of the programme dashboard is checked
    against the value worked out by hand below."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Intake: who waits in which stage, for how long (days).
        cls.person_in("mentee", "info_session", 3)
        cls.person_in("mentee", "interview", 10)
        cls.person_in("mentor", "interview", 20)
        cls.person_in("mentee", "ready", 12, ready_days=12)
        cls.person_in("mentor", "ready", 4, ready_days=4)
        # Finished duos (cohorts by start year): f1 got a job and kept it, f2 nothing yet,
        # f3 ended early (moved) after a training, then a short job.
        cls.f1 = cls.duo("completed", start_ago=400, end_ago=218, created_ago=420,
                         outcome="job", meetings=range(390, 230, -16))
        cls.f2 = cls.duo("completed", start_ago=300, end_ago=118, created_ago=310,
                         outcome="none")
        cls.f3 = cls.duo("ended", start_ago=200, end_ago=150, created_ago=210,
                         outcome="training", end_reason="Moved to Antwerp",
                         close_reason_id=cls.env.ref("duo_mentoring.duo_close_reason_moved").id)
        Followup = cls.env["duo.followup"]
        for pair, months, situation in ((cls.f1, "3", "open_ended"), (cls.f1, "6", "open_ended"),
                                        (cls.f1, "12", "open_ended"),
                                        (cls.f2, "3", "job_seeking"), (cls.f3, "3", "short_job")):
            Followup.create({"pair_id": pair.id, "months": months, "due_date": cls.today,
                             "date": cls.today, "situation": situation})
        cls.r1 = cls.duo("rejected", created_ago=100, rejection_reason="No common ground",
                         close_reason_id=cls.env.ref(
                             "duo_mentoring.duo_close_reason_mismatch").id)
        # Open duos: f1's mentor comes back for d_ok (so 1 of 3 finished duos' mentors).
        cls.d_ok = cls.duo("mentoring", start_ago=90, created_ago=95, mentor=cls.f1.mentor_id,
                           meetings=[80, 65, 50, 35, 20, 5])
        cls.d_idle = cls.duo("mentoring", start_ago=60, created_ago=65, meetings=[40])
        cls.d_worry = cls.duo("mentoring", start_ago=45, created_ago=50, meetings=[30, 20, 10])
        cls.d_concern = cls.duo("agreement", created_ago=30)
        cls.d_proposed = cls.duo("proposed", created_ago=0)
        cls.d_proposed.mentee_id.date_ready = cls.d_proposed.create_date - timedelta(days=20)
        cls.d_concern.activity_schedule("duo_portal.mail_activity_type_duo_concern",
                                        user_id=cls.user_coordinator_dsh.id)
        # Pulses: d_ok was worried at its first round, reassured at its latest; d_worry's
        # latest answered round is worrying (an unanswered later one does not count).
        pulse = cls.env.ref("duo_survey.survey_duo_pulse")
        cls.env["survey.user_input"].create([
            {"survey_id": pulse.id, "duo_evaluation": "pulse", "duo_pair_id": pair.id,
             "duo_role": "mentee", "duo_due_date": cls.days_ago(due), "state": state,
             "duo_negative": negative}
            for pair, due, state, negative in (
                (cls.d_ok, 60, "done", True), (cls.d_ok, 0, "done", False),
                (cls.d_worry, 15, "done", True), (cls.d_worry, 1, "new", False),
                (cls.d_idle, 30, "done", False),
            )
        ])
        # Matching sessions: two held (6 mentees ready, 3 duos created), one draft.
        Session = cls.env["duo.matching.session"]
        mentees = cls.env["duo.mentee"].search([("centre_id", "=", cls.centre.id)], limit=4)
        mentors = cls.env["duo.mentor"].search([("centre_id", "=", cls.centre.id)], limit=3)
        s1 = Session.create({"centre_id": cls.centre.id, "state": "done",
                             "candidate_mentee_ids": [(6, 0, mentees.ids)],
                             "candidate_mentor_ids": [(6, 0, mentors.ids)]})
        s2 = Session.create({"centre_id": cls.centre.id, "state": "done",
                             "candidate_mentee_ids": [(6, 0, mentees[:2].ids)],
                             "candidate_mentor_ids": [(6, 0, mentors[:2].ids)]})
        Session.create({"centre_id": cls.centre.id, "state": "draft",
                        "candidate_mentee_ids": [(6, 0, mentees.ids)]})
        Proposal = cls.env["duo.matching.proposal"]
        for session, pair, state in ((s1, cls.d_ok, "accepted"), (s1, cls.d_idle, "accepted"),
                                     (s1, None, "excluded"), (s2, cls.d_worry, "accepted")):
            Proposal.create({"session_id": session.id, "state": state,
                             "mentee_id": (pair or cls.d_proposed).mentee_id.id,
                             "mentor_id": (pair or cls.d_proposed).mentor_id.id,
                             "pair_id": pair.id if pair else False})
        cls.env.flush_all()

    def figures(self, user=None, period=None):
        env = self.env(user=user or self.user_manager)
        return read_pivots(env, centre=self.centre, period=period)

    def test_intake_and_waiting(self):
        figures = self.figures()
        intake = by(figures["Applicants by intake stage"], "stage_id", lambda v: v[1])
        stage = {code: self._stage("duo.intake.stage", code).name
                 for code in ("info_session", "interview", "ready")}
        self.assertEqual(set(intake), set(stage.values()))
        self.assertEqual(intake[stage["info_session"]]["person_count:sum"], 1)
        self.assertEqual(intake[stage["info_session"]]["days_in_stage:avg"], 3)
        self.assertEqual(intake[stage["interview"]]["person_count:sum"], 2)
        self.assertEqual(intake[stage["interview"]]["days_in_stage:avg"], 15)  # (10 + 20) / 2
        self.assertEqual(intake[stage["interview"]]["max_days_in_stage:max"], 20)
        self.assertEqual(intake[stage["ready"]]["person_count:sum"], 2)
        ready = by(figures["Ready to match, waiting for a duo"], "role")
        self.assertEqual(ready["mentee"]["days_ready:avg"], 12)
        self.assertEqual(ready["mentor"]["days_ready:avg"], 4)
        total = self.env["duo.intake.report"]._read_group(
            [("centre_id", "=", self.centre.id), ("stage_code", "=", "ready")], [],
            ["ready_count:sum", "days_ready:avg", "max_days_ready:max"])[0]
        self.assertEqual(total, (2, 8.0, 12))  # (12 + 4) / 2
        waited = self.env["duo.pair.report"].search([("pair_id", "=", self.d_proposed.id)])
        self.assertEqual(waited.days_waiting, 20)

    def test_matching_sessions(self):
        sessions = one(self.figures()["Matching sessions held"])
        self.assertEqual(sessions["session_count:sum"], 2)
        self.assertEqual(sessions["candidate_mentee_count:sum"], 6)
        self.assertEqual(sessions["candidate_mentor_count:sum"], 5)
        self.assertEqual(sessions["proposal_count:sum"], 3)  # the excluded one is not
        self.assertEqual(sessions["pair_count:sum"], 3)  # match rate 3 / 6 = 50 %

    def test_open_duos_risk_and_meetings(self):
        figures = self.figures()
        open_by_stage = by(figures["Open duos by stage"], "stage_id", lambda v: v[1])
        stage = {code: self._stage("duo.pair.stage", code).name
                 for code in ("mentoring", "agreement", "proposed")}
        self.assertEqual({name: g["pair_count:sum"] for name, g in open_by_stage.items()},
                         {stage["mentoring"]: 3, stage["agreement"]: 1, stage["proposed"]: 1})
        risk = one(figures["Open duos at risk"])
        self.assertEqual(risk["pair_count:sum"], 5)
        self.assertEqual(risk["no_meeting_count:sum"], 1)  # d_idle: last met 40 days ago
        self.assertEqual(risk["concern_count:sum"], 1)  # d_concern
        self.assertEqual(risk["pulse_worry_count:sum"], 1)  # d_worry, not d_ok any more
        self.assertEqual(risk["at_risk_count:sum"], 3)
        # Meetings per 30 days of mentoring: 6*30/90 = 2, 1*30/60 = 0.5, 3*30/45 = 2.
        self.assertAlmostEqual(risk["meetings_per_month:avg"], 1.5)
        rows = self.env["duo.pair.report"].search([("centre_id", "=", self.centre.id),
                                                   ("at_risk_count", "=", 1)])
        self.assertEqual(rows.pair_id, self.d_idle | self.d_worry | self.d_concern)
        # The meetings chart counts every meeting of the centre, per month.
        meetings = self.env["duo.meeting"]._read_group(
            [("centre_id", "=", self.centre.id)], ["date:month"], ["__count"])
        self.assertEqual(sum(count for _month, count in meetings), 10 + 6 + 1 + 3)

    def test_outcomes_against_targets(self):
        figures = self.figures()
        outcomes = one(figures["Outcomes of the finished duos"])
        self.assertEqual(outcomes["finished_count:sum"], 3)
        expected = {
            "positive_end_rate:avg": 200 / 3,  # job, none, training
            "positive_3m_rate:avg": 200 / 3,  # open-ended, job seeking, short job
            "positive_6m_rate:avg": 100,  # f1 only was called at 6 months
            "positive_12m_at_rate:avg": 100,
            "positive_12m_rate:avg": 200 / 3,
            "job_12m_rate:avg": 200 / 3,  # f1's job, f3's short job
            "stable_job_rate:avg": 100 / 3,  # f1's open-ended contract
            "mentor_return_rate:avg": 100 / 3,  # f1's mentor took d_ok
        }
        for measure, value in expected.items():
            self.assertAlmostEqual(outcomes[measure], value, places=6, msg=measure)
        targets = {g["measure"]: g["target:max"] for g in figures["Published targets"]}
        self.assertEqual(targets, {"positive_12m_rate": 72, "job_12m_rate": 53,
                                   "stable_job_rate": 50, "mentor_return_rate": 82})
        # Targets are data: a manager changes one, the dashboard follows.
        self.env.ref("duo_dashboard.duo_dashboard_target_job_12m").target = 60
        targets = {g["measure"]: g["target:max"]
                   for g in self.figures()["Published targets"]}
        self.assertEqual(targets["job_12m_rate"], 60)
        # Per cohort (the year each mentoring started), worked out from the start dates.
        expected_cohorts = {}
        for pair, positive in ((self.f1, 100), (self.f2, 0), (self.f3, 100)):
            expected_cohorts.setdefault(str(pair.start_date.year), []).append(positive)
        cohorts = {g["cohort"]: g["positive_12m_rate:avg"]
                   for g in figures["Outcomes by cohort"]}
        self.assertEqual(cohorts, {year: sum(v) / len(v)
                                   for year, v in expected_cohorts.items()})

    def test_closing_reasons_and_period(self):
        reasons = {g["close_reason_id"][1]: g["pair_count:sum"]
                   for g in self.figures()["Closing reasons"]}
        self.assertEqual(reasons, {"Moved": 1, "Mismatch": 1})
        # The period filter: only f3 of the finished duos started in the last 250 days.
        period = (self.days_ago(250), self.today)
        outcomes = one(self.figures(period=period)["Outcomes of the finished duos"])
        self.assertEqual(outcomes["finished_count:sum"], 1)
        self.assertEqual(outcomes["positive_12m_rate:avg"], 100)
        reasons = {g["close_reason_id"][1] for g in self.figures(period=period)[
            "Closing reasons"]}
        self.assertEqual(reasons, {"Moved", "Mismatch"})

    def test_centre_staff_see_their_centre_only(self):
        mine = self.figures(user=self.user_coordinator_dsh)
        self.assertEqual(one(mine["Open duos at risk"])["pair_count:sum"], 5)
        theirs = self.figures(user=self.user_coordinator_lgg)
        self.assertFalse(theirs["Open duos at risk"][0]["pair_count:sum"])
        self.assertFalse(theirs["Applicants by intake stage"])
        for model in ("duo.pair.report", "duo.intake.report", "duo.matching.session.report"):
            self.assertFalse(self.env[model].with_user(self.user_coordinator_lgg).search_count(
                [("centre_id", "=", self.centre.id)]), model)
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.user_plain).search([])
        with self.assertRaises(AccessError):
            self.env["duo.campaign.report"].with_user(self.user_coordinator_dsh).search([])


@tagged("post_install", "-at_install")
class TestDuoDashboardFundraising(DuoDashboardCommon):
    def test_campaign_progress(self):
        campaign = self.env["duo.campaign"].create({"name": "Winter", "target_amount": 10000})
        donor = self.env["res.partner"].create({"name": "Donor"})
        gifts = self.env["duo.gift"].create([
            {"partner_id": donor.id, "campaign_id": campaign.id, "amount": amount,
             "gift_type": kind}
            for amount, kind in ((1500, "one_off"), (2500, "one_off"), (1000, "one_off"),
                                 (300, "in_kind"))
        ])
        (gifts[:2] | gifts[3]).write({"state": "received"})
        self.env.flush_all()
        groups = read_pivots(self.env, "duo_dashboard.spreadsheet_dashboard_duo_fundraising")
        row = by(groups["Campaigns"], "campaign_id", lambda v: v[0])[campaign.id]
        # Cash received only: 1,500 + 2,500 (the draft gift and the gift in kind are not).
        self.assertEqual((row["raised_amount:sum"], row["target_amount:sum"],
                          row["gift_count:sum"]), (4000, 10000, 2))

    def test_every_dashboard_reads_for_its_audience(self):
        for xmlid in ("duo_dashboard.spreadsheet_dashboard_duo_programme",
                      "duo_dashboard.spreadsheet_dashboard_duo_volunteers",
                      "duo_dashboard.spreadsheet_dashboard_duo_fundraising"):
            dashboard = self.env.ref(xmlid)
            self.assertTrue(read_pivots(self.env, xmlid), xmlid)
            self.assertTrue(dashboard.is_published)
        programme = self.env.ref("duo_dashboard.spreadsheet_dashboard_duo_programme")
        self.assertTrue(read_pivots(self.env(user=self.user_coordinator_dsh)))
        self.assertIn(programme, self.env["spreadsheet.dashboard"].with_user(
            self.user_coordinator_dsh).search([]))
