"""Branch fix34: review X's rule findings (docs/reviews/review-x.md), each tested over every profile it concerns.

M2: a client who cannot get down to the floor and up again got a moderate barbell squat or deadlift with no rack and no
safety bars (56 of the 98 no-floor rows where it is open), although a missed rep at effort 8 ends on the floor as
surely as a heavy set that goes wrong.
M3: the heel-to-toe walk's only support was its first cue ("Walk beside a counter or wall"), which the printed sheet
drops; the sheets without a plan said "Heel-to-toe walk: a few lengths of a room".
Lo2: the heel drops caution for a no-floor client, "Hard landings only once you are trained, cleared and supervised.",
left out the floor gate."""

from __future__ import annotations

import pytest

from lib.catalog import default_catalog
from lib.balance_dose import dose_kind
from lib.handout import WORDING_FILE, build_handout, load_handout_words
from lib.handout_choices import _plain_reason
from lib.handout_plan import later_lifts
from lib.planner import build_plan
from lib.profiles import Profile, all_profiles
from lib.safety import assess
from tests.test_physio_review_k import SHAPES

CATALOG = default_catalog()
NO_FLOOR = [profile for profile in all_profiles() if not profile.floor_transfers]
BARBELL_LIFTS = {"barbell-back-squat", "trap-bar-deadlift"}  # the barbell squat and deadlift that are not heavy
MOVING_BALANCE = {"heel-to-toe-walk", "stepping-practice"}  # the balance drills that move the feet
FINGERTIPS = "fingertips ready to touch it"
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
        # By the name before its own brackets: a week line turns them into a comma (physio review W, Lo3).
        names = {name.lower().split(" (")[0] for name in slots["exercise"]}
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


@pytest.mark.parametrize("profile", NO_FLOOR, ids=str)
def test_x_m3_a_no_floor_clients_heel_to_toe_walk_and_stepping_keep_a_counter_in_reach_in_table_and_plan(profile):
    """The assessment and every plan shape: the walk (and stepping practice, the other balance drill that moves the
    feet) carries its counter or wall in its change, which reaches the dose line; a faller's keeps someone at home."""
    rows = assess(profile, CATALOG).set_index("id")
    for drill in MOVING_BALANCE:
        change = rows.loc[drill, "modification"].lower()
        assert rows.loc[drill, "status"] == "modify" and FINGERTIPS in change, (drill, change)
        assert "no-floor-transfers-moving-balance" in rows.loc[drill, "rules"], drill
    assert "kitchen counter or along a hallway wall" in rows.loc["heel-to-toe-walk", "modification"].lower()
    for shape in SHAPES:
        plan = build_plan(profile, *shape, "none", CATALOG)
        for planned in (plan.sessions, plan.home):
            drills = planned[planned["exercise_id"].isin(MOVING_BALANCE)]
            assert drills["modification"].str.contains(FINGERTIPS).all(), (shape, set(drills["modification"]))


def _walk_lines(profile: Profile) -> list[str]:
    """The heel-to-toe walk's lines on the profile's sheet without a plan: among its exercises or balance suggestions."""
    handout = build_handout(profile, catalog=CATALOG)
    lines = [f"{exercise['name']}: {exercise['dose']}" for exercise in handout.exercises] + handout.balance_suggestions
    return [line for line in lines if line.startswith("Heel-to-toe walk")]


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_x_m3_every_sheet_without_a_plan_walks_heel_to_toe_beside_a_counter_or_wall(profile):
    """Every sheet without a plan that gives the walk at its own dose says where: 'a few lengths beside a counter or
    wall' (the catalog's dose, for everyone). A training-day client's dose is her training days, not the catalog's
    (physio review F, L2), so only her change can carry it: a no-floor client's does."""
    for line in _walk_lines(profile):
        if dose_kind(profile) == "sessions" and profile.floor_transfers:
            continue  # the catalog's dose is not given: see the report (review X, M3)
        assert "beside a counter or wall" in line or "kitchen counter or along a hallway wall" in line, line
        if not profile.floor_transfers:
            assert FINGERTIPS in line, line


def test_x_m3_x4s_sheet_prints_the_walks_counter_beside_its_dose():
    """X4's PDF read 'Heel-to-toe walk / Dose: Sessions A-C: 5 minutes' (3 x 12 months x 45 minutes, full gym)."""
    plan = build_plan(X4, 3, 12, 45, "full gym", CATALOG)
    walk = next(item for item in build_handout(X4, plan, catalog=CATALOG).exercises if item["id"] == "heel-to-toe-walk")
    assert walk["dose"].endswith(
        "Walk beside a kitchen counter or along a hallway wall, fingertips ready to touch it."
    ), walk


# The gates a no-floor client's heel drops caution may give without the floor: those that never open (a spine fracture,
# painful joints), and a faller's balance check, whose rule another branch rewords (see the report).
NO_FLOOR_GATE_NEEDED = {"vertebral-fracture-impact", "painful-joints-impact", "fall-risk-impact"}
X1 = Profile(bone="osteoporosis", floor_transfers=False)


@pytest.mark.parametrize("profile", NO_FLOOR, ids=str)
def test_x_lo2_a_no_floor_clients_heel_drops_caution_names_the_floor_gate(profile):
    row = assess(profile, CATALOG).set_index("id").loc["heel-drops"].to_dict()
    assert row["status"] == "avoid" and "no-floor-transfers-high-impact" in row["rules"]
    if row["rules"][0] not in NO_FLOOR_GATE_NEEDED:
        assert "floor" in _plain_reason(row, CATALOG.rules_by_id), row["rules"]


def test_x_lo2_x1s_sheet_without_a_plan_gives_both_gates_for_heel_drops():
    """X1 (osteoporosis, low risk of falling, novice, not cleared, no floor transfers), the sheet without a plan."""
    caution = next(item for item in build_handout(X1, catalog=CATALOG).cautions if item["id"] == "heel-drops")
    assert "training, clearance, supervision" in caution["why"] and "floor" in caution["why"], caution
