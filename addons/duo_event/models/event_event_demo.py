"""Demo data only: the sessions of the three centres, consistent with their people.

`_duo_demo_populate` is called once, by demo/event_event_demo.xml, when the add-on is installed
with demo data; nothing else calls it. It reads the people duo_mentoring's demo created and
gives them the sessions their stage implies, through registrations as staff record them (the
attendance then records the information session and the training modules):

- an information session on every date people attended one, and two in the coming weeks with
  the applicants who wait for one registered;
- the 4-day mentor training (eight half-day modules, one day a week) every eight weeks, three
  weeks after the information sessions that feed it: past modules attended by the mentors
  who are further, the current cohort half done (one module missed), the next one upcoming;
- intervisions of the mentors of running duos, mock interview days, CV workshops and
  language sessions with the mentees of those duos.

Deterministic (seeded by the centre's code) and batched: one create per kind of record.
"""

import random
from datetime import datetime, time, timedelta

import pytz

from odoo import Command, api, fields, models

TRAINED_STAGES = ("interview", "training", "evaluation", "ready", "matched", "alumni")
# Programme activities of every centre: kind, event template, days from today, local start.
ACTIVITIES = [
    ("mock_interview", "event_type_duo_mock_interview", -30, 10),
    ("mock_interview", "event_type_duo_mock_interview", 16, 10),
    ("cv_workshop", "event_type_duo_cv_workshop", -45, 14),
    ("cv_workshop", "event_type_duo_cv_workshop", 9, 14),
    ("language_session", "event_type_duo_language_session", -10, 18),
    ("language_session", "event_type_duo_language_session", 4, 18),
]
ACTIVITY_NAMES = {
    "mock_interview": "Mock interview day with employers",
    "cv_workshop": "CV and cover letter workshop",
    "language_session": "Conversation table",
}
INTERVISIONS = [-110, -50, 25]


