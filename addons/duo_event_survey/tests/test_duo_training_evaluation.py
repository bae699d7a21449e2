from odoo.addons.duo_event.tests.common import DuoTrainingCommon


class TestDuoTrainingEvaluation(DuoTrainingCommon):
    """The training evaluation goes out when a mentor completes the four training days."""

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
