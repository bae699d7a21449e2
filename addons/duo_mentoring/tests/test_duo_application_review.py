from odoo.tests import HttpCase, tagged

from .common import create_test_users


@tagged("post_install", "-at_install")
class TestDuoApplicationReviewTour(HttpCase):
    def test_review_a_possible_duplicate_in_the_browser(self):
        (coordinator,) = create_test_users(
            self.env, ("review_coord", "Review Coordinator", "duo_mentoring.group_duo_user"))
        centre = self.env.ref("duo_mentoring.duo_centre_brussels")
        centre.user_ids |= coordinator
        Mentee = self.env["duo.mentee"]
        Mentee.create({"name": "Known Applicant", "email": "known.applicant@example.com",
                       "centre_id": centre.id})
        application = Mentee._create_public_application({
            "name": "Known Applicant", "email": "Known.Applicant@example.com",
            "centre_id": centre.id})
        self.start_tour(f"/odoo/action-duo_mentoring.duo_mentee_action/{application.id}",
                        "duo_application_review_tour", login="review_coord")
        self.assertFalse(application.application_pending)
