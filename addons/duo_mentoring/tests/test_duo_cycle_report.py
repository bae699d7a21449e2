
from .common import DuoCommon


class TestDuoCycleReport(DuoCommon):
    def _counts(self, centre):
        report = self.env["duo.cycle.report"]
        report.invalidate_model()
        self.env.flush_all()
        return {
            (step, kind): count
            for step, kind, count in report._read_group(
                [("centre_id", "=", centre.id)], ["step", "kind"], ["count:sum"]
            )
        }

    def test_every_step_counted_per_centre(self):
        before = self._counts(self.centre_bxl)
        self.create_mentee(stage="info_session")
        self.create_mentee(stage="interview")
        self.create_mentor(stage="training")
        self.create_mentor(stage="evaluation")
        self.create_mentee()  # ready to match: step 5
        pair = self.create_pair()
        pair.action_schedule_first_meeting()
        self.create_mentee(stage="info_session", centre_id=self.centre_lgg.id)
        after = self._counts(self.centre_bxl)

        def delta(step, kind):
            return after.get((step, kind), 0) - before.get((step, kind), 0)

        self.assertEqual(delta("1", "mentee"), 1, "Liège's applicant is not counted here")
        self.assertEqual(delta("2", "mentee"), 1)
        self.assertEqual(delta("3", "mentor"), 1)
        self.assertEqual(delta("4", "mentor"), 1)
        self.assertEqual(delta("5", "mentee"), 1)
        self.assertEqual(delta("6", "pair"), 1)

    def test_coordinator_sees_only_own_centre_in_overview(self):
        self.create_mentee(stage="info_session", centre_id=self.centre_lgg.id)
        self.env.flush_all()
        rows = self.env["duo.cycle.report"].with_user(self.user_coordinator_bxl).search([])
        self.assertFalse(rows.filtered(lambda r: r.centre_id == self.centre_lgg))
