"""Kneeling with painful joints (physio review L, Lo4): the `Push-up (knees or toes)` card for painful knees said
`kind to painful joints` and nothing about kneeling, where its spine-fracture change already put a folded towel
under the knees. Every exercise that kneels is tagged `kneeling` (data/exercises.yaml), and with painful joints
rule `painful-joints-kneeling` (data/safety_rules.yaml) pads the knees or takes the weight off them, on the Safe
options card and in every plan that holds the move."""

from __future__ import annotations

import re

from hypothesis import given, settings

from lib.catalog import default_catalog
from lib.planner import build_plan
from lib.plan_usable import EQUIPMENT_SETS
from lib.profiles import Profile, all_profiles
from lib.safety import assess
from tests.test_planner import plans

CATALOG = default_catalog()
RULE = CATALOG.rules_by_id["painful-joints-kneeling"]
# How the library's own words say a knee is on the floor.
KNEELING_WORDS = re.compile(r"\bkneel|from the knees|hands and knees|forearms and knees|knees or toes", re.IGNORECASE)
PADDED = "folded towel"


def says_it_kneels(exercise: dict) -> bool:
    return bool(KNEELING_WORDS.search(" ".join([exercise["name"], exercise["summary"], *exercise["cues"]])))


def test_every_exercise_that_kneels_is_tagged_and_only_those():
    for exercise in CATALOG.exercises:
        assert exercise["kneeling"] == says_it_kneels(exercise), exercise["id"]
        if exercise["kneeling"]:
            assert exercise["floor"], exercise["id"]
        # the knee-padding text is written for exactly the moves the rule can change
        assert ("padded-knees" in exercise.get("modifications", {})) == exercise["kneeling"], exercise["id"]
    assert sum(exercise["kneeling"] for exercise in CATALOG.exercises) >= 4  # push-up, bird dog and both planks


def test_with_painful_joints_every_kneeling_move_pads_the_knees_or_takes_the_weight_off_them():
    kneeling = [exercise["id"] for exercise in CATALOG.exercises if exercise["kneeling"]]
    for profile in all_profiles():
        table = assess(profile).set_index("id").loc[kneeling]
        for exercise_id, row in table.iterrows():
            fired = RULE["id"] in row["rules"]
            if not profile.joint_limits or row["status"] == "avoid":
                assert not fired or row["status"] == "avoid", (profile, exercise_id)
                continue
            assert row["status"] == "modify" and fired, (profile, exercise_id)
            assert RULE["reason"] in row["reason"] and set(RULE["sources"]) <= set(row["sources"]), exercise_id
            assert PADDED in row["modification"] and "knee" in row["modification"].lower(), (profile, exercise_id)


def test_the_knee_push_up_card_for_painful_knees_pads_the_knees_or_uses_the_toes_or_a_wall():
    """Review L's L1: the card now says how to kneel, not only that the move is kind to painful joints."""
    l1 = Profile(bone="normal", experience="trained", clearance=True, joint_limits=True)
    push_up = assess(l1).set_index("id").loc["push-up"]
    assert push_up["status"] == "modify"
    for words in (PADDED, "from the toes", "wall"):
        assert words in push_up["modification"], words


def assert_planned_kneeling_is_padded(plan) -> int:
    """How many kneeling items the plan holds, after checking each pads the knees with painful joints."""
    planned = 0
    for items in (plan.sessions, plan.home):
        kneeling = items[items["exercise_id"].map(lambda exercise_id: CATALOG.exercise(exercise_id)["kneeling"])]
        for item in kneeling.itertuples():
            assert PADDED in item.modification or not plan.profile.joint_limits, (plan.profile, item.exercise_id)
        planned += len(kneeling)
    return planned


def test_every_painful_joint_plan_pads_the_knees_of_its_kneeling_moves():
    planned = sum(
        assert_planned_kneeling_is_padded(build_plan(profile, 3, 12, 45, kit))
        for profile in all_profiles()
        if profile.joint_limits
        for kit in EQUIPMENT_SETS
    )
    assert planned  # the plans do hold kneeling moves: the padding is checked, not assumed


@given(plans)
@settings(max_examples=60)
def test_every_plan_shape_pads_the_knees_of_its_kneeling_moves(plan):
    assert_planned_kneeling_is_padded(plan)
