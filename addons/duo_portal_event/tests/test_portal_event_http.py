import re

from odoo.tests import HttpCase, tagged

from odoo.addons.duo_portal.tests.common import page_queries

from .common import DuoPortalEventCommon


@tagged("post_install", "-at_install")
class TestPortalEventHttp(DuoPortalEventCommon, HttpCase):
    """The activities on /my/duo/<id> as a browser sees them: by URL, by ids in forms."""

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def _post(self, url, data=None):
        page = self.url_open(f"/my/duo/{self.pair.id}").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        return self.url_open(url, data={"csrf_token": token, **(data or {})})

    def _registrations(self, person):
        return self.env["event.registration"].search([
            ("partner_id", "=", person.partner_id.id)])

    def _register_url(self, activity, pair=None):
        return f"/my/duo/{(pair or self.pair).id}/activity/{activity.id}/register"

    def _document_url(self, activity, attachment=None, pair=None):
        attachment = attachment or activity.attachment_ids[:1]
        return (f"/my/duo/{(pair or self.pair).id}/activity/{activity.id}"
                f"/document/{attachment.id}")

    def test_page_lists_the_duos_activities(self):
        self._login(self.user_mentee)
        page = self.url_open(f"/my/duo/{self.pair.id}").text
        for activity in (self.activity_cv, self.activity_language, self.activity_guide):
            self.assertIn(activity.name, page)
        for activity in (self.activity_mock_lgg, self.activity_past, self.activity_guide_lgg):
            self.assertNotIn(activity.name, page)
        self.assertIn(self._register_url(self.activity_cv), page)
        self.assertIn(self._document_url(self.activity_guide), page)

    def test_register_oneself_only(self):
        self._login(self.user_mentee)
        # Whoever the form names, the registration is the logged-in person's own.
        response = self._post(self._register_url(self.activity_cv), {
            "partner_id": self.pair.mentor_partner_id.id,
            "duo_mentor_id": self.pair.mentor_id.id,
            "duo_mentee_id": self.pair_other.mentee_id.id,
            "event_id": self.activity_mock_lgg.event_id.id,
        })
        self.assertIn("You are registered", response.text)
        registration = self._registrations(self.pair.mentee_id)
        self.assertEqual(registration.event_id, self.activity_cv.event_id)
        self.assertEqual(registration.duo_mentee_id, self.pair.mentee_id)
        self.assertFalse(self._registrations(self.pair.mentor_id))
        self.assertFalse(self._registrations(self.pair_other.mentee_id))
        self.assertNotIn(self._register_url(self.activity_cv), response.text)
        # The partner's page offers them to register too: each registers themselves.
        self._login(self.user_mentor)
        self.assertIn(self._register_url(self.activity_cv),
                      self.url_open(f"/my/duo/{self.pair.id}").text)

    def test_no_registration_outside_ones_duo(self):
        self._login(self.user_mentee)
        for url in (self._register_url(self.activity_cv, self.pair_other),
                    self._register_url(self.activity_mock_lgg),
                    self._register_url(self.activity_past)):
            response = self._post(url)
            self.assertTrue(response.url.endswith("/my"), url)
        # A document to read has no session to register to.
        response = self._post(self._register_url(self.activity_guide))
        self.assertIn("Registrations to this activity are closed", response.text)
        self.assertFalse(self._registrations(self.pair.mentee_id))
        self.assertFalse(self._registrations(self.pair_other.mentee_id))

    def test_full_session_says_so(self):
        event = self.activity_cv.event_id
        event.write({"seats_limited": True, "seats_max": 1})
        self._login(self.user_mentee)
        page = self.url_open(f"/my/duo/{self.pair.id}").text
        self.assertIn("Seats left", page)
        # Someone else takes the last seat while the page is open.
        self.register(event, self.pair_other.mentee_id)
        response = self._post(self._register_url(self.activity_cv))
        self.assertIn("Registrations to this activity are closed", response.text)
        self.assertFalse(self._registrations(self.pair.mentee_id))
        self.assertIn("o_duo_activity_closed", response.text)

    def test_documents_for_the_duos_people_only(self):
        self._login(self.user_mentee)
        response = self.url_open(self._document_url(self.activity_guide))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, self.document_bytes(self.activity_guide))
        self.assertIn("attachment", response.headers.get("Content-Disposition", ""))
        # Another centre's guide, another duo's URL, another activity's document: refused.
        for url in (self._document_url(self.activity_guide_lgg),
                    self._document_url(self.activity_guide, pair=self.pair_other),
                    self._document_url(self.activity_guide,
                                       self.activity_guide_lgg.attachment_ids)):
            response = self.url_open(url)
            self.assertNotEqual(response.content,
                                self.document_bytes(self.activity_guide_lgg), url)
            self.assertNotEqual(response.headers.get("Content-Type"), "application/pdf", url)
        # The guide's attachment is not reachable through Odoo's own download route either.
        response = self.url_open(f"/web/content/{self.activity_guide.attachment_ids.id}")
        self.assertNotEqual(response.content, self.document_bytes(self.activity_guide))

    def test_page_queries_flat(self):
        """The duo page costs the same number of queries with 3 or 13 activities."""
        self._login(self.user_mentee)
        url = f"/my/duo/{self.pair.id}"

        self.register(self.activity_cv.event_id, self.pair.mentee_id)
        few, _page = page_queries(self, url)
        events = self.activity_cv.event_id | self.activity_language.event_id
        for number in range(10):
            self.create_activity(
                f"Workshop {number}", "cv_workshop", self.centre_bxl,
                self.create_session(self.type_cv, events[number % 2].date_begin,
                                    name=f"Workshop {number}"),
                documents=[f"doc{number}.pdf"])
        many, page = page_queries(self, url)
        self.assertEqual(page.count('class="o_duo_activity"'), 13)
        self.assertEqual(many, few)
