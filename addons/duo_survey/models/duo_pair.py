from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.duo_mentoring.models.duo_pair_stage import ENDED_PAIR_CODES

# Duos closed before their six months: both people get the exit questionnaire.
EXIT_PAIR_CODES = ("ended", "rejected")
PULSE_FIRST_DAYS = 30
PULSE_INTERVAL_DAYS = 60


class DuoPair(models.Model):
    """The end-of-mentoring evaluation and the follow-ups at 3, 6 and 12 months; the
    relationship pulse during the mentoring; the exit questionnaire of duos closed early."""

    _inherit = "duo.pair"

    evaluation_ids = fields.One2many(
        "survey.user_input", "duo_pair_id", string="Evaluations",
        domain=[("duo_evaluation", "not in", ("pulse", "exit"))],
    )
    followup_ids = fields.One2many("duo.followup", "pair_id", string="Follow-ups")
    # Need-to-know: what each side answered is for the coordinator, never for the partner.
    pulse_answer_ids = fields.One2many(
        "survey.user_input", "duo_pair_id", string="Relationship pulse",
        domain=[("duo_evaluation", "=", "pulse")], groups="duo_mentoring.group_duo_user",
    )
    exit_answer_ids = fields.One2many(
        "survey.user_input", "duo_pair_id", string="Exit questionnaires",
        domain=[("duo_evaluation", "=", "exit")], groups="duo_mentoring.group_duo_user",
    )

    def _on_stage_changed(self, stage_before):
        result = super()._on_stage_changed(stage_before)
        # A duo that ran its course sends the end-of-mentoring evaluation to both people.
        closed = self.filtered(
            lambda pair: pair.stage_code in ENDED_PAIR_CODES
            and stage_before.get(pair.id) not in ENDED_PAIR_CODES
        )
        answers = self.env["survey.user_input"]
        for pair in closed:
            answers._duo_invite("end", pair.mentee_id, pair=pair)
            answers._duo_invite("end", pair.mentor_id, pair=pair)
        # Rejected or ended early: both say why, in the short exit questionnaire.
        left = self.filtered(
            lambda pair: pair.stage_code in EXIT_PAIR_CODES
            and stage_before.get(pair.id) not in EXIT_PAIR_CODES
        )
        for pair in left:
            answers._duo_invite("exit", pair.mentee_id, pair=pair)
            answers._duo_invite("exit", pair.mentor_id, pair=pair)
        return result

    # ------------------------------------------------------------------ relationship pulse
    @api.model
    def _duo_pulse_days(self):
        """Days from the start to the first pulse, then between two pulses (DUO settings)."""
        params = self.env["ir.config_parameter"].sudo()
        first = int(params.get_param("duo_survey.pulse_first_days", PULSE_FIRST_DAYS))
        interval = int(params.get_param("duo_survey.pulse_interval_days", PULSE_INTERVAL_DAYS))
        return max(first, 1), max(interval, 1)

    def _duo_pulse_due_date(self, today, first, interval):
        """The due date of the latest pulse round of this duo on `today` (None before the
        first): the start plus `first` days, then every `interval` days."""
        self.ensure_one()
        if not self.start_date:
            return None
        first_due = self.start_date + relativedelta(days=first)
        if today < first_due:
            return None
        rounds = (today - first_due).days // interval
        return first_due + relativedelta(days=rounds * interval)

    @api.model
    def _cron_duo_pulse(self):
        """Daily: send the relationship pulse to both people of each mentoring duo whose
        round fell due, once per round (a missed round is not sent late once the next one
        is due). Returns the questionnaires sent."""
        today = fields.Date.context_today(self)
        first, interval = self._duo_pulse_days()
        pairs = self.search([("stage_code", "=", "mentoring"), ("start_date", "!=", False),
                             ("start_date", "<=", today - relativedelta(days=first))])
        due = {pair: pair._duo_pulse_due_date(today, first, interval) for pair in pairs}
        # sudo: the cron's user may lack survey rights; only the pulse answers of these duos
        # are read, to skip the rounds already sent.
        sent = {
            (answer.duo_pair_id.id, answer.duo_due_date)
            for answer in self.env["survey.user_input"].sudo().search([
                ("duo_evaluation", "=", "pulse"), ("duo_pair_id", "in", pairs.ids),
                ("duo_due_date", "in", list(set(due.values()))),
            ])
        }
        Answer = self.env["survey.user_input"]
        answers = Answer.sudo().browse()
        for pair, due_date in due.items():
            if due_date and (pair.id, due_date) not in sent:
                answers |= Answer._duo_invite("pulse", pair.mentee_id, pair=pair,
                                              due_date=due_date)
                answers |= Answer._duo_invite("pulse", pair.mentor_id, pair=pair,
                                              due_date=due_date)
        return answers
