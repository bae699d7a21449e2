from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestDuoMatchingTour(HttpCase):
    """A matching session through the UI: run it, then accept its two proposals."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.centre = cls.env["duo.centre"].create({"name": "Tour matching centre",
                                                   "code": "TOURM"})
        slot = cls.env.ref("duo_mentoring.duo_slot_tuesday_evening")
        french = cls.env.ref("duo_mentoring.duo_language_fr")
        ready = cls.env.ref("duo_mentoring.duo_intake_stage_ready")
        base = {
            "centre_id": cls.centre.id,
            "consent_date": fields.Datetime.now(),
            "consent_version": "2026-01",
            "consent_channel": "paper",
            "info_session_date": date.today(),
            "interview_date": date.today(),
            "interview_notes": "<p>Motivated.</p>",
            "slot_ids": [Command.set(slot.ids)],
        }
        cls.mentees = cls.env["duo.mentee"].create([dict(
            base, name=name, email=f"{name.lower().replace(' ', '.')}@example.com",
            birthdate=date.today() - relativedelta(years=25),
            nationality_id=cls.env.ref("base.ma").id, residence_status="long_term",
            stage_id=ready.id,
            language_skill_ids=[Command.create({"language_id": french.id, "level": "b2"})],
        ) for name in ("Tour Mentee Awa", "Tour Mentee Bruno")])
        cls.mentors = cls.env["duo.mentor"].create([dict(
            base, name=name, email=f"{name.lower().replace(' ', '.')}@example.com",
            birthdate=date.today() - relativedelta(years=60), experience_years=30,
            stage_id=ready.id,
            language_skill_ids=[Command.create({"language_id": french.id, "level": "native"})],
        ) for name in ("Tour Mentor Claire", "Tour Mentor Daniel")])
        cls.matching_session = cls.env["duo.matching.session"].create({"centre_id": cls.centre.id})

    def _run_matching_tour(self, lang):
        """This week's session as a matching-team member working in `lang`."""
        if lang != "en_US":
            self.env["res.lang"]._activate_lang(lang)
            self.env["ir.module.module"]._load_module_terms(["duo_mentoring", "duo_matching"],
                                                            [lang])
        self.env.ref("base.user_admin").lang = lang
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
