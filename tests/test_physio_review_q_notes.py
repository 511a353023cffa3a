"""Review Q (/work/handoff/s11/physio/review-q.md): a client not cleared whose table offers the heavy lifts once
cleared is told on her plan, and so on the plan sheet she takes home, that they are not in it and wait for clearance
(Lo2); after a spine fracture, the profile's words never invite heavy lifting, cleared or not (Lo6)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from lib.profile_guidance import describe
from lib.catalog import default_catalog
from lib.handout import build_handout
from lib.planner import build_plan
from lib.profiles import Profile, all_profiles
from lib.safety import assess
from tests.test_physio_review_k import SHAPES

NOT_YET = default_catalog().planner["heavy_lift"]["not_yet"]
# Q1 cannot get up from the floor: her heavy sets wait for that too (review R, Lo6), and her sheet says so.
NOT_YET_FLOOR = default_catalog().planner["heavy_lift"]["not_yet_floor"]
Q1 = Profile(bone="normal", experience="trained", floor_transfers=False)


def _heavy_offered_once_cleared(profile: Profile) -> bool:
    table = assess(profile)
    return not profile.clearance and any(table.loc[table["heavy"], "status"] == "modify")


def test_q1_the_trained_lifter_not_cleared_reads_on_her_plan_sheet_that_heavy_sets_wait():
    """Q1's plan sheet said nothing of heavy lifting at any shape; only 'About you' hinted at it."""
    for sessions, months, minutes in [*SHAPES, (3, 24, 60)]:
        plan = build_plan(Q1, sessions, months, minutes)
        assert not plan.heavy
        assert NOT_YET_FLOOR in build_handout(Q1, plan).week_lines


@settings(max_examples=60, deadline=None)
@given(profile=st.sampled_from(all_profiles()), shape=st.sampled_from(SHAPES))
def test_the_heavy_sets_note_is_on_exactly_the_plans_whose_table_offers_them_once_cleared(profile, shape):
    plan = build_plan(profile, *shape)
    assert (NOT_YET in plan.notes) == _heavy_offered_once_cleared(profile), profile
    if NOT_YET in plan.notes:
        assert not plan.heavy


def test_every_profile_offered_heavy_sets_once_cleared_is_one_with_normal_bone_not_cleared():
    """The note's reach, as the rules stand: heavy-before-clearance-normal-bone's profiles, and no others; without
    floor transfers the heavy lifts are avoided (review R, Lo6), and the floor note takes its place."""
    offered = {profile for profile in all_profiles() if _heavy_offered_once_cleared(profile)}
    normal_not_cleared = {p for p in all_profiles() if p.fragility == "normal" and not p.clearance}
    assert offered == {p for p in normal_not_cleared if p.floor_transfers}
    for profile in normal_not_cleared - offered:
        assert NOT_YET_FLOOR in build_plan(profile, 2, 6, 30).notes, profile


@pytest.mark.parametrize("profile", [p for p in all_profiles() if p.vertebral_fracture], ids=str)
def test_after_a_spine_fracture_the_profile_words_never_invite_heavy_lifting(profile):
    words = describe(profile)
    assert "heavy lifting" not in words and "only moderate loads" in words, words
    assert ("not yet cleared" in words) == (not profile.clearance), words
