"""Physiotherapist review V (docs/reviews/review-v.md), branch fix27: M2, M6, Lo1, Lo2 and Lo6, each tested over every
profile it concerns."""

from __future__ import annotations

import re

import pytest

from lib.catalog import default_catalog
from lib.handout import build_handout
from lib.planner import build_plan
from lib.profiles import Profile, all_profiles
from tests.test_physio_review_k import KITS
from tests.test_physio_review_k import SHAPES as PLAN_SHAPES

PLANNER = default_catalog().planner
FLOOR_WORDS = PLANNER["floor_practice"]["words"]
SQUAT_LIFT = PLANNER["squat_check"]["lift"]
NO_FLOOR = [profile for profile in all_profiles() if not profile.floor_transfers]
V2 = Profile(bone="osteoporosis", falls="high", experience="novice", clearance=False, floor_transfers=False)
V3 = Profile(bone="osteoporosis", vertebral_fracture=True, falls="high", experience="novice", clearance=True)
V4 = Profile(bone="osteopenia", falls="low", joint_limits=True, experience="novice", clearance=False)


def _sheet(profile: Profile, shape=(2, 6, 30), kit: str = "full gym"):
    plan = build_plan(profile, *shape, kit)
    return plan, build_handout(profile, plan)


@pytest.mark.parametrize("profile", NO_FLOOR, ids=str)
def test_v_m2_the_floor_practice_the_sheet_promises_is_booked_in_week_1(profile):
    """V2's sheet said "practise the way down with a physiotherapist" and "do not try to get up on your own until a
    physiotherapist has practised it with you", and no week booked it. It is booked once, in week 1: review X, M5
    found a client at a low risk of falling told from week 1 not to get up alone, and her practice booked for week 9
    with her first physiotherapist visit."""
    for shape in PLAN_SHAPES:
        weeks = build_plan(profile, *shape, "full gym").weeks
        booked = weeks[weeks["review_kinds"].str.contains("floor_practice")]
        assert len(booked) == 1 and FLOOR_WORDS in booked["review"].iloc[0], (shape, booked)
        assert booked["week"].iloc[0] == 1, (shape, booked["week"].iloc[0])
    plan, handout = _sheet(profile)
    assert sum(FLOOR_WORDS in line for line in handout.week_lines) == 1, handout.week_lines


def test_v_m2_v2s_floor_practice_comes_before_her_week_7_technique_check():
    plan, handout = _sheet(V2)
    floor_line = next(index for index, line in enumerate(handout.week_lines) if FLOOR_WORDS in line)
    hinge_line = next(
        index for index, line in enumerate(handout.week_lines) if line.startswith("Week 7: Show your hip")
    )
    assert floor_line < hinge_line and not handout.week_lines[floor_line].startswith("Week "), handout.week_lines


def test_v_m2_a_client_who_can_get_up_from_the_floor_books_no_floor_practice():
    for profile in [found for found in all_profiles() if found.floor_transfers]:
        assert not build_plan(profile, 2, 6, 30).weeks["review_kinds"].str.contains("floor_practice").any(), profile


NOVICES = [profile for profile in all_profiles() if profile.experience == "novice"]


@pytest.mark.parametrize("profile", NOVICES, ids=str)
def test_v_m6_a_novices_first_barbell_squat_week_books_a_squat_check(profile):
    """V4's sheet: 'From week 15 ... barbell back squat ... a coach beside you', with no coach and no squat check in
    her plan. Every novice plan that holds the barbell squat (a full gym's, in every shape) checks it in the squat's
    first week, and a plan without it (a kit without a barbell) books no squat check."""
    for shape, kit in [*((shape, "full gym") for shape in PLAN_SHAPES), ((2, 12, 60), "bands and dumbbells")]:
        plan = build_plan(profile, *shape, kit)
        held = plan.sessions.loc[plan.sessions["exercise_id"] == SQUAT_LIFT, "phase"]
        checks = plan.weeks.loc[plan.weeks["review_kinds"].str.contains("squat_check"), "week"].tolist()
        first = [plan.phase_starts()[phase] for phase in held]
        assert checks == ([min(first)] if first else []), (shape, kit, checks, first)


