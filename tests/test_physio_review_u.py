"""Physiotherapist review U (docs/reviews/review-u.md): findings fixed, each tested over every profile it concerns."""

from __future__ import annotations

import itertools

import pytest

from lib.planner import SESSION_MINUTES, build_plan
from lib.plan_weeks import HEAVY_PCT_1RM, HEAVY_WEEKS_AT_LOWER
from lib.profiles import Profile, all_profiles
from lib.safety import assess

HEAVY_ELIGIBLE = [
    profile
    for profile in all_profiles()
    if (lambda table: (table["heavy"] & (table["status"] != "avoid")).any())(assess(profile))
]
SHAPES = list(itertools.product((2, 3), (6, 12, 24), SESSION_MINUTES))


@pytest.mark.parametrize("profile", HEAVY_ELIGIBLE, ids=str)
def test_u_m2_heavy_sets_open_at_the_lower_load_and_rise_only_after_two_heavy_weeks(profile):
    """U8's six-month plans opened heavy sets at 85 % 1RM, effort 9: the hardest week of the plan came first."""
    for sessions, months, minutes in SHAPES:
        weeks = build_plan(profile, sessions, months, minutes, "full gym").weeks
        heavy = weeks[weeks["intensity_pct_1rm"].notna()]
        if heavy.empty:
            continue
        at_lower = (heavy["intensity_pct_1rm"] == HEAVY_PCT_1RM[0]).tolist()
        first_higher = at_lower.index(False) if False in at_lower else len(at_lower)
        assert first_higher >= HEAVY_WEEKS_AT_LOWER, (sessions, months, minutes, heavy["intensity_pct_1rm"].tolist())
        assert heavy["effort"].iloc[0] == heavy["effort"].min(), (sessions, months, minutes)


def test_u_m2_u8s_six_month_plan_has_heavy_weeks_that_open_at_the_lower_load():
    """The case the review read, so the sweep above is not empty: U8 at 2 x 6 months x 30 minutes, full gym."""
    u8 = Profile(bone="osteopenia", experience="trained", clearance=True)
    weeks = build_plan(u8, 2, 6, 30, "full gym").weeks
    heavy = weeks[weeks["intensity_pct_1rm"].notna()]
    assert not heavy.empty and heavy["intensity_pct_1rm"].iloc[0] == HEAVY_PCT_1RM[0], heavy
