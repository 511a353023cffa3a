"""The ninth physiotherapist read (/work/handoff/s7/physio/review-i.md): its two Mediums (a caution's INSTEAD names
only what the client can do with her kit, M1; a novice with low bone mass is offered the hip-hinge drill before a
loaded hinge on every sheet, with or without a plan, M2) and its three Lows (L1-L3)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from lib.catalog import default_catalog
from lib.handout import build_handout
from lib.plan_usable import EQUIPMENT_SETS, EXTERNAL_LOADS, technique_first
from lib.planner import build_plan
from lib.profiles import CHOICES, Profile, all_profiles
from lib.safety import assess, profile_guidance
from lib.safety_rules import impact_ceiling

profiles = st.builds(Profile, **{name: st.sampled_from(values) for name, values in CHOICES.items()})
EXERCISES = default_catalog().exercises_by_id
CHECKED = "once your technique has been checked"


def loaded_hinge(exercise_id: str) -> bool:
    exercise = EXERCISES[exercise_id]
    return exercise["pattern"] == "hinge" and bool(set(exercise["equipment"]) & EXTERNAL_LOADS)


def learning_the_hinge(profile: Profile) -> bool:
    """Whom the planner gives the drill before the loaded hinge (data/planner.yaml technique_first)."""
    return technique_first(profile) and not profile.vertebral_fracture


@given(profiles, st.sampled_from(["none", "bands and dumbbells"]), st.sampled_from([(3, 12, 45), (2, 6, 30)]))
@settings(max_examples=40, deadline=None)
def test_i_m1_a_plan_sheets_instead_needs_nothing_the_kit_lacks(profile, kit, shape):
    """196 of 256 kit-"none" plan sheets said 'INSTEAD: Kettlebell deadlift': the handout assessed without the kit."""
    handout = build_handout(profile, build_plan(profile, *shape, kit))
    for caution in handout.cautions:
        if caution["swap_id"]:
            missing = set(EXERCISES[caution["swap_id"]]["equipment"]) - EQUIPMENT_SETS[kit]
            assert not missing, (profile, kit, caution["name"], caution["instead"])


@pytest.mark.parametrize("kit", ["none", "bands and dumbbells"])
def test_i_m1_every_safer_swap_is_doable_with_each_kit(kit):
    """The library's chains of alternatives end, for every kit, at a swap the client can do: a band chest press, a
    Pallof press or a lat pulldown was the only swap offered to a client with no band or machine."""
    for profile in all_profiles():
        table = assess(profile, equipment=EQUIPMENT_SETS[kit])
        for row in table[table["swap_id"].notna()].itertuples():
            missing = set(EXERCISES[row.swap_id]["equipment"]) - EQUIPMENT_SETS[kit]
            assert not missing, (profile, row.id, row.swap_id, missing)


def test_i_m1_the_no_kit_novice_with_a_low_z_score_is_offered_the_drill():
    """Review I's N3."""
    n3 = Profile.from_z_score(-2.6, falls="high", floor_transfers=False)
    handout = build_handout(n3, build_plan(n3, 3, 12, 45, "none"))
    lifting = next(caution for caution in handout.cautions if caution["name"] == "Rounded-back lifting")
    assert lifting["swap_id"] == "hip-hinge-drill", lifting


@pytest.mark.parametrize("profile", [profile for profile in all_profiles() if learning_the_hinge(profile)], ids=str)
def test_i_m2_a_safe_options_sheet_offers_the_drill_before_a_loaded_hinge(profile):
    """The Safe options sheet (no plan) said 'INSTEAD: Kettlebell deadlift' to a novice with low bone mass, whose plan
    holds that lift until her hinge has been checked."""
    for caution in build_handout(profile).cautions:
        if caution["swap_id"] and loaded_hinge(caution["swap_id"]):
            assert caution["instead"].startswith("Hip-hinge drill") and CHECKED in caution["instead"], caution


def test_i_m2_a_trained_client_is_still_offered_the_lift():
    trained = Profile(bone="osteoporosis", experience="trained", clearance=True)
    lifting = next(c for c in build_handout(trained).cautions if c["name"] == "Rounded-back lifting")
    assert lifting["instead"] == "Kettlebell deadlift"


@pytest.mark.parametrize(
    "profile",
    [p for p in all_profiles() if p.fragility == "low_for_age" and not p.clearance and impact_ceiling(p) != "low"],
    ids=str,
)
def test_i_l1_an_uncleared_low_z_score_waits_for_the_doctor_before_moderate_impact(profile):
    """Safe options said 'Up to moderate impact' while the plan holds impact light until the doctor's review."""
    (impact,) = [item.advice for item in profile_guidance(profile) if item.topic == "Impact"]
    assert impact.startswith("Until a doctor has looked for the cause of the low Z-score"), impact


@pytest.mark.parametrize("profile", [p for p in all_profiles() if p.vertebral_fracture], ids=str)
def test_i_l2_after_a_spine_fracture_the_floor_push_up_starts_from_the_knees_as_the_plank_does(profile):
    push_up = assess(profile).set_index("id").loc["push-up"]
    assert push_up["status"] != "recommended", push_up["reason"]
    if push_up["status"] == "modify":
        assert "From the knees" in push_up["modification"] and "physiotherapist" in push_up["modification"]


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_i_l3_the_guidance_on_a_sheet_without_a_plan_names_no_plan_and_no_week(profile):
    """'as the plan builds it' and 'by week 16' on the Safe options sheet, which has no plan and no weeks."""
    for item in profile_guidance(profile):
        # 'a plan's first weeks' too (physio review J, L7)
        assert not re.search(r"\bplan\b|\bweek \d", item.advice), (item.topic, item.advice)
