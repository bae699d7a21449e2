from odoo.tests import HttpCase, tagged

from odoo.addons.duo_portal.tests.a11y import DuoPortalA11yMixin

from .common import DuoPortalSurveyCommon


@tagged("post_install", "-at_install")
class TestPortalSurveyTour(DuoPortalA11yMixin, DuoPortalSurveyCommon, HttpCase):
    """On a 390 px phone screen, in English, French and Dutch: a mentee finds the
    questionnaire waiting for them on their duo page and opens it; the pages pass axe-core's
    checks."""

    def _run_tour(self, lang):
        if lang != "en_US":
            self.env["res.lang"]._activate_lang(lang)
            self.env["ir.module.module"]._load_module_terms(
                ["duo_portal", "duo_survey", "duo_portal_survey"], [lang])
        pair = self.create_portal_pair(f"tour.mentee.{lang[:2]}", f"tour.mentor.{lang[:2]}",
                                       contact_lang=lang)
        mentee = self.portal_user(pair.mentee_id)
        answer = self.env["survey.user_input"]._duo_invite("pulse", pair.mentee_id, pair=pair)
        self.assertEqual(mentee.lang, lang)
        self.start_tour("/my/duo", f"duo_portal_survey_answer_{lang[:2]}", login=mentee.login)
        self.assertEqual(answer.state, "new")

    def test_answer_tour_en(self):
        self._run_tour("en_US")

    def test_answer_tour_fr(self):
        self._run_tour("fr_FR")

    def test_answer_tour_nl(self):
        self._run_tour("nl_BE")

    def test_questionnaires_accessible(self):
        self.pulse_mentee.deadline = "2099-01-31 12:00:00"
        self.programme._mark_in_progress()
        self.assertPageAccessible(f"/my/duo/{self.pair.id}", self.user_mentee.login)
        mentor = self.pair.mentor_id
        mentor.capacity = 2
        second = self.create_pair(self.create_mentee(name="Mentee Second",
                                                     email="second@example.com"), mentor)
        second.action_propose()
        self.assertPageAccessible("/my/duo", self.user_mentor.login)
