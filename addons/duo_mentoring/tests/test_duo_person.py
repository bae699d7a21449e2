from datetime import date
from unittest.mock import patch

from dateutil.relativedelta import relativedelta
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user
from odoo.tools import mute_logger

from .common import DuoCommon, create_test_users


class TestDuoEligibility(DuoCommon):
    def test_eligible_mentee(self):
        mentee = self.create_mentee()
        self.assertTrue(mentee.is_eligible, mentee.eligibility_issues)
        self.assertFalse(mentee.eligibility_issues)

    def test_contacts_follow_a_language_installed_later(self):
        self.assertFalse(self.env["res.lang"]._get_data(code="nl_BE").active)
        mentee = self.create_mentee(contact_lang="nl_BE")
        french = self.create_mentor(contact_lang="fr_FR")
        self.assertEqual(mentee.partner_id.lang, "en_US", "Dutch is not installed yet")
        self.env["res.lang"]._activate_lang("nl_BE")
        self.assertEqual(mentee.partner_id.lang, "nl_BE")
        self.assertEqual(french.partner_id.lang, "en_US")
        self.env["res.lang"]._activate_lang("fr_BE")
        self.assertEqual(french.partner_id.lang, "fr_BE", "Belgian French for French speakers")

    def test_trainers_read_people_without_the_ready_button(self):
        """Trainers read people (read-only): no button they could not use."""
        (trainer,) = create_test_users(
            self.env, ("ready_trainer", "Ready Trainer", "duo_mentoring.group_duo_trainer"))
        for model in ("duo.mentee", "duo.mentor"):
            for user, shown in ((trainer, False), (self.user_coordinator_bxl, True)):
                arch = self.env[model].with_user(user).get_views([(False, "form")])
                self.assertEqual('name="action_mark_ready"' in arch["views"]["form"]["arch"],
                                 shown, f"{model} as {user.login}")

    def test_mentee_too_old_is_explained(self):
        mentee = self.create_mentee(stage="interview",
                                    birthdate=date.today() - relativedelta(years=40))
        self.assertFalse(mentee.is_eligible)
        self.assertIn("age 40", mentee.eligibility_issues)
        self.assertIn("18–33", mentee.eligibility_issues)

    def test_age_limits_are_per_centre(self):
        mentee = self.create_mentee(stage="interview",
                                    birthdate=date.today() - relativedelta(years=35))
        self.assertFalse(mentee.is_eligible)
        self.centre_bxl.mentee_max_age = 35
        mentee.invalidate_recordset(["is_eligible"])
        self.assertTrue(mentee.is_eligible, mentee.eligibility_issues)

    def test_eu_national_needs_family_origin(self):
        mentee = self.create_mentee(stage="interview", nationality_id=self.env.ref("base.fr").id)
        self.assertIn("non-EU", mentee.eligibility_issues)
        mentee.has_non_eu_origin = True
        self.assertTrue(mentee.is_eligible, mentee.eligibility_issues)

    def test_permit_required_and_not_expired(self):
        mentee = self.create_mentee(stage="interview", residence_status="applicant")
        self.assertIn("residence permit", mentee.eligibility_issues)
        mentee.write({"residence_status": "long_term",
                      "residence_valid_until": date.today() - relativedelta(days=1)})
        self.assertIn("expired", mentee.eligibility_issues)

    def test_mentee_must_speak_a_programme_language(self):
        mentee = self.create_mentee(
            stage="interview",
            language_skill_ids=[(0, 0, {"language_id": self.lang_ti.id, "level": "native"}),
                                (0, 0, {"language_id": self.lang_fr.id, "level": "a2"})],
        )
        self.assertIn("French, Dutch or English", mentee.eligibility_issues)

    def test_mentor_rules(self):
        mentor = self.create_mentor(stage="interview",
                                    birthdate=date.today() - relativedelta(years=45),
                                    experience_years=0)
        self.assertIn("under 50", mentor.eligibility_issues)
        self.assertIn("experience", mentor.eligibility_issues)

    def test_ineligible_person_kept_with_override_and_reason(self):
        mentee = self.create_mentee(stage="interview",
                                    birthdate=date.today() - relativedelta(years=40))
        with self.assertRaisesRegex(UserError, "eligibility rules are not met"):
            mentee.action_mark_ready()
        with self.assertRaises(ValidationError):
            mentee.eligibility_override = True
        mentee.write({"eligibility_override": True,
                      "eligibility_override_reason": "Arrived at 32, long procedure."})
        mentee.action_mark_ready()
        self.assertEqual(mentee.stage_code, "ready")


