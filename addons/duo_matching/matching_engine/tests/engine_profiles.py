"""Profiles shared by the engine tests (a plain module: pytest collects only ``test_*.py``)."""

from matching_engine import Profile, slots_mask

TUE_EVENING = slots_mask([("tue", "evening")])
WEEKDAY_EVENINGS = slots_mask([(day, "evening") for day in ("mon", "tue", "wed", "thu")])


def person(person_id, **values):
    """A profile that matches the default partner unless a test overrides a field."""
    defaults = {
        "languages": {"fr": "B2"},
        "slots": TUE_EVENING,
        "sector": "62",
        "sector_section": "J",
        "lat": 50.85,
        "lon": 4.35,
        "centre_id": 1,
    }
    defaults.update(values)
    return Profile(person_id, **defaults)


def random_profile(rng, person_id, capacity=1, unlocated=0.1):
    """A seeded random profile (``rng``: ``random.Random``); ``unlocated``: chance of having no
    coordinates."""
    languages = {code: rng.randint(1, 7) for code in rng.sample(["fr", "nl", "en", "ti"], 2)}
    return Profile(
        person_id,
        ready=rng.random() > 0.1,
        centre_id=1,
        sector=rng.choice(["62", "63", "47"]),
        sector_section=None,
        languages=languages,
        slots=rng.getrandbits(21) & rng.getrandbits(21),
        personality_tags=frozenset(rng.sample(range(6), rng.randint(0, 3))),
        interest_tags=frozenset(rng.sample(range(10), rng.randint(0, 4))),
        lat=50.85 + rng.uniform(-0.1, 0.1) if rng.random() > unlocated else None,
        lon=4.35 + rng.uniform(-0.1, 0.1),
        attributes={"gender": rng.choice("fm")},
        preferences={"gender": {"f"}} if rng.random() < 0.3 else {},
        capacity=capacity,
    )
