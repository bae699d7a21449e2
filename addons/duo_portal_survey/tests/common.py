from odoo.addons.duo_portal.tests.common import DuoPortalCommon


class DuoPortalSurveyCommon(DuoPortalCommon):
    """The portal's two duos; each mentee got the programme evaluation, and the first duo's
    people a relationship pulse of their duo."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Answer = cls.env["survey.user_input"]
        # A clean slate: what the set-up sent on its own (the programme evaluation of people
        # created ready to match) is not what these tests look at.
        Answer.search([("duo_evaluation", "!=", False)]).unlink()
        cls.programme = Answer._duo_invite("programme", cls.pair.mentee_id)
        cls.programme_other = Answer._duo_invite("programme", cls.pair_other.mentee_id)
        cls.pulse_mentee = Answer._duo_invite("pulse", cls.pair.mentee_id, pair=cls.pair)
        cls.pulse_mentor = Answer._duo_invite("pulse", cls.pair.mentor_id, pair=cls.pair)
        assert all((cls.programme, cls.programme_other, cls.pulse_mentee, cls.pulse_mentor))

    @staticmethod
    def start_path(answer):
        return answer.get_start_url()
