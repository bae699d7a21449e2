"""Input data of the matching engine: person profiles, configuration and their array encoding.

The Odoo layer turns records into :class:`Profile` objects; everything downstream works on the
column-oriented :class:`EncodedSide` arrays so that scoring a whole pool is a handful of NumPy
operations instead of a Python loop over pairs.
"""

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np

# CEFR levels as ordered ints so that "better" is simply "greater".
CEFR_LEVELS = {"A1": 1, "A2": 2, "B1": 3, "B2": 4, "C1": 5, "C2": 6, "native": 7}
LEVEL_NATIVE = 7

# Weekly availability: bit ``day * 3 + part`` of a 21-bit mask.
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_PARTS = ("morning", "afternoon", "evening")
N_SLOTS = len(DAYS) * len(DAY_PARTS)
ALL_SLOTS = (1 << N_SLOTS) - 1

CRITERIA = (
    "sector",
    "languages",
    "availability",
    "personality",
    "interests",
    "distance",
    "preferences",
)

DEFAULT_WEIGHTS = {
    "sector": 0.25,
    "languages": 0.20,
    "availability": 0.15,
    "personality": 0.10,
    "interests": 0.10,
    "distance": 0.10,
    "preferences": 0.10,
}


def slot_bit(day, part):
    """Bit index of a (day, part-of-day) slot, e.g. ``("tue", "evening")``."""
    return DAYS.index(day) * len(DAY_PARTS) + DAY_PARTS.index(part)


def slots_mask(slots):
    """21-bit availability mask from an iterable of (day, part) labels."""
    mask = 0
    for day, part in slots:
        mask |= 1 << slot_bit(day, part)
    return mask


