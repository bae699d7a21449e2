from contextlib import contextmanager
from datetime import date

import pytz
from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import UserError, ValidationError
from odoo.sql_db import db_connect
from odoo.tools import mute_logger

from .common import DuoCommon


class TestDuoPairFlow(DuoCommon):
    def _walk_to_mentoring(self, pair):
        pair.action_schedule_first_meeting()
        self.hold_first_meeting(pair)
        pair.action_accept_mentee()
        pair.action_accept_mentor()
        pair.write({
            "agreement_date": date.today(),
            **self.AGREEMENT_ACCEPTED,
        })
        pair.action_sign_agreement()
        pair.action_start_mentoring()

    def test_full_cycle(self):
        pair = self.create_pair(user_id=self.user_coordinator_bxl.id)
        self.assertEqual(pair.stage_code, "proposed")
        self.assertEqual(pair.mentee_id.stage_code, "matched")
        self.assertEqual(pair.mentor_id.stage_code, "matched")
        self.assertEqual(pair.centre_id, self.centre_bxl)

        pair.action_schedule_first_meeting()
        self.assertEqual(pair.stage_code, "first_meeting")
        event = pair.first_meeting_event_id
        self.assertEqual(
            event.partner_ids,
            pair.mentee_id.partner_id | pair.mentor_id.partner_id | pair.user_id.partner_id,
        )
        with self.assertRaisesRegex(ValidationError, "record the answers after it"):
            pair.action_accept_mentee()
        self.hold_first_meeting(pair)
        pair.action_accept_mentee()
        self.assertEqual(pair.stage_code, "first_meeting", "one answer is not enough")
        pair.action_accept_mentor()
        self.assertEqual(pair.stage_code, "approved")

        with self.assertRaisesRegex(UserError, "code of conduct"):
            pair.action_sign_agreement()
        pair.write({
            "agreement_date": date.today(),
            **self.AGREEMENT_ACCEPTED,
        })
        pair.action_sign_agreement()
        self.assertEqual(pair.stage_code, "agreement")
        self.assertEqual(len(pair.goal_ids), 4, "the default career action plan is created")

        pair.action_start_mentoring()
        self.assertEqual(pair.stage_code, "mentoring")
        self.assertEqual(pair.planned_end_date, pair.start_date + relativedelta(months=6))

        self.env["duo.meeting"].create([
            {"pair_id": pair.id, "date": date.today() - relativedelta(days=7)},
            {"pair_id": pair.id, "date": date.today()},
        ])
        self.assertEqual(pair.meeting_count, 2)
        self.assertEqual(pair.last_meeting_date, date.today())

        with self.assertRaisesRegex(UserError, "outcome"):
            pair.action_complete()
        wizard = self.env["duo.pair.close.wizard"].create({"pair_id": pair.id})
        self.assertEqual(wizard.closing, "complete")
        wizard.write({"outcome": "job"})
        wizard.action_confirm()
        self.assertEqual(pair.stage_code, "completed")
        self.assertFalse(pair.is_open)
        self.assertEqual(pair.mentee_id.stage_code, "alumni")
        self.assertEqual(pair.mentor_id.stage_code, "ready", "the mentor may mentor again")

    def test_first_meeting_at_ten_brussels_time(self):
        """10:00 in Brussels is 09:00 UTC in winter and 08:00 UTC in summer."""
        self.env.user.tz = "Europe/Brussels"
        for today, utc_hour, weekday_booked in (("2026-01-09 15:00:00", 9, 0),
                                                ("2026-07-01 15:00:00", 8, 3)):
            with freeze_time(today):
                pair = self.create_pair()
                pair.action_schedule_first_meeting()
            start = pair.first_meeting_event_id.start
            self.assertEqual(start.hour, utc_hour)
            self.assertEqual(start.weekday(), weekday_booked, "the next working day")
            local = pytz.utc.localize(start).astimezone(pytz.timezone("Europe/Brussels"))
            self.assertEqual((local.hour, local.minute), (10, 0))

    @contextmanager
    def _refused(self, message):
        """Odoo's assertRaises (not assertRaisesRegex) rolls the refused write back."""
        with self.assertRaises(ValidationError) as caught:
            yield
        self.assertIn(message, str(caught.exception))

    def test_each_step_dated_after_the_one_before(self):
        """Answers after the first meeting, the agreement at a later meeting (never in the
        future), the start after signing, the end after the start."""
        pair = self.create_pair(user_id=self.user_coordinator_bxl.id)
        pair.action_schedule_first_meeting()
        pair_as_coordinator = pair.with_user(self.user_coordinator_bxl)
        # A client sending the set-up key gets no pass: only superuser code may backfill.
        with self._refused("record the answers after it"):
            pair_as_coordinator.with_context(duo_force_stage=True).action_accept_mentor()
        self.hold_first_meeting(pair, hours_ago=2)
        pair_as_coordinator.action_accept_mentee()
        pair_as_coordinator.action_accept_mentor()
        self.assertEqual(pair.stage_code, "approved")
        meeting_day = pair.first_meeting_date.date()
        with self._refused("future date"):
            pair_as_coordinator.agreement_date = date.today() + relativedelta(days=1)
        with self._refused("not before it"):
            pair_as_coordinator.agreement_date = meeting_day - relativedelta(days=1)
        pair_as_coordinator.write({"agreement_date": date.today(), **self.AGREEMENT_ACCEPTED})
        pair_as_coordinator.action_sign_agreement()
        with self._refused("start before the agreement"):
            pair_as_coordinator.start_date = date.today() - relativedelta(days=3)
        pair_as_coordinator.action_start_mentoring()
        with self._refused("end before it started"):
            pair_as_coordinator.end_date = date.today() - relativedelta(days=1)
        self.assertEqual(pair.stage_code, "mentoring")

    def test_a_step_and_its_stage_in_one_write(self):
        """An import or a client may record a step and move the stage in one write: the
        stage's requirements see the values written with it; a refusal writes nothing."""
        pair = self.create_pair()
        start = fields.Datetime.now() - relativedelta(days=1)
        event = self.env["calendar.event"].create({
            "name": "First", "start": start, "stop": start + relativedelta(hours=1)})
        pair.write({"first_meeting_event_id": event.id,
                    "stage_id": self._stage("duo.pair.stage", "first_meeting").id})
        self.assertEqual(pair.stage_code, "first_meeting")
        pair.write({"mentee_answer": "accepted", "mentor_answer": "accepted",
                    "stage_id": self._stage("duo.pair.stage", "approved").id})
        self.assertEqual(pair.stage_code, "approved")
        # Caught by hand, not with assertRaises (whose own savepoint would hide the point):
        # the write's savepoint undoes the date recorded before the refused stage.
        refused = False
        try:
            pair.write({"agreement_date": date.today(),
                        "stage_id": self._stage("duo.pair.stage", "agreement").id})
        except UserError:
            refused = True
        self.assertTrue(refused, "the agreement stage needs both acceptances")
        self.assertFalse(pair.agreement_date, "the refused stage wrote nothing")

    def test_stages_cannot_be_skipped(self):
        pair = self.create_pair()
        with self.assertRaisesRegex(UserError, "cannot go from"):
            pair.stage_id = self._stage("duo.pair.stage", "mentoring")
        with self.assertRaisesRegex(UserError, "schedule the first meeting"):
            pair.stage_id = self._stage("duo.pair.stage", "first_meeting")

    def test_rejection_closes_and_sends_both_back(self):
        pair = self.create_pair()
        pair.action_schedule_first_meeting()
        wizard = self.env["duo.pair.close.wizard"].create({"pair_id": pair.id})
        self.assertEqual(wizard.closing, "reject_mentee")
        with self.assertRaisesRegex(UserError, "reason"):
            wizard.action_confirm()
        wizard.close_reason_id = self.env.ref("duo_mentoring.duo_close_reason_mismatch")
        wizard.details = "No common ground on the professional project."
        wizard.action_confirm()
        self.assertEqual(pair.stage_code, "rejected")
        self.assertEqual(pair.mentee_answer, "rejected")
        self.assertEqual(pair.close_reason_id.code, "mismatch")
        self.assertIn("professional project", pair.rejection_reason)
        self.assertEqual(pair.mentee_id.stage_code, "ready")
        self.assertEqual(pair.mentor_id.stage_code, "ready")
        # Both can be matched again, with someone else.
        other = self.create_pair(mentee=pair.mentee_id)
        self.assertTrue(other.is_open)

    def test_end_early_needs_reason(self):
        pair = self.create_pair()
        self._walk_to_mentoring(pair)
        with self.assertRaisesRegex(UserError, "reason for ending early"):
            pair.action_end_early()
        pair.action_end_early("The mentee moved to Ghent.")
        self.assertEqual(pair.stage_code, "ended")

    def test_people_must_be_ready(self):
        mentee = self.create_mentee(stage="interview")
        with self.assertRaisesRegex(UserError, "not Ready to match"):
            self.create_pair(mentee=mentee)

    def test_one_open_duo_per_mentee(self):
        pair = self.create_pair()
        with self.assertRaisesRegex(UserError, "already has an open duo"):
            self.create_pair(mentee=pair.mentee_id)

    def test_mentor_capacity_enforced_by_database(self):
        mentor = self.create_mentor(capacity=2)
        self.create_pair(mentor=mentor)
        self.create_pair(mentor=mentor)
        self.assertEqual(mentor.open_pair_count, 2)
        with self.assertRaisesRegex(UserError, "capacity"):
            self.create_pair(mentor=mentor)
        # Lowering the capacity under the open duos is refused as well.
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), \
                self.env.cr.savepoint():
            mentor.capacity = 1
            self.env.flush_all()

    def test_cross_centre_needs_permission(self):
        mentor = self.create_mentor(centre_id=self.centre_lgg.id)
        with self.assertRaisesRegex(Exception, "allow matching across centres"):
            self.create_pair(mentor=mentor)
        self.centre_bxl.allow_cross_centre_matching = True
        self.assertTrue(self.create_pair(mentor=mentor).is_open)

    def test_emails_each_in_recipient_language(self):
        self.env["res.lang"]._activate_lang("nl_BE")
        mentee = self.create_mentee(contact_lang="fr_FR")
        mentor = self.create_mentor(contact_lang="nl_BE")
        pair = self.create_pair(mentee=mentee, mentor=mentor)
        template = self.env.ref("duo_mentoring.mail_template_duo_match_proposal")
        self.assertEqual(
            template.with_context(duo_recipient_lang="nl_BE")._render_lang(pair.ids)[pair.id],
            "nl_BE",
        )
        pair.action_propose()
        mails = self.env["mail.mail"].search([("model", "=", "duo.pair"),
                                              ("res_id", "=", pair.id)])
        self.assertEqual(mails.recipient_ids, mentee.partner_id | mentor.partner_id)
        self.assertEqual(len(mails), 2, "one email per person, in their own language")

    def test_french_speakers_written_to_in_belgian_french(self):
        """Brussels installs fr_BE, not fr_FR: a French-speaking person still gets French."""
        self.assertFalse(self.env["res.lang"]._get_data(code="fr_FR").active)
        self.env["res.lang"]._activate_lang("fr_BE")
        self.env["ir.module.module"]._load_module_terms(["duo_mentoring"], ["fr_BE"])
        mentee = self.create_mentee(contact_lang="fr_FR")
        self.assertEqual(mentee.partner_id.lang, "fr_BE")
        pair = self.create_pair(mentee=mentee)
        pair.action_propose()
        mail = self.env["mail.mail"].search([("model", "=", "duo.pair"), ("res_id", "=", pair.id),
                                             ("recipient_ids", "in", mentee.partner_id.ids)])
        self.assertEqual(mail.subject, "Nous vous avons trouvé un partenaire DUO")

    def test_proposal_is_emailed_once_unless_resent_on_purpose(self):
        pair = self.create_pair()
        Mail = self.env["mail.mail"]

        def proposals():
            return Mail.search_count([("model", "=", "duo.pair"), ("res_id", "=", pair.id)])

        pair.action_propose()
        self.assertTrue(pair.proposal_sent_date)
        pair.action_propose()  # a matching session already sent it, or a second click
        self.assertEqual(proposals(), 2, "one proposal per person, not one per click")
        pair.action_resend_proposal()
        self.assertEqual(proposals(), 4)

    def test_agreement_pdf_renders(self):
        pair = self.create_pair()
        html = self.env["ir.actions.report"]._render_qweb_html(
            "duo_mentoring.action_report_duo_agreement", pair.ids
        )[0].decode()
        self.assertIn(pair.mentee_id.name, html)
        self.assertIn("Code of conduct", html)


