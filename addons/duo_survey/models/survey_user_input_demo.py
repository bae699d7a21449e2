"""Demo data only: answered evaluations and follow-ups, so that the reports show figures.

`_duo_demo_populate` is called once, by demo/survey_user_input_demo.xml, when the add-on is
installed with demo data; nothing else calls it. For the people duo_mentoring's demo created,
it records what the programme would have sent them and what most of them answered:

- the intake evaluation of every person who reached Ready to match;
- the training evaluation of every mentor who completed the training;
- the end-of-mentoring evaluation of both people of every closed duo (its answer on the job,
  training or internship agrees with the duo's outcome), and the follow-ups at 3, 6 and 12
  months that fell due since.

Deterministic (seeded) and batched: one create for the answers, one for the follow-ups, and
one query dating the invitations to the day they went out.
"""

import random
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.tools import SQL

SCALE_WEIGHTS = [(2, 1), (3, 3), (4, 8), (5, 9)]
PROGRAMME_COMMENTS = [
    "The interview helped me to say clearly what I want.",
    "Information sessions in the evening would help people who work.",
    "Everything was clear, thank you!",
    "I waited a long time for news after the interview.",
]
TRAINING_COMMENTS = [
    ("Intercultural communication: I recognised many situations.",
     "More time for the role plays."),
    ("The module on residence permits: I knew nothing about it.", "Shorter days."),
    ("The career action plan, very concrete.", "Meet former mentors during the training."),
]
END_COMMENTS = {
    "mentee": ["Confidence, and a network I did not have.",
               "I understood how job interviews work in Belgium.",
               "A friend, and my first contract."],
    "mentor": ["A new look at my own career and at Brussels.",
               "The joy of seeing him sign his contract.",
               "I learnt as much as I taught."],
}
OUTCOME_ANSWERS = {"job": "job", "training": "training", "internship": "internship",
                   "volunteering": "volunteering", "none": "none"}
# Situation at the follow-ups (3, 6, 12 months), by outcome of the duo.
FOLLOWUP_SITUATIONS = {
    "job": ["fixed_term_long", "open_ended", "open_ended"],
    "training": ["training", "training", "fixed_term_long"],
    "internship": ["internship", "short_job", "fixed_term_long"],
    "volunteering": ["job_seeking", "short_job", "short_job"],
    "none": ["job_seeking", "unreachable", "job_seeking"],
}


