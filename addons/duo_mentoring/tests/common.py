from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import TransactionCase, new_test_user
from odoo.tools.safe_eval import datetime, safe_eval, time


def client_eval(env, expression):
    """Evaluate an action's domain or context with the names the web client knows (no `ref`,
    no model access): what fails here opens an "Oops!" dialog in the browser."""
    today = date.today()
    names = {
        "uid": env.uid, "context": dict(env.context), "allowed_company_ids": env.companies.ids,
        "active_id": False, "active_ids": [], "active_model": False,
        "current_date": today.isoformat(), "context_today": lambda: today,
        "datetime": datetime, "relativedelta": relativedelta, "time": time,
    }
    return safe_eval(expression or "False", names)


def create_test_users(env, *rows):
    """One test user per row: (login, name, groups) or (login, name, groups, email)."""
    users = []
    for login, name, groups, *email in rows:
        extra = {"email": email[0]} if email else {}
        users.append(new_test_user(env, login=login, name=name, groups=groups, **extra))
    return tuple(users)


class DuoCommon(TransactionCase):
    """Two centres, one user per role and factories for mentees, mentors and duos."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True,
                                       mail_create_nolog=True))
        cls.centre_bxl = cls.env.ref("duo_mentoring.duo_centre_brussels")
        cls.centre_lgg = cls.env.ref("duo_mentoring.duo_centre_liege")
        (
            cls.user_coordinator_bxl,
            cls.user_coordinator_lgg,
            cls.user_manager,
            cls.user_plain,
        ) = create_test_users(
            cls.env,
            ("coord_bxl", "Coordinator Brussels",
             "duo_mentoring.group_duo_user", "coord.bxl@example.com"),
            ("coord_lgg", "Coordinator Liège", "duo_mentoring.group_duo_user"),
            ("duo_manager", "DUO Manager", "duo_mentoring.group_duo_manager"),
            ("plain_user", "Plain Employee", "base.group_user"),
        )
        cls.centre_bxl.user_ids = [(4, cls.user_coordinator_bxl.id)]
        cls.centre_lgg.user_ids = [(4, cls.user_coordinator_lgg.id)]
        cls.lang_fr = cls.env.ref("duo_mentoring.duo_language_fr")
        cls.lang_nl = cls.env.ref("duo_mentoring.duo_language_nl")
        cls.lang_ti = cls.env.ref("duo_mentoring.duo_language_ti")
        cls.morocco = cls.env.ref("base.ma")
        cls._counter = 0

    @classmethod
    def _stage(cls, model, code):
        return cls.env[model].search([("code", "=", code)], limit=1)

    @classmethod
    def _ready_vals(cls, **vals):
        """What a person needs to pass the Ready to match gate."""
        cls._counter += 1
        base = {
            "name": f"Person {cls._counter}",
            "email": f"person{cls._counter}@example.com",
            "centre_id": cls.centre_bxl.id,
            "consent_date": fields.Datetime.now(),
            "consent_version": "2026-01",
            "consent_channel": "paper",
            "info_session_date": date.today(),
            "interview_date": date.today(),
            "interview_notes": "<p>Motivated, clear project.</p>",
        }
        base.update(vals)
        return base

    @classmethod
    def create_mentee(cls, stage="ready", **vals):
        values = cls._ready_vals(
            birthdate=date.today() - relativedelta(years=25),
            nationality_id=cls.morocco.id,
            residence_status="long_term",
            language_skill_ids=[(0, 0, {"language_id": cls.lang_fr.id, "level": "b2"})],
            stage_id=cls._stage("duo.intake.stage", stage).id,
        )
        values.update(vals)
        return cls.env["duo.mentee"].create(values)

    @classmethod
    def create_mentor(cls, stage="ready", **vals):
        values = cls._ready_vals(
            birthdate=date.today() - relativedelta(years=60),
            experience_years=30,
            language_skill_ids=[(0, 0, {"language_id": cls.lang_fr.id, "level": "native"})],
            stage_id=cls._stage("duo.intake.stage", "interview").id,
        )
        values.update(vals)
        mentor = cls.env["duo.mentor"].create(values)
        if stage != "interview":
            mentor.stage_id = cls._stage("duo.intake.stage", stage)
        return mentor

    @classmethod
    def create_pair(cls, mentee=None, mentor=None, **vals):
        return cls.env["duo.pair"].create({
            "mentee_id": (mentee or cls.create_mentee()).id,
            "mentor_id": (mentor or cls.create_mentor()).id,
            **vals,
        })

    # Both people accept the mentoring agreement and the code of conduct (before signing).
    AGREEMENT_ACCEPTED = {
        "agreement_mentee_accepted": True, "agreement_mentor_accepted": True,
        "conduct_mentee_accepted": True, "conduct_mentor_accepted": True,
    }

    @staticmethod
    def hold_first_meeting(pair, hours_ago=24):
        """The first meeting took place (its booking is for a later day): answers and the
        agreement are recorded after it."""
        start = fields.Datetime.now() - relativedelta(hours=hours_ago)
        pair.first_meeting_event_id.write({"start": start, "stop": start + relativedelta(hours=1)})
