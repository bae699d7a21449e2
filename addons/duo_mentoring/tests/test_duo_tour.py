from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


# Browser tests run post_install; `make test` runs them where this add-on is installed alone
# (satellites add stage gates, e.g. the mentor training, that this data does not meet).
@tagged("post_install", "-at_install")
class TestDuoTour(HttpCase):
    """The DUO cycle through the UI: intake to Ready to match, then a duo proposal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        cls.centre = cls.env.ref("duo_mentoring.duo_centre_brussels")
        info_session = cls.env.ref("duo_mentoring.duo_intake_stage_info_session")
        language = cls.env["duo.language"].search(
            [("is_programme_language", "=", True)], limit=1
        ) or cls.env["duo.language"].create({
            "name": "Tour programme language", "code": "zz-tour", "is_programme_language": True,
        })
        non_eu_country = cls.env.ref("base.ma")
        person_vals = {
            "centre_id": cls.centre.id,
            "stage_id": info_session.id,
            "consent_date": fields.Datetime.now(),
            "consent_version": "2026-01",
            "consent_channel": "paper",
            "info_session_date": today - relativedelta(days=20),
            "interview_date": today - relativedelta(days=7),
            "interviewer_id": cls.env.ref("base.user_admin").id,
            "interview_notes": "<p>Motivated, clear professional project.</p>",
            "language_skill_ids": [(0, 0, {"language_id": language.id, "level": "c1"})],
        }
        cls.mentee = cls.env["duo.mentee"].create(dict(
            person_vals,
            name="Tour Mentee Amina",
            email="tour.mentee.amina@example.com",
            birthdate=today - relativedelta(years=25),
            job_goal="Accountant",
            nationality_id=non_eu_country.id,
            residence_status="long_term",
            residence_valid_until=today + relativedelta(years=3),
        ))
        cls.mentor = cls.env["duo.mentor"].create(dict(
            person_vals,
            name="Tour Mentor Marc",
            email="tour.mentor.marc@example.com",
            birthdate=today - relativedelta(years=60),
            job_title="Chief accountant",
            experience_years=35,
            capacity=1,
        ))

    def _run_cycle_tours(self, lang):
        """The whole cycle as an administrator working in `lang`."""
        if lang != "en_US":
            self.env["res.lang"]._activate_lang(lang)
            self.env["ir.module.module"]._load_module_terms(["duo_mentoring"], [lang])
        self.env.ref("base.user_admin").lang = lang
        # The data itself must open the gates; the tour only clicks.
        self.assertTrue(self.mentee.is_eligible, self.mentee.eligibility_issues)
        self.assertTrue(self.mentor.is_eligible, self.mentor.eligibility_issues)

        self.start_tour("/odoo", f"duo_mentoring_cycle_tour_{lang}", login="admin")

        pair = self.env["duo.pair"].search(
            [("mentee_id", "=", self.mentee.id), ("mentor_id", "=", self.mentor.id)]
        )
        self.assertEqual(len(pair), 1, "The tour should have created exactly one duo.")
        self.assertEqual((pair.stage_code, pair.mentee_answer), ("first_meeting", "pending"))
        # The first meeting took place yesterday.
        start = fields.Datetime.now() - relativedelta(days=1)
        pair.first_meeting_event_id.write({"start": start, "stop": start + relativedelta(hours=1)})

        self.start_tour(f"/odoo/duo.pair/{pair.id}", f"duo_mentoring_answers_tour_{lang}",
                        login="admin")
        self.assertTrue(pair.is_open)
        self.assertEqual(pair.stage_code, "mentoring")
        self.assertEqual(pair.agreement_date, fields.Date.today())
        self.assertEqual(pair.planned_end_date, pair.start_date + relativedelta(months=6))
        self.assertEqual(len(pair.goal_ids), 4)
        self.assertIn(self.mentee.partner_id, pair.first_meeting_event_id.partner_ids)
        self.assertEqual(pair.centre_id, self.centre)
        self.assertEqual(self.mentee.stage_code, "matched")
        self.assertEqual(self.mentor.stage_code, "matched")

    def test_duo_cycle_tour(self):
        self._run_cycle_tours("en_US")

    def test_duo_cycle_tour_in_french(self):
        self._run_cycle_tours("fr_BE")

    def test_duo_cycle_tour_in_dutch(self):
        self._run_cycle_tours("nl_BE")
