"""The planner's open findings of the tenth and eleventh physiotherapist reads (/work/handoff/s7/physio/review-j.md
L5, review-k.md L3): a seat-height squat with painful joints is told to use a higher seat (K L3); a trained faller
after a spine fracture keeps a squat in her week (J L5, the planner's half)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from lib.catalog import default_catalog
from lib.handout_pdf import handout_pdf
from lib.plan_picks import AXIAL_PATTERNS, reaches_the_effort
from lib.plan_usable import EQUIPMENT_SETS, PHASES, usable_exercises, usable_in
from lib.planner import build_plan
from lib.profiles import CHOICES, Profile, all_profiles
from lib.safety import assess
from tests.handout_helpers import pages_allowed, read_pdf

CATALOG = default_catalog()
EXERCISES = CATALOG.exercises_by_id
PLANNER = CATALOG.planner
KITS = list(EQUIPMENT_SETS)
profiles = st.builds(Profile, **{name: st.sampled_from(values) for name, values in CHOICES.items()})
X1 = Profile(  # review J's X1: trained and cleared, after a spine fracture, a high faller with painful joints
    bone="osteoporosis", vertebral_fracture=True, falls="high", joint_limits=True, experience="trained", clearance=True
)


# K L3: "otherwise squat less deep" on a sit-to-stand, whose depth is the height of its seat.

RACK = PLANNER["painful_joints"]["settles_in_a_rack"]
PAINFUL_FALLERS = [profile for profile in all_profiles() if profile.falls == "high" and profile.joint_limits]
# About 30 of the 96 high-faller + painful-joint profile and kit pairs, every kit and field value among them.
SHEETS = [(profile, KITS[position % len(KITS)]) for position, profile in enumerate(PAINFUL_FALLERS)]
SHEETS.append((X1, "bands and dumbbells"))  # her later lines now name the one-hand squat too (J L5 below)


@given(profiles.filter(lambda profile: profile.joint_limits), st.sampled_from(KITS))
@settings(max_examples=40, deadline=None)
def test_k_l3_a_planned_squat_is_told_to_use_a_higher_seat_unless_a_rack_sets_its_depth(profile, kit):
    plan = build_plan(profile, 3, 12, 45, kit, CATALOG)
    squats = plan.sessions[plan.sessions["exercise_id"].map(lambda found: EXERCISES[found]["pattern"]) == "squat"]
    for slot in squats.itertuples():
        in_a_rack = slot.exercise_id in RACK["exercises"]
        assert ("use a higher seat" in slot.modification) != in_a_rack, (profile, kit, slot.exercise)
        assert ("squat less deep" in slot.modification) == in_a_rack, (profile, kit, slot.exercise)


@pytest.mark.parametrize("profile, kit", SHEETS, ids=str)
def test_k_l3_a_painful_joint_fallers_plan_sheet_keeps_to_the_pages_allowed(profile, kit):
    """Longer words here once pushed the frail faller's sheet to a fourth page (4e50b1f)."""
    pages, _ = read_pdf(handout_pdf(profile, build_plan(profile, 3, 12, 45, kit, CATALOG)))
    assert pages <= pages_allowed(profile, kit), (profile, kit, pages)


# J L5 (the planner's half): X1 held the kettlebell deadlift as the lower-body lift of every session from week 5.

CAP = PLANNER["after_vertebral_fracture"]["lower_body_cap"]


def _axial(rows: list[dict], profile: Profile, patterns: tuple[str, ...]) -> list[dict]:
    """The bone-building lower-body work of these patterns a plan may hold; after a spine fracture, the capped list."""
    return [
        row
        for row in rows
        if row["pattern"] in patterns
        and row["benefit"] == "bone"
        and (not profile.vertebral_fracture or row["id"] in CAP)
    ]


def a_squat_suits(rows: list[dict], profile: Profile) -> bool:
    """Whether the phase's work holds a squat for this client: any, for a novice; for a trained client one that can
    reach her effort, unless no lower-body work can (review A13: lunges, not chair stands, when lunges reach it)."""
    squats = _axial(rows, profile, ("squat",))
    if profile.experience == "novice" or not squats:
        return bool(squats)
    reach = [row for row in _axial(rows, profile, AXIAL_PATTERNS) if reaches_the_effort(row)]
    return not reach or any(reaches_the_effort(row) for row in squats)


@given(profiles, st.sampled_from(KITS), st.sampled_from([(3, 12, 45), (2, 6, 30), (3, 3, 60), (2, 12, 45)]))
@settings(max_examples=80, deadline=None)
def test_j_l5_every_plan_whose_client_has_a_squat_that_suits_her_holds_one_every_week(profile, kit, shape):
    plan = build_plan(profile, *shape, kit, CATALOG)
    usable = usable_exercises(assess(profile, CATALOG), EQUIPMENT_SETS[kit], profile, CATALOG)
    held = plan.sessions["exercise_id"].map(lambda found: EXERCISES[found]["pattern"]) == "squat"
    for phase in PHASES:
        if a_squat_suits(usable_in(usable, phase), profile):
            assert held[plan.sessions["phase"] == phase].any(), (profile, kit, shape, phase)


def test_j_l5_x1_squats_and_hinges_in_turn_from_the_build_phase():
    """X1, kit 'bands and dumbbells', 3x/12/45: 'kettlebell-deadlift' in sessions A, B and C from week 5."""
    plan = build_plan(X1, 3, 12, 45, "bands and dumbbells", CATALOG)
    axial = plan.sessions[(plan.sessions["block"] == "axial lower body") & (plan.sessions["phase"] != "foundation")]
    by_session = axial.groupby("session")["exercise_id"].agg(set)
    assert by_session["B"] == {"kettlebell-deadlift"}
    assert by_session["A"] == {"goblet-squat"}
    goblet = axial[axial["exercise_id"] == "goblet-squat"]
    assert goblet["modification"].str.contains("one hand").all() and goblet["modification"].str.contains("box").all()
