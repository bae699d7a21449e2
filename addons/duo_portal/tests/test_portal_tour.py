from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import DuoPortalCommon


@tagged("post_install", "-at_install")
class TestPortalTour(DuoPortalCommon, HttpCase):
    """In French and in Dutch, on a 390 px wide phone screen: the mentee and the mentor each
    log in, say yes after the first meeting, sign the agreement online by drawing, log
    meetings; the mentee updates a goal and says they are unsure; the coordinator finds it
    all in the back office."""

    browser_size = "390,844"
    touch_enabled = True

    def _run_tours(self, lang, contact_lang):
        self.env["res.lang"]._activate_lang(lang)
        self.env["ir.module.module"]._load_module_terms(["duo_portal"], [lang])
        pair = self.create_portal_pair(f"tour.mentee.{lang[:2]}", f"tour.mentor.{lang[:2]}",
                                       contact_lang=contact_lang)
        pair.mentee_id.name = f"Tour Mentee {lang}"
        mentee, mentor = self.portal_user(pair.mentee_id), self.portal_user(pair.mentor_id)
        self.assertEqual((mentee.lang, mentor.lang), (lang, lang))

        for user in (mentee, mentor):
            self.start_tour("/my/duo", f"duo_portal_answer_{lang[:2]}", login=user.login)
        self.assertEqual(pair.stage_code, "approved")
        self.assertEqual((pair.mentee_answer, pair.mentor_answer), ("accepted", "accepted"))

        # Each signs the agreement by drawing; the second signature signs it (the action
        # plan comes with it); staff start the mentoring.
        self.start_tour("/my/duo", f"duo_portal_sign_{lang[:2]}", login=mentee.login)
        self.assertEqual(pair.stage_code, "approved")
        self.assertTrue(pair.agreement_mentee_accepted and pair.conduct_mentee_accepted)
        self.start_tour("/my/duo", f"duo_portal_sign_{lang[:2]}", login=mentor.login)
        self.assertEqual(pair.stage_code, "agreement")
        self.assertEqual(pair.agreement_date, fields.Date.today())
        self.assertEqual((pair.mentee_signed_by, pair.mentor_signed_by),
                         (pair.mentee_id.name, pair.mentor_id.name))
        self.assertTrue(pair.mentee_signature and pair.mentor_signature)
        pair.action_start_mentoring()
        for user in (mentor, mentee):
            self.start_tour("/my/duo", f"duo_portal_meeting_{lang[:2]}", login=user.login)
        self.start_tour("/my/duo", f"duo_portal_plan_{lang[:2]}", login=mentee.login)

        self.assertEqual(sorted(pair.meeting_ids.mapped("logged_by")), ["mentee", "mentor"])
        self.assertEqual(set(pair.meeting_ids.mapped("mode")), {"video"})
        self.assertEqual(pair.meeting_ids.mapped("duration"), [1.5, 1.5])
        self.assertEqual(pair.goal_ids[0].state, "done")
        concern = self.env.ref("duo_portal.mail_activity_type_duo_concern")
        activity = pair.activity_ids.filtered(lambda a: a.activity_type_id == concern)
        self.assertEqual(activity.user_id, self.user_coordinator_bxl)
        self.assertIn("We do not find time to meet", str(activity.note))

        self.user_coordinator_bxl.write({"lang": lang, "password": "coord_bxl"})
        self.browser_size = "1440,900"
        self.touch_enabled = False
        self.start_tour(f"/odoo/duo.pair/{pair.id}", f"duo_portal_backoffice_{lang[:2]}",
                        login="coord_bxl")

    def test_portal_tour_fr(self):
        self._run_tours("fr_FR", "fr_FR")

    def test_portal_tour_nl(self):
        self._run_tours("nl_BE", "nl_BE")
