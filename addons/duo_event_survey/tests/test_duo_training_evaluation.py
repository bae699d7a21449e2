from datetime import datetime, timedelta

from odoo.addons.duo_event.tests.common import DuoEventCommon


class TestDuoTrainingEvaluation(DuoEventCommon):
    """The training evaluation goes out when a mentor completes the four training days."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentor = cls.create_mentor(stage="training", trained=False)
        cls.training_modules = cls.env["duo.training.module"].search([])
        start = datetime(2030, 1, 7, 8)
        cls.sessions = cls.env["event.event"]
        for index, module in enumerate(cls.training_modules):
            cls.sessions |= cls.create_session(
                cls.type_training, start + timedelta(days=index // 2, hours=5 * (index % 2)),
                name=module.name, duo_training_module_id=module.id,
            )

    def test_training_evaluation_sent_when_training_complete(self):
        registrations = self.env["event.registration"]
        for session in self.sessions:
            registrations |= self.register(session, self.mentor)
        Input = self.env["survey.user_input"]
        registrations[:7].action_set_done()
        self.assertFalse(Input.search([("duo_mentor_id", "=", self.mentor.id)]))
        registrations[7].action_set_done()
        evaluation = Input.search([("duo_mentor_id", "=", self.mentor.id),
                                   ("duo_evaluation", "=", "training")])
        self.assertEqual(len(evaluation), 1)
        self.assertEqual(evaluation.survey_id, self.env.ref("duo_survey.survey_duo_training"))
        self.assertEqual(evaluation.duo_training_event_id, self.sessions[7])
