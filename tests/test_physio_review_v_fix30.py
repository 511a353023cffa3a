"""Branch fix30: review U, M3 (painful knees, no kit, trained: a short, shallow lunge was the only leg move of the whole
plan) and review V, Lo5 (after a spine fracture the overhead press replaced the sessions' only forward press), each
tested over every profile it concerns (docs/reviews/review-u.md, review-v.md)."""

from __future__ import annotations

import pytest

from lib.catalog import default_catalog
from lib.handout import build_handout
from lib.plan_usable import EQUIPMENT_SETS, EXTERNAL_LOADS, overhead
from lib.planner import build_plan
from lib.profiles import Profile, all_profiles
from lib.safety import assess
from tests.test_physio_review_k import KITS, SHAPES

CATALOG = default_catalog()
EXERCISES = CATALOG.exercises_by_id
AXIAL = "axial lower body"
PAINFUL_TRAINED = [profile for profile in all_profiles() if profile.joint_limits and profile.experience == "trained"]
FRACTURED = [profile for profile in all_profiles() if profile.vertebral_fracture]
V3 = Profile(bone="osteoporosis", vertebral_fracture=True, falls="high", clearance=True)


def _cut_short(row, kit: str) -> bool:
    """A move the assessment makes short and shallow for painful knees, with no load from the kit."""
    loads = set(row["equipment"]) & EQUIPMENT_SETS[kit] & EXTERNAL_LOADS
    return row["status"] == "modify" and "painful-joints-deep-knee" in row["rules"] and not loads


@pytest.mark.parametrize("profile", PAINFUL_TRAINED, ids=str)
def test_u_m3_painful_knees_lead_with_a_kind_leg_move_and_keep_the_short_lunge_to_one_session(profile):
    """U2 (painful joints, trained, no kit): 'Reverse lunge' with 'Step back only a short way and bend the knees a
    little' in both sessions for 26 weeks. Now, with no kit, each phase holds a leg move without a deep knee bend (what
    rule painful-joints-kind calls kind to painful joints); a short, shallow move is in one session of a phase at most,
    and no plan's lower-body work is all lunges."""
    rows = assess(profile, CATALOG).set_index("id")
    for kit in KITS:
        for shape in SHAPES:
            plan = build_plan(profile, *shape, kit, CATALOG)
            legs = plan.sessions[plan.sessions["block"] == AXIAL]
            assert {EXERCISES[found]["pattern"] for found in legs["exercise_id"]} != {"lunge"}, (kit, shape)
            for phase, slots in legs.groupby("phase"):
                short = slots[slots["exercise_id"].map(lambda found: _cut_short(rows.loc[found], kit))]
                assert short["session"].nunique() <= 1, (kit, shape, phase, list(short["exercise"]))
                kind = slots[~slots["exercise_id"].map(lambda found: EXERCISES[found]["deep_knee_bend"])]
                assert not kind.empty or kit != "none", (kit, shape, phase, list(slots["exercise"]))


@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_u_m3_a_trained_client_with_painful_knees_and_no_kit_gets_the_backpack_to_progress_her_sit_to_stand(shape):
    """The reviewer's progression: 'when the last set feels easy, hold a backpack with a few books close to your
    chest' (data/planner.yaml, household_load), beside the pain-free seat height, at a low risk of falling."""
    backpack = CATALOG.planner["household_load"]["sit-to-stand"]
    for profile in PAINFUL_TRAINED:
        if profile.falls == "high":  # a faller keeps one hand on support: no load that fills both hands
            continue
        plan = build_plan(profile, *shape, "none", CATALOG)
        legs = plan.sessions[plan.sessions["block"] == AXIAL]
        squats = legs[legs["exercise_id"] == "sit-to-stand"]
        assert not squats.empty and squats["modification"].str.contains(backpack, regex=False).all(), profile


def _forward_pressing(sessions) -> bool:
    """Whether the sessions hold no push, or a push that presses forward (not overhead)."""
    pushes = sessions.loc[sessions["block"] == "upper body push", "exercise_id"]
    return pushes.empty or any(not overhead(EXERCISES[found]) for found in pushes)


@pytest.mark.parametrize("profile", FRACTURED, ids=str)
def test_v_lo5_after_a_spine_fracture_every_phase_keeps_a_forward_press_in_the_sessions(profile):
    """V3 at 2 x 6 months x 30 minutes: 'From week 15, in session A: seated dumbbell overhead press (in place of the
    band chest press)', the sessions' only forward press (session B's push does not fit and is done at home). With a
    rounded upper back an overhead press tends to arch the low back: the sessions keep pressing forward."""
    for kit in KITS:
        for shape in SHAPES:
            sessions = build_plan(profile, *shape, kit, CATALOG).sessions
            for phase, slots in sessions.groupby("phase"):
                assert _forward_pressing(slots), (kit, shape, phase, list(slots["exercise"]))


def test_v_lo5_v3s_sheet_no_longer_swaps_the_band_chest_press_for_the_overhead_press():
    """The sheet the reviewer read (V3, 2 x 6 months x 30 minutes, full gym)."""
    plan = build_plan(V3, 2, 6, 30, "full gym", CATALOG)
    lines = build_handout(V3, plan, catalog=CATALOG).week_lines
    assert not [line for line in lines if "overhead press (in place of the band chest press)" in line], lines
