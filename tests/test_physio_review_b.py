"""The planner's and the guidance's part of physio review B (issue #10, /work/handoff/s4/physio/review-b.md
findings B5, B7, B8, B9, B10, B12, and review A's A14): each written to fail on the planner the review read."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings

from lib.catalog import default_catalog
from lib.handout import build_handout
from lib.plan_sessions import EQUIPMENT_SETS, POSTURE_BLOCK
from lib.planner import build_plan
from lib.profiles import Profile, all_profiles
from tests.test_planner import plans

PLANNER = default_catalog().planner
EXERCISES = default_catalog().exercises_by_id
KITS = list(EQUIPMENT_SETS)
LOW_Z_TRAINED = Profile.from_z_score(-2.1, experience="trained")
UNCLEARED_LOW_Z = [profile for profile in all_profiles() if profile.bone == "low_for_age" and not profile.clearance] + [
    LOW_Z_TRAINED,
    Profile.from_z_score(-2.4),
]
PLAN_SHAPES = [(2, 3), (3, 6), (2, 12), (3, 12), (3, 24)]  # sessions a week, months


def gate_notes(plan) -> list[str]:
    return [note for note in plan.notes if "first phase" in note]


@pytest.mark.parametrize("sessions_per_week, months", PLAN_SHAPES)
def test_b7_a_low_z_score_plan_without_clearance_stays_in_the_first_phase_until_a_doctor_has_looked(
    sessions_per_week, months
):
    """Until a doctor has looked for the cause (ISCD; RED-S, Mountjoy 2014), the first phase's ceiling holds:
    the note says it once, in figures the plan's own first phase keeps, and the weeks table has a review point
    where the second phase begins."""
    for profile in UNCLEARED_LOW_Z:
        plan = build_plan(profile, sessions_per_week, months)
        weeks = plan.weeks
        first = weeks[weeks["phase"] == "foundation"]
        (gate,) = gate_notes(plan)
        assert sum("low Z-score" in note for note in plan.notes) == 1, plan.notes
        assert f"weeks 1-{first['week'].max()}" in gate and f"effort up to {first['effort'].max()} out of 10" in gate
        impacts = plan.sessions[(plan.sessions["phase"] == "foundation") & (plan.sessions["block"] == "impact")]
        if impacts.empty:
            assert "impact" not in gate.replace("no impact work", "")
        else:
            assert impacts["exercise"].iloc[0].lower() in gate
            assert f"{first['impacts_per_session'].max()} a session" in gate
        second_start = weeks.loc[weeks["phase"] != "foundation", "week"].min()
        review = weeks.set_index("week").loc[second_start, "review"]
        assert "doctor" in review.lower() and "low Z-score" in review
        assert weeks.loc[weeks["week"] < second_start, "review"].eq("").all()


def test_b7_the_handout_says_the_first_phase_gate_once():
    for sessions_per_week in (2, 3):
        plan = build_plan(LOW_Z_TRAINED, sessions_per_week, 12)
        lines = build_handout(LOW_Z_TRAINED, plan).week_lines
        assert sum("first phase" in line for line in lines) == 2, lines  # the gate, then the review point
        assert sum(line.startswith("Medical review first") for line in lines) == 1, lines


def test_b7_a_cleared_low_z_score_plan_has_no_gate():
    plan = build_plan(Profile(bone="low_for_age", experience="trained", clearance=True), 3, 12)
    assert not gate_notes(plan)
    assert not plan.weeks["review"].str.contains("first phase").any()


DAILY_WORDS = re.compile(r"\b(a day|daily|every day|most days|once or twice)\b", re.IGNORECASE)


def check_no_daily_dose_in_a_session(plan) -> None:
    """A session row says what is done in that session; a daily dose goes to the home list, same phase, as one
    daily back habit (this drill's, or the daily back-extensor work low bone mass already has)."""
    daily = plan.home[plan.home["daily"] & (plan.home["block"] == POSTURE_BLOCK)]
    assert not daily["phase"].duplicated().any()
    for slot in plan.sessions.itertuples():
        assert not DAILY_WORDS.search(slot.reps), (slot.exercise, slot.reps)
        if slot.dose_kind == "own" and DAILY_WORDS.search(EXERCISES[slot.exercise_id]["dose"].split(";")[0]):
            assert slot.phase in set(daily["phase"]), (slot.phase, slot.exercise)


@pytest.mark.parametrize("sessions_per_week, months", PLAN_SHAPES)
def test_b12_no_session_row_holds_a_daily_dose_for_any_profile(sessions_per_week, months):
    for position, profile in enumerate([*all_profiles(), LOW_Z_TRAINED]):
        kit = KITS[position % len(KITS)]
        check_no_daily_dose_in_a_session(build_plan(profile, sessions_per_week, months, equipment=kit))


@given(plans)
@settings(max_examples=40)
def test_b12_no_session_row_holds_a_daily_dose_for_any_plan(plan):
    check_no_daily_dose_in_a_session(plan)


def test_b12_the_towel_roll_says_a_few_minutes_in_the_session_and_the_phase_has_a_daily_back_habit_at_home():
    plan = build_plan(Profile(experience="trained"), 3, 12)
    towel = plan.sessions[plan.sessions["exercise_id"] == "thoracic-extension-towel"]
    assert not towel.empty and (towel["reps"] == "A few minutes").all()
    home = plan.home[plan.home["block"] == POSTURE_BLOCK].set_index("phase")
    for phase in towel["phase"]:
        assert home.loc[phase, "daily"] and home.loc[phase, "dose"].startswith("every day")
