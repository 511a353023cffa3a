"""Review W (docs/reviews/review-w.md): what the printed plan sheet and the sheet without a plan left out.

M2: with osteoporosis or a spine fracture and a low risk of falling, a standing balance drill's counter lived only in
its first cue, and a long week 1 gives every cue away: the dose, which the front always prints, now ends with it.
M4: the sheet without a plan listed the sit-to-stand for painful joints with no pain rule; it now prints the plan's.
Lo5: "Medical clearance before starting" beside "no clearance yet for heavy lifting" read as "no exercise yet".
Lo2: a normal-bone novice's sheet without a plan swapped in the kettlebell deadlift and skipped the hip-hinge drill."""

from __future__ import annotations

import pytest

from lib.catalog import default_catalog
from lib.handout import build_handout
from lib.handout_pdf import handout_pdf
from lib.plan_usable import SUPPORT_IN_REACH, loaded_technique_lift
from lib.planner import build_plan
from lib.profiles import Profile, all_profiles
from tests.handout_helpers import read_pdf
from tests.test_physio_review_k import KITS, SHAPES

CATALOG = default_catalog()
EXERCISES = CATALOG.exercises_by_id
FRAGILE = [profile for profile in all_profiles() if profile.fragility in ("osteoporosis", "vertebral_fracture")]
W4 = Profile(bone="osteoporosis", joint_limits=True)
SEATED_DRILLS = {"seated-balance-reach"}  # the one balance drill done sitting down


def support_words(exercise_id: str) -> str:
    """What puts a counter beside a standing drill: its own support set-up's first clause, else its name (a drill
    held at the counter is named for it)."""
    set_up = EXERCISES[exercise_id].get("modifications", {}).get(SUPPORT_IN_REACH)
    return set_up.split(";")[0].rstrip(".") if set_up else EXERCISES[exercise_id]["name"]


def assert_each_standing_drill_names_its_support(exercises: list[dict], text: str) -> None:
    for exercise in exercises:
        if exercise["pattern"] == "balance" and exercise["id"] not in SEATED_DRILLS:
            words = support_words(exercise["id"])
            assert "counter" in words.lower(), (exercise["id"], words)
            # Read without case: a floor change that says it already ("Step beside a kitchen counter, ...") is
            # printed alone (review Z, Lo1: both were printed).
            assert words.lower() in text.lower(), (exercise["id"], words, text[:300])


@pytest.mark.parametrize(
    ("profile", "shape", "kit"),
    [(profile, SHAPES[number % len(SHAPES)], KITS[number % len(KITS)]) for number, profile in enumerate(FRAGILE)],
    ids=str,
)
def test_w_m2_every_standing_balance_drill_of_a_fragile_plan_sheet_names_its_support_in_its_dose(profile, shape, kit):
    """Every fragile profile, the plan shapes and kits in turn (each shape 40 times, each kit 53 or 54): the dose is
    printed whatever the front keeps of the cues (lib/handout_pdf.py _front_layout gives away cues, drawing size and
    line spacing, never a dose)."""
    exercises = build_handout(profile, build_plan(profile, *shape, kit)).exercises
    for exercise in exercises:
        assert_each_standing_drill_names_its_support([exercise], exercise["name"] + " " + exercise["dose"])
    assert any(exercise["pattern"] == "balance" for exercise in exercises)


@pytest.mark.parametrize(
    ("shape", "kit"), [((2, 12, 30), "bands and dumbbells"), ((3, 6, 45), "full gym")], ids=["2x12x30", "3x6x45"]
)
def test_w_m2_the_reviewed_printed_sheets_keep_the_counter_beside_every_standing_drill(shape, kit):
    """Review W's two W4 sheets, as printed: no cue on page 1, so only the dose can carry the counter."""
    plan = build_plan(W4, *shape, kit)
    handout = build_handout(W4, plan, "Ann")
    _, text = read_pdf(handout_pdf(W4, plan, first_name="Ann"))
    drills = [exercise for exercise in handout.exercises if exercise["pattern"] == "balance"]
    assert drills
    assert_each_standing_drill_names_its_support(drills, text)
    for standing in ("marching-on-the-spot", "heel-raises"):
        if standing in {exercise["id"] for exercise in handout.exercises}:
            assert support_words(standing) in text, standing


