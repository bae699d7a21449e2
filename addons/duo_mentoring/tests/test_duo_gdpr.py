import base64
import json
from datetime import date, timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import DuoCommon, create_test_users


class TestDuoGdpr(DuoCommon):
    def test_export_holds_everything_about_the_person(self):
        mentee = self.create_mentee(job_goal="Accountant", cv=base64.b64encode(b"%PDF-1.4 my cv"),
                                    cv_filename="cv.pdf")
        pair = self.create_pair(mentee=mentee)
        self.env["duo.meeting"].create({"pair_id": pair.id, "date": date.today(),
                                        "topics": "Mock interview"})
        mentee.message_post(body="Called about the CV workshop.")
        mentee.activity_schedule("mail.mail_activity_data_todo", summary="Call back Amina")
        action = mentee.with_user(self.user_manager).action_gdpr_export()
        self.assertEqual(action["url"], f"/duo/gdpr/export/duo.mentee/{mentee.id}")
        data = json.loads(json.dumps(mentee._gdpr_export_data(), default=str))
        record = data["mentee"][0]
        self.assertEqual(record["job_goal"], "Accountant")
        self.assertEqual(base64.b64decode(record["cv"]), b"%PDF-1.4 my cv", "the CV is included")
        self.assertEqual(data["contact"][0]["email"], mentee.email)
        self.assertEqual(record["nationality_id"][0], self.morocco.id,
                         "special-category data is part of the export")
        self.assertEqual(data["duos"][0]["name"], pair.name)
        self.assertEqual(data["meetings"][0]["topics"], "Mock interview")
        self.assertTrue(any("CV workshop" in m["body"] for m in data["messages"]))
        self.assertEqual(data["activities"][0]["summary"], "Call back Amina")
        self.assertEqual(data["languages"][0]["level"], "b2")
        self.assertFalse(self.env["ir.attachment"].search(
            [("res_model", "=", "duo.mentee"), ("res_id", "=", mentee.id),
             ("mimetype", "=", "application/json")]), "nothing is stored")

    def test_only_managers_handle_requests(self):
        mentee = self.create_mentee()
        with self.assertRaises(AccessError):
            mentee.with_user(self.user_coordinator_bxl).action_gdpr_export()
        with self.assertRaises(AccessError):
            mentee.with_user(self.user_coordinator_bxl).action_gdpr_erase()

    def test_erasure_anonymises_and_keeps_statistics(self):
        mentee = self.create_mentee(job_goal="Nurse", cv=base64.b64encode(b"%PDF-1.4 cv"),
                                    cv_filename="cv.pdf", phone="+32 470 55 66 77")
        pair = self.create_pair(mentee=mentee)
        self.env["duo.goal"].create({"pair_id": pair.id, "name": "Nursing job in Brussels"})
        mentee.message_post(body="Private note about her family.")
        pair.activity_schedule("mail.mail_activity_data_todo", summary=f"Call {mentee.name}")
        email, name = mentee.email, mentee.name
        contact = mentee.partner_id
        # A change of the contact left its old values in the history.
        contact.with_context(tracking_disable=False).write({"phone": "+32 470 00 00 01"})
        messages_before = self.env["mail.message"].search_count([])
        mentee.with_user(self.user_manager).action_gdpr_erase()
        mentee.invalidate_recordset()
        self.assertTrue(mentee.gdpr_erased_date)
        self.assertFalse(mentee.active)
        self.assertFalse(contact.email)
        self.assertIn("Anonymised", contact.name)
        self.assertFalse(contact.active)
        self.assertFalse(mentee.birthdate)
        self.assertFalse(mentee.cv)
        self.assertFalse(mentee.job_goal)
        self.assertFalse(mentee.sudo().nationality_id)
        self.assertFalse(mentee.language_skill_ids)
        self.assertFalse(self.env["mail.message"].search(
            [("model", "in", ("duo.mentee", "duo.pair", "res.partner")),
             ("res_id", "in", (mentee.id, pair.id, contact.id))]))
        self.assertFalse(pair.activity_ids)
        self.assertLessEqual(self.env["mail.message"].search_count([]), messages_before,
                             "the erasure writes no new history")
        self.assertFalse(self.env["mail.tracking.value"].search(
            [("old_value_char", "ilike", "+32 470")]))
        self.assertEqual(pair.goal_ids.name, "(anonymised)")
        self.assertTrue(pair.exists(), "the duo stays for the programme's statistics")
        self.assertFalse(pair.is_open, "an open duo ends: the mentor is free again")
        self.assertEqual(pair.stage_code, "ended")
        self.assertEqual(pair.centre_id, self.centre_bxl)
        self.assertNotIn(name, pair.name)
        self.assertFalse(self.env["res.partner"].with_context(active_test=False).search(
            [("email", "=", email)]))

    def test_erasure_leaves_a_shared_contact_alone(self):
        """After staff merged contacts, the erased record gets an anonymous contact of its
        own; the contact a user or another person relies on is untouched."""
        mentor = self.create_mentor(partner_id=self.user_plain.partner_id.id,
                                    name="Plain Employee")
        mentor.with_user(self.user_manager).action_gdpr_erase()
        self.assertEqual(self.user_plain.partner_id.name, "Plain Employee")
        self.assertNotEqual(mentor.partner_id, self.user_plain.partner_id)
        self.assertIn("Anonymised", mentor.name)
        first = self.create_mentee(stage="interview")
        second = self.create_mentor(partner_id=first.partner_id.id, name=first.name)
        second.with_user(self.user_manager).action_gdpr_erase()
        self.assertEqual(first.partner_id.name, first.name)
        self.assertNotIn("Anonymised", first.name)
        self.assertTrue(first.partner_id.email)

    def test_erasure_deletes_the_duos_own_events_only(self):
        """A meeting linked to an event of something else (staff's board meeting) does not
        bring that event into the person's data: it is neither exported nor deleted."""
        mentee = self.create_mentee()
        pair = self.create_pair(mentee=mentee)
        now = fields.Datetime.now()
        Event = self.env["calendar.event"]
        own = Event.create({"name": "Duo meeting", "start": now, "stop": now,
                            "res_model_id": self.env["ir.model"]._get_id("duo.pair"),
                            "res_id": pair.id})
        board = Event.create({"name": "Board meeting", "start": now, "stop": now})
        self.env["duo.meeting"].create([
            {"pair_id": pair.id, "date": date.today(), "calendar_event_id": own.id},
            {"pair_id": pair.id, "date": date.today(), "calendar_event_id": board.id},
        ])
        data = json.loads(json.dumps(mentee._gdpr_export_data(), default=str))
        self.assertEqual([event["name"] for event in data["calendar"]], ["Duo meeting"])
        mentee.with_user(self.user_manager).action_gdpr_erase()
        self.assertFalse(own.exists())
        self.assertTrue(board.exists())

    def test_erased_files_leave_the_file_store_after_commit(self):
        mentee = self.create_mentee(cv=base64.b64encode(b"%PDF-1.4 unique cv 8731"),
                                    cv_filename="cv.pdf")
        with patch.object(type(self.env["ir.attachment"]), "_gc_file_store") as collect:
            mentee.with_user(self.user_manager).action_gdpr_erase()
            self.env.cr.postcommit.run()
        collect.assert_called()

    def test_retention_cron_anonymises_people_who_left_long_ago(self):
        withdrawn = self._stage("duo.intake.stage", "withdrawn")
        left_long_ago = self.create_mentee(stage="interview")
        left_recently = self.create_mentee(stage="interview")
        still_in = self.create_mentee(stage="interview")
        now = fields.Datetime.now()
        with freeze_time(now - timedelta(days=800)):
            left_long_ago.write({"stage_id": withdrawn.id, "close_reason": "Moved abroad"})
        left_recently.write({"stage_id": withdrawn.id, "close_reason": "Found a job"})
        self.env["duo.mentee"]._cron_gdpr_retention()
        self.assertTrue(left_long_ago.gdpr_erased_date)
        self.assertFalse(left_recently.gdpr_erased_date)
        self.assertFalse(still_in.gdpr_erased_date)
        self.env["ir.config_parameter"].set_param("duo_mentoring.retention_months", 1)
        with freeze_time(now + timedelta(days=40)):
            self.env["duo.mentee"]._cron_gdpr_retention()
        self.assertTrue(left_recently.gdpr_erased_date)
        self.assertFalse(still_in.gdpr_erased_date)


