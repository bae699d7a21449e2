from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import DuoVolunteersCommon


@tagged("at_install", "-post_install")
class TestDuoVolunteersAccess(DuoVolunteersCommon):
    def test_portal_volunteer_sees_only_own_records(self):
        hours = self.env["duo.volunteer.hour"].create([
            {"volunteer_id": self.vol_karim.id, "mission_id": self.mission_bxl.id, "hours": 2},
            {"volunteer_id": self.vol_els.id, "mission_id": self.mission_other.id, "hours": 3},
        ])
        env = self.env(user=self.user_portal)
        self.assertEqual(env["duo.volunteer.mission"].search([]), self.mission_bxl)
        self.assertEqual(env["duo.volunteer.signup"].search([]), self.signup_karim)
        self.assertEqual(env["duo.volunteer.hour"].search([]), hours[0])
        self.assertEqual(env["duo.volunteer"].search([]), self.vol_karim)
        with self.assertRaises(AccessError):
            self.mission_other.with_user(self.user_portal).read(["name"])
        with self.assertRaises(AccessError):
            hours[1].with_user(self.user_portal).read(["hours"])

    def test_plain_user_has_no_volunteer_access(self):
        with self.assertRaises(AccessError):
            self.env["duo.volunteer"].with_user(self.user_plain).search([])
        with self.assertRaises(AccessError):
            self.env["duo.volunteer.hour"].with_user(self.user_plain).search([])

    def test_coordinators_see_their_centre(self):
        Volunteer = self.env["duo.volunteer"]
        seen_bxl = Volunteer.with_user(self.user_vol_coord).search([])
        self.assertIn(self.vol_karim, seen_bxl)
        self.assertNotIn(self.vol_lgg, seen_bxl)
        seen_lgg = Volunteer.with_user(self.user_vol_coord_lgg).search([])
        self.assertIn(self.vol_lgg, seen_lgg)
        self.assertNotIn(self.vol_karim, seen_lgg)
        self.assertIn(self.vol_lgg, Volunteer.with_user(self.user_vol_manager).search([]))

    def test_only_managers_configure(self):
        stage = self.stage_applied
        with self.assertRaises(AccessError):
            stage.with_user(self.user_vol_coord).name = "Renamed"
        stage.with_user(self.user_vol_manager).name = "Renamed"
        self.assertEqual(stage.name, "Renamed")

    def test_other_company_volunteers_stay_hidden(self):
        other_company = self.env["res.company"].create({"name": "DUO Ghent"})
        volunteer = self.env["duo.volunteer"].create({
            "partner_id": self.env["res.partner"].create({"name": "Jan Ghent"}).id,
            "company_id": other_company.id,
            "centre_id": False,
        })
        self.assertNotIn(volunteer, self.env["duo.volunteer"].with_user(
            self.user_vol_manager).search([]))

    def test_coordinator_logs_hours_of_their_centre(self):
        hours = self.env["duo.volunteer.hour"].with_user(self.user_vol_coord).create({
            "volunteer_id": self.vol_karim.id, "mission_id": self.mission_bxl.id,
            "hours": 2, "date": date.today(),
        })
        hours.action_approve()
        self.assertEqual(hours.state, "approved")


@tagged("at_install", "-post_install")
class TestDuoVolunteerForm(DuoVolunteersCommon):
    def test_new_volunteer_saves_with_its_onboarding_checklist(self):
        """Volunteers > New > pick a contact > Save, as the form does it (the checklist's
        step column is read-only there)."""
        partner = self.env["res.partner"].create({"name": "New Volunteer"})
        with Form(self.env["duo.volunteer"].with_user(self.user_vol_coord)) as form:
            form.partner_id = partner
        volunteer = form.record
        self.assertEqual(volunteer.onboarding_line_ids.item_id,
                         self.env["duo.onboarding.item"].search([]))
