"""The eighth physiotherapist read's Lows (/work/handoff/s6/physio/review-h.md), with review G's M2 reach and L3
and review F's L2: what a client's sheet must keep and say, as invariants over profiles and plan shapes."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from lib.balance_dose import dose_kind
from lib.handout import build_handout
from lib.handout_pdf import handout_pdf
from lib.plan_usable import EXTERNAL_LOADS
from lib.planner import SESSION_MINUTES, build_plan
from lib.profiles import Profile, all_profiles
from tests.handout_helpers import START, pages_allowed, read_pdf

PLAN_SHAPES = [(3, 12, 45), (2, 6, 30)]
# The sheets review H read that had cut a caution or every reason to stay on two pages (b, e, F4), and the faller
# whose three-page sheet still cut her hands-full caution (a low Z-score, high falls, no floor: 2x/6/30).
NAMED = {
    "b": (Profile(bone="osteopenia", experience="trained"), "full gym"),
    "e": (Profile.from_z_score(-2.1, experience="trained"), "full gym"),
    "F4": (Profile(bone="osteoporosis", clearance=True), "bands and dumbbells"),
    "low-Z faller": (Profile(bone="low_for_age", falls="high", floor_transfers=False), "full gym"),
}
# A spread of high fallers over every other field (every 8th of the 128), at the two plan shapes in turn.
FALLERS = [
    (profile, PLAN_SHAPES[number % 2])
    for number, profile in enumerate([profile for profile in all_profiles() if profile.falls == "high"][::8])
]


def _sheet_keeps_every_caution_and_reason(profile: Profile, plan_shape: tuple[int, int, int], kit: str) -> None:
    plan = build_plan(profile, *plan_shape, kit)
    handout = build_handout(profile, plan, start=START)
    pages, words = read_pdf(handout_pdf(profile, plan, start=START))
    assert pages <= pages_allowed(profile, kit)
    assert "Week 1" in words, "the schedule's first week is kept"
    for caution in handout.cautions:
        assert caution["name"] in words
        assert caution["why"] in words, f"{profile}: the reason for '{caution['name']}' was cut"


@pytest.mark.parametrize("plan_shape", PLAN_SHAPES, ids=["3x12x45", "2x6x30"])
@pytest.mark.parametrize("key", NAMED)
def test_h_l3_a_sheet_takes_a_third_page_before_it_cuts_a_caution_or_a_reason(key, plan_shape):
    profile, kit = NAMED[key]
    _sheet_keeps_every_caution_and_reason(profile, plan_shape, kit)


@pytest.mark.parametrize(("profile", "plan_shape"), FALLERS, ids=str)
def test_h_l3_no_fallers_sheet_cuts_a_caution_or_its_reason(profile, plan_shape):
    """Her fall caution ('A load in both hands leaves no hand free to steady you') is among them wherever it is ranked."""
    _sheet_keeps_every_caution_and_reason(profile, plan_shape, "full gym")


# L1: the avoid box's hip-hinge drill, for a high faller, carries the counter the planned drill has.
DRILL = "Hip-hinge drill"
COUNTER = "side-on to a counter, one hand on it"


def _fallers_drill_swaps(handout) -> list[str]:
    return [caution["instead"] for caution in handout.cautions if DRILL in (caution["instead"] or "")]


@pytest.mark.parametrize("profile", [profile for profile in all_profiles() if profile.falls == "high"], ids=str)
def test_h_l1_a_fallers_drill_in_the_avoid_box_keeps_one_hand_on_a_counter(profile, catalog):
    sheets = [
        build_handout(profile, catalog=catalog),
        build_handout(profile, build_plan(profile, 3, 12, 45), catalog=catalog),
    ]
    for swaps in (_fallers_drill_swaps(handout) for handout in sheets):
        # A plan sheet names the drill a second time 'as above' (physio review K): the first gives the counter.
        for swap in (swap for swap in swaps if not swap.endswith(", as above") or swap is swaps[0]):
            assert COUNTER in swap.lower(), swap


def test_h_l1_the_osteoporotic_fallers_are_offered_the_drill_at_a_counter(catalog):
    """Review H's VFH and d: the drill is in their avoid box (their plan holds no hinge), and it was two-handed."""
    for profile in (
        Profile(bone="osteoporosis", vertebral_fracture=True, falls="high"),
        Profile(bone="osteoporosis", falls="high", joint_limits=True, floor_transfers=False),
    ):
        swaps = _fallers_drill_swaps(build_handout(profile, catalog=catalog))
        assert swaps and all(COUNTER in swap.lower() for swap in swaps)


def test_h_l1_a_low_falls_client_is_offered_the_drill_as_it_is(catalog):
    swaps = _fallers_drill_swaps(build_handout(Profile(bone="osteoporosis", vertebral_fracture=True), catalog=catalog))
    assert swaps and not any("counter" in swap for swap in swaps)


# L4: a later-lift line that names sessions never claims one a later phase gives to another lift, unsaid.
EVERY_PLAN_SHAPE = [
    (per_week, months, minutes) for per_week in (2, 3) for months in (3, 6, 12, 24) for minutes in SESSION_MINUTES
]


