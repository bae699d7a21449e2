from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import format_date, plaintext2html

from odoo.addons.duo_mentoring.tools import installed_lang

from .survey_survey import DUO_EVALUATIONS

DUO_ROLES = [("mentee", "Mentee"), ("mentor", "Mentor")]
MAX_REMINDERS = 2


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    duo_evaluation = fields.Selection(
        DUO_EVALUATIONS, string="DUO evaluation", index="btree_not_null", readonly=True,
    )
    duo_role = fields.Selection(DUO_ROLES, string="Answered as", readonly=True)
    duo_mentee_id = fields.Many2one(
        "duo.mentee", string="Mentee", index="btree_not_null", ondelete="set null",
        readonly=True,
    )
    duo_mentor_id = fields.Many2one(
        "duo.mentor", string="Mentor", index="btree_not_null", ondelete="set null",
        readonly=True,
    )
    duo_pair_id = fields.Many2one(
        "duo.pair", string="Duo", index="btree_not_null", ondelete="set null", readonly=True,
    )
    duo_centre_id = fields.Many2one(
        "duo.centre", string="DUO centre", index="btree_not_null", readonly=True,
    )
    duo_sent_date = fields.Datetime(
        string="Last sent", readonly=True, copy=False,
        help="When the invitation or the last reminder was sent.",
    )
    duo_reminder_count = fields.Integer(string="Reminders sent", readonly=True, copy=False)
    duo_coordinator_alerted = fields.Boolean(readonly=True, copy=False)
    duo_due_date = fields.Date(
        string="Pulse due on", readonly=True, copy=False,
        help="Relationship pulse: the date of the round this questionnaire belongs to.",
    )
    duo_negative = fields.Boolean(
        string="Worrying answer", readonly=True, copy=False,
        help="Relationship pulse answered with at least one worrying choice.",
    )
    duo_answer_summary = fields.Text(
        string="Answers at a glance", compute="_compute_duo_answer_summary",
        help="Each question with the answer given, for the coordinator at a glance.",
    )

    # One pulse per person, duo and round, even if two crons ran at once.
    _duo_pulse_round_uniq = models.UniqueIndex(
        "(duo_pair_id, duo_role, duo_due_date) WHERE duo_evaluation = 'pulse'",
        "A relationship pulse is sent once per person, duo and round.",
    )

    @api.depends("user_input_line_ids.display_name", "user_input_line_ids.skipped")
    def _compute_duo_answer_summary(self):
        for answer in self:
            answer.duo_answer_summary = "\n".join(
                f"{line.question_id.title}: {line.display_name}"
                for line in answer.user_input_line_ids.sorted(
                    lambda line: (line.question_sequence, line.id))
                if not line.skipped
            )

    # ------------------------------------------------------------------ survey hooks
    def _mark_done(self):
        result = super()._mark_done()
        self.filtered(lambda a: a.duo_evaluation == "end" and a.duo_pair_id)._duo_apply_outcome()
        self.filtered(lambda a: a.duo_evaluation == "pulse" and a.duo_pair_id)._duo_check_pulse()
        return result

    def _duo_check_pulse(self):
        """A pulse answered with a worrying choice alerts the duo's coordinator at once: an
        activity on the duo, in the coordinator's language, naming the worrying answers."""
        worrying = self.filtered(
            lambda answer: answer.user_input_line_ids.suggested_answer_id.filtered("duo_negative"))
        # The participant answers through a token, not as a DUO user: flagging their own
        # answer and alerting the coordinator are the recorded consequence of it.
        worrying_sudo = worrying.sudo()
        worrying_sudo.duo_negative = True
        for answer_sudo in worrying_sudo:
            pair_sudo = answer_sudo.duo_pair_id
            person = answer_sudo.duo_mentee_id or answer_sudo.duo_mentor_id
            user = (pair_sudo.user_id or pair_sudo.centre_id.coordinator_ids[:1]
                    or self.env.ref("base.user_admin"))
            staff = answer_sudo.with_context(lang=user.lang)
            choices = staff.user_input_line_ids.suggested_answer_id.filtered("duo_negative")
            pair_sudo.activity_schedule(
                "duo_survey.mail_activity_type_duo_pulse_worry",
                user_id=user.id,
                summary=staff.env._("%s is worried about the duo", person.name),
                note=plaintext2html(staff.env._(
                    "Relationship pulse of %(date)s: %(answers)s. Call them.",
                    date=format_date(staff.env, answer_sudo.duo_due_date),
                    answers="; ".join(
                        f"{choice.question_id.title} {choice.value}" for choice in choices),
                )),
            )

    def _duo_apply_outcome(self):
        """The end evaluation says whether the mentee found work, training or an internship:
        record it on the duo. The mentee's answer prevails; the mentor's fills a gap."""
        for answer in self:
            outcome = answer.user_input_line_ids.suggested_answer_id.filtered(
                "duo_outcome"
            )[:1].duo_outcome
            # The participant answers through a token, not as a DUO user: writing the duo's
            # outcome is the recorded consequence of their own answer.
            pair_sudo = answer.duo_pair_id.sudo()
            if outcome and (answer.duo_role == "mentee" or not pair_sudo.outcome):
                pair_sudo.outcome = outcome

    # ------------------------------------------------------------------ sending
    @api.model
    def _duo_invite(self, kind, people, pair=None, due_date=None):
        """Invite each person (mentees or mentors) to the DUO evaluation `kind`, once per
        person (and duo, and pulse round `due_date`), in their own language. Returns the new
        answers."""
        # Evaluations are sent because staff moved a person or a duo, which they may do;
        # the survey and its invitations belong to the programme, not to that user.
        survey_sudo = self.env["survey.survey"].sudo().search(
            [("duo_evaluation", "=", kind)], order="id", limit=1,
        )
        people = people.filtered("email")
        if not survey_sudo or not people:
            return self.browse()
        role = people._duo_role
        field = f"duo_{role}_id"
        domain = [("duo_evaluation", "=", kind), (field, "in", people.ids)]
        if pair:
            domain.append(("duo_pair_id", "=", pair.id))
        if due_date:
            domain.append(("duo_due_date", "=", due_date))
        # sudo: invitations go out from crons and stage changes whatever the user's survey
        # rights; only DUO evaluation answers of these people are read or created.
        already = self.sudo().search(domain)[field]
        answers_sudo = self.sudo().browse()
        for person in people - already:
            lang = installed_lang(self.env, person.contact_lang)
            answers_sudo |= survey_sudo._create_answer(
                partner=person.partner_id, check_attempts=False,
                lang_id=lang and self.env["res.lang"]._get_data(code=lang).id,
                **self._duo_invite_values(kind, person, pair),
                **({"duo_due_date": due_date} if due_date else {}),
            )
        answers_sudo._duo_send("duo_survey.mail_template_duo_evaluation_invite")
        return answers_sudo

    @api.model
    def _duo_invite_values(self, kind, person, pair=None):
        """Values of the answer created when `person` is invited to the evaluation `kind`;
        satellites add theirs through ``super()``."""
        return {
            "duo_evaluation": kind,
            "duo_role": person._duo_role,
            f"duo_{person._duo_role}_id": person.id,
            "duo_pair_id": pair.id if pair else False,
            "duo_centre_id": person.centre_id.id,
        }

    def _duo_send(self, template_xmlid):
        """Email the invitation (or a reminder) in the participant's language; queued."""
        template = self.env.ref(template_xmlid, raise_if_not_found=False)
        if not template:
            return
        # sudo: the sender may lack survey rights; the template only reads this answer.
        for answer in self:
            template.sudo().send_mail(answer.id, email_layout_xmlid="mail.mail_notification_light")
        self.sudo().duo_sent_date = fields.Datetime.now()

    # ------------------------------------------------------------------ cron
    @api.model
    def _cron_duo_evaluation_reminders(self):
        """Daily: remind who has not answered a DUO evaluation (at most twice, N days apart);
        after the last reminder, the coordinator gets an activity to call the person."""
        days = int(self.env["ir.config_parameter"].sudo().get_param(
            "duo_survey.evaluation_reminder_days", 7))
        limit = fields.Datetime.now() - relativedelta(days=days)
        pending = [
            ("duo_evaluation", "!=", False), ("state", "!=", "done"), ("test_entry", "=", False),
            ("duo_sent_date", "<=", limit),
        ]
        to_remind = self.search(pending + [("duo_reminder_count", "<", MAX_REMINDERS)])
        for answer in to_remind:
            answer.duo_reminder_count += 1
        to_remind._duo_send("duo_survey.mail_template_duo_evaluation_reminder")
        silent = self.search(pending + [
            ("duo_reminder_count", ">=", MAX_REMINDERS), ("duo_coordinator_alerted", "=", False),
        ])
        silent._duo_alert_coordinator()

    def _duo_alert_coordinator(self):
        for answer in self:
            person = answer.duo_mentee_id or answer.duo_mentor_id
            if person:
                user = person.user_id or person.centre_id.coordinator_ids[:1] or self.env.user
                # In the coordinator's language, the survey title included.
                staff = answer.with_context(lang=user.lang)
                person.activity_schedule(
                    "duo_survey.mail_activity_type_duo_evaluation_unanswered",
                    note=staff.env._(
                        "%(name)s has not answered the %(survey)s despite %(count)s reminders: "
                        "call them.",
                        name=person.name, survey=staff.survey_id.title,
                        count=answer.duo_reminder_count,
                    ),
                    user_id=user.id,
                )
        self.duo_coordinator_alerted = True
