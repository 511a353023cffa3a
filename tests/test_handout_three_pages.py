"""Every plan sheet within three pages (four for one class of client, below), with every caution and its reason
(lib/handout_pdf.py MOST_PAGES, LAST_RESORT_PAGES): a sweep of
all 256 profiles at 3 x 12 months x 45 minutes with the full gym and the longest first name found 13 sheets of four
pages, each a painful-joints client cleared for heavy lifting or trained after a spine fracture, and 32 that had lost a
caution: the plan's week lines, kept whole together, left half a page blank. Review P (Lo3) found four reasons cut from
the longest sheets of a trained, cleared faller with a spine fracture and painful joints (3 x 12 and 24 months x 60
minutes, full gym) to keep the first week's table: the table now gives way to the same week in one line first."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import example, given, settings, strategies as st

from lib.handout import MAX_NAME_LENGTH, build_handout
from lib.handout_pdf import LAST_RESORT_PAGES, MOST_PAGES, handout_pdf
from lib.planner import build_plan
from lib.profiles import Profile
from tests.handout_helpers import pages_allowed, pdf_words, read_pdf
from tests.test_physio_review_k import KITS, profiles

LONGEST_NAME = "W" * MAX_NAME_LENGTH  # the widest letter, as many as a name may have: a four-line title
START = dt.date(2026, 9, 28)  # 'Starting Wednesday 30 September 2026'
LONGEST_SHAPES = [(3, 12, 45), (3, 12, 60), (3, 24, 60)]  # three sessions and a year or more: every later line
# The sweep's four-page sheets (at 3 x 12 months x 45 minutes, full gym), one of each kind.
FOUR_PAGES_BEFORE = [
    Profile(bone="osteoporosis", joint_limits=True, experience="trained", clearance=True),  # the lead's example
    Profile(bone="normal", joint_limits=True, experience="trained", clearance=True, floor_transfers=False),
    Profile(bone="low_for_age", falls="high", joint_limits=True, clearance=True),
    Profile(
        bone="low_for_age",
        vertebral_fracture=True,
        falls="high",
        joint_limits=True,
        experience="trained",
        clearance=True,
    ),
    Profile(
        bone="low_for_age", vertebral_fracture=True, joint_limits=True, experience="trained", floor_transfers=False
    ),
    # Four pages and three cautions before; the last sheet to keep losing a caution while the fix was under way.
    Profile(bone="low_for_age", joint_limits=True, experience="trained", clearance=True, floor_transfers=False),
]
# Review P's sheets (Lo3) that kept every caution without its reason; at 3 x 12 and 24 months x 60 minutes, full gym.
# The same client with a low Z-score (two more notes and a source) was the tightest the fix's sweep found.
REASONS_CUT_BEFORE = [
    Profile(
        bone=bone,
        vertebral_fracture=True,
        falls="high",
        joint_limits=True,
        experience="trained",
        clearance=True,
        floor_transfers=floor_transfers,
    )
    for bone, floor_transfers in (("osteoporosis", False), ("osteoporosis", True), ("low_for_age", False))
]


def assert_within_three_pages_with_every_caution_and_reason(
    profile: Profile, kit: str, shape: tuple[int, int, int]
) -> None:
    plan = build_plan(profile, *shape, kit)
    pages, text = read_pdf(handout_pdf(profile, plan, first_name=LONGEST_NAME, start=START))
    assert pages <= MOST_PAGES, (profile, kit, shape, pages)
    for caution in build_handout(profile, plan).cautions:
        assert caution["name"] in text, (profile, kit, shape, caution["name"])
        assert pdf_words(caution["why"]) in text, (profile, kit, shape, caution["why"])


@pytest.mark.parametrize("profile", FOUR_PAGES_BEFORE, ids=str)
def test_the_sweeps_worst_sheets_take_three_pages_with_every_caution_and_reason(profile):
    assert_within_three_pages_with_every_caution_and_reason(profile, "full gym", (3, 12, 45))


@pytest.mark.parametrize("shape", [(3, 12, 60), (3, 24, 60)], ids=str)
@pytest.mark.parametrize("profile", REASONS_CUT_BEFORE, ids=str)
def test_review_ps_longest_sheets_keep_every_cautions_reason_within_three_pages(profile, shape):
    assert_within_three_pages_with_every_caution_and_reason(profile, "full gym", shape)


# A spine-fracture faller with painful joints and weights in the kit may take a fourth page. Session 15's sweep (main
# at eeb1f90, every spine-fracture faller with painful joints, every kit and longest shape) found 66 of these 192
# sheets losing a caution's reason to stay on three pages (every novice's, and a trained, not-cleared low Z-score
# client's without floor work); none without weights. The random draws had met the class about one run in two. Such
# a sheet now takes a fourth page rather than cut a reason (lib/handout_pdf.py LAST_RESORT_PAGES); the three below
# are the ones that still lost a reason at the end of session 15.
NEEDED_A_FOURTH_PAGE = Profile(bone="low_for_age", vertebral_fracture=True, falls="high", joint_limits=True)
NEEDED_A_FOURTH_PAGE_AT = [
    (NEEDED_A_FOURTH_PAGE, "bands and dumbbells"),
    (dataclasses.replace(NEEDED_A_FOURTH_PAGE, floor_transfers=False), "bands and dumbbells"),
    (dataclasses.replace(NEEDED_A_FOURTH_PAGE, bone="normal", floor_transfers=False), "full gym"),
]


def assert_every_caution_and_reason_within_the_pages_allowed(
    profile: Profile, kit: str, shape: tuple[int, int, int]
) -> int:
    """Every caution and its reason on the printed sheet, within three pages or, for the class above, four."""
    plan = build_plan(profile, *shape, kit)
    pages, text = read_pdf(handout_pdf(profile, plan, first_name=LONGEST_NAME, start=START))
    assert pages <= pages_allowed(profile, kit), (profile, kit, shape)
    for caution in build_handout(profile, plan).cautions:
        assert caution["name"] in text, (profile, kit, shape, caution["name"])
        assert pdf_words(caution["why"]) in text, (profile, kit, shape, caution["why"])
    return pages


@pytest.mark.parametrize(("profile", "kit"), NEEDED_A_FOURTH_PAGE_AT, ids=str)
def test_a_sheet_that_would_lose_a_reason_on_three_pages_takes_a_fourth(profile, kit):
    assert assert_every_caution_and_reason_within_the_pages_allowed(profile, kit, (3, 12, 45)) == LAST_RESORT_PAGES


@given(profiles, st.sampled_from(KITS), st.sampled_from(LONGEST_SHAPES))
@example(FOUR_PAGES_BEFORE[0], "full gym", (3, 24, 60))
@example(NEEDED_A_FOURTH_PAGE, "full gym", (3, 24, 60))
@settings(max_examples=8, deadline=None)
def test_every_longest_plan_sheet_keeps_every_caution_and_reason_within_the_pages_allowed(profile, kit, shape):
    assert_every_caution_and_reason_within_the_pages_allowed(profile, kit, shape)
