import re

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import DuoPortalCommon

# Queries of one /my/duo/<id> page, measured hot (18): the same with 2 or 40 meetings.
DUO_PAGE_QUERIES = 18


@tagged("post_install", "-at_install")
class TestPortalHttp(DuoPortalCommon, HttpCase):
    """The pages as a browser sees them: by URL, by ids in forms, with CSRF."""

    def _concerns(self, pair):
        concern = self.env.ref("duo_portal.mail_activity_type_duo_concern")
        return pair.activity_ids.filtered(lambda activity: activity.activity_type_id == concern)

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def _csrf(self, url):
        return re.search(r'name="csrf_token" value="([^"]+)"', self.url_open(url).text).group(1)

    def _post(self, url, data, csrf_from=None):
        token = self._csrf(csrf_from or f"/my/duo/{self.pair.id}")
        return self.url_open(url, data={"csrf_token": token, **data})

    def test_my_duo_page(self):
        self._login(self.user_mentee)
        response = self.url_open("/my/duo")
        self.assertTrue(response.url.endswith(f"/my/duo/{self.pair.id}"))
        self.assertIn("Mentor Marc", response.text)
        self.assertIn("Coordinator Brussels", response.text)
        self.assertIn("o_duo_answer_yes", response.text)
        # Contact details only once the partner chose to share them.
        self.assertNotIn("marc@example.com", response.text)
        self.pair.mentor_id.portal_share_email = True
        self.assertIn("marc@example.com", self.url_open(f"/my/duo/{self.pair.id}").text)
        self.assertNotIn("Mentee Yasmine", response.text)

    def test_home_counter(self):
        self._login(self.user_mentee)
        self.assertIn("/my/duo", self.url_open("/my").text)

    def test_other_duo_by_url(self):
        self._login(self.user_mentee)
        other = self.pair_other.id
        for url in (f"/my/duo/{other}", f"/my/duo/{other}/meeting/new",
                    f"/my/duo/{other}/concern", "/my/duo/999999"):
            response = self.url_open(url)
            self.assertTrue(response.url.endswith("/my"), url)
            self.assertNotIn("Mentee Yasmine", response.text, url)
        for url, data in ((f"/my/duo/{other}/answer", {"answer": "accepted"}),
                          (f"/my/duo/{other}/concern", {"reason": "x"}),
                          (f"/my/duo/{other}/sharing", {"share_email": "1"})):
            self._post(url, data)
        self.assertEqual(self.pair_other.mentee_answer, "pending")
        self.assertFalse(self._concerns(self.pair_other))
        self.assertFalse(self.pair_other.mentee_id.portal_share_email)

    def test_answers_drive_the_stage(self):
        self._login(self.user_mentee)
        self._post(f"/my/duo/{self.pair.id}/answer", {"answer": "accepted"})
        self.assertEqual(self.pair.mentee_answer, "accepted")
        self._login(self.user_mentor)
        response = self._post(f"/my/duo/{self.pair.id}/answer", {"answer": "rejected"})
        self.assertIn("Tell us why", response.text)
        self.assertEqual(self.pair.stage_code, "first_meeting")
        self._post(f"/my/duo/{self.pair.id}/answer",
                   {"answer": "rejected", "reason": "We live too far apart"})
        self.assertEqual(self.pair.stage_code, "rejected")
        self.assertEqual(self.pair.rejection_reason, "We live too far apart")
        self.assertEqual(self.pair.mentee_id.stage_code, "ready")

    def test_answer_waits_for_the_first_meeting(self):
        start = fields.Datetime.now() + relativedelta(days=2)
        self.pair.first_meeting_event_id.write({"start": start,
                                                "stop": start + relativedelta(hours=1)})
        self._login(self.user_mentee)
        page = self.url_open(f"/my/duo/{self.pair.id}").text
        self.assertNotIn("o_duo_answer_yes", page)
        response = self._post(f"/my/duo/{self.pair.id}/answer", {"answer": "accepted"})
        self.assertIn("once the first meeting took place", response.text)
        self.assertEqual(self.pair.mentee_answer, "pending")

    def test_both_yes_approves(self):
        for user in (self.user_mentee, self.user_mentor):
            self._login(user)
            self._post(f"/my/duo/{self.pair.id}/answer", {"answer": "accepted"})
        self.assertEqual(self.pair.stage_code, "approved")

    def test_csrf_required(self):
        self._login(self.user_mentee)
        response = self.url_open(f"/my/duo/{self.pair.id}/answer", data={"answer": "accepted"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.pair.mentee_answer, "pending")

    def test_log_meeting_form(self):
        self.start_mentoring(self.pair)
        self._login(self.user_mentor)
        url = f"/my/duo/{self.pair.id}/meeting/new"
        today = fields.Date.to_string(fields.Date.today())
        # Bad input: a clear error, and what was typed is kept.
        response = self._post(url, {"date": "", "duration": "1.5", "mode": "video",
                                    "topics": "Mock interview", "worried": "1"}, csrf_from=url)
        self.assertIn("Enter the date of the meeting", response.text)
        self.assertIn("Tell your coordinator what worries you", response.text)
        self.assertIn('value="Mock interview"', response.text)
        self.assertFalse(self.pair.meeting_ids)
        # Ids and fields the form does not offer are ignored: the duo comes from the URL.
        self._post(url, {"date": today, "duration": "1.5", "mode": "video", "rating": "3",
                         "topics": "Mock interview", "notes": "Good progress",
                         "pair_id": self.pair_other.id, "logged_by": "staff",
                         "worried": "1", "worry": "She seems discouraged"}, csrf_from=url)
        meeting = self.pair.meeting_ids
        self.assertEqual(len(meeting), 1)
        self.assertFalse(self.pair_other.meeting_ids)
        self.assertEqual((meeting.duration, meeting.mode, meeting.rating, meeting.logged_by),
                         (1.5, "video", "3", "mentor"))
        self.assertEqual((meeting.concern, meeting.concern_note),
                         (True, "She seems discouraged"))
        activity = self._concerns(self.pair)
        self.assertEqual(activity.user_id, self.user_coordinator_bxl)
        self.assertIn("is worried after the meeting", activity.summary)
        # The partner sees the meeting, not the worry.
        self._login(self.user_mentee)
        page = self.url_open(f"/my/duo/{self.pair.id}").text
        self.assertIn("Good progress", page)
        self.assertIn("Logged by your duo partner", page)
        self.assertNotIn("discouraged", page)

    def test_goal_progress(self):
        self.start_mentoring(self.pair)
        self.start_mentoring(self.pair_other)
        goal, goal_other = self.pair.goal_ids[0], self.pair_other.goal_ids[0]
        self._login(self.user_mentee)
        self._post(f"/my/duo/{self.pair.id}/goal/{goal.id}", {"state": "done"})
        self.assertEqual(goal.state, "done")
        # Another duo's goal through one's own duo URL, or a state staff keep: nothing.
        self._post(f"/my/duo/{self.pair.id}/goal/{goal_other.id}", {"state": "done"})
        self._post(f"/my/duo/{self.pair_other.id}/goal/{goal_other.id}", {"state": "done"})
        self._post(f"/my/duo/{self.pair.id}/goal/{self.pair.goal_ids[1].id}",
                   {"state": "dropped"})
        self.assertEqual(goal_other.state, "todo")
        self.assertEqual(self.pair.goal_ids[1].state, "todo")

    def test_unsure_alerts_the_coordinator(self):
        self._login(self.user_mentee)
        url = f"/my/duo/{self.pair.id}/concern"
        response = self._post(url, {"reason": "  "}, csrf_from=url)
        self.assertIn("what makes you unsure", response.text)
        self.assertFalse(self._concerns(self.pair))
        response = self._post(url, {"reason": "We do not understand each other"},
                              csrf_from=url)
        self.assertIn("o_duo_done", response.text)
        self.assertEqual(self._concerns(self.pair).user_id, self.user_coordinator_bxl)
        self.assertIn("We do not understand each other", str(self._concerns(self.pair).note))

    def test_upcoming_events_of_the_person_only(self):
        """Coming up lists the duo's events the person is invited to, never one planned
        with the other side only nor one for internal users only."""
        start = fields.Datetime.now() + relativedelta(days=3)
        mentee, mentor = self.pair.mentee_partner_id, self.pair.mentor_partner_id
        self.env["calendar.event"].create([{
            "name": name, "start": start, "stop": start + relativedelta(hours=1),
            "partner_ids": [(6, 0, partners.ids)], "privacy": privacy,
            "res_model_id": self.env["ir.model"]._get_id("duo.pair"), "res_id": self.pair.id,
        } for name, partners, privacy in (
            ("Call about the permit", mentee, "private"),
            ("Duo check-in", mentee | mentor, "private"),
            ("Staff review of the duo", mentee | mentor, "confidential"),
        )])
        self._login(self.user_mentor)
        page = self.url_open(f"/my/duo/{self.pair.id}").text
        self.assertIn("Duo check-in", page)
        self.assertNotIn("Call about the permit", page)
        self.assertNotIn("Staff review of the duo", page)
        self._login(self.user_mentee)
        page = self.url_open(f"/my/duo/{self.pair.id}").text
        self.assertIn("Duo check-in", page)
        self.assertIn("Call about the permit", page)
        self.assertNotIn("Staff review of the duo", page)

    def test_page_queries_flat(self):
        """The duo page costs the same number of queries with 2 or 40 meetings."""
        self.start_mentoring(self.pair)
        Meeting = self.env["duo.meeting"]
        Meeting.create([{"pair_id": self.pair.id, "topics": f"Topic {n}", "notes": "n",
                         "rating": "3"} for n in range(2)])
        self._login(self.user_mentee)
        url = f"/my/duo/{self.pair.id}"
        self.url_open(url)
        self.url_open(url)
        with self.assertQueryCount(DUO_PAGE_QUERIES):
            self.url_open(url)
        Meeting.create([{"pair_id": self.pair.id, "topics": f"More {n}", "mode": "phone"}
                        for n in range(38)])
        self.env["duo.goal"].create([{"pair_id": self.pair.id, "name": f"Goal {n}"}
                                     for n in range(10)])
        self.url_open(url)
        with self.assertQueryCount(DUO_PAGE_QUERIES):
            page = self.url_open(url).text
        self.assertEqual(page.count('class="o_duo_meeting"'), 40)