class TestDuoStageGates(DuoCommon):
    def test_ready_needs_consent(self):
        mentee = self.create_mentee(stage="interview", consent_date=False)
        with self.assertRaisesRegex(UserError, "GDPR consent"):
            mentee.action_mark_ready()

    def test_ready_needs_interview_notes(self):
        mentee = self.create_mentee(stage="interview", interview_notes="<p> </p>")
        with self.assertRaisesRegex(UserError, "personal interview"):
            mentee.action_mark_ready()

    def test_each_intake_stage_checks_what_its_entry_needs(self):
        mentee = self.create_mentee(stage="info_session", info_session_date=False,
                                    interview_date=False)
        with self.assertRaisesRegex(UserError, "information session is not recorded"):
            mentee.stage_id = self._stage("duo.intake.stage", "interview")
        mentee.info_session_date = date.today()
        mentee.stage_id = self._stage("duo.intake.stage", "interview")
        mentor = self.create_mentor(stage="interview", interview_date=False)
        with self.assertRaisesRegex(UserError, "personal interview"):
            mentor.stage_id = self._stage("duo.intake.stage", "training")
        no_session = self.create_mentee(stage="interview")
        no_session.info_session_date = False
        with self.assertRaisesRegex(UserError, "information session"):
            no_session.action_mark_ready()

    def test_kanban_drop_is_gated_too(self):
        mentee = self.create_mentee(stage="interview", consent_version=False)
        with self.assertRaises(UserError):
            mentee.write({"stage_id": self._stage("duo.intake.stage", "ready").id})

    def test_withdrawal_needs_reason(self):
        mentee = self.create_mentee(stage="interview")
        withdrawn = self._stage("duo.intake.stage", "withdrawn")
        with self.assertRaises(ValidationError):
            mentee.stage_id = withdrawn
        mentee.write({"stage_id": withdrawn.id, "close_reason": "Found a job on her own."})
        self.assertEqual(mentee.stage_code, "withdrawn")

    def test_mentee_pipeline_has_no_training_column(self):
        self.create_mentee(stage="interview")
        mentees = self.env["duo.mentee"].with_context(read_group_expand=True)
        groups = mentees.web_read_group(
            [], ["stage_id"], ["__count"], unfold_read_specification={"name": {}}
        )["groups"]
        codes = {
            self.env["duo.intake.stage"].browse(g["stage_id"][0]).code for g in groups
        }
        self.assertNotIn("training", codes)
        self.assertIn("info_session", codes)


