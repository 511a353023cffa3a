"""Review P (/work/handoff/s10/physio/review-p.md): a client not yet cleared is told on one page, in the table as in
the guidance, that heavy sets wait for clearance for heavy lifting and then need a qualified coach (M1); after a spine
fracture a squat's line asks for the box once (Lo2); a bench press caution's reason fits the press offered instead (Lo4)."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings, strategies as st

from lib.catalog import default_catalog
from lib.handout import build_handout
from lib.plan_usable import EQUIPMENT_SETS, usable_exercises
from lib.planner import build_plan
from lib.profiles import PRESETS, Profile, all_profiles
from lib.safety import assess, profile_guidance
from tests.test_physio_review_k import KITS, SHAPES
from tests.support.guidance import guidance_on

WAITS_FOR_CLEARANCE = re.compile(r"wait[a-z]* until you are cleared for heavy lifting", re.IGNORECASE)
NOT_CLEARED = [profile for profile in all_profiles() if not profile.clearance]
# With floor transfers: without them the heavy lifts are avoided until the floor is practised (review R, Lo6).
NORMAL_TRAINED_NOT_CLEARED = [
    profile
    for profile in NOT_CLEARED
    if profile.fragility == "normal" and profile.experience == "trained" and profile.floor_transfers
]
P1 = Profile(bone="normal", falls="high", floor_transfers=False, experience="trained")
P6 = Profile(bone="osteoporosis", vertebral_fracture=True, floor_transfers=False, joint_limits=True, clearance=True)
P8 = Profile(
    bone="osteopenia",
    vertebral_fracture=True,
    falls="high",
    experience="trained",
    clearance=True,
    floor_transfers=False,
)
AFTER_SPINE_FRACTURE = [profile for profile in all_profiles() if profile.vertebral_fracture]
TO_A_BOX = re.compile(r"to a box", re.IGNORECASE)


def _heavy_rows(profile: Profile) -> list[dict]:
    table = assess(profile)
    return table[table["heavy"]].to_dict("records")


def _clearance_before_coach(text: str) -> bool:
    """The text asks for clearance, and before it names any coach (so no coach reads as permission on its own)."""
    found = WAITS_FOR_CLEARANCE.search(text)
    return bool(found) and "coach" not in text[: found.start()]


@pytest.mark.parametrize("profile", NOT_CLEARED, ids=str)
def test_p_m1_no_heavy_row_reads_as_permission_before_clearance(profile):
    """building-reserve's heavy rows said 'Lift only with a qualified coach watching' while its guidance said 'only with
    medical clearance and a qualified coach': every heavy row not avoided waits for clearance, change and reason."""
    for row in _heavy_rows(profile):
        if row["status"] != "avoid":
            assert _clearance_before_coach(row["modification"]), (row["id"], row["modification"])
            assert WAITS_FOR_CLEARANCE.search(row["reason"]), (row["id"], row["reason"])


@pytest.mark.parametrize("profile", NORMAL_TRAINED_NOT_CLEARED, ids=str)
def test_p_m1_guidance_and_table_agree_for_a_trained_client_with_normal_bone_not_cleared(profile):
    line = guidance_on(profile, "Strength").advice
    assert _clearance_before_coach(line), line
    rows = _heavy_rows(profile)
    assert rows and all(row["status"] == "modify" for row in rows)
    assert all("qualified coach watching" in row["modification"] for row in rows)


@pytest.mark.parametrize("profile", [profile for profile in all_profiles() if profile.clearance], ids=str)
def test_p_m1_a_cleared_client_is_never_told_to_wait_for_clearance(profile):
    table = assess(profile)
    for text in [*table["modification"], *table["reason"], *(item.advice for item in profile_guidance(profile))]:
        assert not WAITS_FOR_CLEARANCE.search(text), text


def test_p_m1_the_reviewers_profiles_heavy_squat_waits_for_clearance_then_a_coach():
    profile = PRESETS["building-reserve"]
    squat = next(row for row in _heavy_rows(profile) if row["id"] == "heavy-back-squat")
    assert squat["modification"].startswith("Wait until you are cleared for heavy lifting; then lift only with a")
    assert squat["modification_rule"] == "heavy-before-clearance-normal-bone"
    assert "heavy 5 x 5 sets wait until you are cleared for heavy lifting" in guidance_on(profile, "Strength").advice


