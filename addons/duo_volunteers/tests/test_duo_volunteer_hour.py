from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import DuoVolunteersCommon


@tagged("at_install", "-post_install")
class TestDuoVolunteerHour(DuoVolunteersCommon):
    def _log(self, volunteer, mission, hours, day=None, user=None):
        Hour = self.env["duo.volunteer.hour"]
        if user:
            Hour = Hour.with_user(user)
        return Hour.create({
            "volunteer_id": volunteer.id, "mission_id": mission.id, "hours": hours,
            "date": day or date.today(),
        })

    def test_staff_approval_and_totals(self):
        first = self._log(self.vol_karim, self.mission_bxl, 3, user=self.user_vol_coord)
        second = self._log(self.vol_karim, self.mission_bxl, 2.5, user=self.user_vol_coord)
        self.assertEqual(first.state, "to_approve")
        self.assertEqual(self.vol_karim.hours_to_approve, 5.5)
        self.assertEqual(self.vol_karim.hours_approved, 0)
        (first | second).with_user(self.user_vol_coord).action_approve()
        self.assertEqual(first.approved_by_id, self.user_vol_coord)
        self.vol_karim.invalidate_recordset(["hours_approved", "hours_to_approve"])
        self.assertEqual(self.vol_karim.hours_approved, 5.5)
        self.assertEqual(self.vol_karim.hours_to_approve, 0)
        second.action_refuse()
        self.vol_karim.invalidate_recordset(["hours_approved"])
        self.assertEqual(self.vol_karim.hours_approved, 3)

    def test_totals_per_month_and_kind(self):
        hours = self._log(self.vol_karim, self.mission_bxl, 2, day=date(2025, 3, 4))
        hours |= self._log(self.vol_karim, self.mission_bxl, 3, day=date(2025, 3, 11))
        hours |= self._log(self.vol_karim, self.mission_bxl, 1, day=date(2025, 4, 1))
        hours |= self._log(self.vol_els, self.mission_other, 4, day=date(2025, 3, 20))
        hours.action_approve()
        groups = self.env["duo.volunteer.hour"]._read_group(
            [("id", "in", hours.ids), ("state", "=", "approved")],
            ["volunteer_id", "date:month", "help_kind_id"],
            ["hours:sum"],
        )
        totals = {(v.id, str(month), kind.id): total for v, month, kind, total in groups}
        self.assertEqual(totals[(self.vol_karim.id, "2025-03-01", self.kind_listening.id)], 5)
        self.assertEqual(totals[(self.vol_karim.id, "2025-04-01", self.kind_listening.id)], 1)
        self.assertEqual(totals[(self.vol_els.id, "2025-03-01", self.kind_translation.id)], 4)

    def test_portal_volunteer_cannot_approve(self):
        hours = self._log(self.vol_karim, self.mission_bxl, 2, user=self.user_portal)
        self.assertEqual(hours.state, "to_approve")
        self.assertEqual(hours.source, "portal")
        with self.assertRaises(AccessError):
            hours.with_user(self.user_portal).action_approve()
        hours.with_user(self.user_vol_coord).action_approve()
        with self.assertRaises(AccessError):
            hours.with_user(self.user_portal).hours = 8

    def test_portal_cannot_hand_pending_hours_to_another_volunteer(self):
        # Els is on the same mission: only the record rules stand in the way.
        self.env["duo.volunteer.signup"].create({
            "mission_id": self.mission_bxl.id, "volunteer_id": self.vol_els.id,
        })
        hours = self._log(self.vol_karim, self.mission_bxl, 2, user=self.user_portal)
        with self.assertRaises(AccessError):
            hours.with_user(self.user_portal).volunteer_id = self.vol_els
        self.assertEqual(hours.volunteer_id, self.vol_karim)

    def test_portal_cannot_log_on_a_mission_of_someone_else(self):
        with self.assertRaises(ValidationError):
            self._log(self.vol_karim, self.mission_other, 2, user=self.user_portal)
        with self.assertRaises(AccessError):
            self._log(self.vol_els, self.mission_other, 2, user=self.user_portal)

    def test_hours_need_a_signup(self):
        with self.assertRaises(ValidationError):
            self._log(self.vol_els, self.mission_bxl, 2)