class SurveyUserInput(models.Model):
    # Demo data only: kept apart from the business code of survey.user_input.
    _inherit = "survey.user_input"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _duo_demo_populate(self):
        """Create the demo evaluations and follow-ups (demo data only)."""
        rng = random.Random("duo_survey")
        now = fields.Datetime.now()
        answers, sent_dates = [], []
        people = [person for role in ("mentee", "mentor") for person in self.env[
            f"duo.{role}"].search([("stage_code", "in", ("ready", "matched", "alumni"))],
                                  order="id")]
        for person in people:
            ready = person.date_ready or fields.Datetime.to_datetime(
                person.interview_date or fields.Date.today()) + timedelta(days=20)
            answers.append(self._duo_demo_answer(rng, "programme", person, ready))
            if person._duo_role == "mentor" and person.interview_date:
                trained = fields.Datetime.to_datetime(person.interview_date) + timedelta(days=60)
                answers.append(self._duo_demo_answer(rng, "training", person, min(trained, now)))
        pairs = self.env["duo.pair"].search([("stage_code", "in", ("completed", "ended"))],
                                            order="id")
        for pair in pairs:
            ended = fields.Datetime.to_datetime(pair.end_date)
            for person in (pair.mentee_id, pair.mentor_id):
                answers.append(self._duo_demo_answer(rng, "end", person, ended, pair=pair))
        answers = [vals for vals in answers if vals]
        sent_dates = [vals.pop("_sent") for vals in answers]
        created = self.create(answers)
        self.env.flush_all()
        if created:
            self.env.cr.execute(SQL(
                "UPDATE survey_user_input i SET create_date = v.sent FROM (VALUES %s) "
                "AS v(id, sent) WHERE i.id = v.id",
                SQL(", ").join(SQL("(%s, %s::timestamp)", answer.id, sent)
                               for answer, sent in zip(created, sent_dates, strict=True))))
            self.env.invalidate_all()
        self.env["duo.followup"].create(self._duo_demo_followups(rng, pairs))
        return True

    @api.model
    def _duo_demo_answer(self, rng, kind, person, sent, pair=None):
        """Values of the evaluation `kind` sent to `person` on `sent`; most people answered
        within the week."""
        survey = self.env.ref(f"duo_survey.survey_duo_{kind}", raise_if_not_found=False)
        if not survey or not person.email:
            return {}
        now = fields.Datetime.now()
        vals = dict(
            self._duo_invite_values(kind, person, pair),
            survey_id=survey.id, partner_id=person.partner_id.id, email=person.email,
            duo_sent_date=sent, _sent=sent,
        )
        answered = sent + timedelta(days=rng.randint(1, 9))
        if answered > now or rng.random() < 0.15:
            return vals
        lines = []
        for question in survey.question_ids.sorted("sequence"):
            if question.question_type == "scale":
                value = rng.choices(*zip(*SCALE_WEIGHTS, strict=True))[0]
                lines.append({"question_id": question.id, "answer_type": "scale",
                              "value_scale": value})
            elif question.question_type == "simple_choice":
                choice = self._duo_demo_choice(rng, question, pair)
                if choice:
                    lines.append({"question_id": question.id, "answer_type": "suggestion",
                                  "suggested_answer_id": choice.id})
            elif question.question_type == "text_box" and rng.random() < 0.4:
                lines.append({"question_id": question.id, "answer_type": "text_box",
                              "value_text_box": self._duo_demo_comment(rng, kind, person,
                                                                       question)})
        vals.update(state="done", start_datetime=answered - timedelta(minutes=12),
                    end_datetime=answered,
                    user_input_line_ids=[Command.create(line) for line in lines])
        return vals

    @api.model
    def _duo_demo_choice(self, rng, question, pair):
        """The suggested answer of an end evaluation question: the goals reached agree with
        the duo's stage, the job question with its outcome."""
        answers = question.suggested_answer_ids.sorted("sequence")
        outcomes = answers.filtered("duo_outcome")
        if outcomes and pair:
            outcome = pair.outcome or ("volunteering" if rng.random() < 0.3 else "none")
            return outcomes.filtered(lambda a: a.duo_outcome == OUTCOME_ANSWERS[outcome])[:1]
        if pair and pair.stage_code == "ended":
            return answers[1:][:1] if rng.random() < 0.5 else answers[-1:]
        return answers[:1] if rng.random() < 0.6 else answers[1:2]

    @api.model
    def _duo_demo_comment(self, rng, kind, person, question):
        if kind == "programme":
            return rng.choice(PROGRAMME_COMMENTS)
        if kind == "training":
            useful, improve = rng.choice(TRAINING_COMMENTS)
            return useful if question.sequence == 5 else improve
        return rng.choice(END_COMMENTS[person._duo_role])

    @api.model
    def _duo_demo_followups(self, rng, pairs):
        """The follow-ups of closed duos that fell due: done when more than ten days old."""
        today = fields.Date.context_today(self)
        vals_list = []
        for pair in pairs:
            outcome = pair.outcome or "none"
            for index, months in enumerate(("3", "6", "12")):
                due = pair.end_date + relativedelta(months=int(months))
                if due > today:
                    break
                vals = {"pair_id": pair.id, "months": months, "due_date": due}
                if (today - due).days > 10:
                    vals.update(date=due + timedelta(days=rng.randint(0, 8)),
                                situation=FOLLOWUP_SITUATIONS[outcome][index])
                vals_list.append(vals)
        return vals_list