class TestDuoPairCalendar(DuoCommon):
    def test_first_meetings_fill_the_duos_calendar(self):
        arch = self.env["duo.pair"].get_views([(False, "calendar")])["views"]["calendar"]["arch"]
        self.assertIn('date_start="first_meeting_date"', arch)
        pair = self.create_pair()
        pair.action_schedule_first_meeting()
        start = pair.first_meeting_date
        # What the calendar asks for the week shown.
        week = self.env["duo.pair"].search_read(
            [("first_meeting_date", ">=", start - relativedelta(days=3)),
             ("first_meeting_date", "<=", start + relativedelta(days=3))],
            ["first_meeting_date", "mentee_id"])
        self.assertEqual([row["id"] for row in week], pair.ids)


class TestDuoPairConcurrency(DuoCommon):
    """Two coordinators confirm a duo for the same mentee at the same moment, each in their
    own database transaction: exactly one wins, the other gets a clear error."""

    def test_concurrent_confirmations_exactly_one_wins(self):
        dbname = self.env.cr.dbname
        # Committed fixtures: the competing transactions must see them.
        with db_connect(dbname).cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            mentee = env["duo.mentee"].create(self._ready_vals(
                birthdate=date.today() - relativedelta(years=25),
                nationality_id=self.morocco.id, residence_status="long_term",
                language_skill_ids=[(0, 0, {"language_id": self.lang_fr.id, "level": "b2"})],
                stage_id=self._stage("duo.intake.stage", "ready").id,
            ))
            mentors = env["duo.mentor"].create([self._ready_vals(
                birthdate=date.today() - relativedelta(years=60), experience_years=20,
                stage_id=self._stage("duo.intake.stage", "interview").id,
            ) for _i in range(2)])
            mentors.write({"stage_id": self._stage("duo.intake.stage", "ready").id})
            ids = (mentee.id, mentors.ids, mentee.partner_id.id,
                   mentors.partner_id.ids)
            # Other transactions must see the fixtures.
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._drop_committed, dbname, *ids)

        first_cr = db_connect(dbname).cursor()
        second_cr = db_connect(dbname).cursor()
        outcome = {}

        def confirm(cr, mentor_id, key):
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            try:
                env["duo.pair"].create({"mentee_id": ids[0], "mentor_id": mentor_id})
                env.flush_all()
                outcome[key] = "created"
            except UserError as error:
                outcome[key] = str(error)
            except Exception as error:  # noqa: BLE001 - reported by the assertions below
                outcome[key] = repr(error)

        # The race, made deterministic: the second transaction takes its snapshot before the
        # first commits, so its own checks cannot see the first duo; only the database can.
        with mute_logger("odoo.sql_db"):  # the refused statement is logged: expected here
            try:
                confirm(first_cr, ids[1][0], "first")
                second_cr.execute("SELECT 1")
                first_cr.commit()  # pylint: disable=invalid-commit
                confirm(second_cr, ids[1][1], "second")
                second_cr.rollback()
            finally:
                first_cr.close()
                second_cr.close()
        self.assertEqual(outcome["first"], "created")
        self.assertIn("already has an open duo", outcome.get("second", ""))
        with db_connect(dbname).cursor() as cr:
            cr.execute("SELECT count(*) FROM duo_pair WHERE mentee_id = %s", [ids[0]])
            self.assertEqual(cr.fetchone()[0], 1)

    @staticmethod
    def _drop_committed(dbname, mentee_id, mentor_ids, mentee_partner_id, mentor_partner_ids):
        with db_connect(dbname).cursor() as cr:
            cr.execute("DELETE FROM duo_pair WHERE mentee_id = %s", [mentee_id])
            cr.execute("DELETE FROM duo_mentee WHERE id = %s", [mentee_id])
            cr.execute("DELETE FROM duo_mentor WHERE id = ANY(%s)", [mentor_ids])
            # Contacts may be referenced by mail data: archive rather than delete.
            cr.execute("UPDATE res_partner SET active = false WHERE id = ANY(%s)",
                       [[mentee_partner_id, *mentor_partner_ids]])
