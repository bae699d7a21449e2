import base64
import json
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError

from .common import DuoCommon


class TestDuoGdpr(DuoCommon):
    def test_export_holds_everything_about_the_person(self):
        mentee = self.create_mentee(job_goal="Accountant")
        pair = self.create_pair(mentee=mentee)
        mentee.message_post(body="Called about the CV workshop.")
        action = mentee.with_user(self.user_manager).action_gdpr_export()
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "duo.mentee"), ("res_id", "=", mentee.id)]
        )
        self.assertIn(f"/web/content/{attachment.id}", action["url"])
        data = json.loads(base64.b64decode(attachment.datas))
        self.assertEqual(data["record"]["job_goal"], "Accountant")
        self.assertEqual(data["contact"]["email"], mentee.email)
        self.assertEqual(data["record"]["nationality_id"][0], self.morocco.id,
                         "special-category data is part of the export")
        self.assertEqual(data["duos"][0]["name"], pair.name)
        self.assertTrue(any("CV workshop" in m["body"] for m in data["messages"]))
        self.assertEqual(data["languages"][0]["level"], "b2")

    def test_only_managers_handle_requests(self):
        mentee = self.create_mentee()
        with self.assertRaises(AccessError):
            mentee.with_user(self.user_coordinator_bxl).action_gdpr_export()
        with self.assertRaises(AccessError):
            mentee.with_user(self.user_coordinator_bxl).action_gdpr_erase()

    def test_erasure_anonymises_and_keeps_statistics(self):
        mentee = self.create_mentee(job_goal="Nurse", cv=base64.b64encode(b"%PDF-1.4 cv"),
                                    cv_filename="cv.pdf")
        pair = self.create_pair(mentee=mentee)
        mentee.message_post(body="Private note about her family.")
        email = mentee.email
        mentee.with_user(self.user_manager).action_gdpr_erase()
        mentee.invalidate_recordset()
        self.assertTrue(mentee.gdpr_erased_date)
        self.assertFalse(mentee.active)
        self.assertNotIn(email, mentee.partner_id.email or "")
        self.assertIn("Anonymised", mentee.partner_id.name)
        self.assertFalse(mentee.birthdate)
        self.assertFalse(mentee.cv)
        self.assertFalse(mentee.job_goal)
        self.assertFalse(mentee.sudo().nationality_id)
        self.assertFalse(mentee.language_skill_ids)
        self.assertFalse(self.env["mail.message"].search(
            [("model", "=", "duo.mentee"), ("res_id", "=", mentee.id)]))
        self.assertTrue(pair.exists(), "the duo stays for the programme's statistics")
        self.assertEqual(pair.centre_id, self.centre_bxl)

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
