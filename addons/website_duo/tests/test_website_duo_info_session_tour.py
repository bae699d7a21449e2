from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestDuoInfoSessionTour(HttpCase):
    """Visitors register to an information session on the French and the Dutch website; the
    registration lands on the right mentee (found by email, or created in their language)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lang_fr = cls.env["res.lang"]._activate_lang("fr_FR")
        cls.lang_nl = cls.env["res.lang"]._activate_lang("nl_BE")
        cls.website = cls.env["website"].get_current_website()
        cls.website.language_ids = [(4, cls.lang_fr.id), (4, cls.lang_nl.id)]
        cls.centre = cls.env.ref("duo_mentoring.duo_centre_brussels")
        now = fields.Datetime.now()
        cls.info_session = cls.env["event.event"].create({
            "name": "DUO information session",
            "event_type_id": cls.env.ref("duo_event.event_type_duo_info_session").id,
            "duo_centre_id": cls.centre.id,
            "duo_audience": "mentee",
            "date_begin": now + timedelta(days=10),
            "date_end": now + timedelta(days=10, hours=2),
            "is_published": True,
            "website_id": cls.website.id,
        })
        # Known from an earlier contact: the French registration must find her record.
        cls.amina = cls.env["duo.mentee"].with_context(duo_skip_invitation=True).create({
            "name": "Amina Benali",
            "email": "amina.benali@example.com",
            "centre_id": cls.centre.id,
            "contact_lang": "fr_FR",
        })

    def _register(self, lang, tour):
        url = f"/{lang.url_code}/event/{self.info_session.id}/register"
        self.start_tour(url, tour)
        return self.info_session.registration_ids.filtered(lambda r: r.state == "open")

    def test_register_in_french_finds_the_mentee(self):
        registrations = self._register(self.lang_fr, "duo_info_session_tour_fr")
        registration = registrations.filtered(lambda r: r.email == "amina.benali@example.com")
        self.assertEqual(registration.duo_mentee_id, self.amina)
        self.assertIn(registration, self.amina.event_registration_ids)
        self.assertEqual(self.env["duo.mentee"].search_count(
            [("email", "=", "amina.benali@example.com")]), 1, "no duplicate mentee")

    def test_register_in_dutch_creates_the_mentee(self):
        registrations = self._register(self.lang_nl, "duo_info_session_tour_nl")
        registration = registrations.filtered(lambda r: r.email == "youssef.haddad@example.com")
        mentee = registration.duo_mentee_id
        self.assertTrue(mentee, "the visitor becomes a mentee")
        self.assertEqual(mentee.name, "Youssef Haddad")
        self.assertEqual(mentee.contact_lang, "nl_BE")
        self.assertEqual(mentee.centre_id, self.centre)
        self.assertEqual(mentee.stage_code, "info_session")
        self.assertNotEqual(mentee.user_id, self.env.ref("base.public_user"),
                            "never coordinated by the public user")
        self.assertEqual(mentee.partner_id, registration.partner_id)
