import re
from datetime import date
from unittest.mock import patch

from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.duo_mentoring.tests import pdf_samples
from odoo.addons.website_duo.models.duo_website_submission import RATE_LIMIT_PARAM

PDF = pdf_samples.PLAIN


class DuoWebsiteFormCommon(HttpCase):
    """A centre with a coordinator, reference data and helpers to post the public forms with
    the CSRF token of the page, as a browser does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param(RATE_LIMIT_PARAM, "0")
        cls.env["ir.config_parameter"].sudo().set_param(
            "duo_mentoring.privacy_notice_version", "2026-test")
        cls.commune = cls.env.ref("duo_mentoring.duo_commune_1000")
        cls.centre = cls.commune.centre_id
        cls.coordinator = new_test_user(
            cls.env, login="web_coord", name="Web Coordinator", email="web.coord@example.com",
            groups="duo_mentoring.group_duo_user",
        )
        cls.centre.coordinator_ids = cls.coordinator
        cls.section = cls.env["duo.sector"].search([("parent_id", "=", False)], limit=1)
        cls.lang_fr = cls.env.ref("duo_mentoring.duo_language_fr")
        cls.slots = cls.env["duo.availability.slot"].search([], limit=2)
        cls.info_stage = cls.env.ref("duo_mentoring.duo_intake_stage_info_session")

    def _token(self, path):
        page = self.url_open(path)
        self.assertEqual(page.status_code, 200, page.text[:500])
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def _post(self, path, data, files=None, token=None, follow_up=True):
        data = dict(data, csrf_token=token or self._token(path))
        if files is None:
            # A multipart body, as the browser sends it.
            files = {"cv": ("", b"", "application/octet-stream")}
        response = self.url_open(path, data=data, files=files, timeout=60)
        if follow_up:
            # The follow-up (consent note, to-do, confirmation) runs in the cron job the
            # post triggered; run it as the cron would, right after the request.
            self.env["duo.website.application"]._cron_application_followup()
        return response

    def _mentee_data(self, **values):
        data = {
            "name": "Amina Web",
            "email": "amina.web@example.com",
            "phone": "0470 12 34 56",
            "job_goal": "Accountant",
            "birthdate": (date.today() - relativedelta(years=25)).isoformat(),
            "gender": "female",
            "commune_id": str(self.commune.id),
            "sector_ids": [str(self.section.id)],
            "slot_ids": [str(slot.id) for slot in self.slots],
            "language_1": str(self.lang_fr.id),
            "level_1": "b2",
            "consent": "1",
        }
        data.update(values)
        return {key: value for key, value in data.items() if value is not None}

    def _mentor_data(self, **values):
        data = self._mentee_data(
            name="Marc Web", email="marc.web@example.com",
            birthdate=(date.today() - relativedelta(years=62)).isoformat(), job_goal=None,
        )
        data.update(job_title="Chief accountant", experience_years="35", capacity="2",
                    motivation="Passing on what I learnt.", career_summary="Audit, then CFO.")
        data.update(values)
        return {key: value for key, value in data.items() if value is not None}

    def _count(self, model="duo.mentee"):
        return self.env[model].with_context(active_test=False).search_count([])


@tagged("post_install", "-at_install")
class TestWebsiteForms(DuoWebsiteFormCommon):

    def test_mentee_application(self):
        response = self._post("/duo/apply/mentee", self._mentee_data(),
                              files={"cv": ("my cv.pdf", PDF, "application/pdf")})
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_duo_application_thanks", response.text)
        mentee = self.env["duo.mentee"].search([("email", "=", "amina.web@example.com")])
        self.assertEqual(len(mentee), 1)
        self.assertEqual(mentee.stage_id, self.info_stage)
        self.assertEqual(mentee.centre_id, self.centre)
        self.assertEqual(mentee.user_id, self.coordinator)
        self.assertEqual(mentee.phone, "+32 470 12 34 56")
        self.assertEqual(mentee.job_goal, "Accountant")
        self.assertEqual(mentee.sector_ids, self.section)
        self.assertEqual(mentee.slot_ids, self.slots)
        self.assertEqual(mentee.language_skill_ids.language_id, self.lang_fr)
        self.assertEqual(mentee.language_skill_ids.level, "b2")
        self.assertEqual(mentee.cv_filename, "my cv.pdf")
        self.assertTrue(mentee.cv)
        self.assertEqual(mentee.consent_channel, "website")
        self.assertEqual(mentee.consent_version, "2026-test")
        self.assertTrue(mentee.consent_date)
        self.assertEqual(mentee.consent_ip, "127.0.0.1")
        self.assertEqual(mentee.consent_lang, "en_US")
        self.assertEqual(mentee.contact_lang, "en_US")
        activity = mentee.activity_ids
        self.assertEqual(activity.user_id, self.coordinator)
        self.assertEqual(activity.activity_type_id, self.env.ref(
            "website_duo.mail_activity_type_duo_application"))
        # The confirmation is queued (never sent inside the request) and the generic
        # invitation is not sent on top of it.
        mails = self.env["mail.mail"].search([("model", "=", "duo.mentee"),
                                              ("res_id", "=", mentee.id)]).filtered(
            lambda mail: mentee.partner_id in mail.recipient_ids)
        self.assertEqual(len(mails), 1)
        self.assertEqual(mails.state, "outgoing")
        self.assertEqual(mails.subject, "We received your DUO application")

    def test_follow_up_is_queued_and_skips_erased_applications(self):
        cron = self.env.ref("website_duo.ir_cron_duo_application_followup")
        triggers = self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)])
        self._post("/duo/apply/mentee", self._mentee_data(), follow_up=False)
        mentee = self.env["duo.mentee"].search([("email", "=", "amina.web@example.com")])
        self.assertTrue(mentee.website_followup_pending)
        with self.assertRaisesRegex(AccessError, "queued by the forms only"):
            mentee.with_user(self.coordinator).website_followup_pending = True
        self.assertFalse(mentee.activity_ids, "the request only saves the application")
        self.assertEqual(self.env["ir.cron.trigger"].search_count(
            [("cron_id", "=", cron.id)]), triggers + 1)
        mentee.gdpr_erased_date = fields.Datetime.now()
        self.env["duo.website.application"]._cron_application_followup()
        self.assertFalse(mentee.website_followup_pending)
        self.assertFalse(mentee.activity_ids, "nothing is noted or sent about an erased "
                         "applicant")
        self.assertFalse(mentee.message_ids.filtered("body"))

    def test_thank_you_page_is_a_redirect_reloading_it_sends_nothing(self):
        response = self._post("/duo/apply/mentee", self._mentee_data())
        self.assertEqual([r.status_code for r in response.history], [303])
        self.assertTrue(response.url.endswith("/duo/apply/mentee/thanks"), response.url)
        self.assertIn("Thank you, Amina", response.text)
        count = self._count()
        again = self.url_open(response.url)  # the visitor reloads the page
        self.assertEqual(again.status_code, 200)
        self.assertIn("o_duo_application_thanks", again.text)
        self.assertEqual(self._count(), count)
        self.assertEqual(self.url_open("/duo/apply/nobody/thanks").status_code, 404)

    def test_invisible_characters_are_stripped_from_names_and_file_names(self):
        self._post("/duo/apply/mentee", self._mentee_data(name="Ami\u200bna \u202eWeb\u202c"),
                   files={"cv": ("cv\u202efdp.exe\u200d.pdf", PDF, "application/pdf")})
        mentee = self.env["duo.mentee"].search([("email", "=", "amina.web@example.com")])
        self.assertEqual(mentee.name, "Amina Web")
        self.assertEqual(mentee.cv_filename, "cvfdp.exe.pdf")

    def test_mentor_application(self):
        response = self._post("/duo/apply/mentor", self._mentor_data())
        self.assertEqual(response.status_code, 200)
        mentor = self.env["duo.mentor"].search([("email", "=", "marc.web@example.com")])
        self.assertEqual(len(mentor), 1)
        self.assertEqual(mentor.stage_id, self.info_stage)
        self.assertEqual((mentor.job_title, mentor.experience_years, mentor.capacity),
                         ("Chief accountant", 35, 2))
        self.assertEqual(mentor.motivation, "Passing on what I learnt.")
        self.assertEqual(mentor.consent_ip, "127.0.0.1")

    def test_existing_contact_is_never_changed(self):
        """A visitor typing a staff member's email gets a new contact of their own; staff see
        the possible duplicate, and erasing the application leaves the staff contact alone."""
        staff = self.coordinator.partner_id
        staff.phone = "+32 2 555 01 01"
        self._post("/duo/apply/mentee", self._mentee_data(
            name="Not The Coordinator", email="Web.Coord@example.com"))
        mentee = self.env["duo.mentee"].search(
            [("application_email", "=", "web.coord@example.com")])
        self.assertEqual(len(mentee), 1)
        self.assertNotEqual(mentee.partner_id, staff)
        self.assertEqual((staff.name, staff.email), ("Web Coordinator", "web.coord@example.com"))
        self.assertTrue(mentee.application_pending)
        self.assertEqual(mentee.duplicate_partner_ids, staff)
        self.assertIn("may be the same person", mentee.activity_ids.note)
        manager = new_test_user(self.env, login="web_mgr", groups="duo_mentoring.group_duo_manager")
        mentee.with_user(manager).action_gdpr_erase()
        self.assertEqual((staff.name, staff.email, staff.phone),
                         ("Web Coordinator", "web.coord@example.com", "+32 2 555 01 01"))

    def test_same_phone_as_an_earlier_applicant_is_a_new_application(self):
        self._post("/duo/apply/mentee", self._mentee_data())
        self._post("/duo/apply/mentee", self._mentee_data(
            name="Brother Web", email="brother.web@example.com"))
        sister, brother = (self.env["duo.mentee"].search([("email", "=", email)])
                           for email in ("amina.web@example.com", "brother.web@example.com"))
        self.assertTrue(brother, "the application is not lost")
        self.assertNotEqual(sister.partner_id, brother.partner_id)
        self.assertEqual(sister.name, "Amina Web")
        self.assertIn(sister.partner_id, brother.duplicate_partner_ids)

    def test_same_email_waiting_for_review_creates_nothing(self):
        first = self._post("/duo/apply/mentee", self._mentee_data())
        mentee = self.env["duo.mentee"].search([("email", "=", "amina.web@example.com")])
        activities, messages = mentee.activity_ids, mentee.message_ids
        mails = self.env["mail.mail"].search_count([])
        partners = self.env["res.partner"].search_count([])
        for _attempt in range(3):
            again = self._post("/duo/apply/mentee", self._mentee_data(
                name="Someone Else", email="AMINA.web@example.com"))
            self.assertEqual(again.url, first.url)
            self.assertIn("Thank you, Someone", again.text, "greets the typed name only")
        self.assertEqual(self.env["duo.mentee"].search_count(
            [("application_email", "=", "amina.web@example.com")]), 1)
        self.assertEqual(mentee.name, "Amina Web")
        self.assertEqual((mentee.activity_ids, mentee.message_ids), (activities, messages))
        self.assertEqual(self.env["mail.mail"].search_count([]), mails)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)
        # Once reviewed, the same person may apply again (staff see the duplicate).
        mentee.action_mark_reviewed()
        self._post("/duo/apply/mentee", self._mentee_data())
        self.assertEqual(self.env["duo.mentee"].search_count(
            [("application_email", "=", "amina.web@example.com")]), 2)

    def test_staff_read_the_application_in_their_language(self):
        langs = self.env["res.lang"]
        for code in ("fr_FR", "nl_BE"):
            langs |= langs._activate_lang(code)
        self.env["website"].search([]).language_ids |= langs
        self.env["ir.module.module"]._load_module_terms(["website_duo"], ["fr_FR", "nl_BE"])
        self.coordinator.lang = "nl_BE"
        self._post("/fr/duo/apply/mentee", self._mentee_data())
        mentee = self.env["duo.mentee"].search([("email", "=", "amina.web@example.com")])
        self.assertEqual(mentee.contact_lang, "fr_FR")
        activity = mentee.activity_ids
        self.assertEqual(activity.summary, "Nieuwe aanvraag via de website: Amina Web",
                         "in the coordinator's Dutch, naming the applicant")
        received = mentee.message_ids.filtered(lambda m: "IP" in (m.body or ""))
        self.assertEqual(received.author_id, mentee.partner_id, "not the public user")

    def test_bad_input_returns_the_form(self):
        too_young = (date.today() - relativedelta(years=15)).isoformat()
        cases = {
            "name": self._mentee_data(name=""),
            "email": self._mentee_data(email="not-an-email"),
            "phone": self._mentee_data(phone="12"),
            "birthdate": self._mentee_data(birthdate=too_young),
            "commune_id": self._mentee_data(commune_id="999999"),
            "sector_ids": self._mentee_data(sector_ids=["abc"]),
            "slot_ids": self._mentee_data(slot_ids=None),
            "consent": self._mentee_data(consent=None),
            "language_1": self._mentee_data(level_1="z9"),
            "job_goal": self._mentee_data(job_goal="x" * 5000),
        }
        before = self._count()
        for field, data in cases.items():
            with self.subTest(field=field):
                response = self._post("/duo/apply/mentee", data)
                self.assertEqual(response.status_code, 422)
                self.assertIn(f'id="{field}_error"', response.text)
                # The visitor's answers come back.
                if field != "name":
                    self.assertIn('value="Amina Web"', response.text)
        self.assertEqual(self._count(), before)

    def test_cv_checks(self):
        before = self._count()
        fake = b"MZ\x90\x00 this is an executable" + b"\x00" * 100
        line = b"1 0 obj << /Length 64 >> stream 0123456789abcdef endstream\n"
        big = b"%PDF-1.4\n" + line * (20 * 1024 * 1024 // len(line))
        for label, upload in (("fake", ("cv.pdf", fake, "application/pdf")),
                              ("20 MB", ("cv.pdf", big, "application/pdf")),
                              ("script", ("cv.pdf", pdf_samples.JAVASCRIPT, "application/pdf")),
                              ("launch", ("cv.pdf", pdf_samples.LAUNCH_OBFUSCATED,
                                          "application/pdf"))):
            with self.subTest(upload=label):
                response = self._post("/duo/apply/mentee", self._mentee_data(),
                                      files={"cv": upload})
                self.assertEqual(response.status_code, 422)
                self.assertIn('id="cv_error"', response.text)
        # Beyond what any CV needs, the body is refused before it is read.
        response = self._post("/duo/apply/mentee", self._mentee_data(),
                              files={"cv": ("cv.pdf", big + big, "application/pdf")})
        self.assertEqual(response.status_code, 413)
        self.assertEqual(self._count(), before)

    def test_markup_is_stripped_and_unknown_fields_ignored(self):
        data = self._mentee_data(
            name="<script>alert(1)</script><b>Amina</b> Web",
            job_goal='Nurse<img src=x onerror="alert(1)">',
            stage_id=str(self.env.ref("duo_mentoring.duo_intake_stage_ready").id),
            consent_version="forged", user_id="1", eligibility_override="1", priority="1",
        )
        response = self._post("/duo/apply/mentee", data)
        self.assertEqual(response.status_code, 200)
        mentee = self.env["duo.mentee"].search([("email", "=", "amina.web@example.com")])
        self.assertEqual(mentee.name, "Amina Web")
        self.assertEqual(mentee.job_goal, "Nurse")
        self.assertEqual(mentee.stage_id, self.info_stage)
        self.assertNotEqual(mentee.consent_version, "forged")
        self.assertEqual(mentee.user_id, self.coordinator)
        self.assertFalse(mentee.eligibility_override)
        self.assertEqual(mentee.priority, "0")

    def test_invalid_csrf_is_refused(self):
        before = self._count()
        response = self._post("/duo/apply/mentee", self._mentee_data(), token="forged")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self._count(), before)

    def test_honeypot(self):
        before = self._count()
        response = self._post("/duo/apply/mentee", self._mentee_data(company_website="x.io"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_duo_application_thanks", response.text)
        self.assertEqual(self._count(), before)

    def test_rate_limit(self):
        self.env["ir.config_parameter"].sudo().set_param(RATE_LIMIT_PARAM, "2")
        for index in range(2):
            self._post("/duo/apply/mentee", self._mentee_data(email=f"a{index}@example.com"))
        before = self._count()
        response = self._post("/duo/apply/mentee", self._mentee_data(email="a3@example.com"))
        self.assertEqual(response.status_code, 429)
        self.assertEqual(self._count(), before)

    def test_mail_failure_keeps_the_application(self):
        Mentee = type(self.env["duo.mentee"])
        with patch.object(Mentee, "message_post_with_source", autospec=True,
                          side_effect=ValueError("SMTP template broken")):
            response = self._post("/duo/apply/mentee", self._mentee_data())
        self.assertEqual(response.status_code, 200)
        mentee = self.env["duo.mentee"].search([("email", "=", "amina.web@example.com")])
        self.assertEqual(len(mentee), 1)
        self.assertIn("Confirmation email failed: Amina Web", mentee.activity_ids.mapped("summary"))

    def test_upcoming_sessions_on_thank_you_page(self):
        now = fields.Datetime.now()
        self.env["event.event"].create({
            "name": "Web information session", "is_published": True,
            "event_type_id": self.env.ref("duo_event.event_type_duo_info_session").id,
            "date_begin": now + relativedelta(days=5),
            "date_end": now + relativedelta(days=5, hours=2),
        })
        response = self._post("/duo/apply/mentee", self._mentee_data())
        self.assertIn("Web information session", response.text)
        mail = self.env["mail.mail"].search([("model", "=", "duo.mentee")], order="id desc",
                                            limit=1)
        self.assertIn("Web information session", str(mail.body_html))

    @settings(max_examples=12, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(name=st.text(max_size=300), phone=st.text(max_size=40),
           birthdate=st.text(max_size=12), commune=st.text(max_size=8))
    def test_random_input_never_breaks(self, name, phone, birthdate, commune):
        before = self._count()
        response = self._post("/duo/apply/mentee", self._mentee_data(
            name=name, phone=phone, birthdate=birthdate, commune_id=commune,
            email="random@example.com",
        ))
        self.assertIn(response.status_code, (200, 422))
        created = self.env["duo.mentee"].search([("email", "=", "random@example.com")])
        if response.status_code == 422:
            self.assertEqual(self._count(), before)
        else:
            self.assertIsNone(re.search(r"<[^>]*>", created.name))
            created.unlink()


@tagged("post_install", "-at_install")
class TestWebsiteFormTours(DuoWebsiteFormCommon):
    """The forms in French and in Dutch, through a browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        website = cls.env.ref("website.default_website")
        langs = cls.env["res.lang"]
        for code in ("fr_FR", "nl_BE"):
            langs |= cls.env["res.lang"]._activate_lang(code)
        website.language_ids |= langs

    def _check_person(self, model, email, lang):
        person = self.env[model].search([("email", "=", email)])
        self.assertEqual(len(person), 1, f"{email} should have applied")
        self.assertEqual(person.stage_id, self.info_stage)
        self.assertEqual(person.consent_lang, lang)
        self.assertEqual(person.contact_lang, "fr_FR" if lang == "fr_FR" else "nl_BE")
        self.assertEqual(person.partner_id.lang, lang)
        self.assertEqual(person.consent_channel, "website")
        self.assertEqual(person.consent_ip, "127.0.0.1")
        self.assertEqual(person.commune_id, self.env["duo.commune"].search([], limit=1))
        self.assertEqual(person.language_skill_ids.language_id, self.lang_fr)
        self.assertEqual(person.language_skill_ids.level, "c1")
        Slot = self.env["duo.availability.slot"]
        self.assertEqual(person.slot_ids, Slot.search([("weekday", "=", "0"),
                                                       ("day_part", "=", "morning")])
                         | Slot.search([("weekday", "=", "2"), ("day_part", "=", "evening")]))
        self.assertEqual(person.cv_filename, "cv-tour.pdf")
        self.assertTrue(person.cv)
        self.env["duo.website.application"]._cron_application_followup()
        self.assertTrue(person.activity_ids)
        return person

    def test_tours(self):
        for code, lang in (("fr", "fr_FR"), ("nl", "nl_BE")):
            with self.subTest(lang=code):
                self.start_tour(f"/{code}/duo/apply/mentee", f"duo_application_mentee_tour_{code}")
                mentee = self._check_person("duo.mentee", f"amina.tour.{code}@example.com", lang)
                self.assertEqual(mentee.job_goal, "Accountant")
                self.start_tour(f"/{code}/duo/apply/mentor", f"duo_application_mentor_tour_{code}")
                mentor = self._check_person("duo.mentor", f"marc.tour.{code}@example.com", lang)
                self.assertEqual((mentor.job_title, mentor.capacity), ("Chief accountant", 2))
