"""The planner's open findings of the tenth and eleventh physiotherapist reads (/work/handoff/s7/physio/review-j.md
L2 and L5, review-k.md L3): heel raises standing in for impact are kept at 30 minutes (J L2); a seat-height squat
with painful joints is told to use a higher seat (K L3); a trained faller after a spine fracture keeps a squat in
her week (J L5, the planner's half)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from lib.catalog import default_catalog
from lib.handout import build_handout
from lib.handout_pdf import MOST_PAGES, handout_pdf
from lib.plan_picks import AXIAL_PATTERNS, reaches_the_effort
from lib.plan_usable import EQUIPMENT_SETS, PHASES, usable_exercises, usable_in
from lib.planner import build_plan
from lib.profiles import CHOICES, Profile, all_profiles
from lib.safety import assess
from tests.handout_helpers import read_pdf

CATALOG = default_catalog()
EXERCISES = CATALOG.exercises_by_id
PLANNER = CATALOG.planner
STAND_IN = PLANNER["impact"]["stand_in"]
KITS = list(EQUIPMENT_SETS)
profiles = st.builds(Profile, **{name: st.sampled_from(values) for name, values in CHOICES.items()})
fallers = st.builds(
    Profile,
    **{name: st.sampled_from(values) for name, values in CHOICES.items() if name != "falls"},
    falls=st.just("high"),
)
FRAIL_FALLER = Profile(bone="osteoporosis", falls="high", joint_limits=True, floor_transfers=False)  # review J's d
X1 = Profile(  # review J's X1: trained and cleared, after a spine fracture, a high faller with painful joints
    bone="osteoporosis", vertebral_fracture=True, falls="high", joint_limits=True, experience="trained", clearance=True
)


def stand_in_rows(plan):
    """The plan's heel raises in the impact block, in its sessions or moved to its home work."""
    sessions = plan.sessions[
        (plan.sessions["block"] == "impact") & (plan.sessions["exercise_id"] == STAND_IN["exercise"])
    ]
    home = plan.home[(plan.home["block"] == "impact") & (plan.home["exercise_id"] == STAND_IN["exercise"])]
    return sessions, home


def impact_note(notes) -> list[str]:
    """The plan's (or sheet's) line about impact work: landings, their stand-in, or none."""
    return [note for note in notes if note.startswith(("No landings", "No impact work"))]


# J L2: at 30 minutes the heel raises standing in for impact were dropped and the sheet said "No impact work".


@given(
    st.one_of(fallers, profiles),
    st.sampled_from([2, 3]),
    st.sampled_from([3, 6, 12]),
    st.sampled_from(KITS),
)
@settings(max_examples=60, deadline=None)
def test_j_l2_the_heel_raise_stand_in_is_in_every_session_length_that_the_45_minute_plan_has_it(
    profile, sessions_per_week, months, kit
):
    at_45 = build_plan(profile, sessions_per_week, months, 45, kit, CATALOG)
    phases = set(stand_in_rows(at_45)[0]["phase"])
    if not phases:
        return
    for minutes in (30, 60):
        plan = build_plan(profile, sessions_per_week, months, minutes, kit, CATALOG)
        in_sessions, at_home = stand_in_rows(plan)
        assert phases <= set(in_sessions["phase"]) | set(at_home["phase"]), (profile, minutes)
        assert impact_note(plan.notes) == impact_note(at_45.notes), (profile, minutes)


def test_j_l2_the_frail_fallers_30_minute_plan_does_heel_raises_at_home_at_their_own_dose():
    """Review J's d, 2x/6/30 with no kit: 'No impact work; brisk walking counts toward the aerobic minutes.'"""
    plan = build_plan(FRAIL_FALLER, 2, 6, 30, "none", CATALOG)
    in_sessions, at_home = stand_in_rows(plan)
    assert in_sessions.empty and set(at_home["phase"]) == set(PHASES)
    assert at_home["dose"].str.endswith("2-3 sets of 8-12 repetitions at an effort of 5-8 out of 10").all()
    assert at_home["modification"].str.contains("counter").all()
    assert (plan.weeks["impacts_per_session"] == 0).all()  # never counted as impacts
    assert STAND_IN["words_with_falls"] in plan.notes
    at_45 = build_plan(FRAIL_FALLER, 2, 6, 45, "none", CATALOG)
    sheet_30, sheet_45 = build_handout(FRAIL_FALLER, plan), build_handout(FRAIL_FALLER, at_45)
    assert impact_note(sheet_30.week_lines) == impact_note(sheet_45.week_lines) != []
    assert STAND_IN["exercise"] in {exercise["id"] for exercise in sheet_30.exercises}


# K L3: "otherwise squat less deep" on a sit-to-stand, whose depth is the height of its seat.

RACK = PLANNER["painful_joints"]["settles_in_a_rack"]
PAINFUL_FALLERS = [profile for profile in all_profiles() if profile.falls == "high" and profile.joint_limits]
# About 30 of the 96 high-faller + painful-joint profile and kit pairs, every kit and field value among them.
SHEETS = [(profile, KITS[position % len(KITS)]) for position, profile in enumerate(PAINFUL_FALLERS)]


@given(profiles.filter(lambda profile: profile.joint_limits), st.sampled_from(KITS))
@settings(max_examples=40, deadline=None)
def test_k_l3_a_planned_squat_is_told_to_use_a_higher_seat_unless_a_rack_sets_its_depth(profile, kit):
    plan = build_plan(profile, 3, 12, 45, kit, CATALOG)
    squats = plan.sessions[plan.sessions["exercise_id"].map(lambda found: EXERCISES[found]["pattern"]) == "squat"]
    for slot in squats.itertuples():
        in_a_rack = slot.exercise_id in RACK["exercises"]
        assert ("otherwise use a higher seat" in slot.modification) != in_a_rack, (profile, kit, slot.exercise)
        assert ("squat less deep" in slot.modification) == in_a_rack, (profile, kit, slot.exercise)


@pytest.mark.parametrize("profile, kit", SHEETS, ids=str)
def test_k_l3_a_painful_joint_fallers_plan_sheet_keeps_to_three_pages(profile, kit):
    """Longer words here once pushed the frail faller's sheet to a fourth page (4e50b1f)."""
    pages, _ = read_pdf(handout_pdf(profile, build_plan(profile, 3, 12, 45, kit, CATALOG)))
    assert pages <= MOST_PAGES, (profile, kit, pages)


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
