from odoo.tests import HttpCase, tagged

from .tour_common import admin_works_in, create_ready_people


@tagged("post_install", "-at_install")
class TestDuoMatchingTour(HttpCase):
    """A matching session through the UI: run it, then accept its two proposals."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.centre = cls.env["duo.centre"].create({"name": "Tour matching centre",
                                                   "code": "TOURM"})
        cls.mentees, cls.mentors = create_ready_people(
            cls.env, cls.centre, ("Tour Mentee Awa", "Tour Mentee Bruno"),
            ("Tour Mentor Claire", "Tour Mentor Daniel"))
        cls.matching_session = cls.env["duo.matching.session"].create({"centre_id": cls.centre.id})

    def _run_matching_tour(self, lang):
        """This week's session as a matching-team member working in `lang`."""
        admin_works_in(self.env, lang)
        self.start_tour("/odoo", f"duo_matching_session_tour_{lang}", login="admin")
        self.assertEqual(self.matching_session.state, "done")
        pairs = self.matching_session.proposal_ids.pair_id
        self.assertEqual(len(pairs), 2)
        self.assertEqual(pairs.mentee_id, self.mentees)
        self.assertEqual(set(pairs.mapped("stage_code")), {"proposed"})
        self.assertEqual(set(self.matching_session.proposal_ids.mapped("state")), {"accepted"})

    def test_matching_session_tour(self):
        self._run_matching_tour("en_US")

    def test_matching_session_tour_in_french(self):
        self._run_matching_tour("fr_BE")

    def test_matching_session_tour_in_dutch(self):
        self._run_matching_tour("nl_BE")
