"""Physio review X (docs/reviews/review-x.md): findings fixed in the lead's branch (fix35)."""

import dataclasses

import pytest

from lib.catalog import default_catalog
from lib.handout import build_handout
from lib.plan_weeks import heavy_start, phase_lengths, week_count
from lib.planner import build_plan
from lib.profiles import all_profiles
from lib.safety import assess

FLOOR_WORDS = default_catalog().planner["floor_practice"]["words"]
NO_FLOOR = [profile for profile in all_profiles() if not profile.floor_transfers]
# The floor versions the floor practice's words promise, by the words that name them.
NAMED_FLOOR_MOVES = {
    "push-ups": "push-up",
    "bird dog": "bird-dog",
    "planks": "forearm-plank",
    "back extensions lying face down": "prone-back-extension",
}


def test_x_m5_the_floor_practice_names_the_floor_moves_and_who_brings_them_in():
    """X1's week-9 line ended "the floor exercises can come in": no move named, and no one to bring them in (the plan
    never adds one)."""
    assert "update your plan" in FLOOR_WORDS
    assert all(words in FLOOR_WORDS for words in NAMED_FLOOR_MOVES)
    exercises = {exercise["id"]: exercise for exercise in default_catalog().exercises}
    assert all(exercises[exercise_id]["floor"] for exercise_id in NAMED_FLOOR_MOVES.values())


@pytest.mark.parametrize("profile", NO_FLOOR, ids=str)
def test_x_m5_every_floor_move_it_names_suits_the_client_once_she_can_get_up(profile):
    """The words promise these moves to every client without floor transfers: each must suit her once the floor
    gate opens (not "avoid" for the same profile with floor transfers)."""
    table = assess(dataclasses.replace(profile, floor_transfers=True)).set_index("id")
    assert all(table.loc[exercise_id, "status"] != "avoid" for exercise_id in NAMED_FLOOR_MOVES.values()), profile


@pytest.mark.parametrize("profile", NO_FLOOR, ids=str)
def test_x_m5_the_floor_practice_comes_first_on_the_sheet(profile):
    """From week 1 "If you fall" says not to get up alone until a physiotherapist has practised it: X1 (a low risk of
    falling) waited until week 9. The line is one of week 1's, which name no week, before any later week's."""
    handout = build_handout(profile, build_plan(profile, 2, 12, 45, "bands and dumbbells"))
    floor_line = next(index for index, line in enumerate(handout.week_lines) if FLOOR_WORDS in line)
    assert not any(line.startswith("Week ") for line in handout.week_lines[: floor_line + 1]), handout.week_lines


TRAINED = [profile for profile in all_profiles() if profile.experience == "trained"]


@pytest.mark.parametrize("months", [6, 12, 24])
def test_x_m1_a_trained_clients_build_is_a_month_whatever_the_plans_length(months):
    """C5 (normal bone, trained, cleared) spent weeks 1-18 of a 12-month plan below 3 sets at effort 7, and met 5 x 5
    in week 31 like a novice (week 51 in a 2-year plan). LIFTMOR began 5 x 5 after a month of technique work: a trained
    client's build now lasts a month, so her heavy sets start in week 16 whatever the plan's length."""
    lengths = phase_lengths(week_count(months), "trained")
    assert lengths["foundation"] + lengths["build"] == 8, lengths
    assert heavy_start(week_count(months), "trained") == 16


@pytest.mark.parametrize("profile", TRAINED, ids=str)
def test_x_m1_a_trained_plan_reaches_three_sets_of_eight_within_two_months(profile):
    """Every trained client's plan, heavy or not: 3 sets of 8 by week 8 in 6- and 12-month plans, never later."""
    for months in (6, 12):
        weeks = build_plan(profile, 3, months, 45, "full gym").weeks.set_index("week")
        assert (weeks.loc[8, "sets"], weeks.loc[8, "reps"]) == (3, 8), (months, weeks.loc[8].to_dict())