def test_w_m2_the_drills_named_for_support_have_a_support_set_up():
    words = build_handout(W4).words["fragile_support"]
    for exercise_id in words["exercises"]:
        assert SUPPORT_IN_REACH in EXERCISES[exercise_id].get("modifications", {}), exercise_id


def test_w_m2_a_normal_bone_sheet_is_unchanged():
    """Only fragile bones: a fit client at a low risk of falling keeps her plain dose."""
    normal = Profile(bone="normal")
    for exercise in build_handout(normal, build_plan(normal, 2, 12, 30, "bands and dumbbells")).exercises:
        if exercise["id"] == "stepping-practice":
            assert "counter" not in exercise["dose"]


PAINFUL = [profile for profile in all_profiles() if profile.joint_limits]
PAIN_RULES = CATALOG.planner["painful_joints"]


@pytest.mark.parametrize("profile", PAINFUL, ids=str)
def test_w_m4_every_squat_or_lunge_on_a_painful_joints_sheet_without_a_plan_has_its_pain_rule(profile):
    """The words the planner gives every planned squat or lunge (data/planner.yaml painful_joints): the knee bend kept
    pain-free, and how much pain is acceptable."""
    listed = [exercise for exercise in build_handout(profile).exercises if exercise["pattern"] in ("squat", "lunge")]
    assert listed
    for exercise in listed:
        assert PAIN_RULES["settles"][exercise["pattern"]].rstrip(".") in exercise["dose"], exercise
        assert "pain-free" in exercise["dose"], exercise


def test_w_m4_the_sit_to_stand_says_what_the_plan_says():
    plan = build_plan(W4, 2, 12, 30, "bands and dumbbells")
    planned = next(exercise for exercise in build_handout(W4, plan).exercises if exercise["id"] == "sit-to-stand")
    sheet = next(exercise for exercise in build_handout(W4).exercises if exercise["id"] == "sit-to-stand")
    # The plan's pain rule, after any load to add (physio review W, Lo8: a dumbbell at the chest with a dumbbell kit).
    assert "Keep the knee bend pain-free" in planned["dose"], planned["dose"]
    pain_rule = planned["dose"][planned["dose"].index("Keep the knee bend pain-free") :].rstrip(".")
    assert pain_rule in sheet["dose"]


OSTEOPOROSIS_NOT_CLEARED = [
    profile for profile in all_profiles() if profile.fragility == "osteoporosis" and not profile.clearance
]


@pytest.mark.parametrize("profile", OSTEOPOROSIS_NOT_CLEARED, ids=str)
def test_w_lo5_the_sheet_without_a_plan_asks_for_the_all_clear_at_moderate_loads(profile):
    """As the plan sheet's line does (data/planner.yaml clearance_first, osteoporosis): the all-clear to start is for
    moderate loads, and heavy lifting needs its own clearance."""
    handout = build_handout(profile)
    assert "no clearance yet for heavy lifting" in handout.about
    clearance = next(line for line in handout.week_lines if "clearance before starting" in line)
    assert "all-clear to exercise at moderate loads" in clearance
    assert "heavy lifting needs its own clearance" in clearance
    assert "heavy lifting needs its own clearance" in CATALOG.planner["clearance_first"]["osteoporosis"]


NOVICES = [profile for profile in all_profiles() if profile.experience == "novice"]


@pytest.mark.parametrize("profile", NOVICES, ids=str)
def test_w_lo2_every_novices_sheet_without_a_plan_offers_the_hinge_drill_before_a_loaded_hinge(profile):
    """Whatever her bone density; after a spine fracture the swap's own change names the physiotherapist's check."""
    offered = [
        caution
        for caution in build_handout(profile).cautions
        if caution["swap_id"] and loaded_technique_lift(EXERCISES[caution["swap_id"]], CATALOG)
    ]
    for caution in offered:
        if profile.vertebral_fracture:
            assert "physiotherapist" in caution["instead"], caution
        else:
            assert caution["instead"].startswith("Hip-hinge drill"), caution
            assert "kettlebell deadlift once your technique has been checked" in caution["instead"], caution


def test_w_lo2_the_reviewed_normal_bone_novice_faller_learns_the_drill_first_at_her_counter():
    w1 = Profile(bone="normal", falls="high")
    lifting = next(caution for caution in build_handout(w1).cautions if caution["name"] == "Rounded-back lifting")
    assert lifting["instead"].startswith("Hip-hinge drill"), lifting
    assert "side-on to a counter" in lifting["instead"], lifting
