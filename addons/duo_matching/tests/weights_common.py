"""Closed duos whose outcomes depend on the sector, for the learned-weights tests and tour."""

from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import Command

from .tour_common import ready_person_values

# (same sector, stage, outcome, closing reason code): successes share their sector far more
# often than failures, so that learning raises the sector's weight (availability varies too,
# unrelated to the outcome, or the data could not tell one criterion from another). Two duos
# say nothing about their match (completed without a positive outcome, ended because someone
# moved).
CLOSED_DUOS = tuple(
    [(True, "completed", "job", None)] * 9
    + [(True, "completed", "training", None)] * 2
    + [(False, "completed", "internship", None)] * 2
    + [(True, "ended", None, "found_job")]
    + [(False, "rejected", None, "mismatch")] * 7
    + [(False, "ended", None, "no_time")] * 4
    + [(True, "rejected", None, "no_time")] * 2
    + [(True, "completed", "none", None), (False, "ended", None, "moved")]
)
SUCCESSES = 14
FAILURES = 13
LEFT_OUT = 2


def create_closed_duos(env, centre, specs=CLOSED_DUOS, prefix="Learned"):
    """One mentee and one mentor per spec (French speakers; mentees free three times a week,
    mentors one to three of those times, whatever the outcome), in three creates, and their
    closed duo in the centre."""
    slots = (env.ref("duo_mentoring.duo_slot_tuesday_evening")
             | env.ref("duo_mentoring.duo_slot_monday_morning")
             | env.ref("duo_mentoring.duo_slot_monday_evening"))
    french = env.ref("duo_mentoring.duo_language_fr")
    it = env.ref("duo_mentoring.duo_sector_62")
    accounting = env.ref("duo_mentoring.duo_sector_69")
    base = ready_person_values(env, centre)
    mentees = env["duo.mentee"].create([dict(
        base, name=f"{prefix} mentee {index}", email=f"{prefix.lower()}.mentee{index}@example.com",
        birthdate=date.today() - relativedelta(years=25 + index % 6),
        gender="female" if index % 2 else "male",
        nationality_id=env.ref("base.ma").id, residence_status="long_term",
        slot_ids=[Command.set(slots.ids)],
        sector_ids=[Command.set(it.ids)],
        language_skill_ids=[Command.create({"language_id": french.id, "level": "b2"})],
    ) for index in range(len(specs))])
    mentors = env["duo.mentor"].create([dict(
        base, name=f"{prefix} mentor {index}", email=f"{prefix.lower()}.mentor{index}@example.com",
        birthdate=date.today() - relativedelta(years=60), experience_years=30,
        gender="male" if index % 3 else "female",
        sector_ids=[Command.set((it if same else accounting).ids)],
        slot_ids=[Command.set(slots[:1 + index % 3].ids)],
        language_skill_ids=[Command.create({"language_id": french.id, "level": "native"})],
    ) for index, (same, *_rest) in enumerate(specs)])
    stages = {stage.code: stage for stage in env["duo.pair.stage"].search([])}
    reasons = {reason.code: reason for reason in env["duo.close.reason"].search([])}
    return env["duo.pair"].create([{
        "mentee_id": mentee.id,
        "mentor_id": mentor.id,
        "stage_id": stages[stage].id,
        "outcome": outcome or False,
        "close_reason_id": reasons[reason].id if reason else False,
        "end_reason": "Details." if reason else False,
        "rejection_reason": "Details." if stage == "rejected" else False,
    } for mentee, mentor, (_same, stage, outcome, reason) in zip(
        mentees, mentors, specs, strict=True
    )])