def test_v_m6_v4s_sheet_names_who_checks_her_squat_in_its_week():
    plan, handout = _sheet(V4)
    assert any(
        line.startswith("Week 15: Show your squat to a physiotherapist or instructor") for line in handout.week_lines
    )
    assert any(line.startswith("From week 15, in session A: barbell back squat") for line in handout.week_lines)


def test_v_m6_a_trained_clients_plan_has_no_squat_check():
    for profile in [found for found in all_profiles() if found.experience == "trained"]:
        assert not build_plan(profile, 2, 6, 30).weeks["review_kinds"].str.contains("squat_check").any(), profile


@pytest.mark.parametrize("profile", [V2, V3, V4, *all_profiles()[::9]], ids=str)
def test_v_lo2_an_instead_says_after_which_review_only_when_its_week_holds_that_review(profile):
    """V2: '(one-hand dumbbell squat at a counter from week 7, after the review)' where week 7 held only the hip-hinge
    check: an INSTEAD now names the review the lift waits for, and only a review its week holds."""
    plan, handout = _sheet(profile)
    names = handout.words["instead"]["held_back"]["reviews"]
    kinds_by_week = dict(zip(plan.weeks["week"], plan.weeks["review_kinds"].str.split()))
    for caution in handout.cautions:
        assert "after the review" not in caution["instead"], caution["instead"]
        for week, named in re.findall(r"from week (\d+), after ([^)]+)\)", caution["instead"]):
            kind = next(kind for kind, words in names.items() if words == named)
            assert kind in kinds_by_week[int(week)], (caution["instead"], kinds_by_week[int(week)])


def test_v_lo2_the_three_sheets_name_the_right_event():
    insteads = {key: [c["instead"] for c in _sheet(p)[1].cautions] for key, p in {"V2": V2, "V3": V3, "V4": V4}.items()}
    assert any(text.endswith("(one-hand dumbbell squat at a counter from week 7)") for text in insteads["V2"])
    assert any("from week 7, after your physiotherapist's review)" in text for text in insteads["V3"])
    assert any(
        # review V, Lo3 (fix28): ', then ...; ...' in place of brackets
        "; barbell back squat (moderate load) from week 15, after your squat check" in text
        for text in insteads["V4"]
    )


@pytest.mark.parametrize("profile", [p for p in all_profiles() if p.vertebral_fracture], ids=str)
def test_v_lo6_the_kettlebell_deadlift_line_gives_its_gate_once(profile):
    """V3: 'Only once a physiotherapist has checked your hinge; ... Your physiotherapist checks it at the review that
    opens this phase; until they agree, ...': the second sentence now says when, not the gate again."""
    for kit in KITS[1:]:
        hinge = build_plan(profile, 2, 6, 30, kit).sessions
        for change in hinge.loc[hinge["exercise_id"] == "kettlebell-deadlift", "modification"]:
            assert len(re.findall(r"checks? it|has checked your hinge", change)) == 1, change


NOT_CLEARED_OSTEOPOROSIS = [
    profile for profile in all_profiles() if profile.fragility == "osteoporosis" and not profile.clearance
]


@pytest.mark.parametrize("profile", NOT_CLEARED_OSTEOPOROSIS, ids=str)
def test_v_lo1_the_all_clear_to_start_is_told_apart_from_heavy_lifting_clearance(profile):
    """V2: 'Before you start: get your doctor's all-clear to exercise' beside 'no clearance yet for heavy lifting'
    read as 'no exercise yet'. The clearance to start stays (DOMAIN 6, the Clearance guidance); it now says which."""
    notes = build_plan(profile, 2, 6, 30).notes
    assert notes[0] == PLANNER["clearance_first"]["osteoporosis"]
    assert "all-clear to exercise" in notes[0] and "heavy lifting needs its own clearance" in notes[0]


def test_v_lo1_after_a_spine_fracture_the_all_clear_line_is_unchanged():
    """Not cleared after a spine fracture, 'About you' says 'not yet cleared by a doctor' and no heavy lifting follows."""
    notes = build_plan(Profile(bone="osteoporosis", vertebral_fracture=True), 2, 6, 30).notes
    assert notes[0] == PLANNER["clearance_first"]["words"]
