"""The balance ladder climbs (physio review M, Lo7): a faller's sheet read `Harder drills, each replacing the easiest:
Heel-to-toe walk (week 5), Stepping practice ... (week 24) and Tai-chi style weight shifts (week 41)`, ending on the
easiest of the three. A harder drill never asks less of balance than the one it replaces: never a lower fall demand
(data/exercises.yaml, fall_demand), and, where the demand is the same, never a drill the library itself names as
leading up to the one replaced (its `progression` links: weight shifts, then stepping, then heel-to-toe)."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings

from lib.catalog import default_catalog
from lib.handout_week import balance_lines
from lib.planner import build_plan
from lib.profiles import Profile, all_profiles
from lib.vocabulary import words
from tests.test_planner import plans

CATALOG = default_catalog()
EXERCISES = CATALOG.exercises_by_id
FALL_DEMANDS = words("fall_demand")
LADDER = [rung["exercise"] for rung in CATALOG.planner["balance_ladder"]]


def leads_up_to(easier: str, harder: str) -> bool:
    """Whether the library's progression links lead from `easier` to `harder`."""
    seen, current = set(), EXERCISES[easier]["progression"]
    while current and current not in seen:
        if current == harder:
            return True
        seen.add(current)
        current = EXERCISES[current]["progression"]
    return False


def asks_no_less(newer: str, older: str) -> bool:
    """Whether drill `newer` asks at least as much of balance as `older`: fall demand, then the library's links."""
    demands = (FALL_DEMANDS.index(EXERCISES[newer]["fall_demand"]), FALL_DEMANDS.index(EXERCISES[older]["fall_demand"]))
    return demands[0] > demands[1] or (demands[0] == demands[1] and not leads_up_to(newer, older))


def replacements(drills: pd.DataFrame) -> list[tuple[str, str]]:
    """(new drill, the drill it replaces) for each phase whose balance drills differ from the phase before."""
    by_phase = [set(ids) for ids in drills.groupby("phase", sort=False)["exercise_id"].agg(list)]
    return [
        (new, old)
        for previous, current in zip(by_phase, by_phase[1:])
        for new in current - previous
        for old in previous - current
    ]


def assert_each_later_drill_asks_no_less(plan) -> None:
    for items in (plan.sessions, plan.home):
        for new, old in replacements(items[items["block"] == "balance"]):
            assert asks_no_less(new, old), (plan.profile, f"{new} replaces {old}")


def test_the_ladder_climbs_by_fall_demand_then_by_the_librarys_own_progressions():
    for position, lower in enumerate(LADDER):
        for higher in LADDER[position + 1 :]:
            assert asks_no_less(higher, lower), f"{higher} comes after {lower}"


def test_every_profiles_plan_replaces_each_balance_drill_with_one_that_asks_no_less():
    for profile in all_profiles():
        assert_each_later_drill_asks_no_less(build_plan(profile, sessions_per_week=3, months=12, session_minutes=45))


@given(plans)
@settings(max_examples=60)
def test_every_plan_shape_replaces_each_balance_drill_with_one_that_asks_no_less(plan):
    assert_each_later_drill_asks_no_less(plan)


def test_the_trained_fallers_sheet_ends_on_the_hardest_of_its_drills():
    """Review M's M1: the sheet's line now climbs from the weight shifts to the heel-to-toe walk."""
    faller = Profile(bone="osteoporosis", falls="high", experience="trained", clearance=True)
    plan = build_plan(faller, sessions_per_week=3, months=12, session_minutes=45, equipment="full gym")
    line = balance_lines(plan, [], {})[0]
    order = ["Tai-chi style weight shifts (week", "Stepping practice in different directions (week", "Heel-to-toe walk"]
    assert [line.index(name) for name in order] == sorted(line.index(name) for name in order), line