def test_p_m1_p1_who_cannot_get_up_from_the_floor_avoids_heavy_sets_and_still_reads_that_they_need_clearance():
    """P1 has no floor transfers: her heavy lifts wait for the floor practice (review R, Lo6), not only clearance."""
    assert {row["status"] for row in _heavy_rows(P1)} == {"avoid"}
    assert (
        "heavy sets only with clearance" in guidance_on(P1, "Strength").advice
    )  # review T, M1: then the rack and the coach


def _says_the_box_twice(text: str) -> bool:
    return len(TO_A_BOX.findall(text)) > 1


@pytest.mark.parametrize("profile", AFTER_SPINE_FRACTURE, ids=str)
def test_p_lo2_a_plannable_squats_change_asks_for_the_box_once(profile):
    """p8: '... and squat to a box or bench behind you. Squat to a box or chair seat behind you.': the spine fracture's
    cap added its box to a change that already had one. It still gives the box where the change has none."""
    catalog = default_catalog()
    table = assess(profile, catalog)
    for kit in KITS:
        usable = usable_exercises(table, EQUIPMENT_SETS[kit], profile, catalog)
        for row in usable:
            assert not _says_the_box_twice(row["modification"]), (kit, row["id"], row["modification"])
            if row["id"] in ("goblet-squat", "dumbbell-squat"):
                assert TO_A_BOX.search(row["modification"]), (kit, row["id"], row["modification"])


def _sheet_texts(handout) -> list[str]:
    exercise_texts = [value for exercise in handout.exercises for value in exercise.values() if isinstance(value, str)]
    caution_texts = [value for caution in handout.cautions for value in caution.values() if isinstance(value, str)]
    return [*handout.week_lines, handout.harder_moves, *exercise_texts, *caution_texts]


@given(st.sampled_from(AFTER_SPINE_FRACTURE), st.sampled_from(KITS), st.sampled_from(SHAPES))
@example(P8, "full gym", (3, 12, 60))
@example(P6, "bands and dumbbells", (3, 12, 45))
@settings(max_examples=12, deadline=None)
def test_p_lo2_no_sheet_line_after_a_spine_fracture_asks_for_the_box_twice(profile, kit, shape):
    handout = build_handout(profile, build_plan(profile, *shape, kit))
    for text in _sheet_texts(handout):
        assert not _says_the_box_twice(text), text


# Where each move the sheet may offer in place of a bench press is done (the bench press's chain of alternatives).
PRESS_POSITIONS = {"band-chest-press": "seated", "wall-push-up": "standing at a wall"}
P7 = Profile(bone="normal", joint_limits=True, floor_transfers=False)


def test_p_lo4_every_bench_rules_reasons_name_where_each_offered_press_is_done():
    """p7, kit none: 'Press seated instead of lying on a bench.' beside a standing wall push-up."""
    catalog = default_catalog()
    bench_press = catalog.exercise("dumbbell-bench-press")
    assert bench_press["bench_lying"] and catalog.exercise(bench_press["alternative"])["id"] in PRESS_POSITIONS
    bench_rules = [rule for rule in catalog.rules if rule["status"] == "avoid" and "bench_lying" in rule["exercise"]]
    assert bench_rules
    for rule in bench_rules:
        for position in PRESS_POSITIONS.values():
            assert position in rule["plain"] and position in rule["reason"], (rule["id"], position)


@pytest.mark.parametrize("kit", KITS)
@pytest.mark.parametrize("profile", [P7, P1], ids=["p7", "p1"])
def test_p_lo4_the_bench_press_cautions_reason_fits_the_move_its_instead_offers_first(profile, kit):
    handout = build_handout(profile, build_plan(profile, 3, 12, 45, kit))
    caution = next(caution for caution in handout.cautions if caution["id"] == "dumbbell-bench-press")
    names = {default_catalog().exercise(move)["name"]: move for move in PRESS_POSITIONS}
    first_move = next(move for name, move in names.items() if caution["instead"].startswith(name))
    assert PRESS_POSITIONS[first_move] in caution["why"], (caution["instead"], caution["why"])
