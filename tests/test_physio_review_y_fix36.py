"""Branch fix36: review Y's M1 (docs/reviews/review-y.md), tested over every profile and plan shape.

M1: each harder landing started at the full 50 impacts a session. The plan's impacts never fell, so in the week a
phase brought in a harder impact move (low jumps in week 9, after stamping) the client did 50 of the new landing in
her first session. The reviewer (with ROS's start-low advice): a new landing starts at a few (10-20) and builds back
over about 3 weeks; the sheet should say so, e.g. "low jumps on the spot from week 9: 10 a session at first, back up
to about 50 by week 12"."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import example, given, settings

from lib.catalog import default_catalog
from lib.handout import plan_lines
from lib.plan_charts import describe_impacts, impacts_spec
from lib.planner import PHASES, build_plan
from lib.profiles import Profile, all_profiles
from lib.safety_rules import IMPACT_LEVELS
from tests.test_physio_review_k import KITS, SHAPES
from tests.test_planner import plans

EXERCISES = default_catalog().exercises_by_id
NEW_MOVE_MOST = 20  # the reviewer's "a few (10-20)" for a new landing's first week
# The most a week may add to the most the client has done of the same move: the restart's steps from 10 back to 50 in
# about 3 weeks (10, 25, 35, 50), which the phases' own slower climbs never exceed.
RAMP_STEP = 15
BACK_AT_50_WITHIN = 4  # weeks from a new move's first week to its first 50: three steps, and a lighter week among them
Y1 = Profile(bone="osteopenia", experience="trained", clearance=True, floor_transfers=False)
Y2 = Profile(bone="osteoporosis", experience="trained", floor_transfers=False)
Y4 = Profile(bone="low_for_age", floor_transfers=False)
U8 = Profile(bone="osteopenia", experience="trained", clearance=True)  # review Y's control
REVIEWED = [(Y1, "full gym", (2, 6, 45)), (Y2, "bands and dumbbells", (3, 12, 30)), (Y4, "none", (2, 12, 30))]
REVIEWED += [(U8, "full gym", (2, 6, 45)), (U8, "full gym", (3, 12, 30))]


def counted_moves(plan) -> pd.DataFrame:
    """Week by week: the counted impact move the week's phase holds in its sessions ('' for none), its impacts."""
    counted = plan.sessions[plan.sessions["dose_kind"] == "impacts"].drop_duplicates("phase")
    move_of_phase = dict(zip(counted["phase"], counted["exercise_id"]))
    weeks = plan.weeks[["week", "phase", "deload", "impacts_per_session"]]
    return weeks.assign(move=weeks["phase"].map(lambda phase: move_of_phase.get(phase, "")))


def new_move_weeks(moves: pd.DataFrame) -> pd.DataFrame:
    """The weeks whose counted impact move differs from the week before's (week 1's move included)."""
    return moves[(moves["move"] != "") & (moves["move"] != moves["move"].shift(fill_value=""))]


def assert_new_moves_start_low_and_climb_by_the_ramp(plan) -> None:
    moves = counted_moves(plan)
    assert list(plan.weeks["impact_move"]) == [EXERCISES[i]["name"] if i else "" for i in moves["move"]]
    for row in new_move_weeks(moves).itertuples():
        assert row.impacts_per_session <= NEW_MOVE_MOST, (row.week, row.move, row.impacts_per_session)
    for move, its_weeks in moves[moves["move"] != ""].groupby("move"):
        impacts = its_weeks["impacts_per_session"].tolist()
        for week, done, now in zip(its_weeks["week"].iloc[1:], pd.Series(impacts).cummax(), impacts[1:]):
            assert now <= done + RAMP_STEP, (move, week, done, now, impacts)
    deloads = plan.weeks.index[plan.weeks["deload"] & (plan.weeks.index > 0)]
    for position in deloads:  # the lighter weeks still halve the week before
        before, lighter = (
            plan.weeks.loc[position - 1, "impacts_per_session"],
            plan.weeks.loc[position, "impacts_per_session"],
        )
        assert lighter <= before // 2, (position + 1, before, lighter)


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_y_m1_a_new_impact_move_starts_at_20_or_fewer_and_climbs_no_faster_than_the_restart(profile):
    """Every profile, each of review K's four plan shapes, the kit taking turns: a week that brings in another impact
    move holds at most 20 of it a session, and no week of a move adds more than one restart step to the most done of
    it so far; the lighter weeks still halve."""
    kit_turn = all_profiles().index(profile)
    for number, shape in enumerate(SHAPES):
        assert_new_moves_start_low_and_climb_by_the_ramp(build_plan(profile, *shape, KITS[(kit_turn + number) % 3]))


@given(plans)
@settings(max_examples=60, deadline=None)
@example(build_plan(Y1, 2, 6, 45, "full gym"))
@example(build_plan(Y4, 2, 12, 30, "none"))
def test_y_m1_every_plan_shape_restarts_a_new_impact_move_low(plan):
    """3 to 24 months, every session length and kit: the same invariants as above."""
    assert_new_moves_start_low_and_climb_by_the_ramp(plan)


