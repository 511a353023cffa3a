from __future__ import annotations

import math
from dataclasses import fields

import pytest
from hypothesis import given, strategies as st

from lib.profile_guidance import describe
from lib.profiles import LINK_KEYS, PRESETS, Profile, all_profiles, classify_t_score, classify_z_score
from lib.safety import assess


@pytest.mark.parametrize(
    ("t_score", "category"),
    [
        (0.5, "normal"),
        (-1.0, "normal"),
        (-1.01, "osteopenia"),
        (-2.49, "osteopenia"),
        (-2.5, "osteoporosis"),
        (-4.0, "osteoporosis"),
    ],
)
def test_who_thresholds(t_score, category):
    assert classify_t_score(t_score) == category


@given(st.floats(min_value=-6, max_value=4, allow_nan=False))
def test_classification_is_monotonic(t_score):
    order = ["osteoporosis", "osteopenia", "normal"]
    assert order.index(classify_t_score(t_score)) <= order.index(classify_t_score(t_score + 0.5))


def test_nan_is_refused():
    with pytest.raises(ValueError):
        classify_t_score(math.nan)


def test_from_t_score_keeps_modifiers():
    profile = Profile.from_t_score(-2.8, falls="low", experience="trained")
    assert profile == Profile(bone="osteoporosis", experience="trained")


@pytest.mark.parametrize(
    "bad", [{"bone": "brittle"}, {"falls": "medium"}, {"clearance": "yes"}, {"vertebral_fracture": 1}]
)
def test_invalid_fields_are_refused(bad):
    with pytest.raises(ValueError):
        Profile(**bad)


def test_vertebral_fracture_outranks_the_t_score():
    assert Profile(bone="normal", vertebral_fracture=True).fragility == "vertebral_fracture"


def test_presets_cover_the_people_trainers_meet():
    assert len(PRESETS) >= 5
    assert {profile.fragility for profile in PRESETS.values()} == {
        "normal",
        "low_for_age",
        "osteopenia",
        "osteoporosis",
        "vertebral_fracture",
    }
    assert any(profile.falls == "high" for profile in PRESETS.values())


def test_every_combination_is_listed_once():
    profiles = all_profiles()
    assert len(profiles) == len(set(profiles)) == 4 * 2**6


@pytest.mark.parametrize(
    ("z_score", "bone"), [(-2.0, "low_for_age"), (-2.1, "low_for_age"), (-1.99, "normal"), (0.3, "normal")]
)
def test_iscd_z_score_reading(z_score, bone):
    assert classify_z_score(z_score) == bone
    assert Profile.from_z_score(z_score, falls="high").falls == "high"


def test_a_low_z_score_reads_in_words_and_floor_transfers_default_to_today():
    assert "below the expected range for age" in describe(Profile.from_z_score(-2.1))
    assert Profile().floor_transfers and "floor" in describe(Profile(floor_transfers=False))
    with pytest.raises(ValueError):
        classify_z_score(math.nan)


def test_every_profile_goes_through_its_link_keys_and_back():
    for profile in all_profiles():
        assert Profile.from_link_values(profile.link_values()) == profile


def test_every_profile_field_has_one_short_link_key():
    assert set(LINK_KEYS) == {field.name for field in fields(Profile)}
    assert len(set(LINK_KEYS.values())) == len(LINK_KEYS)
    assert Profile(floor_transfers=False).link_values()["nofloor"] is True  # the link names what cannot be done


@pytest.mark.parametrize("profile", all_profiles(), ids=repr)
def test_about_you_calls_a_client_cleared_for_heavy_lifting_only_where_a_heavy_lift_is_open_to_her(profile):
    """The clearance clause reads the rules (data/safety_wording.yaml about_you), not a copy of their conditions."""
    table = assess(profile)
    heavy_open = (table["heavy"] & (table["status"] != "avoid")).any()
    assert ("cleared for supervised heavy lifting" in describe(profile)) == bool(profile.clearance and heavy_open)
