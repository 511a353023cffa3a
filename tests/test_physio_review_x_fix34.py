"""Branch fix34: review X's rule findings (docs/reviews/review-x.md), each tested over every profile it concerns.

M2: a client who cannot get down to the floor and up again got a moderate barbell squat or deadlift with no rack and no
safety bars (56 of the 98 no-floor rows where it is open), although a missed rep at effort 8 ends on the floor as
surely as a heavy set that goes wrong."""

from __future__ import annotations

import pytest

from lib.catalog import default_catalog
from lib.handout import WORDING_FILE, build_handout, load_handout_words
from lib.handout_plan import later_lifts
from lib.planner import build_plan
from lib.profiles import Profile, all_profiles
from lib.safety import assess
from tests.test_physio_review_k import SHAPES

CATALOG = default_catalog()
NO_FLOOR = [profile for profile in all_profiles() if not profile.floor_transfers]
BARBELL_LIFTS = {"barbell-back-squat", "trap-bar-deadlift"}  # the barbell squat and deadlift that are not heavy
X4 = Profile(bone="normal", experience="trained", clearance=True, floor_transfers=False)


def _in_a_rack(change: str) -> bool:
    return "rack" in change and "safety bars" in change


@pytest.mark.parametrize("profile", NO_FLOOR, ids=str)
def test_x_m2_every_open_barbell_squat_and_deadlift_is_done_in_a_rack_with_its_safety_bars_set(profile):
    """The assessment: every barbell squat or deadlift that is not avoided names the rack and its safety bars, whichever
    rule's change is shown (the falls set-up, the painful-knee depth, the spine fracture's review, or the floor's)."""
    rows = assess(profile, CATALOG).set_index("id").loc[sorted(BARBELL_LIFTS)]
    for lift, row in rows[rows["status"] != "avoid"].iterrows():
        assert row["status"] == "modify", lift
        assert _in_a_rack(row["modification"]), (lift, row["modification"])
        assert "no-floor-transfers-barbell-rack" in row["rules"], lift


@pytest.mark.parametrize("profile", NO_FLOOR, ids=str)
def test_x_m2_every_full_gym_plan_sets_the_rack_for_its_barbell_squat_and_deadlift(profile):
    """The plan sheet: the sessions and the week line that brings each lift in, for every plan shape with a full gym."""
    words = load_handout_words(WORDING_FILE, CATALOG.references)["later_lifts"]
    for shape in SHAPES:
        plan = build_plan(profile, *shape, "full gym", CATALOG)
        slots = plan.sessions[plan.sessions["exercise_id"].isin(BARBELL_LIFTS)]
        assert slots["modification"].map(_in_a_rack).all(), (shape, set(slots["modification"]))
        names = {name.lower() for name in slots["exercise"]}
        lines = [line for line in later_lifts(plan, CATALOG, words) if any(name in line.lower() for name in names)]
        assert len(lines) >= len(names) and all(map(_in_a_rack, lines)), (shape, lines)


def test_x_m2_x4s_sheet_brings_the_barbell_lifts_in_with_the_rack():
    """The sheet the reviewer read (X4: normal bone, trained, cleared, no floor transfers; 3 x 12 months x 45 minutes,
    full gym): 'from week 5, barbell back squat (in place of the dumbbell squat)' with no modification."""
    plan = build_plan(X4, 3, 12, 45, "full gym", CATALOG)
    lines = build_handout(X4, plan, catalog=CATALOG).week_lines
    for name in ("barbell back squat", "barbell deadlift"):
        line = next(line for line in lines if name in line and "in place of" in line)
        assert _in_a_rack(line), line
