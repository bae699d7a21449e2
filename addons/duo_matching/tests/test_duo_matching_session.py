from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import users

from .common import MatchingCommon


class TestDuoMatchingSession(MatchingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Ana and Bilal are in IT, Chen in accounting; mentors: Marc (IT), Nora (accounting).
        cls.ana = cls.mentee(name="Ana", sector_ids=[Command.set(cls.sector_it.ids)])
        cls.bilal = cls.mentee(name="Bilal", sector_ids=[Command.set(cls.sector_it.ids)])
        cls.chen = cls.mentee(name="Chen", sector_ids=[Command.set(cls.sector_accounting.ids)])
        cls.marc = cls.mentor(name="Marc", sector_ids=[Command.set(cls.sector_it.ids)])
        cls.nora = cls.mentor(name="Nora", sector_ids=[Command.set(cls.sector_accounting.ids)])
        # Not candidates: another centre, a mentee still in interview, a full mentor.
        cls.liege_mentee = cls.mentee(name="Liège mentee", centre_id=cls.centre_lgg.id)
        cls.interview_mentee = cls.mentee(name="In interview", stage="interview")
        cls.full_mentor = cls.mentor(name="Full mentor")
        cls.create_pair(mentor=cls.full_mentor)

    @users("coord_bxl")
    def test_session_defaults_to_users_centre(self):
        session = self.env["duo.matching.session"].create({})
        self.assertEqual(session.centre_id, self.centre_bxl)
        self.assertIn("BXL", session.name)

    @users("coord_lgg")
    def test_plain_coordinator_cannot_create_session(self):
        with self.assertRaises(AccessError):
            self.env["duo.matching.session"].create({"centre_id": self.centre_lgg.id})

    def test_other_centre_sessions_are_hidden(self):
        session = self.env["duo.matching.session"].create({"centre_id": self.centre_lgg.id})
        visible = self.env["duo.matching.session"].with_user(self.user_coordinator_bxl).search([])
        self.assertNotIn(session, visible)

    @users("coord_bxl")
    def test_run_snapshots_candidates_and_proposes(self):
        session = self.new_session()
        session.action_run()
        self.assertEqual(session.state, "proposed")
        self.assertEqual(session.candidate_mentee_ids, self.ana | self.bilal | self.chen)
        self.assertEqual(session.candidate_mentor_ids, self.marc | self.nora)
        self.assertEqual(len(session.proposal_ids), 2)
        self.assertEqual(sorted(session.proposal_ids.mapped("rank")), [1, 2])
        self.assertEqual(self.proposal_of(session, self.chen).mentor_id, self.nora)
        it_proposal = session.proposal_ids - self.proposal_of(session, self.chen)
        self.assertEqual(it_proposal.mentor_id, self.marc)
        explanation = it_proposal.explanation
        self.assertIn("Same sector (division).", explanation)
        self.assertIn("Shared languages: French (mentee B2, mentor native).", explanation)
        self.assertIn("Shared slots: Tuesday evening.", explanation)
        self.assertIn("Runner-up: Nora", explanation)
        self.assertGreater(it_proposal.score, self.proposal_of(session, self.chen).score - 1)
        # The score at a glance: its parts, largest first, add up to it; the next best mentor
        # and the gap in one line.
        parts = it_proposal.score_parts
        self.assertEqual(parts[0]["code"], "sector")
        self.assertEqual([part["points"] for part in parts],
                         sorted((part["points"] for part in parts), reverse=True))
        self.assertAlmostEqual(sum(part["points"] for part in parts), it_proposal.score, 2)
        self.assertEqual(it_proposal.runner_up_summary,
                         f"Nora, {it_proposal.score_gap:.2f} behind")
        # The IT mentee left out is told why: Marc is better used with the other one.
        unmatched = session.unmatched_ids.filtered(lambda u: u.role == "mentee")
        self.assertEqual(len(unmatched), 1)
        self.assertEqual(unmatched.code, "outcompeted")
        self.assertIn("better duo with someone else", unmatched.reason)

    @users("coord_bxl")
    def test_lock_exclude_and_rerun(self):
        session = self.new_session()
        session.action_run()
        chen_nora = self.proposal_of(session, self.chen)
        chen_nora.action_lock()
        it_proposal = session.proposal_ids - chen_nora
        first_it_mentee = it_proposal.mentee_id
        it_proposal.action_exclude()
        session.action_run()
        self.assertEqual(chen_nora.state, "locked", "A locked proposal survives the re-run.")
        self.assertTrue(chen_nora.exists() and chen_nora.explanation_data["locked"])
        self.assertEqual(it_proposal.state, "excluded")
        active = session.proposal_ids.filtered(lambda p: p.state == "proposed")
        self.assertEqual(len(active), 1)
        self.assertEqual(active.mentor_id, self.marc)
        self.assertNotEqual(active.mentee_id, first_it_mentee, "Excluded: not re-proposed.")
        self.assertEqual(session.run_count, 2)

    @users("coord_bxl")
    def test_mentor_changed_by_hand_is_locked(self):
        session = self.new_session()
        session.action_run()
        proposal = self.proposal_of(session, self.chen)
        proposal.mentor_id = self.marc
        self.assertEqual(proposal.state, "locked")
        self.assertIn("run the session again", proposal.explanation)
        with self.assertRaises(UserError):
            session.action_accept()
        session.action_run()
        self.assertEqual(self.proposal_of(session, self.chen).mentor_id, self.marc)
        self.assertTrue(proposal.explanation_data, "Scored again at the re-run.")

    @users("coord_bxl")
    def test_accept_creates_proposed_duos_and_keeps_decisions(self):
        session = self.new_session()
        session.action_run()
        excluded = self.proposal_of(session, self.chen)
        excluded.action_exclude()
        accepted = session.proposal_ids - excluded
        session.action_accept()
        self.assertEqual(session.state, "done")
        self.assertEqual(accepted.state, "accepted")
        self.assertEqual(excluded.state, "excluded")
        pair = accepted.pair_id
        self.assertEqual(pair.stage_code, "proposed")
        self.assertEqual(pair.mentor_id, self.marc)
        self.assertAlmostEqual(pair.matching_score, accepted.score, places=3)
        self.assertIn("Shared languages", pair.matching_explanation)
        self.assertEqual(pair.mentee_id.stage_code, "matched")
        self.assertEqual(session.pair_count, 1)
        self.assertFalse(excluded.pair_id)
        # The proposal email went to both people.
        mails = self.env["mail.mail"].sudo().search([("model", "=", "duo.pair"),
                                                      ("res_id", "=", pair.id)])
        self.assertEqual(len(mails), 2)
        with self.assertRaises(UserError):
            accepted.action_lock()
        with self.assertRaises(UserError):
            session.action_cancel()

    def test_rejected_pairs_are_not_proposed_again(self):
        pair = self.create_pair(mentee=self.chen, mentor=self.nora)
        pair._record_answer("mentor", "rejected", "No chemistry.")
        self.assertEqual(pair.stage_code, "rejected")
        self.assertEqual(self.chen.stage_code, "ready")
        session = self.new_session()
        session.action_run()
        chen = self.proposal_of(session, self.chen)
        self.assertNotEqual(chen.mentor_id, self.nora)

    def test_unmatched_reason_is_a_sentence(self):
        self.env["duo.mentee"].search([("stage_code", "=", "ready")]).write(
            {"stage_id": self._stage("duo.intake.stage", "withdrawn").id,
             "close_reason": "Test"}
        )
        mentee = self.mentee(name="Tigrinya speaker", language_skill_ids=[
            Command.create({"language_id": self.lang_ti.id, "level": "native"}),
            Command.create({"language_id": self.lang_fr.id, "level": "b1"}),
        ])
        (self.marc | self.nora).slot_ids = self.mon_morning
        session = self.new_session()
        session.action_run()
        line = session.unmatched_ids.filtered(lambda u: u.mentee_id == mentee)
        self.assertEqual(line.code, "no_eligible_partner")
        self.assertEqual(
            line.reason,
            "No mentor speaks Tigrinya or French at B1 with a Tuesday evening slot.",
        )
        mentors = session.unmatched_ids.filtered(lambda u: u.role == "mentor")
        self.assertEqual(mentors.mentor_id, self.marc | self.nora)
        self.assertTrue(all(line.reason.startswith("No mentee speaks") for line in mentors))
        # Staff reading in French get the sentence in French, built from the same data.
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(
            ["duo_mentoring", "duo_matching"], ["fr_FR"]
        )
        self.assertEqual(
            line.with_context(lang="fr_FR").reason,
            "Aucun mentor ne parle Tigrigna ou Français au niveau B1 avec un créneau "
            "Mardi soir.",
        )

    def test_access_per_centre(self):
        session = self.new_session()
        session.action_run()
        Proposal = self.env["duo.matching.proposal"]
        self.assertTrue(Proposal.with_user(self.user_coordinator_bxl).search(
            [("session_id", "=", session.id)]))
        self.assertFalse(Proposal.with_user(self.user_coordinator_lgg).search(
            [("session_id", "=", session.id)]))
        self.assertFalse(self.env["duo.matching.unmatched"].with_user(
            self.user_coordinator_lgg).search([("session_id", "=", session.id)]))
        # A coordinator outside the matching team reads but does not run or decide.
        self.user_coordinator_lgg.duo_centre_ids = [Command.link(self.centre_bxl.id)]
        session_lgg_user = session.with_user(self.user_coordinator_lgg)
        proposals = session_lgg_user.proposal_ids
        self.assertEqual(len(proposals), 2)
        self.assertTrue(all(proposals.mapped("explanation")))
        with self.assertRaises(AccessError):
            proposals[0].action_exclude()
        with self.assertRaises(AccessError):
            session_lgg_user.action_run()
        with self.assertRaises(AccessError):
            session_lgg_user.action_accept()

    def test_cross_centre_session_includes_open_centres(self):
        lgg_mentor = self.mentor(name="Liège mentor", centre_id=self.centre_lgg.id)
        session = self.new_session()
        session.action_run()
        self.assertNotIn(lgg_mentor, session.candidate_mentor_ids)
        (self.centre_bxl | self.centre_lgg).allow_cross_centre_matching = True
        session.with_user(self.user_coordinator_bxl).action_run()
        self.assertIn(lgg_mentor, session.candidate_mentor_ids)
        self.assertEqual(len(session.proposal_ids), 3)
        # The matching team of Brussels may read the Liège candidate (read only).
        self.assertEqual(lgg_mentor.with_user(self.user_coordinator_bxl).name, "Liège mentor")

    def test_centre_weights_drive_the_engine(self):
        self.centre_bxl.write({"matching_weight_sector": 0, "matching_min_score": 0.9})
        config = self.centre_bxl._matching_config()
        self.assertEqual(config.weights["sector"], 0)
        session = self.new_session()
        session.action_run()
        self.assertFalse(session.proposal_ids, "Nothing reaches a 0.9 minimum score.")
        self.assertEqual(set(session.unmatched_ids.filtered(lambda u: u.role == "mentee")
                             .mapped("code")), {"below_threshold"})
