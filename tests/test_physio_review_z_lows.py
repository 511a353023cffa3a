"""Physio review Z (docs/reviews/review-z.md): its Lows fixed in the lead's branch (zlows)."""

import pytest

from lib.planner import build_plan
from lib.profiles import all_profiles
from lib.safety import assess

SPINE_FRACTURE = [profile for profile in all_profiles() if profile.vertebral_fracture]
CLEARED_NOVICES_WITHOUT_FLOOR = [
    profile
    for profile in all_profiles()
    if profile.clearance
    and profile.experience == "novice"
    and not profile.floor_transfers
    and not profile.vertebral_fracture  # after a spine fracture no plan speaks of heavy sets
]


@pytest.mark.parametrize("profile", SPINE_FRACTURE, ids=str)
def test_z_lo7_a_spine_fractures_impact_ban_offers_no_way_in(profile):
    """Z4's jumps read "After a vertebral fracture, impact stays at the level of brisk walking ... Jumps, hops, skipping
    and heel drops ... wait until a physiotherapist has practised getting down to the floor": the second reason reads as
    if floor practice (or a faller's balance check) opened the jumps. Beside the fracture's "never", no "until"."""
    table = assess(profile)
    banned = table[table["rules"].map(lambda rules: "vertebral-fracture-impact" in rules)]
    assert len(banned)
    for _, row in banned.iterrows():
        assert "until" not in row["reason"] and "wait" not in row["reason"], (row["id"], row["reason"])


@pytest.mark.parametrize("profile", CLEARED_NOVICES_WITHOUT_FLOOR, ids=str)
def test_z_lo5_a_novices_heavy_sets_are_not_promised_after_the_floor_practice(profile):
    """Z1 (normal, novice, cleared, no floor): "heavy sets wait until a physiotherapist has practised getting down to
    the floor ..., then come only with your coach watching", yet no novice plan ever holds heavy sets: the floor is not
    all they wait for. The note names her experience too, or leaves them to her coach."""
    plan = build_plan(profile, 3, 12, 45, "full gym")
    heavy_notes = [note for note in plan.notes if "heavy sets" in note.lower()]
    assert heavy_notes, plan.notes
    for note in heavy_notes:
        assert "experienced" in note or "coach to add" in note, note