@tagged("post_install", "-at_install")
class TestDuoGdprDownload(HttpCase):
    def test_export_is_a_download_for_managers_only(self):
        manager, coordinator = create_test_users(
            self.env, ("gdpr_mgr", "GDPR Manager", "duo_mentoring.group_duo_manager"),
            ("gdpr_coord", "GDPR Coordinator", "duo_mentoring.group_duo_user"))
        centre = self.env.ref("duo_mentoring.duo_centre_brussels")
        centre.user_ids |= coordinator
        mentee = self.env["duo.mentee"].create({
            "name": "Export Me", "email": "export.me@example.com", "centre_id": centre.id})
        url = f"/duo/gdpr/export/duo.mentee/{mentee.id}"
        self.authenticate("gdpr_coord", "gdpr_coord")
        self.assertNotEqual(self.url_open(url).status_code, 200)
        self.authenticate("gdpr_mgr", "gdpr_mgr")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment;", response.headers["Content-Disposition"])
        self.assertEqual(response.json()["contact"][0]["email"], "export.me@example.com")
        self.assertEqual(self.url_open("/duo/gdpr/export/res.partner/1").status_code, 404)
        self.assertEqual(manager.partner_id.name, "GDPR Manager")

    def test_cvs_are_downloaded_never_rendered(self):
        create_test_users(self.env, ("cv_mgr", "CV Manager", "duo_mentoring.group_duo_manager"))
        centre = self.env.ref("duo_mentoring.duo_centre_brussels")
        mentee = self.env["duo.mentee"].create({
            "name": "Has CV", "centre_id": centre.id, "cv_filename": "cv.pdf",
            "cv": base64.b64encode(b"%PDF-1.4 a cv")})
        self.authenticate("cv_mgr", "cv_mgr")
        attachment = self.env["ir.attachment"].search([
            ("res_model", "=", "duo.mentee"), ("res_id", "=", mentee.id), ("res_field", "=", "cv")])
        for url in (f"/web/content/duo.mentee/{mentee.id}/cv", f"/web/content/{attachment.id}"):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertEqual(response.headers["Content-Type"], "application/octet-stream", url)
            self.assertEqual(response.content, b"%PDF-1.4 a cv")
