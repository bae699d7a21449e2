from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.tests import HttpCase, tagged

from .tour_common import admin_works_in, create_ready_people
from .weights_common import FAILURES, SUCCESSES, create_closed_duos


@tagged("post_install", "-at_install")
class TestDuoMatchingWeightsTour(HttpCase):
    """Learned weights through the UI: learn, read, accept, and the next session uses them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.centre = cls.env["duo.centre"].create({"name": "Tour learning centre",
                                                   "code": "TOURL"})
        cls.pairs = create_closed_duos(cls.env, cls.centre, prefix="Tour")
        assert len(cls.pairs) >= SUCCESSES + FAILURES
        create_ready_people(cls.env, cls.centre, ("Tour Mentee Eva", "Tour Mentee Farid"),
                            ("Tour Mentor Gilles", "Tour Mentor Hilde"))
        Session = cls.env["duo.matching.session"]
        cls.last_week = Session.create({
            "centre_id": cls.centre.id, "name": "TOURL last week",
            "date": date.today() - relativedelta(days=7),
        })
        cls.last_week.action_run()
        cls.this_week = Session.create({"centre_id": cls.centre.id, "name": "TOURL this week"})

    def _run_weights_tour(self, lang):
        """The matching team (an admin here) learns, reads and accepts in `lang`."""
        admin_works_in(self.env, lang)
        self.start_tour("/odoo", f"duo_matching_weights_tour_{lang}", login="admin")
        suggestion = self.env["duo.matching.weight.suggestion"].search(
            [("centre_id", "=", self.centre.id)]
        )
        self.assertEqual(suggestion.state, "accepted")
        self.assertEqual(suggestion.replay_ids.session_id, self.last_week)
        weights = self.centre._matching_weights()
        self.assertEqual(
            weights, {line.criterion: line.suggested_weight for line in suggestion.line_ids}
        )
        self.assertEqual(self.this_week.state, "proposed")
        self.assertEqual(self.this_week.weights_used, weights)
        self.assertEqual(self.this_week.weight_suggestion_id, suggestion)

    def test_weights_tour(self):
        self._run_weights_tour("en_US")

    def test_weights_tour_in_french(self):
        self._run_weights_tour("fr_BE")

    def test_weights_tour_in_dutch(self):
        self._run_weights_tour("nl_BE")
