"""Physiotherapist review V (docs/reviews/review-v.md), with review U's Lo2 and Lo3: the table's reasons and the exercises' own
changes and cues say what the reviewer asks, each tested over every profile the finding concerns (branch fix29)."""

from __future__ import annotations

from functools import cache

import pytest

from lib.catalog import default_catalog
from lib.handout import build_handout
from lib.planner import build_plan
from lib.profiles import Profile, all_profiles
from lib.safety import assess
from tests.support.guidance import guidance_on

FLOOR_GATE = "getting down to the floor and up again"
# Review V's profiles that these findings quote (docs/reviews/review-v.md, "Profiles").
V2 = Profile(bone="osteoporosis", falls="high", floor_transfers=False)
V3 = Profile(bone="osteoporosis", vertebral_fracture=True, falls="high", clearance=True)
V_SHEET = (2, 6, 30, "full gym")  # the plan review V read
ONE_HAND_HINGES = ("kettlebell-deadlift", "romanian-deadlift")


@cache
def _table(profile: Profile):
    return assess(profile).set_index("id")


@cache
def _sheet(profile: Profile):
    return build_handout(profile, build_plan(profile, *V_SHEET))


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_v_m4_every_heavy_row_names_the_floor_gate_the_strength_advice_names(profile):
    """V2 (osteoporosis, a faller, not cleared, no floor work): her advice waited for floor practice, her heavy rows
    said 'Once trained as well as cleared: inside a rack ...' and no more."""
    if FLOOR_GATE not in guidance_on(profile, "Strength").advice:
        return
    heavy = _table(profile)[lambda table: table["heavy"] & (table["status"] == "avoid")]
    assert not heavy.empty
    for exercise_id, reason in heavy["reason"].items():
        assert FLOOR_GATE in reason, (exercise_id, reason)


def test_v_m4_v2s_heavy_rows_keep_the_rack_and_give_the_dose_once():
    reason = _table(V2).loc["heavy-deadlift", "reason"]
    assert "inside a rack with the safety bars set" in reason
    assert reason.count("8-12 repetition dose") == 1
    assert reason.count(FLOOR_GATE) == 1


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_v_m5_a_one_hand_hinge_says_no_lean_or_twist_toward_the_weight(profile):
    """V2 and V3: 'Lift one kettlebell from a low step beside your foot with one hand' invites a side-bend and a twist
    toward the bell, the loaded bending and twisting the spine rules forbid."""
    table = _table(profile)
    for exercise_id in ONE_HAND_HINGES:
        change = table.loc[exercise_id, "modification"]
        if "one hand" in change or "one dumbbell" in change or "one kettlebell" in change:
            assert "no lean or t" in change, (exercise_id, change)


@pytest.mark.parametrize("profile", [V2, V3], ids=["V2", "V3"])
def test_v_m5_the_sheets_kettlebell_line_gives_the_cue(profile):
    line = next(line for line in _sheet(profile).week_lines if "kettlebell deadlift" in line)
    assert "no lean or t" in line or "shoulders level" in line, line


def test_v_lo7_the_wall_angels_cue_offers_a_towel_when_the_head_does_not_reach():
    cue = next(cue for cue in default_catalog().exercise("wall-angels-chin-tucks")["cues"] if "Nod the chin" in cue)
    assert "folded towel" in cue and "do not push" in cue, cue


@pytest.mark.parametrize("profile", [V2, V3], ids=["V2", "V3"])
def test_v_lo7_the_fallers_sheets_show_the_towel(profile):
    """V2 and V3 read the cue on their sheets; after a spine fracture the head often does not reach the wall."""
    angels = next(exercise for exercise in _sheet(profile).exercises if exercise["id"] == "wall-angels-chin-tucks")
    assert any("folded towel" in cue for cue in angels["cues"][:2]), angels["cues"]


PAINFUL_JOINTS = [profile for profile in all_profiles() if profile.joint_limits]


@pytest.mark.parametrize("profile", PAINFUL_JOINTS, ids=str)
def test_v_lo8_u_lo3_the_painful_knee_squat_is_two_handed_unless_the_client_is_a_faller(profile):
    """V1 (trained, cleared, painful joints) and U2, U4, U5: the painful-knee change made the goblet and dumbbell squat
    one-handed for everyone. The box height is the knee's change; the counter in one hand is a faller's."""
    table = _table(profile)
    for exercise_id in ("goblet-squat", "dumbbell-squat"):
        change = table.loc[exercise_id, "modification"]
        assert "pain-free" in change, (exercise_id, change)
        if profile.falls == "high":
            assert "counter or rack" in change and "one dumbbell" in change, (exercise_id, change)
        else:
            assert "counter" not in change and "one dumbbell" not in change, (exercise_id, change)


U4 = Profile(bone="osteopenia", vertebral_fracture=True, joint_limits=True)  # review U's, at a low risk of falling


@pytest.mark.parametrize(
    ("profile", "named"),
    [(U4, "goblet squat"), (Profile(falls="high", joint_limits=True), "one-hand dumbbell squat at a counter")],
    ids=["U4", "faller with painful joints"],
)
def test_v_lo8_u_lo3_the_sheet_names_the_squat_by_its_hold(profile, named):
    """U4's sheet: 'From week 15, in session A: one-hand dumbbell squat at a counter', an offset load after a spine
    fracture for no stated reason; a faller with painful joints keeps it, her hand on the counter."""
    line = next(line for line in _sheet(profile).week_lines if line.startswith("From week") and "squat" in line)
    assert f"in session A: {named} (in place of" in line, line


def test_v_lo9_no_reason_speaks_of_a_safety_stop():
    """V2's brisk walking: 'set it up so support or a safety stop is always within reach'; a walk has no safety stop."""
    assert not [rule["id"] for rule in default_catalog().rules if "safety stop" in rule["reason"]]
    assert "steady yourself" in _table(V2).loc["brisk-walking", "reason"]


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_v_lo9_the_wood_chops_twisting_reason_comes_first(profile):
    """V2: the loaded wood chop's reason opened with forward bending; what the client does is twist."""
    reason = _table(profile).loc["loaded-wood-chop", "reason"]
    if "twisting" in reason and "forward bending" in reason:
        assert reason.index("twisting") < reason.index("forward bending"), reason


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_v_lo9_the_heavy_press_row_offers_a_seated_press_not_a_hand_on_a_counter(profile):
    """V3: the heavy overhead press row offered 'one weight in one hand and the other hand on a counter'."""
    reason = _table(profile).loc["heavy-overhead-press", "reason"]
    if "one weight in one hand" in reason:
        assert "seated dumbbell press" in reason, reason


@pytest.mark.parametrize("profile", PAINFUL_JOINTS, ids=str)
def test_u_lo2_the_kettlebell_deadlift_starts_at_a_height_that_does_not_hurt(profile):
    """U2: 'no deep knee bend: kind to painful joints' beside a dose that says the floor may be too deep; the floor-pull
    rule reached barbells only. After a spine fracture the physiotherapist's check is the change shown, the bell
    lifted from a step (data/planner.yaml, lower_body_cap)."""
    row = _table(profile).loc["kettlebell-deadlift"]
    assert "kind to painful joints" not in row["reason"], row["reason"]
    assert "painful-joints-floor-pull" in row["rules"], row["rules"]
    if not profile.vertebral_fracture:
        assert "height that does not hurt" in row["modification"], row["modification"]
        assert ("counter or rack" in row["modification"]) == (profile.falls == "high"), row["modification"]
