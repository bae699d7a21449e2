from odoo.exceptions import AccessError

from .common import DuoVolunteersCommon


class TestDuoVolunteerGdpr(DuoVolunteersCommon):
    def test_erasure_follows_the_volunteer_map(self):
        contact = self.env["res.partner"].create({
            "name": "Nadia Volunteer", "email": "nadia.vol@example.com",
            "phone": "+32 470 40 50 60"})
        volunteer = self.env["duo.volunteer"].create({
            "partner_id": contact.id, "centre_id": self.centre_bxl.id,
            "notes": "<p>Nadia prefers evenings</p>",
            "help_kind_ids": [(6, 0, self.kind_translation.ids)],
            "translation_pair_ids": [(0, 0, {"source_lang_id": self.lang_fr.id,
                                             "target_lang_id": self.lang_nl.id})],
        })
        self.env["duo.volunteer.signup"].create({"mission_id": self.mission_other.id,
                                                 "volunteer_id": volunteer.id})
        hour = self.env["duo.volunteer.hour"].create({
            "volunteer_id": volunteer.id, "mission_id": self.mission_other.id, "hours": 2,
            "description": "Translated Nadia's own CV"})
        volunteer.message_post(body="Nadia called.")
        data = volunteer.with_user(self.user_vol_manager)._gdpr_export_data()
        self.assertEqual(data["contact"][0]["email"], "nadia.vol@example.com")
        self.assertEqual(data["hours"][0]["description"], "Translated Nadia's own CV")
        with self.assertRaises(AccessError):
            volunteer.with_user(self.user_vol_coord).action_gdpr_erase()
        volunteer.with_user(self.user_vol_manager).action_gdpr_erase()
        self.assertTrue(volunteer.gdpr_erased_date)
        self.assertFalse(volunteer.active)
        self.assertFalse(contact.email or contact.phone)
        self.assertNotIn("Nadia", contact.name)
        self.assertFalse(volunteer.notes)
        self.assertFalse(volunteer.translation_pair_ids)
        self.assertFalse(hour.description)
        self.assertEqual(hour.hours, 2, "the hours stay for the activity figures")
        self.assertFalse(volunteer.message_ids)

    def test_a_volunteer_who_is_also_a_mentor_keeps_the_shared_contact(self):
        contact = self.env["res.partner"].create({"name": "Both Roles",
                                                  "email": "both@example.com"})
        self.env["duo.mentor"].create({"name": "Both Roles", "partner_id": contact.id,
                                       "centre_id": self.centre_bxl.id})
        volunteer = self.env["duo.volunteer"].create({"partner_id": contact.id,
                                                      "centre_id": self.centre_bxl.id})
        volunteer.with_user(self.user_vol_manager).action_gdpr_erase()
        self.assertEqual(contact.email, "both@example.com")
        self.assertNotEqual(volunteer.partner_id, contact)
