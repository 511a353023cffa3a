"""The eighth physiotherapist read's Lows (/work/handoff/s6/physio/review-h.md), with review G's M2 reach and L3
and review F's L2: what a client's sheet must keep and say, as invariants over profiles and plan shapes."""

from __future__ import annotations

import pytest

from lib.handout import build_handout
from lib.handout_pdf import MOST_PAGES, handout_pdf
from lib.planner import build_plan
from lib.profiles import Profile, all_profiles
from tests.handout_helpers import START, read_pdf

PLAN_SHAPES = [(3, 12, 45), (2, 6, 30)]
# The sheets review H read that had cut a caution or every reason to stay on two pages (b, e, F4), and the faller
# whose three-page sheet still cut her hands-full caution (a low Z-score, high falls, no floor: 2x/6/30).
NAMED = {
    "b": (Profile(bone="osteopenia", experience="trained"), "full gym"),
    "e": (Profile.from_z_score(-2.1, experience="trained"), "full gym"),
    "F4": (Profile(bone="osteoporosis", clearance=True), "bands and dumbbells"),
    "low-Z faller": (Profile(bone="low_for_age", falls="high", floor_transfers=False), "full gym"),
}
# A spread of high fallers over every other field (every 8th of the 128), at the two plan shapes in turn.
FALLERS = [
    (profile, PLAN_SHAPES[number % 2])
    for number, profile in enumerate([profile for profile in all_profiles() if profile.falls == "high"][::8])
]


def _sheet_keeps_every_caution_and_reason(profile: Profile, plan_shape: tuple[int, int, int], kit: str) -> None:
    plan = build_plan(profile, *plan_shape, kit)
    handout = build_handout(profile, plan, start=START)
    pages, words = read_pdf(handout_pdf(profile, plan, start=START))
    assert pages <= MOST_PAGES
    assert "Week 1" in words, "the schedule's first week is kept"
    for caution in handout.cautions:
        assert caution["name"] in words
        assert caution["why"] in words, f"{profile}: the reason for '{caution['name']}' was cut"


@pytest.mark.parametrize("plan_shape", PLAN_SHAPES, ids=["3x12x45", "2x6x30"])
@pytest.mark.parametrize("key", NAMED)
def test_h_l3_a_sheet_takes_a_third_page_before_it_cuts_a_caution_or_a_reason(key, plan_shape):
    profile, kit = NAMED[key]
    _sheet_keeps_every_caution_and_reason(profile, plan_shape, kit)


@pytest.mark.parametrize(("profile", "plan_shape"), FALLERS, ids=str)
def test_h_l3_no_fallers_sheet_cuts_a_caution_or_its_reason(profile, plan_shape):
    """Her fall caution ('A load in both hands leaves no hand free to steady you') is among them wherever it is ranked."""
    _sheet_keeps_every_caution_and_reason(profile, plan_shape, "full gym")
