"""The planner's and the guidance's part of physio review B (issue #10, /work/handoff/s4/physio/review-b.md
findings B5, B7, B8, B9, B10, B12, and review A's A14): each written to fail on the planner the review read."""

from __future__ import annotations

import pytest

from lib.catalog import default_catalog
from lib.handout import build_handout
from lib.planner import build_plan
from lib.profiles import Profile, all_profiles

PLANNER = default_catalog().planner
LOW_Z_TRAINED = Profile.from_z_score(-2.1, experience="trained")
UNCLEARED_LOW_Z = [
    profile for profile in all_profiles() if profile.bone == "low_for_age" and not profile.clearance
] + [LOW_Z_TRAINED, Profile.from_z_score(-2.4)]
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
