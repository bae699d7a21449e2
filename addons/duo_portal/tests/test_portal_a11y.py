from odoo.tests import HttpCase, tagged

from .a11y import DuoPortalA11yMixin
from .common import DuoPortalCommon


@tagged("post_install", "-at_install")
class TestPortalA11y(DuoPortalA11yMixin, DuoPortalCommon, HttpCase):
    """Every page of the duo space on a 390 px phone screen: no serious or critical WCAG 2 A
    or AA violation found by axe-core, and no horizontal scrolling."""

    def test_home_and_first_meeting(self):
        self.assertPageAccessible("/my", self.user_mentee.login)
        self.assertPageAccessible(f"/my/duo/{self.pair.id}", self.user_mentee.login)

    def test_duo_list(self):
        """A mentor with two duos chooses one on /my/duo."""
        mentor = self.pair.mentor_id
        mentor.capacity = 2
        second = self.create_pair(self.create_mentee(name="Mentee Second",
                                                     email="second@example.com"), mentor)
        second.action_propose()
        self.assertPageAccessible("/my/duo", self.user_mentor.login)

    def test_agreement_to_sign(self):
        self.pair._record_answer("mentee", "accepted")
        self.pair._record_answer("mentor", "accepted")
        self.assertPageAccessible(f"/my/duo/{self.pair.id}", self.user_mentor.login)

    def test_mentoring_pages(self):
        self.start_mentoring(self.pair)
        self.env["duo.meeting"].create([
            {"pair_id": self.pair.id, "topics": "CV", "notes": "Next: cover letter",
             "mode": "video", "rating": "3"},
            {"pair_id": self.pair.id, "topics": "Interview", "mode": "phone"},
        ])
        self.pair.goal_ids[0].state = "in_progress"
        self.pair.goal_ids[1].state = "done"
        login = self.user_mentee.login
        self.assertPageAccessible(f"/my/duo/{self.pair.id}?done=meeting", login)
        self.assertPageAccessible(f"/my/duo/{self.pair.id}/meeting/new", login)
        self.assertPageAccessible(f"/my/duo/{self.pair.id}/concern", login)
