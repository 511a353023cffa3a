"""One balance dose a profile's plan and guidance share (physio reviews B8, B9 and A14).

Public API::

    from lib.balance_dose import balance_dose
    dose = balance_dose(profile)  # BalanceDose(kind="daily", start=10, target=20, by_week=16, words="about 10 ...")
    dose.words                    # the dose in plain words: the guidance, the plan and the handout print these

The figures and words live in data/planner.yaml (balance_dose, and session_time.balance_most), with their sources.
"""

from __future__ import annotations

from dataclasses import dataclass

from lib.catalog import Catalog, default_catalog
from lib.profiles import Profile

# With these the client keeps the daily, two-hour target whatever their falls risk or experience (TFTF).
DAILY_WHATEVER = ("osteoporosis", "vertebral_fracture")


@dataclass(frozen=True)
class BalanceDose:
    kind: str  # "daily": the same minutes every day, building up; "sessions": minutes on each training day
    start: int  # minutes a day (or a training day) in week 1
    target: int  # minutes a day (or a training day) from week `by_week`
    by_week: int
    words: str


def dose_kind(profile: Profile) -> str:
    """'sessions' for a client at low risk of falling who is trained, or young with a low Z-score, or has normal
    bone, without osteoporosis or a spine fracture; 'daily' for everyone else (see data/planner.yaml,
    balance_dose). TFTF's two hours a week is for osteoporosis, not a low-risk client with normal bone
    (physio review D7)."""
    fit = profile.experience == "trained" or profile.bone in ("low_for_age", "normal")
    return "sessions" if profile.falls == "low" and fit and profile.fragility not in DAILY_WHATEVER else "daily"


def balance_dose(profile: Profile, catalog: Catalog | None = None) -> BalanceDose:
    """The profile's balance dose, with its words."""
    planner = (catalog or default_catalog()).planner
    data, kind = planner["balance_dose"], dose_kind(profile)
    if kind == "daily":
        (start, target), by_week = data["a_day"], data["by_week"]
    else:
        start = target = planner["session_time"]["balance_most"]
        by_week = 1
    words = data["words"][kind].format(start=start, target=target, by_week=by_week)
    return BalanceDose(kind, start, target, by_week, words)