def _later_lifts(plan, catalog) -> pd.DataFrame:
    """The plan's loaded lifts with a change that it brings in after week 1's phase: those the sheet names by line."""
    sessions = plan.sessions
    first = sessions.loc[sessions["phase"] == "foundation", "exercise_id"]
    later = sessions[
        ~sessions["exercise_id"].isin(first) & (sessions["modification"] != "") & (sessions["dose_kind"] == "strength")
    ]
    loaded = later["exercise_id"].map(lambda eid: bool(set(catalog.exercise(eid)["equipment"]) & EXTERNAL_LOADS))
    return later[loaded.astype(bool)]


def _unsaid_session_moves(profile: Profile, plan_shape: tuple[int, int, int], catalog) -> list[str]:
    plan = build_plan(profile, *plan_shape, "full gym", catalog)
    lines = build_handout(profile, plan, catalog=catalog).week_lines
    phases = list(dict.fromkeys(plan.weeks["phase"]))
    starts = plan.weeks.groupby("phase")["week"].min()
    unsaid = []
    for exercise_id, slots in _later_lifts(plan, catalog).groupby("exercise_id"):
        held = [set(slots.loc[slots["phase"] == phase, "session"]) for phase in phases]
        for position in range(phases.index(slots["phase"].iloc[0]) + 1, len(phases)):
            if not held[position]:
                break  # the plan moves on from it altogether: its successor is another line
            for letter in held[position] ^ held[position - 1]:
                opening = f"From week {starts[phases[position]]}, in session {letter}:"
                if not any(line.startswith(opening) and "(in place of" in line for line in lines):
                    unsaid.append(f"{exercise_id}: {opening}")
    return unsaid


@pytest.mark.parametrize("plan_shape", EVERY_PLAN_SHAPE, ids=str)
def test_h_l4_no_later_lift_line_claims_a_session_a_later_phase_changes(plan_shape, catalog):
    for profile in [Profile(bone="normal", falls="high", joint_limits=True), *all_profiles()[::16]]:
        assert not _unsaid_session_moves(profile, plan_shape, catalog), profile


def test_h_l4_a_session_a_later_phase_gives_to_another_lift_is_said(catalog):
    """F1's plan at review H held the kettlebell deadlift in sessions B and C in the build phase, and gave session C to
    another lift in week 27, unsaid. Today's plans no longer move a later lift (review J), so the test rebuilds that
    plan: F1's own, with session C's lower-body lift in the build phase made the kettlebell deadlift."""
    f1 = Profile(bone="normal", falls="high", joint_limits=True)
    plan = build_plan(f1, 3, 12, 45, "full gym", catalog)
    sessions = plan.sessions.copy()
    lower_body = sessions["block"] == "axial lower body"
    deadlift = sessions[lower_body & (sessions["session"] == "B") & (sessions["phase"] == "build")].iloc[0]
    c_build = sessions.index[lower_body & (sessions["session"] == "C") & (sessions["phase"] == "build")]
    sessions.loc[c_build, deadlift.index.drop("session")] = deadlift.drop("session").to_numpy()
    moved = dataclasses.replace(plan, sessions=sessions)
    lines = build_handout(f1, moved, catalog=catalog).week_lines
    strength_start = plan.weeks.groupby("phase")["week"].min()["strength"]
    assert any(line.startswith("From week 9, in sessions B and C: kettlebell deadlift") for line in lines), lines
    assert any(
        line.startswith(f"From week {strength_start}, in session C:") and "(in place of" in line for line in lines
    ), lines


# Review F, L2: a Safe options sheet for a client whose balance dose is per training day says so throughout.
TRAINING_DAY_CLIENTS = [profile for profile in all_profiles() if dose_kind(profile) == "sessions"]


@pytest.mark.parametrize("profile", TRAINING_DAY_CLIENTS, ids=str)
def test_f_l2_a_training_day_clients_safe_options_sheet_suggests_her_plans_rungs_on_her_training_days(profile, catalog):
    handout = build_handout(profile, catalog=catalog)
    ladder = [rung["exercise"] for rung in catalog.planner["balance_ladder"]]
    too_easy = ladder[: ladder.index(catalog.planner["balance_start"][profile.falls])]
    balance = [exercise for exercise in handout.exercises if exercise["pattern"] == "balance"]
    assert handout.balance_heading == handout.words["headings"]["balance_in_sessions"]
    # ROS's impact frequency, after the how-often line where an impact exercise is listed (review Z, M2), is not balance's.
    assert not [line for line in handout.week_lines if "most days" in line.split(" Impact (")[0]]
    assert not [exercise["id"] for exercise in balance if exercise["id"] in too_easy]
    too_easy_names = tuple(f"{catalog.exercise(exercise_id)['name']}:" for exercise_id in too_easy)
    assert not [line for line in handout.balance_suggestions if line.startswith(too_easy_names)]
    for dose in [exercise["dose"] for exercise in balance] + handout.balance_suggestions:
        assert "a day" not in dose and "training days" in dose.lower(), dose


def test_f_l2_a_daily_dose_client_keeps_the_daily_sheet(catalog):
    handout = build_handout(Profile(bone="osteoporosis"), catalog=catalog)
    assert handout.balance_heading == handout.words["headings"]["balance"]
    assert handout.week_lines[0].startswith(handout.words["how_often"])  # then her impact exercise's (review Z, M2)
