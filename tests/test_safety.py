"""The safety rules over every profile: property-based (hypothesis) and exhaustive checks."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings, strategies as st

from lib.exports import assessment_csv
from lib.profiles import CHOICES, PRESETS, Profile, all_profiles
from lib.safety import IMPACT_LEVELS, STATUSES, assess, filter_assessment, impact_ceiling, profile_guidance, rules_table

profiles = st.builds(Profile, **{name: st.sampled_from(values) for name, values in CHOICES.items()})
FRAGILE = ("osteoporosis", "vertebral_fracture")
AXIAL_LOWER = ("squat", "hinge", "lunge")


def statuses(table, mask):
    return set(table.loc[mask, "status"])


@given(profiles)
def test_fragile_spine_never_gets_loaded_flexion_or_loaded_twisting(profile):
    table = assess(profile)
    risky = table["spinal_flexion"].isin(["loaded", "end_range"]) | (table["rotation"] == "loaded")
    if profile.fragility in FRAGILE:
        assert statuses(table, risky) == {"avoid"}


@given(profiles)
def test_osteoporosis_without_fracture_caps_impact(profile):
    table = assess(profile)
    high = table["impact"] == "high"
    if profile.fragility == "osteoporosis":
        assert "recommended" not in statuses(table, high)
        if not (profile.clearance and profile.experience == "trained"):
            assert statuses(table, high) <= {"avoid"}


@given(profiles)
def test_vertebral_fracture_joints_or_falls_keep_impact_low(profile):
    table = assess(profile)
    above_low = table["impact"].isin(["moderate", "high"])
    if profile.vertebral_fracture or profile.joint_limits or profile.falls == "high":
        assert statuses(table, above_low) <= {"avoid"}
        assert IMPACT_LEVELS.index(impact_ceiling(profile)) <= IMPACT_LEVELS.index("low")


@given(profiles)
def test_nothing_above_the_impact_ceiling_is_allowed(profile):
    table = assess(profile)
    ceiling = IMPACT_LEVELS.index(impact_ceiling(profile))
    above = table["impact"].map(IMPACT_LEVELS.index) > ceiling
    assert statuses(table, above) <= {"avoid"}


@given(profiles)
def test_vertebral_fracture_recommends_back_extensor_work(profile):
    if profile.vertebral_fracture:
        table = assess(profile)
        extensors = table[table["pattern"] == "back-extensor"]
        assert (extensors["status"] == "recommended").any()


@given(profiles)
def test_high_fall_risk_avoids_demanding_moves_and_recommends_balance(profile):
    if profile.falls == "high":
        table = assess(profile)
        assert statuses(table, table["fall_demand"] == "high") == {"avoid"}
        assert "recommended" not in statuses(table, table["fall_demand"] == "moderate")
        balance = table[(table["pattern"] == "balance") & (table["status"] == "recommended")]
        assert not balance.empty


@given(profiles)
def test_heavy_lifting_needs_clearance_in_osteoporosis_and_technique_first_for_novices(profile):
    table = assess(profile)
    heavy = table["heavy"]
    if profile.fragility in FRAGILE and not profile.clearance:
        assert statuses(table, heavy) == {"avoid"}
    if profile.experience == "novice":
        assert "recommended" not in statuses(table, heavy)
    if profile.fragility == "osteoporosis" and profile.clearance and profile.experience == "trained":
        assert "avoid" not in statuses(table, heavy)  # LIFTMOR: screened and supervised
        if profile.falls == "low":
            assert statuses(table, heavy) == {"recommended"}


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_no_profile_is_left_without_the_essentials(profile):
    usable = assess(profile).query("status == 'recommended'")
    assert (usable["pattern"] == "balance").any(), "balance work"
    assert usable["pattern"].isin(AXIAL_LOWER).any(), "an axial lower-body exercise"
    assert (usable["pattern"] == "pull").any(), "an upper-body pull"


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_every_decision_has_a_reason_and_a_source_and_every_avoid_a_safe_swap(profile):
    table = assess(profile)
    assert set(table["status"]) <= set(STATUSES)
    assert table["reason"].str.len().min() > 20
    assert table["sources"].map(len).min() >= 1
    avoided = table[table["status"] == "avoid"]
    status_by_id = dict(zip(table["id"], table["status"]))
    for swap in avoided["swap_id"]:
        assert isinstance(swap, str) and status_by_id[swap] != "avoid"


RISKIER = [("bone", "normal", "osteopenia"), ("bone", "osteopenia", "osteoporosis"), ("vertebral_fracture", False, True),
           ("falls", "low", "high"), ("joint_limits", False, True)]


@given(profiles, st.sampled_from(RISKIER))
@settings(max_examples=150)
def test_a_riskier_profile_never_loosens_a_restriction(profile, change):
    field, safer, riskier = change
    safe_table = assess(replace(profile, **{field: safer}))
    risky_table = assess(replace(profile, **{field: riskier}))
    rank = STATUSES.index
    assert all(rank(b) >= rank(a) for a, b in zip(safe_table["status"], risky_table["status"]))


def test_presets_read_as_a_physio_would_expect():
    frail = assess(PRESETS["frail-faller"]).set_index("id")
    reserve = assess(PRESETS["building-reserve"]).set_index("id")
    sit_ups = frail[frail["spinal_flexion"].isin(["loaded", "end_range"])]
    assert (sit_ups["status"] == "avoid").all() and sit_ups["swap_name"].notna().all()
    assert (reserve["status"] == "recommended").sum() > (frail["status"] == "recommended").sum()


def test_guidance_names_its_sources_and_red_flags():
    for profile in PRESETS.values():
        items = profile_guidance(profile)
        assert all(item.sources for item in items)
        assert any(item.topic == "Red flags" for item in items)


def test_filters_keep_what_they_should():
    table = assess(PRESETS["osteopenia"])
    bodyweight = filter_assessment(table, equipment=["chair"])
    assert bodyweight["equipment"].map(lambda needed: set(needed) <= {"chair", "none"}).all()
    assert set(filter_assessment(table, patterns=["balance"])["pattern"]) == {"balance"}
    assert filter_assessment(table, sites=["wrist-forearm"])["sites"].map(lambda s: "wrist-forearm" in s).all()
    assert len(filter_assessment(table)) == len(table)


def test_csv_export_has_a_row_per_exercise():
    table = assess(PRESETS["osteoporosis"])
    lines = assessment_csv(table, PRESETS["osteoporosis"]).strip().splitlines()
    assert lines[0].startswith("Exercise,Status,Why") and len(lines) == len(table) + 1


def test_rules_table_is_readable():
    table = rules_table()
    assert {"When the client has", "Exercises with", "Why", "Sources"} <= set(table.columns)
    assert table["Sources"].map(len).min() > 0
