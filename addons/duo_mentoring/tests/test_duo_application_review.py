from odoo.tests import HttpCase, tagged

from .common import create_test_users


@tagged("post_install", "-at_install")
class TestDuoApplicationReviewTour(HttpCase):
    def test_review_a_possible_duplicate_in_the_browser(self):
        """As a coordinator working in English, French and Dutch."""
        (coordinator,) = create_test_users(
            self.env, ("review_coord", "Review Coordinator", "duo_mentoring.group_duo_user"))
        centre = self.env.ref("duo_mentoring.duo_centre_brussels")
        centre.user_ids |= coordinator
        for code in ("fr_FR", "nl_BE"):
            self.env["res.lang"]._activate_lang(code)
        self.env["ir.module.module"]._load_module_terms(["duo_mentoring"], ["fr_FR", "nl_BE"])
        Mentee = self.env["duo.mentee"]
        known = Mentee.create({"name": "Known Applicant", "email": "known.applicant@example.com",
                               "centre_id": centre.id})
        banners = {"en_US": "Website application to review.",
                   "fr_FR": "Candidature en ligne à examiner.",
                   "nl_BE": "Te controleren aanvraag via de website."}
        for lang, banner in banners.items():
            with self.subTest(lang=lang):
                arch = Mentee.with_context(lang=lang).get_views([(False, "form")])
                self.assertIn(banner, arch["views"]["form"]["arch"])
                coordinator.lang = lang
                application = Mentee._create_public_application({
                    "name": "Known Applicant", "email": "Known.Applicant@example.com",
                    "centre_id": centre.id})
                self.assertIn(known.partner_id, application.duplicate_partner_ids)
                self.start_tour(
                    f"/odoo/action-duo_mentoring.duo_mentee_action/{application.id}",
                    "duo_application_review_tour", login="review_coord")
                self.assertFalse(application.application_pending)
