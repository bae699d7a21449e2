"""Demo data only: the people and duos of the three centres.

`_duo_demo_populate` is called once, by demo/duo_people_bulk_demo.xml, when the add-on is
installed with demo data; nothing else calls it. It is deterministic (one random generator
seeded by the centre's code) and batched: people and duos are created in lists and moved
through their stages with one write per stage, as staff move them in the kanban views, so every
stage gate and duo rule of the add-on applies to them. Dates are relative to today.

Every centre gets mentees and mentors at every intake stage and duos at every duo stage; the
story characters of Brussels stay in demo/duo_people_demo.xml.
"""

import random
from datetime import datetime, time, timedelta

import pytz

from odoo import Command, fields, models
from odoo.tools import SQL

# Origins of the mentees: country, native language, first names (female, male), family names.
ORIGINS = [
    ("ma", "ary", ["Salma", "Imane", "Khadija", "Nour"], ["Anas", "Bilal", "Hamza", "Ayoub"],
     ["Amrani", "Bennani", "El Khattabi", "Ouali", "Tahiri"]),
    ("sy", "apc", ["Rama", "Lina", "Hiba"], ["Omar", "Khaled", "Firas"],
     ["Al-Hassan", "Darwish", "Khoury", "Sabbagh"]),
    ("af", "prs", ["Mariam", "Zahra", "Parwana"], ["Ahmad", "Farid", "Jawad"],
     ["Ahmadi", "Hakimi", "Karimi", "Noori"]),
    ("er", "ti", ["Senait", "Helen", "Mebrat"], ["Dawit", "Filmon", "Robel"],
     ["Ghebremedhin", "Tekle", "Berhane", "Kidane"]),
    ("gn", "ff", ["Fatoumata", "Mariama", "Kadiatou"], ["Mamadou", "Alpha", "Ibrahima"],
     ["Barry", "Bah", "Sow", "Baldé"]),
    ("cd", "ln", ["Grâce", "Ornella", "Divine"], ["Patrick", "Cédric", "Junior"],
     ["Mbuyi", "Kabongo", "Ilunga", "Tshibangu"]),
    ("tr", "tr", ["Elif", "Zeynep", "Büşra"], ["Emre", "Burak", "Mehmet"],
     ["Yilmaz", "Demir", "Kaya", "Şahin"]),
    ("ua", "uk", ["Olena", "Iryna", "Kateryna"], ["Andriy", "Dmytro", "Oleksandr"],
     ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko"]),
    ("so", "so", ["Hodan", "Sahra", "Ifrah"], ["Abdirahman", "Yusuf", "Liban"],
     ["Abdi", "Warsame", "Farah", "Jama"]),
    ("iq", "ckb", ["Shilan", "Nasrin", "Avin"], ["Karwan", "Rebin", "Aram"],
     ["Rashid", "Mahmoud", "Aziz", "Salih"]),
    ("br", "pt", ["Ana Clara", "Juliana", "Camila"], ["Lucas", "Gabriel", "Rafael"],
     ["Silva", "Santos", "Oliveira", "Souza"]),
    ("co", "es", ["Valentina", "Daniela", "Laura"], ["Santiago", "Andrés", "Camilo"],
     ["Gómez", "Rodríguez", "Martínez", "Ospina"]),
    ("sn", "wo", ["Awa", "Aminata", "Ndeye"], ["Cheikh", "Moussa", "Babacar"],
     ["Ndiaye", "Diop", "Fall", "Sarr"]),
    ("ng", "yo", ["Chioma", "Blessing", "Funmi"], ["Emeka", "Tunde", "Chinedu"],
     ["Okafor", "Adeyemi", "Okonkwo", "Balogun"]),
    ("pk", "ur", ["Ayesha", "Sana", "Hira"], ["Usman", "Danish", "Faisal"],
     ["Qureshi", "Malik", "Chaudhry", "Butt"]),
    ("tn", "aeb", ["Yasmine", "Ines", "Rim"], ["Mehdi", "Skander", "Wassim"],
     ["Ben Salah", "Trabelsi", "Gharbi", "Jaziri"]),
    ("ps", "ar", ["Dana", "Layla", "Ruba"], ["Yazan", "Majd", "Tariq"],
     ["Abu Zeid", "Nasser", "Qasem", "Odeh"]),
    ("in", "hi", ["Priya", "Ananya", "Kavya"], ["Rohan", "Arjun", "Vikram"],
     ["Sharma", "Nair", "Patel", "Iyer"]),
]
# Belgian names of the mentors, by language.
MENTOR_NAMES = {
    "fr": (["Christine", "Martine", "Françoise", "Bernadette", "Monique", "Véronique",
            "Dominique", "Chantal", "Brigitte", "Nadine"],
           ["Michel", "Daniel", "Alain", "Thierry", "Serge", "Pierre", "Jacques", "Didier",
            "Bernard", "Guy"],
           ["Dupont", "Renard", "Henrard", "Collard", "Lejeune", "Massart", "Gillet", "Delhaye",
            "Wathelet", "Fontaine", "Hubert", "Mathieu", "Lambotte", "Detrixhe", "Closset"]),
    "nl": (["Rita", "Greet", "Marleen", "Ann", "Els", "Linda", "Mieke", "Kristien", "Veerle",
            "Lieve"],
           ["Dirk", "Luc", "Patrick", "Geert", "Frank", "Wim", "Jan", "Koen", "Rudi", "Erik"],
           ["Maes", "Jacobs", "Mertens", "Willems", "Goossens", "Van den Broeck", "Vermeulen",
            "De Backer", "Van Damme", "Verstraeten", "Hermans", "Aerts", "Michiels", "Cools",
            "Smets"]),
}
# Sector (NACE division), job goals of mentees, professions of mentors.
SECTORS = [
    ("62", ["Junior web developer", "IT helpdesk technician"],
     ["IT project manager", "Software architect"]),
    ("86", ["Nursing assistant", "Medical secretary"], ["Head nurse", "Hospital pharmacist"]),
    ("85", ["Teaching assistant", "Childcare worker"],
     ["Secondary school teacher", "School headmaster"]),
    ("64", ["Bank clerk", "Customer advisor in a bank"], ["Bank branch manager", "Credit analyst"]),
    ("52", ["Warehouse operator", "Logistics planner"],
     ["Logistics director", "Warehouse manager"]),
    ("56", ["Cook", "Restaurant waiter"], ["Restaurant owner", "Chef"]),
    ("43", ["Electrician", "Plumber"], ["Electrical contractor", "Site manager"]),
    ("47", ["Sales assistant", "Shop manager"], ["Retail area manager", "Store manager"]),
    ("69", ["Accounting assistant", "Paralegal"], ["Chartered accountant", "Lawyer"]),
    ("71", ["Draughtsman", "Technician in an engineering office"],
     ["Civil engineer", "Engineering consultant"]),
    ("49", ["Bus driver", "Delivery driver"], ["Transport company manager", "Fleet manager"]),
    ("88", ["Social worker assistant", "Home carer"], ["Social worker", "Care home director"]),
]
# How each centre recruits: communes, the languages of its programme (the first one first),
# the contact languages of its people, the names of its mentors.
CENTRE_PROFILES = {
    "BXL": {"communes": ["1000", "1030", "1040", "1050", "1060", "1070", "1080", "1081",
                         "1082", "1083", "1090", "1140", "1150", "1160", "1170", "1180",
                         "1190", "1200", "1210"],
            "languages": ["fr", "nl", "en"], "mentor_names": ["fr", "nl"]},
    "LGG": {"communes": ["4000", "4040", "4100", "4400", "4420", "4430"],
            "languages": ["fr", "en"], "mentor_names": ["fr"]},
    "ANR": {"communes": ["2000", "2100", "2140", "2170", "2600", "2640", "2660"],
            "languages": ["nl", "en"], "mentor_names": ["nl"]},
}
CONTACT_LANGS = {"fr": "fr_FR", "nl": "nl_BE", "en": "en_US"}
COMMON_SLOTS = ["monday_evening", "tuesday_evening", "wednesday_afternoon", "wednesday_evening",
                "thursday_evening", "friday_afternoon", "saturday_morning", "saturday_afternoon"]
DAYTIME_SLOTS = ["monday_morning", "tuesday_morning", "thursday_morning", "friday_morning"]
PERSONALITY_TAGS = ["patient", "direct", "structured", "creative", "calm", "outgoing", "reserved",
                    "humorous", "curious", "pragmatic", "empathetic", "punctual"]
INTEREST_TAGS = ["football", "cooking", "music", "reading", "technology", "travel", "art",
                 "cinema", "hiking", "volunteering", "languages", "chess", "gardening",
                 "photography", "politics_and_society", "entrepreneurship"]
MENTEE_NOTES = [
    "Motivated and clear about the job goal; lacks a network in Belgium. Available weekly.",
    "Diploma obtained abroad, equivalence requested. Wants to understand the Belgian job "
    "market and its codes.",
    "Shy at first, very engaged once at ease. Wants to practise job interviews.",
    "Worked three years in the sector back home; looks for a first job here.",
    "Follows language classes in the evening; wants a mentor who is patient with that.",
]
MENTOR_NOTES = [
    "Long career in the sector, wants to pass on experience; patient and structured.",
    "Recently retired, large professional network, available two half-days a week.",
    "Has coached young colleagues for years; curious about other cultures.",
    "Volunteered abroad; knows what starting over in another country means.",
]
WITHDRAWN_REASONS = {
    "mentee": "Found a job through a temping agency before the matching.",
    "mentor": "Health reasons; may apply again next year.",
}
NOT_ELIGIBLE_REASONS = {
    "mentee": "Asylum procedure still running: no long-term residence permit yet. Invited to "
              "apply again once the permit is granted.",
    "mentor": "Under the programme's minimum age of 50; suggested volunteering with the "
              "listening desk instead.",
}
MEETING_TOPICS = ["Professional project", "CV", "Cover letter", "Job search strategy",
                  "Applications", "Mock interview", "Networking: professional associations",
                  "LinkedIn profile", "Language practice", "Visit of a company",
                  "Interview preparation", "Debriefing of an interview", "Training options",
                  "Recognition of the diploma", "Applications follow-up"]
GOALS = ["A realistic professional project", "A CV ready to send", "Applications sent",
         "Job interviews obtained"]

# The duos of every centre, by the day they were proposed (days ago) and their final stage.
# Dates are days from today (negative: past); `mentor_of` reuses the mentor of an earlier duo
# that ended before this one was proposed.
DUO_PLAN = [
    {"key": "c1", "stage": "completed", "proposed": 560, "meeting": -552, "agreement": -540,
     "start": -538, "end": -355, "outcome": "job"},
    {"key": "c2", "stage": "completed", "proposed": 330, "meeting": -322, "agreement": -310,
     "start": -308, "end": -125, "outcome": "training"},
    {"key": "c3", "stage": "completed", "proposed": 270, "meeting": -262, "agreement": -251,
     "start": -250, "end": -66, "outcome": "internship"},
    {"key": "e1", "stage": "ended", "proposed": 200, "meeting": -192, "agreement": -180,
     "start": -179, "end": -95, "close_reason": "found_job",
     "end_reason": "The mentee moved to Ghent for a job offer in the second month; both agreed "
                   "to stop."},
    {"key": "m1", "stage": "mentoring", "proposed": 190, "meeting": -183, "agreement": -172,
     "start": -171, "mentor_of": "c1"},
    {"key": "m2", "stage": "mentoring", "proposed": 120, "meeting": -112, "agreement": -100,
     "start": -99, "quiet": 19},
    {"key": "m3", "stage": "mentoring", "proposed": 60, "meeting": -53, "agreement": -41,
     "start": -40, "mentor_of": "c2"},
    {"key": "a1", "stage": "agreement", "proposed": 35, "meeting": -27, "agreement": -12},
    {"key": "ap", "stage": "approved", "proposed": 25, "meeting": -16, "mentor_of": "c3"},
    {"key": "r1", "stage": "rejected", "proposed": 45, "meeting": -37, "close_reason": "no_time",
     "rejection_reason": "The mentor's availability changed after the meeting (weekday "
                         "mornings only); the mentee works in the mornings."},
    {"key": "f1", "stage": "first_meeting", "proposed": 14, "meeting": -4},
    {"key": "f2", "stage": "first_meeting", "proposed": 6, "meeting": 5},
    {"key": "p1", "stage": "proposed", "proposed": 2},
]
# How far along the path each final stage went: 1 first meeting, 2 both said yes, 3 agreement
# signed, 4 mentoring started, 5 completed.
REACHED = {"proposed": 0, "first_meeting": 1, "rejected": 1, "approved": 2, "agreement": 3,
           "mentoring": 4, "ended": 4, "completed": 5}
# People of every centre outside the duos: role, intake stage, how many (Brussels has its
# story characters besides), information session and interview (days ago).
INTAKE_PLAN = [
    ("mentee", "info_session", 4, 2, None, None),
    ("mentee", "interview", 4, 3, 12, None),
    ("mentee", "evaluation", 3, 2, 40, 30),
    # Tens of people ready to match per centre, so that a matching session shows what it can do.
    ("mentee", "ready", 12, 10, 68, 58),
    ("mentee", "withdrawn", 1, 1, 96, 86),
    ("mentee", "not_eligible", 1, 1, 40, 30),
    ("mentor", "info_session", 2, 1, None, None),
    ("mentor", "interview", 2, 1, 12, None),
    ("mentor", "training", 2, 2, 40, 32),
    ("mentor", "evaluation", 2, 1, 96, 88),
    ("mentor", "ready", 10, 8, 124, 116),
    ("mentor", "withdrawn", 1, 1, 152, 144),
    ("mentor", "not_eligible", 1, 1, 40, 32),
]
# Information sessions take place every four weeks, the last one 12 days ago.
SESSION_EVERY, LAST_SESSION = 28, 12


def _session_day(days):
    """The information session at or before `days` days ago (days ago)."""
    return LAST_SESSION + -(-max(days - LAST_SESSION, 0) // SESSION_EVERY) * SESSION_EVERY


def _ascii(text):
    table = str.maketrans("éèëêàâçîïôöûüşŞ", "eeeeaaciioouusS")
    return "".join(c for c in text.translate(table).lower() if c.isalnum() or c == ".")


class DuoCentre(models.Model):
    _inherit = "duo.centre"

    def _duo_demo_populate(self):
        """Create the demo people and duos of these centres (demo data only)."""
        used_names = set(self.env["duo.mentee"].with_context(active_test=False).search([])
                         .mapped("name"))
        used_names |= set(self.env["duo.mentor"].with_context(active_test=False).search([])
                          .mapped("name"))
        for centre in self:
            coordinator = centre.coordinator_ids[:1]
            # Staff record their own centre: the coordinator is the author of the history.
            centre_sudo = centre.with_user(coordinator or self.env.user).sudo()
            centre_sudo._duo_demo_populate_centre(random.Random(centre.code), used_names)
        return True

    # ------------------------------------------------------------------ people
    def _duo_demo_refs(self):
        env = self.env

        def ref(xmlid):
            return env.ref(f"duo_mentoring.{xmlid}").id

        return {
            "stage": {stage.code: stage.id for stage in env["duo.intake.stage"].search([])},
            "pair_stage": {stage.code: stage.id for stage in env["duo.pair.stage"].search([])},
            "country": {code: env.ref(f"base.{code}").id for code, *_rest in ORIGINS},
            "language": {code: ref(f"duo_language_{code}")
                         for code in {"fr", "nl", "en"} | {o[1] for o in ORIGINS}},
            "sector": {code: ref(f"duo_sector_{code}") for code, *_rest in SECTORS},
            "slot": {name: ref(f"duo_slot_{name}") for name in COMMON_SLOTS + DAYTIME_SLOTS},
            "personality": [ref(f"duo_tag_{name}") for name in PERSONALITY_TAGS],
            "interest": [ref(f"duo_tag_{name}") for name in INTEREST_TAGS],
            "commune": {code: ref(f"duo_commune_{code}") for profile in CENTRE_PROFILES.values()
                        for code in profile["communes"]},
        }

    def _duo_demo_person_vals(self, rng, refs, role, info, interview, used_names):
        """Values of one mentee or mentor; `info` and `interview` are days ago (or None)."""
        self.ensure_one()
        profile = CENTRE_PROFILES.get(self.code, CENTRE_PROFILES["BXL"])
        today = fields.Date.context_today(self)
        female = rng.random() < 0.5
        if role == "mentee":
            country, native, women, men, surnames = rng.choice(ORIGINS)
        else:
            country = None
            native = rng.choice(profile["mentor_names"])
            women, men, surnames = MENTOR_NAMES[native]
        for _attempt in range(50):
            name = f"{rng.choice(women if female else men)} {rng.choice(surnames)}"
            if name not in used_names:
                break
        used_names.add(name)
        first, _sep, last = name.partition(" ")
        sector, goals, jobs = rng.choice(SECTORS)
        main = profile["languages"][0]
        coordinators = self.coordinator_ids or self.env.user
        coordinator = coordinators[len(used_names) % len(coordinators)]
        slots = rng.sample(COMMON_SLOTS, 2 if role == "mentee" else 3)
        if role == "mentor":
            slots += rng.sample(DAYTIME_SLOTS, 2)
        skills = [Command.create({"language_id": refs["language"][native], "level": "native"})]
        if role == "mentee":
            skills.append(Command.create({"language_id": refs["language"][main],
                                          "level": rng.choice(["b1", "b2", "b2", "c1"])}))
        if role == "mentor" and native != main:
            skills.append(Command.create({"language_id": refs["language"][main],
                                          "level": rng.choice(["b2", "c1", "c2"])}))
        spoken = {native, main}
        for extra in profile["languages"][1:]:
            if extra not in spoken and rng.random() < 0.5:
                skills.append(Command.create({"language_id": refs["language"][extra],
                                              "level": rng.choice(["b1", "b2", "c1"])}))
                spoken.add(extra)
        contact = main if main in spoken and rng.random() < 0.8 else rng.choice(
            sorted(spoken & set(CONTACT_LANGS)))
        vals = {
            "name": name,
            "email": f"{_ascii(first)}.{_ascii(last.replace(' ', ''))}@example.com",
            "phone": f"+32 4{rng.randint(70, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
                     f"{rng.randint(10, 99)}",
            "centre_id": self.id,
            "user_id": coordinator.id,
            "gender": "female" if female else "male",
            "contact_lang": CONTACT_LANGS[contact],
            "commune_id": refs["commune"][rng.choice(profile["communes"])],
            "sector_ids": [Command.set([refs["sector"][sector]])],
            "slot_ids": [Command.set([refs["slot"][slot] for slot in slots])],
            "tag_ids": [Command.set(rng.sample(refs["personality"], 2)
                                    + rng.sample(refs["interest"], 2))],
            "language_skill_ids": skills,
            "priority": "1" if rng.random() < 0.1 else "0",
        }
        applied = (info or rng.randint(3, 20)) + rng.randint(5, 20)
        vals.update(
            consent_date=fields.Datetime.now() - timedelta(days=applied),
            consent_version="2026-01",
            consent_channel=rng.choice(["website", "website", "paper", "email"]),
        )
        if role == "mentee":
            age = rng.randint(19, 31)
            vals.update(
                job_goal=rng.choice(goals),
                nationality_id=refs["country"][country],
                residence_status=rng.choice(["long_term", "long_term", "refugee", "subsidiary"]),
                education=rng.choice(["secondary", "secondary", "vocational", "bachelor",
                                      "master"]),
            )
        else:
            age = rng.randint(56, 68)
            vals.update(
                job_title=rng.choice(jobs),
                experience_years=age - rng.randint(22, 27),
                capacity=2 if rng.random() < 0.2 else 1,
            )
        vals["birthdate"] = today - timedelta(days=age * 365 + rng.randint(10, 350))
        if info:
            vals["info_session_date"] = today - timedelta(days=info)
        if interview:
            notes = MENTEE_NOTES if role == "mentee" else MENTOR_NOTES
            vals.update(interview_date=today - timedelta(days=interview),
                        interviewer_id=coordinator.id,
                        interview_notes=f"<p>{rng.choice(notes)}</p>")
        return vals

    def _duo_demo_create_people(self, role, specs, refs):
        """Create people at the information session stage, then move each group to its
        stage with one write, as staff do. `specs` are (stage code, vals); returns the people
        in the same order."""
        Model = self.env[f"duo.{role}"].with_context(duo_skip_invitation=True)
        people = Model.create([dict(vals, stage_id=refs["stage"]["info_session"])
                               for _stage, vals in specs])
        for code in ("interview", "training", "evaluation", "ready", "withdrawn",
                     "not_eligible"):
            group = Model.browse([person.id for (stage, _vals), person in zip(specs, people,
                                                                             strict=True)
                                  if stage == code])
            if not group:
                continue
            vals = {"stage_id": refs["stage"][code]}
            if code == "withdrawn":
                vals["close_reason"] = WITHDRAWN_REASONS[role]
            elif code == "not_eligible":
                vals["close_reason"] = NOT_ELIGIBLE_REASONS[role]
            group.write(vals)
        return people

    # ------------------------------------------------------------------ centre
    def _duo_demo_populate_centre(self, rng, used_names):
        self.ensure_one()
        refs = self._duo_demo_refs()
        brussels = self.code == "BXL"
        mentee_specs, mentor_specs = [], []
        for role, stage, count, brussels_count, info, interview in INTAKE_PLAN:
            specs = mentee_specs if role == "mentee" else mentor_specs
            for _index in range(brussels_count if brussels else count):
                vals = self._duo_demo_person_vals(rng, refs, role, info, interview, used_names)
                if stage == "not_eligible" and role == "mentee":
                    vals["residence_status"] = "applicant"
                elif stage == "not_eligible":
                    vals["birthdate"] = fields.Date.context_today(self) - timedelta(days=46 * 365)
                specs.append((stage, vals))
        # One application from the website still waits for review.
        mentee_specs[0][1].update(application_pending=True,
                                  application_email=mentee_specs[0][1]["email"],
                                  consent_channel="website",
                                  consent_lang=mentee_specs[0][1]["contact_lang"])
        # The people of the duos: ready to match before their duo was proposed; mentors
        # trained in between (the training starts three weeks after the session).
        duo_mentees, duo_mentors = {}, {}
        for spec in DUO_PLAN:
            info = _session_day(spec["proposed"] + 60)
            vals = self._duo_demo_person_vals(rng, refs, "mentee", info, info - 10, used_names)
            duo_mentees[spec["key"]] = len(mentee_specs)
            mentee_specs.append(("ready", vals))
            if not spec.get("mentor_of"):
                info = _session_day(spec["proposed"] + 100)
                vals = self._duo_demo_person_vals(rng, refs, "mentor", info, info - 8,
                                                  used_names)
                vals["capacity"] = 1
                duo_mentors[spec["key"]] = len(mentor_specs)
                mentor_specs.append(("ready", vals))
        mentees = self._duo_demo_create_people("mentee", mentee_specs, refs)
        mentors = self._duo_demo_create_people("mentor", mentor_specs, refs)
        mentee_of = {key: mentees[index] for key, index in duo_mentees.items()}
        mentor_of = {key: mentors[index] for key, index in duo_mentors.items()}
        for spec in DUO_PLAN:
            if spec.get("mentor_of"):
                mentor_of[spec["key"]] = mentor_of[spec["mentor_of"]]
        # Duos whose mentor mentors again later run first.
        reused = {spec["mentor_of"] for spec in DUO_PLAN if spec.get("mentor_of")}
        pairs = self.env["duo.pair"]
        for wave in ([s for s in DUO_PLAN if s["key"] in reused],
                     [s for s in DUO_PLAN if s["key"] not in reused]):
            pairs |= self._duo_demo_run_duos(rng, refs, wave, mentee_of, mentor_of)
        self._duo_demo_backdate(pairs, mentees, mentors)

    # ------------------------------------------------------------------ duos
    def _duo_demo_run_duos(self, rng, refs, specs, mentee_of, mentor_of):
        """Create the duos of `specs` with the facts of their final stage, then walk them
        along the duo path, one write per stage; close them as staff do."""
        env = self.env
        today = fields.Date.context_today(self)
        tz = pytz.timezone("Europe/Brussels")

        def meeting_start(offset):
            local = tz.localize(datetime.combine(today + timedelta(days=offset), time(10)))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        met = [spec for spec in specs if "meeting" in spec]
        events = env["calendar.event"].create([{
            "name": env._("DUO first meeting: %s",
                          f"{mentee_of[spec['key']].name} & {mentor_of[spec['key']].name}"),
            "start": meeting_start(spec["meeting"]),
            "stop": meeting_start(spec["meeting"]) + timedelta(hours=1),
            "user_id": mentee_of[spec["key"]].user_id.id,
            "partner_ids": [Command.set((mentee_of[spec["key"]].partner_id
                                         | mentor_of[spec["key"]].partner_id
                                         | mentee_of[spec["key"]].user_id.partner_id).ids)],
            "privacy": "private",
        } for spec in met])
        event_of = {spec["key"]: event for spec, event in zip(met, events, strict=True)}
        pairs = env["duo.pair"].create([
            self._duo_demo_pair_vals(rng, spec, mentee_of[spec["key"]], mentor_of[spec["key"]],
                                     event_of.get(spec["key"]))
            for spec in specs
        ])
        pair_of = {spec["key"]: pair for spec, pair in zip(specs, pairs, strict=True)}
        for key, event in event_of.items():
            event.write({"res_model_id": env["ir.model"]._get_id("duo.pair"),
                         "res_id": pair_of[key].id})
        self._duo_demo_plan_mentoring(rng, specs, pair_of)

        def reaching(*codes):
            return env["duo.pair"].browse(
                [pair_of[spec["key"]].id for spec in specs if spec["stage"] in codes])

        stage_id = refs["pair_stage"]
        later = ("approved", "agreement", "mentoring", "completed", "ended")
        reaching("first_meeting", "rejected", *later).write(
            {"stage_id": stage_id["first_meeting"]})
        reaching("rejected").write({"stage_id": stage_id["rejected"]})
        reaching(*later).write({"stage_id": stage_id["approved"]})
        reaching(*later[1:]).write({"stage_id": stage_id["agreement"]})
        reaching(*later[2:]).write({"stage_id": stage_id["mentoring"]})
        reaching("completed").write({"stage_id": stage_id["completed"]})
        reaching("ended").write({"stage_id": stage_id["ended"]})
        # After a duo: the mentee is an alumnus, the mentor is free again (the mentor of a duo
        # that ended early takes a break: alumnus too); after a refusal at the first meeting
        # both wait for another match.
        closed = reaching("completed", "ended")
        closed.mentee_id.write({"stage_id": refs["stage"]["alumni"]})
        reaching("ended").mentor_id.write({"stage_id": refs["stage"]["alumni"]})
        reaching("rejected").mentee_id.write({"stage_id": refs["stage"]["ready"]})
        (reaching("completed", "rejected")).mentor_id.write({"stage_id": refs["stage"]["ready"]})
        return pairs

    def _duo_demo_pair_vals(self, rng, spec, mentee, mentor, event):
        """A duo with the facts its final stage implies (answers, agreement, dates...)."""
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        stage, reached = spec["stage"], REACHED[spec["stage"]]
        vals = {
            "mentee_id": mentee.id,
            "mentor_id": mentor.id,
            "user_id": mentee.user_id.id,
            "matching_score": round(rng.uniform(0.55, 0.93), 3),
            "proposal_sent_date": now - timedelta(days=spec["proposed"]),
        }
        if event:
            vals["first_meeting_event_id"] = event.id
            # Answers are recorded once the first meeting took place.
            if event.start < now:
                vals["mentee_answer"] = "accepted"
                if reached >= 2:
                    vals["mentor_answer"] = "accepted"
        if stage == "rejected":
            vals.update(mentor_answer="rejected", rejection_reason=spec["rejection_reason"])
        if reached >= 3:
            vals.update(agreement_date=today + timedelta(days=spec["agreement"]),
                        agreement_mentee_accepted=True, agreement_mentor_accepted=True,
                        conduct_mentee_accepted=True, conduct_mentor_accepted=True)
        if reached >= 4:
            vals["start_date"] = today + timedelta(days=spec["start"])
        if "end" in spec:
            vals["end_date"] = today + timedelta(days=spec["end"])
        if stage == "completed":
            vals["outcome"] = spec["outcome"]
        if stage == "ended":
            vals["end_reason"] = spec["end_reason"]
        if "close_reason" in spec:
            vals["close_reason_id"] = self.env.ref(
                f"duo_mentoring.duo_close_reason_{spec['close_reason']}").id
        return vals

    def _duo_demo_plan_mentoring(self, rng, specs, pair_of):
        """Goals of the duos that signed their agreement, weekly meetings of the duos that
        started; one create for each."""
        today = fields.Date.context_today(self)
        goals, meetings = [], []
        for spec in specs:
            pair = pair_of[spec["key"]]
            if not pair.agreement_date:
                continue
            finished = spec["stage"] == "completed"
            for sequence, name in enumerate(GOALS, start=1):
                if finished:
                    state = "done" if sequence < 4 or spec["outcome"] == "job" else "dropped"
                elif pair.start_date:
                    weeks = (today - pair.start_date).days // 7
                    state = "done" if sequence * 5 < weeks else (
                        "in_progress" if sequence * 5 < weeks + 6 else "todo")
                else:
                    state = "todo"
                goals.append({"pair_id": pair.id, "name": name,
                              "sequence": sequence, "state": state,
                              "target_date": pair.agreement_date + timedelta(days=45 * sequence)})
            if not pair.start_date:
                continue
            last = pair.end_date or today - timedelta(days=spec.get("quiet", 2))
            date = pair.start_date + timedelta(days=3)
            index = 0
            while date <= last:
                if rng.random() < 0.85:
                    meetings.append({
                        "pair_id": pair.id, "date": date,
                        "duration": rng.choice([1.0, 1.0, 1.5, 2.0]),
                        "topics": MEETING_TOPICS[index % len(MEETING_TOPICS)],
                    })
                    index += 1
                date += timedelta(days=7)
        self.env["duo.goal"].create(goals)
        self.env["duo.meeting"].create(meetings)

    def _duo_demo_backdate(self, pairs, mentees, mentors):
        """Demo history: duos were proposed, and people reached their stage, on the days of the
        story (the reports read these dates), not all at the moment of installation."""
        self.env.flush_all()
        now = fields.Datetime.now()
        rows = [SQL("(%s, %s::timestamp)", pair.id, pair.proposal_sent_date or now)
                for pair in pairs]
        if rows:
            self.env.cr.execute(SQL(
                "UPDATE duo_pair p SET create_date = v.created FROM (VALUES %s) AS v(id, created) "
                "WHERE p.id = v.id", SQL(", ").join(rows)))
        for group in (mentees, mentors):
            rows = []
            for person in group:
                since = person.interview_date or person.info_session_date
                entered = fields.Datetime.to_datetime(since) + timedelta(days=20) if since \
                    else person.consent_date
                entered = min(entered, now)
                rows.append(SQL("(%s, %s::timestamp, %s::timestamp)", person.id,
                                person.consent_date or entered, entered))
            if rows:
                self.env.cr.execute(SQL(
                    "UPDATE %(table)s p SET create_date = v.created, date_stage = v.since, "
                    "date_ready = CASE WHEN p.stage_code IN ('ready', 'matched', 'alumni') "
                    "THEN v.since END "
                    "FROM (VALUES %(rows)s) AS v(id, created, since) WHERE p.id = v.id",
                    table=SQL.identifier(group._table), rows=SQL(", ").join(rows)))
        self.env.invalidate_all()