@given(plans)
@settings(max_examples=60, deadline=None)
@example(build_plan(Y2, 3, 12, 30, "bands and dumbbells"))
def test_y_m1_a_harder_move_in_a_later_phase_is_back_at_50_within_about_3_weeks(plan):
    """The restart builds back: a move that comes in with the strength phase (where the phases hold 50 a session) is
    at 50 again within three weeks at its count, four with a lighter week among them, where the plan lasts that long;
    and each new move is harder than the one before (the impact ladder climbs)."""
    moves = counted_moves(plan)
    starts = plan.weeks.groupby("phase")["week"].min()
    for row in new_move_weeks(moves).itertuples():
        if row.week > 1:
            before = moves.loc[moves["week"] == row.week - 1, "move"].iloc[0]
            assert not before or IMPACT_LEVELS.index(EXERCISES[row.move]["impact"]) >= IMPACT_LEVELS.index(
                EXERCISES[before]["impact"]
            )
        its_weeks = moves[(moves["move"] == row.move) & (moves["week"] >= row.week)]
        if row.phase != PHASES[2] or row.week != starts[row.phase] or len(its_weeks) <= BACK_AT_50_WITHIN:
            continue
        at_50 = its_weeks.loc[its_weeks["impacts_per_session"] == 50, "week"]
        assert not at_50.empty and at_50.min() - row.week <= BACK_AT_50_WITHIN, (row.move, row.week, its_weeks)


def grid_moves(plan) -> list[tuple[str, int, int, int, int]]:
    """Each counted impact move from the weeks grid: name, first week, impacts then, the most, the first week at it."""
    moves = counted_moves(plan)
    found = []
    for move in dict.fromkeys(moves.loc[moves["move"] != "", "move"]):
        its_weeks = moves[moves["move"] == move]
        impacts = its_weeks["impacts_per_session"]
        by_week = int(its_weeks.loc[impacts == impacts.max(), "week"].min())
        found.append(
            (EXERCISES[move]["name"], int(its_weeks["week"].min()), int(impacts.iloc[0]), int(impacts.max()), by_week)
        )
    return found


def assert_line_matches_the_grid(line: str, plan) -> None:
    """Each move in order, named with its first week (after week 1), then its first count, its most and that week."""
    lower = line.lower()
    moves = grid_moves(plan)
    names = [name.lower() if week == 1 else f"{name.lower()} from week {week}" for name, week, *_ in moves]
    places = [lower.index(name) for name in names]
    assert places == sorted(places), (names, line)
    for (name, _, first, most, by_week), start, end in zip(moves, places, [*places[1:], len(line)]):
        said = lower[start:end]
        assert f": {first} a session" in said, (name, first, line)
        assert (most == first) != (f"about {most} by week {by_week}" in said), (name, most, by_week, line)


@given(plans)
@settings(max_examples=60, deadline=None)
@example(build_plan(Y1, 2, 6, 45, "full gym"))
@example(build_plan(Y4, 2, 12, 30, "none"))
def test_y_m1_the_sheets_impact_line_and_the_chart_text_match_the_weeks_grid(plan):
    if plan.weeks["impacts_per_session"].max() == 0:
        return
    line = next(line for line in plan_lines(plan) if line.startswith("Impacts"))
    assert_line_matches_the_grid(line, plan)
    assert_line_matches_the_grid(describe_impacts(plan), plan)


@pytest.mark.parametrize(("profile", "kit", "shape"), REVIEWED, ids=str)
def test_y_m1_the_reviewed_plans_bring_low_jumps_in_at_10_a_session(profile, kit, shape):
    """The plans review Y read: low jumps come in at 10 a session (week 9, or 17 for Y4: a novice's strength phase
    since review Z M1, week 27 when the review was written), and the sheet says when they are back at 50."""
    plan = build_plan(profile, *shape, kit)
    weeks = plan.weeks.set_index("week")
    first = int(weeks.index[weeks["impact_move"] == EXERCISES["low-jumps"]["name"]].min())
    assert first == (17 if profile == Y4 else 9) and weeks.loc[first, "impacts_per_session"] == 10
    back = int(weeks.index[(weeks.index > first) & (weeks["impacts_per_session"] == 50)].min())
    line = next(line for line in plan_lines(plan) if line.startswith("Impacts"))
    said = f"low jumps on the spot (two feet) from week {first}"
    assert said in line and f"10 a session, back up to about 50 by week {back}" in line.split(said)[1]


def test_y_m1_the_impact_chart_names_each_weeks_move():
    """The chart's bars carry each week's move, so the dip of a new move shows with its name."""
    plan = build_plan(Y1, 2, 6, 45, "full gym")
    bars = impacts_spec(plan)["datasets"]["weeks"]
    assert [bar["impact_move"] for bar in bars] == list(plan.weeks["impact_move"])
    assert {"field": "impact_move", "type": "nominal"} in impacts_spec(plan)["encoding"]["tooltip"]
