import os
import re
from datetime import date, datetime

from dateutil.relativedelta import relativedelta
from psycopg2 import sql

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import config

from odoo.addons.duo_event.tests.common import DuoEventCommon
from odoo.addons.duo_mentoring.tests.pdf_samples import build_pdf

NAME = "Zelda Quixotic-Brightwater"
EMAIL = "zelda.qb.9731@example.org"
PHONE = "0470 97 31 00"
CV = build_pdf(b"", b"(ZELDA-CV-UNIQUE-9731)")
# What must not be found anywhere after the erasure: the surname, the email's local part,
# the phone number as typed, formatted or sanitised.
NEEDLES = ["Quixotic", "zelda.qb.9731", "470 97 31 00", "470973100", "ZELDA-CV-UNIQUE"]
# Tables where a hit would be expected and harmless, with the reason: none today.
ALLOWED = {}


@tagged("post_install", "-at_install")
class TestErasureLeavesNothingBehind(DuoEventCommon, HttpCase):
    """A mentee applies on the website, goes through the information session, the duo, its
    first meeting, meetings, goals, evaluations and emails; the erasure then leaves her name,
    email, phone and CV nowhere in the database or the file store."""

    def _apply_on_the_website(self):
        page = self.url_open("/duo/apply/mentee")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        commune = self.env.ref("duo_mentoring.duo_commune_1000")
        response = self.url_open("/duo/apply/mentee", data={
            "csrf_token": token, "name": NAME, "email": EMAIL, "phone": PHONE,
            "job_goal": f"Accountant, says {NAME}",
            "birthdate": (date.today() - relativedelta(years=25)).isoformat(),
            "commune_id": str(commune.id),
            "sector_ids": [str(self.env["duo.sector"].search([], limit=1).id)],
            "slot_ids": [str(self.env.ref("duo_mentoring.duo_slot_tuesday_evening").id)],
            "language_1": str(self.lang_fr.id), "level_1": "b2", "consent": "1",
        }, files={"cv": ("zelda cv.pdf", CV, "application/pdf")})
        self.assertEqual(response.status_code, 200)
        # The follow-up the post triggered (consent note with the IP, confirmation email).
        self.env["duo.website.application"]._cron_application_followup()
        return self.env["duo.mentee"].search([("application_email", "=", EMAIL)])

    def _scan_database(self):
        """Every text, varchar and json column of every table, for every needle."""
        self.env.flush_all()
        cr = self.env.cr
        cr.execute("""
            SELECT c.table_name, c.column_name
              FROM information_schema.columns c
              JOIN information_schema.tables t
                ON t.table_name = c.table_name AND t.table_schema = c.table_schema
             WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
               AND c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea')
        """)
        hits = []
        pattern = "|".join(re.escape(needle) for needle in NEEDLES)
        for table, column in cr.fetchall():
            if table in ALLOWED:
                continue
            cr.execute(sql.SQL("SELECT count(*) FROM {} WHERE {}::text ~* %s").format(
                sql.Identifier(table), sql.Identifier(column)), [pattern])
            count = cr.fetchone()[0]
            if count:
                hits.append(f"{table}.{column}: {count}")
        return hits

    def _scan_file_store(self):
        root = os.path.join(config.filestore(self.env.cr.dbname))
        found = []
        for dirpath, _dirs, filenames in os.walk(root):
            for filename in filenames:
                path = os.path.join(dirpath, filename)
                with open(path, "rb") as handle:
                    if b"ZELDA-CV-UNIQUE" in handle.read():
                        found.append(path)
        return found

    def test_erasure_scan(self):
        mentee = self._apply_on_the_website()
        self.assertTrue(mentee.cv)
        self.assertTrue(self._scan_file_store(), "the CV is in the file store before")
        # Staff take her through the cycle: information session, eligibility, the duo.
        info = self.create_session(self.type_info, datetime(2030, 3, 2, 9))
        self.env.flush_all()  # the session was saved before she registers
        registration = self.register(info, mentee)
        # Odoo's event mail cron sends the confirmation (with its ticket and calendar file).
        self.env["event.mail"].schedule_communications()
        self.assertTrue(registration.message_ids or self.env["mail.mail"].search_count(
            [("model", "=", "event.registration"), ("res_id", "=", registration.id)]))
        registration.action_set_done()
        mentee.sudo().write({"nationality_id": self.morocco.id, "residence_status": "long_term",
                             "interview_date": date.today(),
                             "interview_notes": f"<p>{NAME} is motivated.</p>"})
        mentee.partner_id.with_context(tracking_disable=False).write(
            {"street": "Rue Quixotic 12"})
        mentee.action_mark_ready()
        mentor = self.create_mentor(slot_ids=[Command.set(mentee.slot_ids.ids)])
        pair = self.create_pair(mentee=mentee, mentor=mentor)
        pair.action_resend_proposal()
        # Her portal login (duo_portal), used below to log a meeting with a worry.
        pair.action_duo_portal_invite()
        portal_user = mentee.partner_id.user_ids
        self.assertTrue(portal_user._is_portal())
        pair.action_schedule_first_meeting()
        self.hold_first_meeting(pair)
        pair.action_accept_mentee()
        pair.action_accept_mentor()
        pair.write(self.AGREEMENT_ACCEPTED)
        pair.action_sign_agreement()
        pair.action_start_mentoring()
        self.env["duo.meeting"].create({"pair_id": pair.id, "date": pair.start_date,
                                        "topics": f"CV of {NAME}", "notes": f"{NAME} smiled"})
        pair.message_post(body=f"Spoke with {NAME} ({EMAIL}).")
        portal_meeting = self.env["duo.meeting"].with_user(portal_user).create(
            {"pair_id": pair.id, "topics": f"Interview of {NAME}", "rating": "2"})
        portal_meeting.sudo().write({"concern": True, "concern_note": f"{NAME} is worried"})
        pair.sudo()._duo_raise_concern("mentee", f"{NAME} is unsure", portal_meeting)
        pair.activity_schedule("mail.mail_activity_data_todo", summary=f"Call {NAME}")
        mentee.activity_schedule("mail.mail_activity_data_todo", note=f"Phone {PHONE}")
        pair.outcome = "job"
        pair.action_complete()
        answer = self.env["survey.user_input"].search([("duo_mentee_id", "=", mentee.id)],
                                                      limit=1)
        self.assertTrue(answer, "an evaluation went to her")
        question = answer.survey_id.question_ids.filtered(
            lambda q: q.question_type == "text_box")[:1]
        if question:
            answer._save_lines(question, f"Thanks, {NAME}")
        self.assertTrue(self.env["mail.mail"].search_count([("recipient_ids", "in",
                                                             mentee.partner_id.ids)]))
        self.assertTrue(self._scan_database(), "the scan finds her before the erasure")

        mentee.with_user(self.user_manager).action_gdpr_erase()
        # In production the file-store collector runs right after the commit.
        self.env["ir.attachment"]._gc_file_store_unsafe()
        self.assertEqual(self._scan_database(), [])
        self.assertEqual(self._scan_file_store(), [])
        self.assertTrue(pair.exists() and answer.exists() and registration.exists(),
                        "anonymous statistics are kept")
