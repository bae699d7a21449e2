from datetime import timedelta

from odoo import fields
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.duo_mentoring.tests.common import create_test_users


def create_portal_volunteer_on_mission(env, login):
    """A portal user who volunteers in Brussels, signed up on an open listening mission: the
    set-up of the tours that log and approve hours. Returns (user, volunteer, mission)."""
    user = new_test_user(env, login=login, name="Tour Volunteer", groups="base.group_portal",
                         email="tour.volunteer@example.com")
    centre = env.ref("duo_mentoring.duo_centre_brussels")
    volunteer = env["duo.volunteer"].create({
        "partner_id": user.partner_id.id,
        "centre_id": centre.id,
        "stage_id": env.ref("duo_volunteers.duo_volunteer_stage_active").id,
    })
    mission = env["duo.volunteer.mission"].create({
        "name": "Tour listening",
        "help_kind_id": env.ref("duo_volunteers.duo_help_kind_listening").id,
        "centre_id": centre.id,
        "date_start": fields.Datetime.now() - timedelta(days=1),
        "state": "open",
    })
    env["duo.volunteer.signup"].create({"mission_id": mission.id, "volunteer_id": volunteer.id})
    return user, volunteer, mission


class DuoVolunteersCommon(TransactionCase):
    """Users per role, a few volunteers (one with a portal login) and missions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, mail_create_nolog=True))
        cls.centre_bxl = cls.env.ref("duo_mentoring.duo_centre_brussels")
        cls.centre_lgg = cls.env.ref("duo_mentoring.duo_centre_liege")
        cls.lang_fr = cls.env.ref("duo_mentoring.duo_language_fr")
        cls.lang_nl = cls.env.ref("duo_mentoring.duo_language_nl")
        cls.lang_ti = cls.env.ref("duo_mentoring.duo_language_ti")
        cls.kind_listening = cls.env.ref("duo_volunteers.duo_help_kind_listening")
        cls.kind_logistics = cls.env.ref("duo_volunteers.duo_help_kind_logistics")
        cls.kind_translation = cls.env.ref("duo_volunteers.duo_help_kind_translation")
        cls.slot_tue_pm = cls.env.ref("duo_mentoring.duo_slot_tuesday_afternoon")
        cls.slot_wed_am = cls.env.ref("duo_mentoring.duo_slot_wednesday_morning")
        cls.stage_active = cls.env.ref("duo_volunteers.duo_volunteer_stage_active")
        cls.stage_applied = cls.env.ref("duo_volunteers.duo_volunteer_stage_applied")

        (
            cls.user_vol_coord,
            cls.user_vol_coord_lgg,
            cls.user_vol_manager,
            cls.user_plain,
            cls.user_portal,
            cls.user_portal_other,
        ) = create_test_users(
            cls.env,
            ("vol_coord_bxl", "Volunteer Coordinator Brussels",
             "duo_volunteers.group_duo_volunteer_user", "vol.coord@example.com"),
            ("vol_coord_lgg", "Volunteer Coordinator Liège",
             "duo_volunteers.group_duo_volunteer_user"),
            ("vol_manager", "Volunteer Manager",
             "duo_volunteers.group_duo_volunteer_manager", "vol.manager@example.com"),
            ("vol_plain", "Plain Employee", "base.group_user"),
            ("vol_portal", "Karim El Amrani", "base.group_portal", "karim@example.com"),
            ("vol_portal_other", "Els Janssens", "base.group_portal"),
        )
        cls.centre_bxl.user_ids = [(4, cls.user_vol_coord.id)]
        cls.centre_lgg.user_ids = [(4, cls.user_vol_coord_lgg.id)]
        Volunteer = cls.env["duo.volunteer"]
        cls.vol_karim = Volunteer.create({
            "partner_id": cls.user_portal.partner_id.id,
            "centre_id": cls.centre_bxl.id,
            "stage_id": cls.stage_active.id,
            "help_kind_ids": [(6, 0, cls.kind_listening.ids)],
            "language_ids": [(6, 0, cls.lang_fr.ids)],
            "availability_ids": [(6, 0, cls.slot_tue_pm.ids)],
        })
        cls.vol_els = Volunteer.create({
            "partner_id": cls.user_portal_other.partner_id.id,
            "centre_id": cls.centre_bxl.id,
            "stage_id": cls.stage_active.id,
            "help_kind_ids": [(6, 0, cls.kind_translation.ids)],
            "language_ids": [(6, 0, (cls.lang_fr | cls.lang_nl).ids)],
            "translation_pair_ids": [(0, 0, {
                "source_lang_id": cls.lang_fr.id, "target_lang_id": cls.lang_nl.id,
            })],
        })
        cls.vol_lgg = Volunteer.create({
            "partner_id": cls.env["res.partner"].create({"name": "Luc Peeters"}).id,
            "centre_id": cls.centre_lgg.id,
            "stage_id": cls.stage_active.id,
            "help_kind_ids": [(6, 0, cls.kind_listening.ids)],
        })
        cls.mission_bxl = cls.env["duo.volunteer.mission"].create({
            "name": "Tuesday listening",
            "mission_type": "weekly_support",
            "help_kind_id": cls.kind_listening.id,
            "slot_id": cls.slot_tue_pm.id,
            "centre_id": cls.centre_bxl.id,
            "user_id": cls.user_vol_coord.id,
            "date_start": fields.Datetime.now() + timedelta(days=2),
            "volunteers_needed": 2,
            "state": "open",
        })
        cls.mission_other = cls.env["duo.volunteer.mission"].create({
            "name": "Translate the newsletter",
            "mission_type": "translation",
            "help_kind_id": cls.kind_translation.id,
            "source_lang_id": cls.lang_fr.id,
            "target_lang_id": cls.lang_nl.id,
            "centre_id": cls.centre_bxl.id,
            "date_start": fields.Datetime.now() + timedelta(days=10),
            "state": "open",
        })
        cls.signup_karim = cls.env["duo.volunteer.signup"].create({
            "mission_id": cls.mission_bxl.id, "volunteer_id": cls.vol_karim.id,
        })
        cls.signup_els = cls.env["duo.volunteer.signup"].create({
            "mission_id": cls.mission_other.id, "volunteer_id": cls.vol_els.id,
        })
