"""A client's risk profile: bone fragility and fall risk as two axes, plus modifiers.

Public API::

    from lib.profiles import Profile, classify_t_score, PRESETS
    Profile(bone="osteoporosis", vertebral_fracture=True, falls="high")
    Profile.from_t_score(-2.8, falls="low", experience="trained")
    Profile.from_z_score(-2.1, experience="trained")  # before menopause or under 50
    Profile(bone="osteoporosis", floor_transfers=False)  # no floor work: chair or standing versions
    Profile.from_link_values({"bone": "osteopenia", "vf": True, ...}) and profile.link_values()  # via LINK_KEYS
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Mapping

BONE_LEVELS = ("normal", "low_for_age", "osteopenia", "osteoporosis")
FALL_LEVELS = ("low", "high")
EXPERIENCE_LEVELS = ("novice", "trained")
# WHO thresholds (Kanis 1994): T >= -1.0 normal, T <= -2.5 osteoporosis, between is osteopenia.
T_SCORE_NORMAL_FLOOR = -1.0
T_SCORE_OSTEOPOROSIS_CEILING = -2.5
# ISCD official position (Leslie 2006): before menopause and under 50, Z <= -2.0 is "below the expected range for age".
Z_SCORE_LOW_CEILING = -2.0
CHOICES: dict[str, tuple] = {
    "bone": BONE_LEVELS,
    "vertebral_fracture": (False, True),
    "falls": FALL_LEVELS,
    "joint_limits": (False, True),
    "experience": EXPERIENCE_LEVELS,
    "clearance": (False, True),
    "floor_transfers": (True, False),
}
# Each field's key in a link (?bone=osteoporosis&vf=true&nofloor=true): short, and stable because shared
# links, slides and client cases carry them. The form, the presets, and the cases' and screening's links
# all go through this table.
LINK_KEYS = {
    "bone": "bone",
    "vertebral_fracture": "vf",
    "falls": "falls",
    "joint_limits": "joints",
    "experience": "exp",
    "clearance": "cleared",
    "floor_transfers": "nofloor",
}
NEGATED_IN_LINK = frozenset({"floor_transfers"})  # nofloor=true: the link names what the client cannot do


def classify_t_score(t_score: float) -> str:
    """WHO category of a DXA T-score: 'normal', 'osteopenia' or 'osteoporosis'."""
    if t_score != t_score:  # NaN compares unequal to itself
        raise ValueError("a T-score must be a number")
    if t_score >= T_SCORE_NORMAL_FLOOR:
        return "normal"
    if t_score <= T_SCORE_OSTEOPOROSIS_CEILING:
        return "osteoporosis"
    return "osteopenia"


def classify_z_score(z_score: float) -> str:
    """ISCD reading of a Z-score (premenopausal women, men under 50): 'low_for_age' at -2.0 or lower, else 'normal'."""
    if z_score != z_score:
        raise ValueError("a Z-score must be a number")
    return "low_for_age" if z_score <= Z_SCORE_LOW_CEILING else "normal"


@dataclass(frozen=True)
class Profile:
    """What the safety rules need to know about a client; nothing that identifies them."""

    bone: str = "normal"
    vertebral_fracture: bool = False  # or several fragility fractures
    falls: str = "low"  # high: a fall in the last year, unsteadiness or fear of falling
    joint_limits: bool = False  # a painful knee, hip or ankle that limits impact
    experience: str = "novice"
    clearance: bool = False  # medical clearance and qualified supervision for heavy lifting
    floor_transfers: bool = True  # can get down to the floor and up again safely

    def __post_init__(self) -> None:
        for name, allowed in CHOICES.items():
            value = getattr(self, name)
            if value not in allowed or type(value) is not type(allowed[0]):
                raise ValueError(f"Profile.{name} must be one of {allowed}, not {value!r}")

    @classmethod
    def from_t_score(cls, t_score: float, **modifiers: Any) -> "Profile":
        return cls(bone=classify_t_score(t_score), **modifiers)

    @classmethod
    def from_z_score(cls, z_score: float, **modifiers: Any) -> "Profile":
        """For premenopausal women and men under 50, whose scans are read by Z-score (ISCD), not T-score."""
        return cls(bone=classify_z_score(z_score), **modifiers)

    @property
    def fragility(self) -> str:
        """The bone axis the rules read: a vertebral fracture outranks any T-score."""
        return "vertebral_fracture" if self.vertebral_fracture else self.bone

    @classmethod
    def from_link_values(cls, values: Mapping[str, Any]) -> "Profile":
        """The profile a link's keys describe (every key of LINK_KEYS, with its widget's value)."""
        return cls(**{field: _as_link_value(field, values[key]) for field, key in LINK_KEYS.items()})

    def link_values(self) -> dict[str, Any]:
        """Each link key's value for this profile, as the form's widgets hold it (nofloor=True: no floor work)."""
        return {key: _as_link_value(field, getattr(self, field)) for field, key in LINK_KEYS.items()}

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {"fragility": self.fragility}


def _as_link_value(field: str, value: Any) -> Any:
    """A field's value as its link key says it, and back: the same both ways (a negation or nothing)."""
    return not value if field in NEGATED_IN_LINK else value


def all_profiles() -> list[Profile]:
    """Every combination of the profile's fields (256), for tests and precomputation."""
    from itertools import product

    names = [field.name for field in fields(Profile)]
    return [Profile(**dict(zip(names, values))) for values in product(*(CHOICES[name] for name in names))]


PRESET_LABELS = {
    "building-reserve": "Healthy 45-year-old building bone reserve",
    "osteopenia": "Postmenopausal with osteopenia",
    "osteoporosis": "Osteoporosis, no fracture",
    "osteoporosis-cleared": "Osteoporosis, cleared for supervised heavy lifting",
    "vertebral-fracture": "After a vertebral fracture",
    "frail-faller": "Frail, falls in the last year",
    "young-low-z": "Under 50 with a Z-score below the expected range",
}

PRESETS: dict[str, Profile] = {
    "building-reserve": Profile(bone="normal", experience="trained"),
    "osteopenia": Profile(bone="osteopenia"),
    "osteoporosis": Profile(bone="osteoporosis"),
    "osteoporosis-cleared": Profile(bone="osteoporosis", experience="trained", clearance=True),
    "vertebral-fracture": Profile(bone="osteoporosis", vertebral_fracture=True),
    "frail-faller": Profile(bone="osteoporosis", falls="high", joint_limits=True, floor_transfers=False),
    "young-low-z": Profile(bone="low_for_age", experience="trained"),
}
