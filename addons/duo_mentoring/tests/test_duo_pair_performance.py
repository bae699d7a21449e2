
from .common import DuoCommon

KANBAN_SPEC = {
    "name": {}, "stage_id": {"fields": {"display_name": {}}}, "centre_id": {"fields": {
        "display_name": {}}}, "mentee_id": {"fields": {"display_name": {}}},
    "mentor_id": {"fields": {"display_name": {}}}, "user_id": {"fields": {"display_name": {}}},
    "matching_score": {}, "meeting_count": {}, "last_meeting_date": {},
    "planned_end_date": {}, "activity_state": {}, "priority": {}, "color": {},
}


class TestDuoPairKanbanQueries(DuoCommon):
    """Opening the duo kanban runs the same number of queries for 50 or 5,000 duos."""

    @classmethod
    def _bulk_closed_pairs(cls, count, mentees, mentors):
        completed = cls._stage("duo.pair.stage", "completed")
        ended = cls._stage("duo.pair.stage", "ended")
        cls.env["duo.pair"].create([{
            "mentee_id": mentees[i % len(mentees)].id,
            "mentor_id": mentors[i % len(mentors)].id,
            "stage_id": (completed if i % 2 else ended).id,
            "outcome": "job", "end_reason": "moved",
        } for i in range(count)])

    def _open_kanban(self):
        env = self.env(user=self.user_coordinator_bxl)
        env.invalidate_all()
        return env["duo.pair"].web_read_group(
            [], ["stage_id"], ["__count"], auto_unfold=True,
            unfold_read_specification=KANBAN_SPEC, unfold_read_default_limit=40,
        )

    def test_kanban_query_count_does_not_grow(self):
        mentees = self.env["duo.mentee"].concat(*[self.create_mentee() for _i in range(10)])
        mentors = self.env["duo.mentor"].concat(*[
            self.create_mentor(capacity=5) for _i in range(5)
        ])
        self._bulk_closed_pairs(50, mentees, mentors)
        self.env.flush_all()
        self._open_kanban()  # warm-up: caches of views, rules, stages
        start = self.cr.sql_log_count
        small = self._open_kanban()
        small_queries = self.cr.sql_log_count - start
        self._bulk_closed_pairs(4950, mentees, mentors)
        self.env.flush_all()
        with self.assertQueryCount(small_queries):
            large = self._open_kanban()
        self.assertGreaterEqual(sum(g["__count"] for g in large["groups"]), 5000)
        self.assertLess(small_queries, 40)
        self.assertGreater(sum(g["__count"] for g in large["groups"]),
                           sum(g["__count"] for g in small["groups"]))
