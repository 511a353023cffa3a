"""Review R (docs/reviews/review-r.md): the client sheet without a plan gives a faller the balance work her plan's first
phase starts with (M1, its balance half)."""

from __future__ import annotations

import pytest

from lib.handout import build_handout
from lib.planner import build_plan
from lib.profiles import all_profiles

FALLERS = [profile for profile in all_profiles() if profile.falls == "high"]


@pytest.mark.parametrize("profile", FALLERS, ids=str)
def test_r_m1_without_a_plan_a_fallers_balance_is_what_her_plan_starts_with(profile):
    """Review R, M1: the sheet without a plan gave every trained faller the heel-to-toe walk, which her plan gives last,
    while her plan starts with supported balance work."""
    first = build_plan(profile).sessions.query("phase == 'foundation' and block == 'balance'")
    balance = [record for record in build_handout(profile).exercises if record["pattern"] == "balance"]
    assert balance, "no balance exercise on the sheet"
    for record in balance:
        assert record["id"] in set(first["exercise_id"]), (record["name"], sorted(set(first["exercise"])))
