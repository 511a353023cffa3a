"""Reviews W and V (docs/reviews/review-w.md, review-v.md): a faller's floor moves have their own reason (W Lo4), her
heel drops are named in the fall rule's reason (W Lo10), a row says one worry once (V Lo9), and the daily balance dose
says that more helps, with its source (V Lo10). Each is tested over every profile it concerns (branch fix33)."""

from __future__ import annotations

from functools import cache

import pytest

from lib.balance_dose import dose_kind
from lib.catalog import default_catalog
from lib.profiles import Profile, all_profiles
from lib.safety import assess
from tests.support.guidance import guidance_on

FALLERS = [profile for profile in all_profiles() if profile.falls == "high"]
SEATED_OR_HELD = "seated, lying or with a support in hand"
ON_THE_FLOOR = "Done on the floor, so there is nothing to fall from"
# The fall rule's two reasons: the impact one says the balance one on every jump (rule fall-risk-high-demand).
BALANCE_FIRST = "balance comes first"
BEYOND_WHAT_IS_SAFE = "This challenges balance beyond what is safe"
MORE_HELPS = "more than 3 hours of exercise a week"
V2 = Profile(bone="osteoporosis", falls="high", floor_transfers=False)  # review V's faller without floor transfers


@cache
def _table(profile: Profile):
    return assess(profile).set_index("id")


@pytest.mark.parametrize("profile", FALLERS, ids=str)
def test_w_lo4_a_fallers_floor_move_is_never_said_to_be_seated_or_held(profile):
    """Push-ups, bird dog and planks were 'Done seated, lying or with a support in hand'; none is seated or held."""
    floor = _table(profile)[lambda table: table["floor"]]
    for exercise_id, row in floor.iterrows():
        assert SEATED_OR_HELD not in row["reason"], (exercise_id, row["reason"])
        if row["status"] == "recommended":
            assert profile.floor_transfers and ON_THE_FLOOR in row["reason"], (exercise_id, row["reason"])
            assert "giangregorio2015" in row["sources"], exercise_id


@pytest.mark.parametrize("profile", FALLERS, ids=str)
def test_w_lo10_a_fallers_heel_drops_are_named_in_the_fall_rules_reason(profile):
    row = _table(profile).loc["heel-drops"]
    assert row["status"] == "avoid" and "fall-risk-impact" in row["rules"], row["rules"]
    if profile.vertebral_fracture:  # the fracture's ban says it, with no "until a balance check" (review Z, Lo7)
        assert BALANCE_FIRST not in row["reason"] and "After a vertebral fracture" in row["reason"], row["reason"]
        return
    fall_sentence = next(sentence for sentence in row["reason"].split(". ") if BALANCE_FIRST in sentence)
    assert "heel drops" in fall_sentence, fall_sentence
    assert "heel drops" in default_catalog().rules_by_id["fall-risk-impact"]["plain"]  # the handout's one line


@pytest.mark.parametrize("profile", FALLERS, ids=str)
def test_v_lo9_a_fallers_row_says_the_balance_worry_once(profile):
    """V2's jumping chin-up gave four reasons, two of them the same worry; the rule and its source stay on the row."""
    for exercise_id, row in _table(profile).iterrows():
        said = BALANCE_FIRST in row["reason"]
        assert not (said and BEYOND_WHAT_IS_SAFE in row["reason"]), (exercise_id, row["reason"])
        if "fall-risk-high-demand" in row["rules"]:
            assert said or BEYOND_WHAT_IS_SAFE in row["reason"], (exercise_id, row["reason"])
            assert "sherrington2019" in row["sources"], exercise_id


def test_v_lo9_v2s_jumping_chin_up_opens_with_the_fall_reason_and_keeps_every_gate():
    row = _table(V2).loc["jumping-chin-up"]
    assert row["reason"].startswith("With a high risk of falling, balance comes first"), row["reason"]
    assert row["reason"].count(". ") == 2, row["reason"]  # three reasons, not four
    for gate in ("a balance check", "cleared, trained", "getting down to the floor and up again"):
        assert gate in row["reason"], gate


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_v_lo10_the_daily_balance_dose_says_more_helps_with_its_source(profile):
    """'about 20 a day (about 2 hours a week)': Sherrington 2017 found the biggest effects with more than 3 hours a
    week of exercise that challenged balance. The training-day dose of a fit client says 'as a minimum' instead."""
    balance = guidance_on(profile, "Balance")
    daily = dose_kind(profile) == "daily"
    assert (MORE_HELPS in balance.advice) == daily, balance.advice
    assert ("sherrington2017" in balance.sources) == daily, balance.sources


def test_v_lo10_sherrington_2017_is_a_checked_reference():
    reference = default_catalog().references["sherrington2017"]
    assert reference.doi == "10.1136/bjsports-2016-096547", reference
