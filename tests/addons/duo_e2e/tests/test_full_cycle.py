from datetime import datetime

from odoo import Command

from odoo.addons.duo_event.tests.common import DuoEventCommon


class TestDuoFullCycle(DuoEventCommon):
    """The eight stages of the DUO cycle with the whole product installed: every satellite's
    hook fires on the core's stage changes (sessions, training gate, evaluations, matching)."""

    def test_a_mentee_and_a_mentor_from_information_session_to_the_end_evaluation(self):
        Input = self.env["survey.user_input"]
        slot = self.env.ref("duo_mentoring.duo_slot_tuesday_evening")
        mentee = self.create_mentee(stage="info_session", slot_ids=[Command.set(slot.ids)])
        mentor = self.create_mentor(stage="info_session", trained=False,
                                    slot_ids=[Command.set(slot.ids)])

        # 1. Information session: attending it moves both to the personal interview.
        info = self.create_session(self.type_info, datetime(2030, 3, 2, 9))
        (self.register(info, mentee) | self.register(info, mentor)).action_set_done()
        self.assertEqual((mentee.stage_code, mentor.stage_code), ("interview", "interview"))

        # 2-3. Interview done; the mentor cannot be Ready to match before the four days.
        mentor.stage_id = self._stage("duo.intake.stage", "training")
        with self.assertRaisesRegex(Exception, "training is not complete"):
            mentor.action_mark_ready()
        sessions = self.create_training_sessions(datetime(2030, 3, 9, 8))
        registrations = self.env["event.registration"]
        for session in sessions:
            registrations |= self.register(session, mentor)
        registrations.action_set_done()
        self.assertTrue(mentor.training_done)
        self.assertTrue(Input.search([("duo_mentor_id", "=", mentor.id),
                                      ("duo_evaluation", "=", "training")]))

        # 4. Ready to match: the programme evaluation goes to both.
        mentee.action_mark_ready()
        mentor.action_mark_ready()
        self.assertEqual((mentee.stage_code, mentor.stage_code), ("ready", "ready"))
        programme = Input.search([("duo_evaluation", "=", "programme"), "|",
                                  ("duo_mentee_id", "=", mentee.id),
                                  ("duo_mentor_id", "=", mentor.id)])
        self.assertEqual(len(programme), 2)

        # 5. The weekly matching session proposes them; accepting it forms the duo.
        session = self.env["duo.matching.session"].create({"centre_id": self.centre_bxl.id})
        session.action_run()
        proposal = session.proposal_ids.filtered(lambda p: p.mentee_id == mentee)
        self.assertEqual(proposal.mentor_id, mentor)
        session.action_accept()
        pair = proposal.pair_id
        self.assertEqual(pair.stage_code, "proposed")
        self.assertEqual(mentee.stage_code, "matched")

        # 6-7. First meeting, both say yes, agreement signed at the second meeting.
        pair.action_schedule_first_meeting()
        self.assertTrue(pair.first_meeting_event_id)
        self.hold_first_meeting(pair)
        pair.action_accept_mentee()
        pair.action_accept_mentor()
        self.assertEqual(pair.stage_code, "approved")
        pair.write(self.AGREEMENT_ACCEPTED)
        pair.action_sign_agreement()
        self.assertEqual(pair.stage_code, "agreement")
        self.assertTrue(pair.goal_ids)

        # 8. Six months of weekly meetings, then the end evaluation for both.
        pair.action_start_mentoring()
        self.env["duo.meeting"].create({"pair_id": pair.id, "date": pair.start_date})
        self.assertEqual(pair.stage_code, "mentoring")
        pair.outcome = "job"
        pair.action_complete()
        self.assertEqual(pair.stage_code, "completed")
        self.assertEqual(mentee.stage_code, "alumni")
        self.assertEqual(len(Input.search([("duo_pair_id", "=", pair.id),
                                           ("duo_evaluation", "=", "end")])), 2)
