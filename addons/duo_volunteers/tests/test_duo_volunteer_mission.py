from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import DuoVolunteersCommon


@tagged("at_install", "-post_install")
class TestDuoVolunteerMission(DuoVolunteersCommon):
    def _count_queries(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        func()
        return self.cr.sql_log_count - before

    def test_staffing_counts_confirmed_signups_only(self):
        mission = self.mission_bxl
        self.assertEqual(mission.volunteers_confirmed, 1)
        self.assertEqual(mission.volunteers_missing, 1)
        self.assertEqual(mission.staffing_progress, 50.0)
        self.signup_karim.action_cancel()
        self.assertEqual(mission.volunteers_confirmed, 0)
        self.assertEqual(mission.volunteers_missing, 2)
        self.signup_karim.action_confirm()
        self.env["duo.volunteer.signup"].create({
            "mission_id": mission.id, "volunteer_id": self.vol_els.id,
        })
        self.assertEqual(mission.volunteers_missing, 0)
        self.assertEqual(mission.staffing_progress, 100.0)

    def test_translation_needs_two_languages(self):
        with self.assertRaises(ValidationError):
            self.env["duo.volunteer.mission"].create({
                "name": "Translate", "mission_type": "translation",
                "help_kind_id": self.kind_translation.id,
                "source_lang_id": self.lang_fr.id,
            })

    def test_rank_volunteers_by_kind_language_availability(self):
        self.signup_els.action_cancel()
        ranking = self.mission_other._rank_volunteers()
        self.assertEqual(ranking[0][0], self.vol_els, "the FR→NL translator comes first")
        self.assertEqual(ranking[0][1], 100)
        # the Liège volunteer is not proposed for a Brussels weekly slot, Karim (signed up) neither
        new_mission = self.mission_bxl.copy({"name": "Another Tuesday"})
        ranked = [volunteer for volunteer, _score, _reasons in new_mission._rank_volunteers()]
        self.assertEqual(ranked[0], self.vol_karim, "offers listening and is free on Tuesday")
        self.assertNotIn(self.vol_lgg, ranked)
        ranked = [v for v, _s, _r in self.mission_bxl._rank_volunteers()]
        self.assertNotIn(self.vol_karim, ranked, "already signed up")

    def test_rank_skips_volunteers_not_active(self):
        self.vol_karim.stage_id = self.stage_applied
        new_mission = self.mission_bxl.copy({"name": "Another Tuesday"})
        ranked = [v for v, _s, _r in new_mission._rank_volunteers()]
        self.assertNotIn(self.vol_karim, ranked)

    def test_rank_query_count_does_not_grow_with_volunteers(self):
        mission = self.mission_bxl.copy({"name": "Another Tuesday"})
        queries_few = self._count_queries(mission._rank_volunteers)
        partners = self.env["res.partner"].create([{"name": f"Vol {i}"} for i in range(15)])
        self.env["duo.volunteer"].create([{
            "partner_id": partner.id,
            "centre_id": self.centre_bxl.id,
            "stage_id": self.stage_active.id,
            "help_kind_ids": [(6, 0, self.kind_listening.ids)],
            "availability_ids": [(6, 0, (self.slot_tue_pm | self.slot_wed_am).ids)],
        } for partner in partners])
        queries_many = self._count_queries(mission._rank_volunteers)
        self.assertEqual(queries_many, queries_few, "no query per volunteer")
        self.assertGreaterEqual(len(mission._rank_volunteers()), 16)

    def test_find_volunteers_wizard_signs_up(self):
        new_mission = self.mission_bxl.copy({"name": "Another Tuesday"})
        action = new_mission.with_user(self.user_vol_coord).action_find_volunteers()
        wizard = self.env["duo.mission.candidate.wizard"].browse(action["res_id"])
        line = wizard.line_ids.filtered(lambda ln: ln.volunteer_id == self.vol_karim)
        self.assertTrue(line)
        line.selected = True
        wizard.with_user(self.user_vol_coord).action_sign_up()
        self.assertEqual(new_mission.signup_ids.volunteer_id, self.vol_karim)

    def test_shortage_activity_once(self):
        activity_type = self.env.ref("duo_volunteers.mail_activity_type_mission_shortage")
        far = self.mission_bxl.copy({
            "name": "Far away", "date_start": fields.Datetime.now() + timedelta(days=10),
            "state": "open",
        })
        staffed = self.mission_other.copy({
            "name": "Staffed", "date_start": fields.Datetime.now() + timedelta(days=1),
            "volunteers_needed": 1, "state": "open",
        })
        self.env["duo.volunteer.signup"].create({
            "mission_id": staffed.id, "volunteer_id": self.vol_els.id,
        })
        Mission = self.env["duo.volunteer.mission"]
        Mission._cron_check_understaffed()
        Mission._cron_check_understaffed()
        activities = self.env["mail.activity"].search([
            ("activity_type_id", "=", activity_type.id),
            ("res_model", "=", "duo.volunteer.mission"),
        ])
        self.assertEqual(activities.mapped("res_id"), self.mission_bxl.ids,
                         "one activity, on the understaffed mission starting within 3 days")
        self.assertEqual(activities.user_id, self.user_vol_coord)
        self.assertNotIn(far.id, activities.mapped("res_id"))
        self.assertNotIn(staffed.id, activities.mapped("res_id"))

    def test_reminder_sent_once_in_volunteer_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.user_portal.partner_id.lang = "fr_FR"
        template = self.env.ref("duo_volunteers.mail_template_mission_reminder")
        template.with_context(lang="fr_FR").subject = "Rappel : {{ object.mission_id.name }}"
        Signup = self.env["duo.volunteer.signup"]
        Signup._cron_send_reminders()
        mails = self.env["mail.mail"].search([
            ("model", "=", "duo.volunteer.signup"), ("res_id", "=", self.signup_karim.id),
        ])
        self.assertEqual(len(mails), 1)
        self.assertTrue(mails.subject.startswith("Rappel"))
        self.assertTrue(self.signup_karim.reminder_sent)
        self.assertFalse(self.signup_els.reminder_sent, "starts in 10 days")
        Signup._cron_send_reminders()
        self.assertEqual(self.env["mail.mail"].search_count([
            ("model", "=", "duo.volunteer.signup"), ("res_id", "=", self.signup_karim.id),
        ]), 1)
