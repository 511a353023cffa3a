"""Review P (/work/handoff/s10/physio/review-p.md): a client not yet cleared is told on one page, in the table as in
the guidance, that heavy sets wait for clearance for heavy lifting and then need a qualified coach (M1)."""

from __future__ import annotations

import re

import pytest

from lib.profiles import PRESETS, Profile, all_profiles
from lib.safety import assess, profile_guidance

WAITS_FOR_CLEARANCE = re.compile(r"wait[a-z]* until you are cleared for heavy lifting", re.IGNORECASE)
NOT_CLEARED = [profile for profile in all_profiles() if not profile.clearance]
NORMAL_TRAINED_NOT_CLEARED = [
    profile for profile in NOT_CLEARED if profile.fragility == "normal" and profile.experience == "trained"
]
P1 = Profile(bone="normal", falls="high", floor_transfers=False, experience="trained")


def _heavy_rows(profile: Profile) -> list[dict]:
    table = assess(profile)
    return table[table["heavy"]].to_dict("records")


def _strength_line(profile: Profile) -> str:
    return next(item.advice for item in profile_guidance(profile) if item.topic == "Strength")


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
    line = _strength_line(profile)
    assert _clearance_before_coach(line), line
    rows = _heavy_rows(profile)
    assert rows and all(row["status"] == "modify" for row in rows)
    assert all("qualified coach watching" in row["modification"] for row in rows)


@pytest.mark.parametrize("profile", [profile for profile in all_profiles() if profile.clearance], ids=str)
def test_p_m1_a_cleared_client_is_never_told_to_wait_for_clearance(profile):
    table = assess(profile)
    for text in [*table["modification"], *table["reason"], *(item.advice for item in profile_guidance(profile))]:
        assert not WAITS_FOR_CLEARANCE.search(text), text


@pytest.mark.parametrize("profile", [PRESETS["building-reserve"], P1], ids=["building-reserve", "p1"])
def test_p_m1_the_reviewers_profiles_heavy_squat_waits_for_clearance_then_a_coach(profile):
    squat = next(row for row in _heavy_rows(profile) if row["id"] == "heavy-back-squat")
    assert squat["modification"].startswith("Wait until you are cleared for heavy lifting; then lift only with a")
    assert squat["modification_rule"] == "heavy-before-clearance-normal-bone"
    assert "heavy 5 x 5 sets wait until you are cleared for heavy lifting" in _strength_line(profile)