class TestDuoPeople(DuoCommon):
    def test_a_new_person_never_takes_over_an_existing_contact(self):
        staff_contact = self.user_manager.partner_id
        staff_contact.email = "Manager.Duo@Example.com"
        mentee = self.create_mentee(stage="info_session", name="Somebody Else",
                                    email="manager.duo@example.com")
        self.assertNotEqual(mentee.partner_id, staff_contact)
        self.assertEqual(staff_contact.name, "DUO Manager",
                         "the typed name stays on the new contact")
        self.assertEqual(mentee.duplicate_partner_ids, staff_contact)
        # Erasing the new person leaves the staff member's contact alone.
        mentee.with_user(self.user_manager).action_gdpr_erase()
        self.assertEqual(staff_contact.name, "DUO Manager")
        self.assertEqual(staff_contact.email, "Manager.Duo@Example.com")

    def test_possible_duplicates_by_email_phone_or_name_and_birth_date(self):
        first = self.create_mentee(stage="info_session", name="Amina Bakri",
                                   email="amina.b@example.com", phone="+32 470 12 34 56")
        by_email = self.create_mentee(stage="info_session", email="Amina.B@Example.com")
        by_phone = self.create_mentee(stage="info_session", phone="+32470123456")
        by_name = self.create_mentee(stage="info_session", name="amina bakri",
                                     birthdate=first.birthdate)
        other = self.create_mentee(stage="info_session", name="Amina Bakri",
                                   birthdate=date(1990, 1, 1))
        self.assertEqual(len((first | by_email | by_phone | by_name).partner_id), 4)
        for person in (by_email, by_phone, by_name):
            self.assertIn(first.partner_id, person.duplicate_partner_ids)
        self.assertEqual(first.duplicate_count, 3)
        self.assertFalse(other.duplicate_partner_ids)

    def test_public_application_is_new_and_waits_for_review(self):
        Mentee = self.env["duo.mentee"]
        known = self.create_mentee(stage="info_session", name="Known Person",
                                   email="known@example.com")
        vals = {"name": "Typed Name", "email": "Known@Example.com", "phone": "+32 470 99 88 77",
                "centre_id": self.centre_bxl.id, "contact_lang": "fr_FR"}
        application = Mentee._create_public_application(vals)
        self.assertTrue(application.application_pending)
        self.assertEqual(application.application_email, "known@example.com")
        self.assertNotEqual(application.partner_id, known.partner_id)
        self.assertEqual(known.name, "Known Person")
        self.assertEqual(application.duplicate_partner_ids, known.partner_id)
        # The same email again while the first waits for review: nothing is created.
        partners = self.env["res.partner"].search_count([])
        self.assertFalse(Mentee._create_public_application(dict(vals, email="KNOWN@example.com")))
        self.assertEqual(self.env["res.partner"].search_count([]), partners)
        # A mentor application with the same email is another kind: it is kept.
        self.assertTrue(self.env["duo.mentor"]._create_public_application(
            dict(vals, contact_lang="fr_FR")))
        # Once staff have decided (a new stage), a new application is welcome again.
        application.write({"info_session_date": date.today(),
                           "stage_id": self._stage("duo.intake.stage", "interview").id})
        self.assertFalse(application.application_pending)
        self.assertTrue(Mentee._create_public_application(vals).application_pending)

    def test_the_database_refuses_a_second_pending_application(self):
        """Two posts at the same moment both pass the lookup; the unique index decides."""
        Mentee = self.env["duo.mentee"]
        vals = {"name": "Racer", "email": "racer@example.com", "centre_id": self.centre_bxl.id}
        first = Mentee._create_public_application(vals)
        with patch.object(type(Mentee), "search_count", return_value=0), \
                mute_logger("odoo.sql_db"):
            second = Mentee._create_public_application(vals)
        self.assertTrue(first)
        self.assertFalse(second)
        self.assertEqual(Mentee.search_count([("application_email", "=", "racer@example.com")]), 1)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), \
                self.env.cr.savepoint():
            self.env.cr.execute(
                "UPDATE duo_mentee SET application_email = %s, application_pending = TRUE "
                "WHERE id = %s", ["racer@example.com", self.create_mentee().id])

    def test_merge_duplicates_opens_odoo_contact_merge(self):
        first = self.create_mentee(stage="info_session", email="same@example.com")
        again = self.env["duo.mentee"]._create_public_application({
            "name": first.name, "email": "same@example.com", "centre_id": self.centre_bxl.id})
        action = again.with_user(self.user_coordinator_bxl).action_merge_duplicates()
        self.assertEqual(action["res_model"], "base.partner.merge.automatic.wizard")
        self.assertFalse(again.application_pending)
        wizard = self.env[action["res_model"]].with_user(self.user_coordinator_bxl).with_context(
            **action["context"]).create({})
        self.assertEqual(wizard.partner_ids, first.partner_id | again.partner_id)
        self.assertEqual(wizard.dst_partner_id, first.partner_id, "the older contact is kept")
        wizard.action_merge()
        self.assertEqual(again.partner_id, first.partner_id)
        self.assertFalse(again.duplicate_partner_ids)

    def test_typed_email_and_phone_kept_on_a_chosen_contact(self):
        partner = self.env["res.partner"].create({"name": "Samira"})
        mentee = self.create_mentee(stage="info_session", partner_id=partner.id,
                                    email="samira@example.com", phone="+32 470 11 22 33")
        self.assertEqual(mentee.partner_id, partner)
        self.assertEqual(partner.email, "samira@example.com")
        self.assertEqual(partner.phone, "+32 470 11 22 33")

    def test_invitation_sent_in_contact_language(self):
        self.env["res.lang"]._activate_lang("nl_BE")
        mentee = self.create_mentee(stage="info_session", contact_lang="nl_BE")
        mail = self.env["mail.mail"].search([("model", "=", "duo.mentee"),
                                             ("res_id", "=", mentee.id)])
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, mentee.partner_id)
        self.assertEqual(mentee.partner_id.lang, "nl_BE")

    def test_coordinator_sees_only_own_centre(self):
        mine = self.create_mentee()
        other = self.create_mentee(centre_id=self.centre_lgg.id)
        visible = self.env["duo.mentee"].with_user(self.user_coordinator_bxl).search([])
        self.assertIn(mine, visible)
        self.assertNotIn(other, visible)
        with self.assertRaises(AccessError):
            other.with_user(self.user_coordinator_bxl).read(["name"])

    def test_manager_of_another_company_sees_no_people_or_duos(self):
        pair = self.create_pair()
        other_company = self.env["res.company"].create({"name": "Other organisation"})
        manager_elsewhere = new_test_user(
            self.env, login="manager_elsewhere", groups="duo_mentoring.group_duo_manager",
            company_id=other_company.id, company_ids=[(6, 0, other_company.ids)],
        )
        for record in (pair, pair.mentee_id, pair.mentor_id):
            self.assertFalse(record.with_user(manager_elsewhere).search(
                [("id", "=", record.id)]), record._name)
            self.assertTrue(record.with_user(self.user_manager).search(
                [("id", "=", record.id)]), record._name)

    def test_sensitive_fields_hidden_from_plain_coordinator(self):
        mentee = self.create_mentee()
        as_coordinator = mentee.with_user(self.user_coordinator_bxl)
        self.assertNotIn("nationality_id", as_coordinator.fields_get())
        with self.assertRaises(AccessError):
            as_coordinator.read(["nationality_id"])
        # Eligibility is still explained to them without revealing the data.
        self.assertTrue(as_coordinator.is_eligible)
        as_manager = mentee.with_user(self.user_manager)
        self.assertEqual(as_manager.read(["nationality_id"])[0]["nationality_id"][0],
                         self.morocco.id)

    def test_coordinator_registers_a_new_applicant(self):
        mentee = self.env["duo.mentee"].with_user(self.user_coordinator_bxl).create({
            "name": "Nadia Applicant", "email": "nadia.applicant@example.com",
            "centre_id": self.centre_bxl.id,
        })
        self.assertEqual(mentee.partner_id.email, "nadia.applicant@example.com")
        self.assertEqual(mentee.stage_code, "info_session")

    def test_plain_user_cannot_read_mentees(self):
        mentee = self.create_mentee()
        with self.assertRaises(AccessError):
            mentee.with_user(self.user_plain).read(["name"])