class EventEvent(models.Model):
    # Demo data only: kept apart from the business code of event.event.
    _inherit = "event.event"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _duo_demo_populate(self):
        """Create the demo sessions and registrations of every centre (demo data only)."""
        for centre in self.env["duo.centre"].search([]):
            coordinator = centre.coordinator_ids[:1] or self.env.user
            # The centre's coordinator organises its sessions and records the attendance.
            self.with_user(coordinator).sudo()._duo_demo_populate_centre(
                centre, random.Random(centre.code))
        return True

    def _duo_demo_start(self, day, hour, minute=0):
        """UTC start of a session `day` days from today at `hour` in Brussels."""
        tz = pytz.timezone("Europe/Brussels")
        local = datetime.combine(fields.Date.context_today(self) + timedelta(days=day),
                                 time(hour, minute))
        return tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)

    def _duo_demo_event_vals(self, centre, template, name, day, hour, hours, minute=0):
        start = self._duo_demo_start(day, hour, minute)
        now = fields.Datetime.now()
        vals = {
            "name": name,
            "event_type_id": self.env.ref(f"duo_event.{template}").id,
            "duo_centre_id": centre.id,
            "date_begin": start,
            "date_end": start + timedelta(hours=hours),
            "date_tz": "Europe/Brussels",
            "user_id": self.env.user.id,
            "address_id": centre.partner_id.id,
        }
        if start + timedelta(hours=hours) < now:
            # Over: the session is ended and its emails are behind it (none is sent now).
            vals.update(stage_id=self.env.ref("event.event_stage_done").id,
                        event_mail_ids=[Command.clear()])
        return vals

    def _duo_demo_registration(self, event, role, person, **vals):
        """A registration of `person` (attended if the session is over)."""
        return dict({
            "event_id": event.id,
            "partner_id": person.partner_id.id,
            "name": person.name,
            "email": person.email,
            f"duo_{role}_id": person.id,
            "state": "done" if event.date_end < fields.Datetime.now() else "open",
        }, **vals)

    def _duo_demo_populate_centre(self, centre, rng):
        people = [
            (role, person)
            for role in ("mentee", "mentor")
            for person in self.env[f"duo.{role}"].search([("centre_id", "=", centre.id)],
                                                         order="id")
        ]
        pairs = self.env["duo.pair"].search([("centre_id", "=", centre.id),
                                             ("start_date", "!=", False)])
        # Programme activities exist before their attendance is recorded.
        self.env["event.registration"].create(
            self._duo_demo_info_sessions(centre, people)
            + self._duo_demo_training(centre, people)
            + self._duo_demo_activities(centre, pairs, rng)
        )

    def _duo_demo_info_sessions(self, centre, people):
        """The past information sessions people attended, and two to come."""
        today = fields.Date.context_today(self)
        past_days = sorted({(person.info_session_date - today).days
                            for _role, person in people if person.info_session_date})
        session_days = [*past_days, 6, 20]
        sessions = self.create([
            self._duo_demo_event_vals(
                centre, "event_type_duo_info_session",
                self.env._("Information session %s", centre.name), day, 18, 2)
            for day in session_days
        ])
        session_of = dict(zip(session_days, sessions, strict=True))
        registrations = []
        for role, person in people:
            if person.info_session_date:
                event = session_of[(person.info_session_date - today).days]
                registrations.append(self._duo_demo_registration(event, role, person))
            elif person.stage_code == "info_session":
                registrations.append(self._duo_demo_registration(session_of[6], role, person))
        return registrations

    def _duo_demo_training(self, centre, people):
        """A cohort every eight weeks, three weeks after the information sessions feeding it."""
        today = fields.Date.context_today(self)
        now = fields.Datetime.now()
        modules = self.env["duo.training.module"].search([])
        cohorts = {}
        for role, person in people:
            if role == "mentor" and person.stage_code in TRAINED_STAGES \
                    and person.info_session_date:
                info = (today - person.info_session_date).days
                start = info - 21 - (28 if (info - 12) // 28 % 2 == 0 else 0)
                cohorts.setdefault(start, []).append(person)
        events = self.create([
            dict(self._duo_demo_event_vals(
                centre, "event_type_duo_training", f"{centre.name}: {module.name}",
                -start + 7 * (module.day - 1), 9 if module.sequence % 2 else 13, 3.5,
                0 if module.sequence % 2 else 30), duo_training_module_id=module.id)
            for start in sorted(cohorts, reverse=True) for module in modules
        ])
        registrations = []
        for index, start in enumerate(sorted(cohorts, reverse=True)):
            cohort = events[index * len(modules):(index + 1) * len(modules)]
            for position, mentor in enumerate(cohorts[start]):
                in_training = mentor.stage_code in ("interview", "training")
                for module, event in zip(modules, cohort, strict=True):
                    if mentor.stage_code == "training" and position == 0 \
                            and module.sequence == 3:
                        # Missed the third module: the gate shows which one to catch up.
                        registrations.append(self._duo_demo_registration(
                            event, "mentor", mentor, state="open", duo_missed=True))
                    elif event.date_end < now or in_training:
                        registrations.append(
                            self._duo_demo_registration(event, "mentor", mentor))
        return registrations

    def _duo_demo_activities(self, centre, pairs, rng):
        """Intervisions of the mentors of running duos; mock interviews, CV workshops and
        language sessions with their mentees."""
        today = fields.Date.context_today(self)
        intervisions = self.create([
            self._duo_demo_event_vals(centre, "event_type_duo_intervision",
                                      self.env._("Intervision %s", centre.name), day, 18, 2)
            for day in INTERVISIONS
        ])
        activities = self.create([
            self._duo_demo_event_vals(
                centre, template, f"{ACTIVITY_NAMES[kind]} ({centre.name})",
                day, hour, 2 if kind == "language_session" else 3.5)
            for kind, template, day, hour in ACTIVITIES
        ])
        self.env["duo.programme.activity"].create([{
            "name": event.name,
            "kind": kind,
            "date": today + timedelta(days=day),
            "centre_id": centre.id,
            "event_id": event.id,
        } for (kind, _template, day, _hour), event in zip(ACTIVITIES, activities, strict=True)])
        registrations = []
        sessions = [("mentor", day, event) for day, event in zip(INTERVISIONS, intervisions,
                                                                 strict=True)]
        sessions += [("mentee", activity[2], event)
                     for activity, event in zip(ACTIVITIES, activities, strict=True)]
        for role, day, event in sessions:
            date = today + timedelta(days=day)
            for pair in pairs:
                running = pair.start_date <= date <= (pair.end_date or pair.planned_end_date)
                if running and rng.random() < (0.8 if role == "mentor" else 0.6):
                    registrations.append(self._duo_demo_registration(
                        event, role, pair[f"{role}_id"]))
        return registrations
