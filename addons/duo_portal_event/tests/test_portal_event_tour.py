from odoo.tests import HttpCase, tagged

from odoo.addons.duo_portal.tests.a11y import DuoPortalA11yMixin

from .common import DuoPortalEventCommon


@tagged("post_install", "-at_install")
class TestPortalEventTour(DuoPortalA11yMixin, DuoPortalEventCommon, HttpCase):
    """On a 390 px phone screen, in English, French and Dutch: a mentee registers to a
    programme activity from their duo page; the page passes axe-core's checks."""

    def _run_tour(self, lang):
        if lang != "en_US":
            self.env["res.lang"]._activate_lang(lang)
            self.env["ir.module.module"]._load_module_terms(
                ["duo_event", "duo_portal", "duo_portal_event"], [lang])
        pair = self.create_portal_pair(f"tour.mentee.{lang[:2]}", f"tour.mentor.{lang[:2]}",
                                       contact_lang=lang)
        mentee = self.portal_user(pair.mentee_id)
        self.assertEqual(mentee.lang, lang)
        self.start_tour("/my/duo", f"duo_portal_event_register_{lang[:2]}", login=mentee.login)
        registration = self.env["event.registration"].search([
            ("partner_id", "=", pair.mentee_partner_id.id)])
        self.assertEqual(registration.event_id, self.activity_cv.event_id)
        self.assertEqual(registration.duo_mentee_id, pair.mentee_id)

    def test_register_tour_en(self):
        self._run_tour("en_US")

    def test_register_tour_fr(self):
        self._run_tour("fr_FR")

    def test_register_tour_nl(self):
        self._run_tour("nl_BE")

    def test_activities_accessible(self):
        """The activities with every state at once: registered, to register with seats
        left, closed, documents, and an error after a full session."""
        self.register(self.activity_cv.event_id, self.pair.mentee_id)
        self.activity_language.event_id.write({"seats_limited": True, "seats_max": 5})
        self.activity_mock_lgg.centre_id = False
        self.activity_mock_lgg.event_id.write({"seats_limited": True, "seats_max": 1})
        self.register(self.activity_mock_lgg.event_id, self.pair_other.mentee_id)
        self.assertPageAccessible(f"/my/duo/{self.pair.id}?done=registered",
                                  self.user_mentee.login)
