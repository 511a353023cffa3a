"""Branch fix38: lower-body work a client can take to the effort her plan asks (docs/reviews/review-y.md M4,
docs/reviews/review-x.md M4), each tested over every profile it concerns.

Y M4: a trained, cleared osteopenic client with no kit who cannot get down to the floor got a body-weight reverse lunge
as her only leg move for 52 weeks, "Without dumbbells, one hand on a counter or chair back throughout", while a novice
on the same kit got the sit-to-stand with a backpack of books.
X M4: a faller's sit-to-stand was asked for effort 8 by week 18 with no way to get there: the harder form of her dose
("lower the seat, sit down slowly over 3 seconds and pause just above the seat") was cut from both sheets.
"""

from __future__ import annotations

import itertools

import pytest

from lib.catalog import default_catalog
from lib.handout_choices import handout_exercises
from lib.plan_usable import EQUIPMENT_SETS, EXTERNAL_LOADS, PHASES
from lib.planner import build_plan
from lib.profiles import all_profiles

CATALOG = default_catalog()
PLANNER = CATALOG.planner
KITS = ["none", "bands and dumbbells", "full gym"]
SHAPES = [(3, 12, 30), (2, 6, 45)]  # sessions a week, months, minutes: both frequencies, lengths and heavy or not
LOWER_BODY = "axial lower body"
TARGET_EFFORT = 7  # the strength phase's effort and above: beyond what body weight gives a beginner's move
STATED_WAYS = [
    words for kind in ("household_load", "dumbbell_load", "harder_with_support") for words in PLANNER[kind].values()
]
# Lower-body moves at effort 7 with no load and no stated harder form, which no review has yet written one for and this
# branch does not invent (open: see the branch's report): the supported split squat and the low step-up after a spine
# fracture, and the lunge cut short by painful joints.
NOT_YET_STATED = {"supported-split-squat", "step-up-low", "reverse-lunge"}
TRAINED_WITHOUT_FALLS = [
    profile for profile in all_profiles() if profile.experience == "trained" and profile.falls == "low"
]
SIT_TO_STAND = "sit-to-stand"


def _states_a_way(change: str) -> bool:
    return any(words in change for words in STATED_WAYS)


def _can_reach_the_effort(slot, kit: str) -> bool:
    """A load from the kit that the change does not set aside, a stated load or harder form, or a body-weight move past
    the beginner level that painful joints do not cut short."""
    exercise, change = CATALOG.exercises_by_id[slot["exercise_id"]], slot["modification"]
    kit_load = set(exercise["equipment"]) & EXTERNAL_LOADS & EQUIPMENT_SETS[kit]
    if (kit_load and "without dumbbells" not in change.lower()) or _states_a_way(change):
        return True
    cut_short = exercise["modifications"].get("shallow-knee", "")
    return exercise["level"] != "beginner" and not (cut_short and cut_short in change)


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_every_lower_body_move_at_effort_7_gives_a_way_to_reach_it(profile):
    """Every plan shape and kit: a lower-body move prescribed at effort 7 or more holds a load, states one or a harder
    form, or is a harder move in itself; the sit-to-stand always (X2's, at a high risk of falling, had neither)."""
    for shape, kit in itertools.product(SHAPES, KITS):
        slots = build_plan(profile, *shape, kit, CATALOG).sessions
        hard = slots[(slots["block"] == LOWER_BODY) & (slots["effort"].fillna(0) >= TARGET_EFFORT)]
        stuck = {
            slot["exercise_id"] for slot in hard.to_dict("records") if not _can_reach_the_effort(slot, kit)
        } - NOT_YET_STATED
        assert not stuck, (shape, kit, stuck)


@pytest.mark.parametrize("profile", TRAINED_WITHOUT_FALLS, ids=str)
def test_y_m4_a_trained_client_with_no_kit_loads_her_legs_in_every_phase(profile):
    """Y1's plan held the body-weight lunge alone in every phase: with no kit, a trained client at a low risk of falling
    keeps the sit-to-stand with its household load in each phase, as a novice on the same kit does."""
    for shape in SHAPES:
        slots = build_plan(profile, *shape, "none", CATALOG).sessions
        legs = slots[slots["block"] == LOWER_BODY]
        loaded = legs[legs["modification"].map(lambda change: PLANNER["household_load"][SIT_TO_STAND] in change)]
        assert set(loaded["phase"]) == set(PHASES), (shape, legs[["phase", "exercise_id"]].drop_duplicates())


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_y_m4_a_plan_with_no_kit_never_says_without_dumbbells(profile):
    """Y1's lunge read "Without dumbbells, one hand on a counter or chair back throughout" on a plan whose kit holds no
    dumbbells: every plan shape's sessions and home work with kit "none" give the support alone."""
    for shape in SHAPES:
        plan = build_plan(profile, *shape, "none", CATALOG)
        changes = [*plan.sessions["modification"], *plan.home["modification"]]
        assert not [change for change in changes if "without dumbbells" in change.lower()], shape


FALLERS = [profile for profile in all_profiles() if profile.falls == "high"]


@pytest.mark.parametrize("profile", FALLERS, ids=str)
def test_x_m4_a_fallers_plan_sheet_gives_the_sit_to_stand_its_harder_form(profile):
    """X2's plan sheet at 3x/6/30 with no kit: "A hand on the armrests or a counter to steady you", and nothing of how to
    make it harder. Wherever a faller's plan sheet holds the sit-to-stand, its harder form follows its support."""
    plan = build_plan(profile, 3, 6, 30, "none", CATALOG)
    records = [record for record in handout_exercises(profile, plan, CATALOG) if record["id"] == SIT_TO_STAND]
    assert records, "no sit-to-stand on the sheet"
    assert all(PLANNER["harder_with_support"][SIT_TO_STAND] in record["dose"] for record in records), records


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_x_m4_the_sheet_without_a_plan_says_how_the_sit_to_stand_grows_harder(profile):
    """The sheet without a plan cut the dose's progression ("to make it harder, lower the seat ..." for a faller,
    "hold a dumbbell at the chest when 12 feels easy" for others): its sit-to-stand states a harder form or a load."""
    records = [record for record in handout_exercises(profile, None, CATALOG) if record["id"] == SIT_TO_STAND]
    kind = "harder_with_support" if profile.falls == "high" else "dumbbell_load"
    assert all(PLANNER[kind][SIT_TO_STAND].rstrip(".") in record["dose"] for record in records), records
