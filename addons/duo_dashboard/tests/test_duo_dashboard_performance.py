from odoo.tests import tagged

from .common import DuoDashboardCommon, read_pivots


@tagged("post_install", "-at_install")
class TestDuoDashboardQueries(DuoDashboardCommon):
    """The dashboard's figures cost the same number of queries for 6 duos as for 36: each
    pivot is one grouped query on a report view, whatever the number of rows."""

    def add_duos(self, count):
        for index in range(count):
            pair = self.duo("mentoring", start_ago=40 + index, created_ago=45 + index,
                            meetings=[30, 20, 10 + index % 5])
            if index % 3 == 0:
                pair.activity_schedule("duo_portal.mail_activity_type_duo_concern",
                                       user_id=self.user_coordinator_dsh.id)
        self.person_in("mentee", "interview", 5 + count)
        self.person_in("mentor", "ready", 3, ready_days=count)
        self.env.flush_all()

    def count_queries(self):
        env = self.env(user=self.user_coordinator_dsh)
        read_pivots(env, centre=self.centre)  # warm the ORM caches (fields, rules)
        env.invalidate_all()
        before = self.env.cr.sql_log_count
        figures = read_pivots(env, centre=self.centre)
        return self.env.cr.sql_log_count - before, figures

    def test_same_queries_for_more_duos(self):
        self.add_duos(6)
        small, figures = self.count_queries()
        self.assertEqual(figures["Open duos at risk"][0]["pair_count:sum"], 6)
        self.add_duos(30)
        big, figures = self.count_queries()
        self.assertEqual(figures["Open duos at risk"][0]["pair_count:sum"], 36)
        self.assertEqual(big, small)
        # One query per pivot, and a few for the labels of the grouped records.
        self.assertLessEqual(small, 2 * len(figures))