class TestDuoWriteGuards(DuoCommon):
    """What a client may write: no computed guarantee, no move out of one's own centres, no
    context key that skips the duo path."""

    def test_coordinator_cannot_move_a_person_to_a_centre_they_do_not_run(self):
        mentee = self.create_mentee()
        with self.assertRaises(AccessError):
            mentee.with_user(self.user_coordinator_bxl).centre_id = self.centre_lgg
        mentee.with_user(self.user_manager).centre_id = self.centre_lgg
        self.assertEqual(mentee.centre_id, self.centre_lgg)

    def test_computed_guarantees_are_not_writable(self):
        pair = self.create_pair()
        coordinator = self.user_coordinator_bxl
        with self.assertRaises(AccessError):
            pair.with_user(coordinator).write({"is_open": False})
        with self.assertRaises(AccessError):
            pair.mentor_id.with_user(coordinator).write({"open_pair_count": 0})
        self.assertTrue(pair.is_open)
        self.assertEqual(pair.mentor_id.open_pair_count, 1)

    def test_a_client_context_key_does_not_skip_the_duo_path(self):
        pair = self.create_pair(user_id=self.user_coordinator_bxl.id)
        completed = self._stage("duo.pair.stage", "completed")
        with self.assertRaises(UserError):
            pair.with_user(self.user_coordinator_bxl).with_context(
                duo_force_stage=True).stage_id = completed
        self.assertEqual(pair.stage_code, "proposed")
