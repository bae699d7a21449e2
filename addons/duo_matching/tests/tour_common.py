"""Set-up shared by the browser tours of duo_matching."""

from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import Command, fields


def ready_person_values(env, centre):
    """What a person of ``centre`` needs to pass the Ready to match gate (consent, information
    session, interview), in the Ready stage."""
    return {
        "centre_id": centre.id,
        "consent_date": fields.Datetime.now(),
        "consent_version": "2026-01",
        "consent_channel": "paper",
        "info_session_date": date.today(),
        "interview_date": date.today(),
        "interview_notes": "<p>Motivated.</p>",
        "stage_id": env.ref("duo_mentoring.duo_intake_stage_ready").id,
    }


def create_ready_people(env, centre, mentee_names, mentor_names):
    """Ready-to-match mentees and mentors of ``centre``, all French speakers free on Tuesday
    evenings (so every mentee can be matched with every mentor). Returns (mentees, mentors)."""
    slot = env.ref("duo_mentoring.duo_slot_tuesday_evening")
    french = env.ref("duo_mentoring.duo_language_fr")
    base = dict(ready_person_values(env, centre), slot_ids=[Command.set(slot.ids)])

    def email(name):
        return f"{name.lower().replace(' ', '.')}@example.com"

    mentees = env["duo.mentee"].create([dict(
        base, name=name, email=email(name),
        birthdate=date.today() - relativedelta(years=25),
        nationality_id=env.ref("base.ma").id, residence_status="long_term",
        language_skill_ids=[Command.create({"language_id": french.id, "level": "b2"})],
    ) for name in mentee_names])
    mentors = env["duo.mentor"].create([dict(
        base, name=name, email=email(name),
        birthdate=date.today() - relativedelta(years=60), experience_years=30,
        language_skill_ids=[Command.create({"language_id": french.id, "level": "native"})],
    ) for name in mentor_names])
    return mentees, mentors


def admin_works_in(env, lang):
    """The admin, who runs the tours, works in ``lang`` with DUO's translations loaded."""
    if lang != "en_US":
        env["res.lang"]._activate_lang(lang)
        env["ir.module.module"]._load_module_terms(["duo_mentoring", "duo_matching"], [lang])
    env.ref("base.user_admin").lang = lang
