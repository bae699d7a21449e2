from odoo.tests import HttpCase, tagged

from odoo.addons.duo_portal.tests.common import page_queries

from .common import DuoPortalSurveyCommon


@tagged("post_install", "-at_install")
class TestPortalSurveyHttp(DuoPortalSurveyCommon, HttpCase):
    """The questionnaires on /my/duo as a browser sees them."""

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def test_duo_page_links_own_questionnaires_only(self):
        self._login(self.user_mentee)
        page = self.url_open(f"/my/duo/{self.pair.id}").text
        self.assertIn("Questionnaires waiting for you", page)
        for answer in (self.programme, self.pulse_mentee):
            self.assertIn(answer.access_token, page)
        for answer in (self.pulse_mentor, self.programme_other):
            self.assertNotIn(answer.access_token, page)
        # Answered: it leaves the page.
        self.programme._mark_done()
        page = self.url_open(f"/my/duo/{self.pair.id}").text
        self.assertNotIn(self.programme.access_token, page)
        self.assertIn(self.pulse_mentee.access_token, page)

    def test_nothing_waiting_no_section(self):
        (self.pulse_mentor).unlink()
        self._login(self.user_mentor)
        self.assertNotIn("o_duo_evaluations", self.url_open(f"/my/duo/{self.pair.id}").text)

    def test_list_of_duos_shows_them_all(self):
        """A mentor with two duos reads all their questionnaires on /my/duo."""
        mentor = self.pair.mentor_id
        mentor.capacity = 2
        second = self.create_pair(self.create_mentee(name="Mentee Second",
                                                     email="second@example.com"), mentor)
        second.action_propose()
        pulse_second = self.env["survey.user_input"]._duo_invite("pulse", mentor, pair=second)
        self._login(self.user_mentor)
        response = self.url_open("/my/duo")
        self.assertTrue(response.url.endswith("/my/duo"))
        for answer in (self.pulse_mentor, pulse_second):
            self.assertIn(answer.access_token, response.text)
        # Each duo's page keeps its own.
        page = self.url_open(f"/my/duo/{second.id}").text
        self.assertIn(pulse_second.access_token, page)
        self.assertNotIn(self.pulse_mentor.access_token, page)

    def test_the_link_opens_the_questionnaire(self):
        self._login(self.user_mentee)
        response = self.url_open(self.start_path(self.programme))
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.programme.survey_id.title, response.text)
        # Another person's link, logged in as this mentee: Odoo's survey refuses it.
        response = self.url_open(self.start_path(self.programme_other))
        self.assertNotIn("o_survey_form", response.text)

    def test_page_queries_flat(self):
        """The duo page costs the same number of queries with 2 or 8 questionnaires."""
        self._login(self.user_mentee)
        url = f"/my/duo/{self.pair.id}"

        few, _page = page_queries(self, url)
        survey = self.pulse_mentee.survey_id
        for _number in range(6):
            survey._create_answer(partner=self.pair.mentee_partner_id, check_attempts=False,
                                  duo_evaluation="pulse", duo_pair_id=self.pair.id)
        many, page = page_queries(self, url)
        self.assertEqual(page.count('class="o_duo_evaluation mb-3"'), 8)
        self.assertEqual(many, few)
