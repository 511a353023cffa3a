"""Review P's and review L's remaining Lows for the planner (/work/handoff/s11/fix16.md): with painful joints the
goblet squat's later move is not the same one-dumbbell squat at a counter (P Lo1); a faller's first leg work holds a
squat done with support, the lunge after it (P Lo5, review Q's M2); a name never contradicts its own change (L Lo3)."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings, strategies as st

from lib.handout import build_handout
from lib.plan_usable import PHASES
from lib.planner import EQUIPMENT_SETS, build_plan
from lib.profiles import CHOICES, Profile, all_profiles
from tests.test_physio_review_k import CATALOG, SHAPES
from tests.test_physio_review_o_lows import assert_every_later_move_is_harder

KITS = list(EQUIPMENT_SETS)
AXIAL = "axial lower body"
SUPPORT = ("counter", "armrests", "chair back", "rail", "rack")
P_LO1 = Profile(bone="osteopenia", joint_limits=True)
L_LO3 = Profile(bone="normal", joint_limits=True)
WITH = re.compile(r"\bwith (\w+)", re.IGNORECASE)
HIGH_FALLS = [profile for profile in all_profiles() if profile.falls == "high"]
painful_joints = st.builds(
    Profile,
    joint_limits=st.just(True),
    **{name: st.sampled_from(values) for name, values in CHOICES.items() if name != "joint_limits"},
)


def _axial_moves(plan) -> list[tuple[str, str, str]]:
    """(session, replaced, new) wherever a session's lower-body lift changes from one phase to the next."""
    axial = plan.sessions[plan.sessions["block"] == AXIAL]
    moves = []
    for session, slots in axial.groupby("session"):
        by_phase = [slots.loc[slots["phase"] == phase, "exercise_id"].tolist() for phase in PHASES]
        moves += [(session, *earlier, *later) for earlier, later in zip(by_phase, by_phase[1:]) if earlier != later]
    return moves


@given(painful_joints, st.sampled_from(KITS), st.sampled_from(SHAPES))
@example(P_LO1, "bands and dumbbells", (3, 12, 45))
@example(P_LO1, "full gym", (2, 12, 60))
@settings(max_examples=60, deadline=None)
def test_p_lo1_with_painful_joints_the_goblet_squat_never_gives_way_to_the_dumbbell_squat(profile, kit, shape):
    """Both, with painful knees, are one dumbbell in one hand and a counter in the other, squatting to a box: the
    later 'harder' move was the same move (about 80 profile-kit pairs at 3 x 12 x 45)."""
    plan = build_plan(profile, *shape, kit)
    moves = _axial_moves(plan)
    assert not [move for move in moves if move[1:] == ("goblet-squat", "dumbbell-squat")], (profile, kit, moves)
    assert_every_later_move_is_harder(profile, kit, shape)


# Review V Lo8 and review U Lo3 (branch fix29): with painful joints alone both squats hold the weight in both hands; a
# faller's change holds one dumbbell, a counter in the other hand. Either way the squat is the same, to a box at a
# pain-free height.
PAINFUL_KNEE_CHANGES = {"shallow-knee": "Hold ", "pain-free-with-support": "Hold one dumbbell"}


@pytest.mark.parametrize(("key", "start"), PAINFUL_KNEE_CHANGES.items())
def test_p_lo1_the_painful_knee_dumbbell_squat_is_the_goblet_squats_same_move(key, start):
    """The data that drops it: the dumbbell squat's painful-knee change makes it the goblet squat's."""
    changes = [CATALOG.exercise(name)["modifications"][key] for name in ("goblet-squat", "dumbbell-squat")]
    assert all(change.startswith(start) and "knee bend is pain-free" in change for change in changes)
    assert CATALOG.planner["same_move_when_changed"]["dumbbell-squat"][key] == "goblet-squat"


def _first_week_legs(plan) -> list[dict]:
    first = plan.sessions[(plan.sessions["phase"] == PHASES[0]) & (plan.sessions["block"] == AXIAL)]
    return first.to_dict("records")


@pytest.mark.parametrize("profile", HIGH_FALLS, ids=str)
def test_p_lo5_a_fallers_first_leg_work_holds_a_squat_done_with_support_and_the_lunge_after_it(profile):
    """P5, trained and at a high risk of falling: week 1 held one leg lift, the supported reverse lunge, in every
    session (review Q, M2: stepping back onto a narrow base is the family's hardest balance task). A faller's first
    leg work holds a squat pattern with support; the reverse lunge comes after it, and her squat block keeps a squat."""
    for kit in KITS:
        plan = build_plan(profile, 3, 12, 45, kit)
        legs = _first_week_legs(plan)
        squats = [row for row in legs if CATALOG.exercise(row["exercise_id"])["pattern"] == "squat"]
        assert squats, (profile, kit, [row["exercise_id"] for row in legs])
        for row in squats:
            assert any(word in row["modification"] for word in SUPPORT), (profile, kit, row["exercise"])
        assert "reverse-lunge" not in {row["exercise_id"] for row in legs}, (profile, kit)
        session_a = plan.sessions[(plan.sessions["session"] == "A") & (plan.sessions["block"] == AXIAL)]
        assert {CATALOG.exercise(found)["pattern"] for found in session_a["exercise_id"]} == {"squat"}, (profile, kit)


@given(st.sampled_from(HIGH_FALLS), st.sampled_from(KITS), st.sampled_from(SHAPES))
@settings(max_examples=30, deadline=None)
def test_p_lo5_every_plan_shape_of_a_faller_starts_with_a_squat(profile, kit, shape):
    legs = _first_week_legs(build_plan(profile, *shape, kit))
    assert any(CATALOG.exercise(row["exercise_id"])["pattern"] == "squat" for row in legs), (profile, kit, shape)


def _contradictions(name: str, change: str) -> list[str]:
    """What a name says it is done with ("Step-up with dumbbells") and its change says it is done without."""
    return [found for found in WITH.findall(name) if f"without {found.lower()}" in change.lower()]


@given(st.builds(Profile, **{name: st.sampled_from(values) for name, values in CHOICES.items()}), st.sampled_from(KITS))
@example(L_LO3, "bands and dumbbells")
@example(L_LO3, "full gym")
@settings(max_examples=30, deadline=None)
def test_l_lo3_no_plan_or_sheet_line_names_a_move_its_own_change_undoes(profile, kit):
    """L Lo3: 'Step-up with dumbbells' beside 'Use the lowest step without dumbbells' with painful knees (the low
    step-up by another name: data/planner.yaml same_move_when_changed, added for review O Lo2, now holds the low
    step-up under its own name)."""
    for shape in SHAPES:
        plan = build_plan(profile, *shape, kit)
        for frame in (plan.sessions, plan.home):
            for name, change in zip(frame["exercise"], frame["modification"]):
                assert not _contradictions(name, change), (profile, kit, shape, name, change)
    for exercise in build_handout(profile, build_plan(profile, 3, 12, 45, kit)).exercises:
        assert not _contradictions(exercise["name"], exercise["dose"]), (profile, kit, exercise)