@lru_cache(maxsize=4096)
def slot_labels(mask):
    """(day, part) labels of the bits set in ``mask``, in weekly order: data the UI translates."""
    return tuple(
        (DAYS[bit // len(DAY_PARTS)], DAY_PARTS[bit % len(DAY_PARTS)])
        for bit in range(N_SLOTS)
        if mask >> bit & 1
    )


def cefr_level(label):
    """Int level of a CEFR label ("B1", "native"); ints pass through unchanged."""
    if isinstance(label, int):
        return label
    return CEFR_LEVELS[label]


@dataclass(frozen=True)
class Profile:
    """One mentee or mentor, as plain data (no ORM).

    ``sector`` is the NACE division ("62") and ``sector_section`` its parent section ("J").
    ``languages`` maps a language code to a CEFR level (int 1..7 or label).
    ``slots`` is the 21-bit weekly availability mask (see :func:`slots_mask`).
    ``lat``/``lon`` locate the person's commune; ``None`` when unknown.
    ``attributes`` are facts others may state preferences on (``{"gender": "f"}``);
    ``preferences`` are the accepted values per attribute of the partner
    (``{"gender": {"f"}}``). ``capacity`` is only read for mentors: how many *new* mentees
    they can take now (the Odoo layer subtracts their active mentorships).
    """

    id: int
    ready: bool = True
    centre_id: int | None = None
    sector: str | None = None
    sector_section: str | None = None
    languages: Mapping[str, int | str] = field(default_factory=dict)
    slots: int = 0
    personality_tags: frozenset = frozenset()
    interest_tags: frozenset = frozenset()
    lat: float | None = None
    lon: float | None = None
    attributes: Mapping[str, Hashable] = field(default_factory=dict)
    preferences: Mapping[str, Iterable[Hashable]] = field(default_factory=dict)
    capacity: int = 1


@dataclass(frozen=True)
class MatchingConfig:
    """Tunable parameters; defaults are the product decisions of the matching issue."""

    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    workable_level: int = CEFR_LEVELS["B1"]
    # Score of a pair in the same NACE section but a different division (same division = 1).
    same_section_score: float = 0.5
    # Shared weekly slots at which availability is fully satisfied.
    slots_target: int = 3
    # Distance at which the distance score halves; the score is h^2 / (h^2 + d^2).
    distance_half_km: float = 5.0
    # Distance score when either side has no coordinates: neutral rather than punitive.
    missing_distance_score: float = 0.5
    # No pair scoring below this (0..1) is ever proposed.
    min_score: float = 0.3
    allow_cross_centre: bool = False
    # Worker threads for the score matrix (NumPy releases the GIL; None = CPU count). 1 by
    # default; BLAS itself is kept to one thread during the build (see _blas.py).
    threads: int | None = 1

    def normalised_weights(self):
        """Weights per criterion summing to 1 so that scores and the threshold stay in 0..1."""
        unknown = set(self.weights) - set(CRITERIA)
        if unknown:
            raise ValueError(f"Unknown criteria in weights: {sorted(unknown)}")
        raw = {name: float(self.weights.get(name, 0.0)) for name in CRITERIA}
        if any(value < 0 for value in raw.values()):
            raise ValueError("Criterion weights must be non-negative")
        total = sum(raw.values())
        if total <= 0:
            raise ValueError("At least one criterion weight must be positive")
        return {name: value / total for name, value in raw.items()}

    def language_factor(self, level):
        """Per-side factor of a language level: 0 below workable, 1 at native, sqrt in between.

        A shared language then contributes the geometric mean of both normalised levels, so a
        B1/B1 pair scores 0.2 and a native/native pair 1.
        """
        if level < self.workable_level:
            return 0.0
        span = LEVEL_NATIVE - self.workable_level + 1
        return ((min(level, LEVEL_NATIVE) - self.workable_level + 1) / span) ** 0.5


def section_key(person):
    """Section of a person's sector; a division without a known section is its own section, so
    that "same division" always implies "same section"."""
    if person.sector_section is not None:
        return person.sector_section
    return None if person.sector is None else ("division", person.sector)


@dataclass
class Vocabulary:
    """Column index of every categorical value seen on either side of the pool."""

    languages: dict = field(default_factory=dict)
    personality: dict = field(default_factory=dict)
    interests: dict = field(default_factory=dict)
    sections: dict = field(default_factory=dict)
    divisions: dict = field(default_factory=dict)
    attribute_values: dict = field(default_factory=dict)

    @staticmethod
    def _add(index, key):
        if key is not None and key not in index:
            index[key] = len(index)

    def learn(self, profiles):
        # One flattened pass per vocabulary; dict.fromkeys keeps first-seen order, exactly as
        # adding the values person by person would.
        people = list(profiles)

        def extend(index, keys):
            for key in dict.fromkeys(keys):
                if key is not None and key not in index:
                    index[key] = len(index)

        extend(self.languages, (code for person in people for code in person.languages))
        extend(self.personality, (tag for person in people for tag in person.personality_tags))
        extend(self.interests, (tag for person in people for tag in person.interest_tags))
        extend(self.sections, map(section_key, people))
        extend(self.divisions, (person.sector for person in people))
        extend(
            self.attribute_values,
            (
                pair
                for person in people
                for pair in (
                    *person.attributes.items(),
                    *(
                        (key, value)
                        for key, values in person.preferences.items()
                        for value in values
                    ),
                )
            ),
        )


@dataclass
class EncodedSide:
    """Column-oriented arrays of one side of the pool, rows sorted by id."""

    profiles: tuple
    ids: np.ndarray
    ready: np.ndarray
    centre: np.ndarray
    capacity: np.ndarray
    slots: np.ndarray
    lang_levels: np.ndarray
    lang_factor: np.ndarray
    slot_onehot: np.ndarray
    personality: np.ndarray
    interests: np.ndarray
    section: np.ndarray
    division: np.ndarray
    has_coords: np.ndarray
    xy_km: np.ndarray
    attributes: np.ndarray
    preferences: np.ndarray
    n_preferences: np.ndarray

    def __len__(self):
        return len(self.ids)


@dataclass
class EncodedPool:
    mentees: EncodedSide
    mentors: EncodedSide
    vocabulary: Vocabulary
    config: MatchingConfig

    @cached_property
    def several_centres(self):
        """Whether the centre constraint can exclude anything (skipped when it cannot)."""
        centres = set(self.mentees.centre.tolist()) | set(self.mentors.centre.tolist())
        return len(centres - {-1}) > 1

    @cached_property
    def mentors_all_located(self):
        return bool(self.mentors.has_coords.all())


def _onehot(rows, width):
    """float32 one-hot matrix from per-row column lists, filled in one fancy assignment."""
    out = np.zeros((len(rows), width), dtype=np.float32)
    lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    if lengths.any():
        cols = np.fromiter(
            (col for cols in rows for col in cols), dtype=np.int64, count=int(lengths.sum())
        )
        out[np.repeat(np.arange(len(rows)), lengths), cols] = 1.0
    return out


def _check_unique_ids(profiles, role):
    ids = [person.id for person in profiles]
    if len(set(ids)) != len(ids):
        raise ValueError(f"Duplicate {role} ids")


def _encode_side(profiles, vocab, config, origin):
    """Arrays of one side; ``origin`` (lat, lon) centres the local km projection.

    Every per-person value is gathered in one flattened pass and written with NumPy fancy
    indexing: no per-person NumPy call.
    """
    people = tuple(sorted(profiles, key=lambda person: person.id))
    n = len(people)
    earth_km = 6371.0088
    lat0, lon0 = origin

    languages = vocab.languages
    lang_counts = [len(person.languages) for person in people]
    lang_cols = [languages[code] for person in people for code in person.languages]
    lang_values = [cefr_level(level) for person in people for level in person.languages.values()]
    lang_levels = np.zeros((n, len(languages)), dtype=np.int8)
    if lang_cols:
        lang_levels[np.repeat(np.arange(n), lang_counts), lang_cols] = lang_values

    attribute_values = vocab.attribute_values
    attributes = _onehot(
        [[attribute_values[item] for item in person.attributes.items()] for person in people],
        len(attribute_values),
    )
    stated = [[set(values) for values in person.preferences.values()] for person in people]
    preferences = _onehot(
        [
            [
                attribute_values[(key, value)]
                for key, values in zip(person.preferences, sets, strict=True)
                for value in values
            ]
            for person, sets in zip(people, stated, strict=True)
        ],
        len(attribute_values),
    )
    n_preferences = np.array(
        [sum(1 for values in sets if values) for sets in stated], dtype=np.float32
    )

    has_coords = np.array(
        [person.lat is not None and person.lon is not None for person in people], dtype=bool
    )
    located = [person for person in people if person.lat is not None and person.lon is not None]
    xy_km = np.zeros((n, 2), dtype=np.float64)
    if located:
        # Equirectangular projection: exact enough at the scale of a region (<~200 km)
        # and lets distances be computed in float32 around a local origin.
        lat = np.array([person.lat for person in located], dtype=np.float64)
        lon = np.array([person.lon for person in located], dtype=np.float64)
        xy_km[has_coords, 0] = np.radians(lon - lon0) * earth_km * np.cos(np.radians(lat0))
        xy_km[has_coords, 1] = np.radians(lat - lat0) * earth_km
    factor_of_level = np.array(
        [config.language_factor(level) for level in range(LEVEL_NATIVE + 1)], dtype=np.float32
    )
    slots = np.array([int(person.slots) & ALL_SLOTS for person in people], dtype=np.int64)
    slot_onehot = ((slots[:, None] >> np.arange(N_SLOTS)) & 1).astype(np.float32)
    return EncodedSide(
        profiles=people,
        ids=np.array([person.id for person in people], dtype=np.int64),
        ready=np.array([bool(person.ready) for person in people], dtype=bool),
        centre=np.array(
            [-1 if person.centre_id is None else person.centre_id for person in people],
            dtype=np.int64,
        ),
        capacity=np.array([max(int(person.capacity), 0) for person in people], dtype=np.int64),
        slots=slots,
        lang_levels=lang_levels,
        lang_factor=factor_of_level[np.clip(lang_levels, 0, LEVEL_NATIVE)],
        slot_onehot=slot_onehot.reshape(n, N_SLOTS),
        personality=_onehot(
            [[vocab.personality[tag] for tag in person.personality_tags] for person in people],
            len(vocab.personality),
        ),
        interests=_onehot(
            [[vocab.interests[tag] for tag in person.interest_tags] for person in people],
            len(vocab.interests),
        ),
        section=np.array(
            [vocab.sections.get(section_key(person), -1) for person in people], dtype=np.int64
        ),
        division=np.array(
            [vocab.divisions.get(person.sector, -1) for person in people], dtype=np.int64
        ),
        has_coords=has_coords,
        xy_km=xy_km,
        attributes=attributes,
        preferences=preferences,
        n_preferences=n_preferences,
    )


def encode_pool(mentees, mentors, config=None):
    """Encode both sides against one shared vocabulary (rows sorted by id for determinism)."""
    config = config or MatchingConfig()
    mentees, mentors = list(mentees), list(mentors)
    _check_unique_ids(mentees, "mentee")
    _check_unique_ids(mentors, "mentor")
    vocab = Vocabulary()
    vocab.learn(sorted(mentees + mentors, key=lambda person: person.id))
    located = [
        (person.lat, person.lon)
        for person in mentees + mentors
        if person.lat is not None and person.lon is not None
    ]
    origin = tuple(np.mean(np.array(located), axis=0)) if located else (0.0, 0.0)
    return EncodedPool(
        mentees=_encode_side(mentees, vocab, config, origin),
        mentors=_encode_side(mentors, vocab, config, origin),
        vocabulary=vocab,
        config=config,
    )
