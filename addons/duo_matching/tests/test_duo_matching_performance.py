from odoo import Command

from .common import MatchingCommon


class TestDuoMatchingPerformance(MatchingCommon):
    """Running a session costs the same number of queries whatever the pool size."""

    @classmethod
    def _pool(cls, code, size):
        centre = cls.env["duo.centre"].create({"name": f"Centre {code}", "code": code})
        tags = cls.env["duo.interest.tag"].search([], limit=3)
        people = {"centre_id": centre.id, "commune_id": cls.commune_bxl.id,
                  "sector_ids": [Command.set(cls.sector_it.ids)],
                  "tag_ids": [Command.set(tags.ids)]}
        for _index in range(size):
            cls.mentee(**people)
            cls.mentor(**people)
        return centre

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.centre_warm = cls._pool("WARM", 2)
        cls.centre_small = cls._pool("S10", 10)
        cls.centre_large = cls._pool("L40", 40)

    def _run_queries(self, centre):
        session = self.new_session(centre)
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        session.action_run()
        self.env.flush_all()
        count = self.cr.sql_log_count - before
        return session, count

    def test_run_query_count_does_not_grow(self):
        self._run_queries(self.centre_warm)
        small, small_count = self._run_queries(self.centre_small)
        large, large_count = self._run_queries(self.centre_large)
        self.assertEqual(len(small.proposal_ids), 10)
        self.assertEqual(len(large.proposal_ids), 40)
        self.assertEqual(large_count, small_count,
                         f"10x10: {small_count} queries, 40x40: {large_count} queries")
