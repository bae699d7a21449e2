from odoo.tests import tagged

from odoo.addons.website_duo.tests.test_website_forms import DuoWebsiteFormCommon


class DuoVolunteerFormCommon(DuoWebsiteFormCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.help_kind = cls.env.ref("duo_volunteers.duo_help_kind_listening")
        cls.applied = cls.env["duo.volunteer.stage"].search([], order="sequence, id", limit=1)

    def _volunteer_data(self, **values):
        data = {
            "name": "Marie Web",
            "email": "marie.web@example.com",
            "phone": "0470 98 76 54",
            "centre_id": str(self.centre.id),
            "help_kind_ids": [str(self.help_kind.id)],
            "language_1": str(self.lang_fr.id),
            "slot_ids": [str(slot.id) for slot in self.slots],
            "motivation": "Weekends <script>alert(1)</script>mostly",
            "consent": "1",
        }
        data.update(values)
        return {key: value for key, value in data.items() if value is not None}

    def _volunteers(self, email):
        return self.env["duo.volunteer"].with_context(active_test=False).search(
            [("partner_id.email_normalized", "=", email)]
        )


@tagged("post_install", "-at_install")
class TestWebsiteVolunteer(DuoVolunteerFormCommon):

    def test_volunteer_sign_up(self):
        response = self._post("/duo/apply/volunteer", self._volunteer_data())
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_duo_application_thanks", response.text)
        volunteer = self._volunteers("marie.web@example.com")
        self.assertEqual(len(volunteer), 1)
        self.assertEqual(volunteer.stage_id, self.applied)
        self.assertEqual(volunteer.centre_id, self.centre)
        self.assertEqual(volunteer.user_id, self.coordinator)
        self.assertEqual(volunteer.help_kind_ids, self.help_kind)
        self.assertEqual(volunteer.language_ids, self.lang_fr)
        self.assertEqual(volunteer.availability_ids, self.slots)
        self.assertNotIn("script", volunteer.notes)
        self.assertEqual((volunteer.consent_channel, volunteer.consent_version,
                          volunteer.consent_ip, volunteer.consent_lang),
                         ("website", "2026-test", "127.0.0.1", "en_US"))
        self.assertEqual(volunteer.activity_ids.user_id, self.coordinator)
        mail = self.env["mail.mail"].search([("model", "=", "duo.volunteer"),
                                             ("res_id", "=", volunteer.id)]).filtered(
            lambda mail: volunteer.partner_id in mail.recipient_ids)
        self.assertEqual(mail.state, "outgoing")
        self.assertEqual(mail.subject, "Thank you for volunteering with DUO")

    def test_footer_invites_volunteers(self):
        html = self.url_open("/").text
        self.assertIn('href="/duo/apply/volunteer"', html[html.index('id="footer"'):])

    def test_volunteer_consent_speaks_of_volunteering(self):
        page = self.url_open("/duo/apply/volunteer").text
        self.assertIn("to organise volunteering", page)
        self.assertNotIn("to run its mentoring programme", page)
        self.assertIn("to run its mentoring programme", self.url_open("/duo/apply/mentee").text)

    def test_known_volunteer_gets_a_new_application_never_a_changed_contact(self):
        self._post("/duo/apply/volunteer", self._volunteer_data())
        volunteer = self._volunteers("marie.web@example.com")
        self.assertTrue(volunteer.application_pending)
        # Still waiting for review: the same email creates nothing more.
        self._post("/duo/apply/volunteer", self._volunteer_data(name="Other Name"))
        self.assertEqual(len(self._volunteers("marie.web@example.com")), 1)
        volunteer.action_archive()
        volunteer.stage_id = self.env["duo.volunteer.stage"].search([], order="sequence desc",
                                                                    limit=1)
        self.assertFalse(volunteer.application_pending, "a staff decision is the review")
        response = self._post("/duo/apply/volunteer", self._volunteer_data(name="Other Name"))
        self.assertEqual(response.status_code, 200)
        again = self._volunteers("marie.web@example.com") - volunteer
        self.assertEqual(len(again), 1)
        self.assertEqual(volunteer.name, "Marie Web")
        self.assertNotEqual(again.partner_id, volunteer.partner_id)
        self.assertEqual(again.duplicate_partner_ids, volunteer.partner_id)

    def test_bad_volunteer_input(self):
        before = self.env["duo.volunteer"].with_context(active_test=False).search_count([])
        cases = {
            "help_kind_ids": self._volunteer_data(help_kind_ids=["0"]),
            "centre_id": self._volunteer_data(centre_id="x"),
            "language_1": self._volunteer_data(language_1=None),
            "email": self._volunteer_data(email="marie@"),
            "consent": self._volunteer_data(consent=None),
        }
        for field, data in cases.items():
            with self.subTest(field=field):
                response = self._post("/duo/apply/volunteer", data)
                self.assertEqual(response.status_code, 422)
                self.assertIn(f'id="{field}_error"', response.text)
        self.assertEqual(
            self.env["duo.volunteer"].with_context(active_test=False).search_count([]), before)


@tagged("post_install", "-at_install")
class TestWebsiteVolunteerTour(DuoVolunteerFormCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        langs = cls.env["res.lang"]
        for code in ("fr_FR", "nl_BE"):
            langs |= cls.env["res.lang"]._activate_lang(code)
        cls.env.ref("website.default_website").language_ids |= langs

    def test_volunteer_tours(self):
        for code, lang in (("fr", "fr_FR"), ("nl", "nl_BE")):
            with self.subTest(lang=code):
                self.start_tour(f"/{code}/duo/apply/volunteer",
                                f"duo_application_volunteer_tour_{code}")
                volunteer = self._volunteers(f"marie.tour.{code}@example.com")
                self.assertEqual(len(volunteer), 1)
                self.assertEqual(volunteer.stage_id, self.applied)
                self.assertEqual(volunteer.help_kind_ids,
                                 self.env["duo.help.kind"].search([], limit=1))
                self.assertEqual(len(volunteer.language_ids), 2)
                self.assertEqual(volunteer.availability_ids.mapped("bit"), [4])
                self.assertEqual((volunteer.consent_lang, volunteer.lang), (lang, lang))
                self.assertEqual(volunteer.consent_channel, "website")
                self.assertIn("I love languages.", volunteer.notes)
                self.env["duo.website.application"]._cron_application_followup()
                self.assertTrue(volunteer.activity_ids)
