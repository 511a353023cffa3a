"""Reviews R, S and T on the plan sheet (docs/reviews/review-r.md, review-s.md, review-t.md): every later move the
client will meet is named, a leg move with the move its session held the week before (R Lo1, S Lo5); a move done only
with a coach says so (T Lo4); without a plan, balance starts where the plan's first phase starts (T Lo3)."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings, strategies as st

from lib.catalog import load_catalog
from lib.handout import build_handout
from lib.handout_plan import FIRST_PHASE, first_home, sheet_name, short_name
from lib.plan_picks import AXIAL_BLOCK
from lib.planner import build_plan
from lib.profiles import Profile, all_profiles
from tests.test_physio_review_k import KITS, SHAPES

CATALOG = load_catalog()
R1 = Profile(bone="osteoporosis", falls="high", floor_transfers=False)
S9 = Profile(bone="osteopenia", experience="trained")
T5 = Profile(bone="normal", experience="trained", clearance=True)
BUILDING_RESERVE = Profile(bone="normal", experience="trained")
COACH = "coach"


def _names(slot, renames: dict) -> set[str]:
    """The names the sheet may give a planned move: its own, short, and a renamed hold (data/handout.yaml)."""
    names = {short_name(slot["exercise"]).lower()}
    return names | {renamed[slot["exercise_id"]] for renamed in renames.values() if slot["exercise_id"] in renamed}


def _week_text(lines: list[str], week: int) -> str:
    """What the sheet's week lines say of `week`: its 'From week N' lines and the harder-moves line's 'from week N'."""
    said = [line for line in lines if line.startswith(f"From week {week},")]
    said += [found for line in lines for found in re.findall(rf"from week {week}, .*?(?=; from week |$)", line)]
    return " ".join(said).lower()


def assert_every_later_move_is_named_in_place_of_what_was_held(profile, kit, shape) -> None:
    plan = build_plan(profile, *shape, kit)
    handout = build_handout(profile, plan)
    words = handout.words
    renames = words["later_lifts"]["names"]
    blocks = words["later_moves"]["blocks"]
    sheet = " ".join([*(record["name"] for record in handout.exercises), *handout.week_lines]).lower()
    moves = [*plan.sessions[plan.sessions["block"].isin(blocks)].iterrows(), *plan.home.iterrows()]
    for _, slot in moves:
        if slot["block"] in blocks:
            assert any(name in sheet for name in _names(slot, renames)), (slot["exercise"], handout.week_lines)
    starts = plan.weeks.groupby("phase")["week"].min()
    sessions = plan.sessions
    phases = list(starts.sort_values().index)
    legs = sessions[sessions["block"] == AXIAL_BLOCK]
    for before, phase in zip(phases, phases[1:]):
        for _, slot in legs[legs["phase"] == phase].iterrows():
            held = legs[(legs["phase"] == before) & (legs["session"] == slot["session"])]
            if held.empty or held.iloc[0]["exercise_id"] == slot["exercise_id"]:
                continue
            said = _week_text(handout.week_lines, int(starts[phase]))
            full = sheet_name(slot, CATALOG, renames).lower()
            names = {
                full,
                short_name(full),
            }  # a lift's own line gives its full name, the harder-moves line its short one
            olds = {short_name(named).lower() for named in _names(held.iloc[0], renames)}  # the front's, or renamed
            places = [
                place
                for name in names
                # In brackets, or without on the harder-moves line and after a name's comma (review W, Lo3).
                for place in re.findall(re.escape(name) + r"(?: \([^)]*\)|, [^(]*?)? \(?in place of ([^()]*)", said)
            ]
            assert any(f"the {old}" in place for place in places for old in olds), (phase, slot["session"], names, said)


@given(st.sampled_from(all_profiles()), st.sampled_from(KITS), st.sampled_from(SHAPES))
@example(R1, "none", (2, 6, 30))
@example(R1, "bands and dumbbells", (3, 12, 45))
@example(S9, "full gym", (3, 6, 45))
@example(BUILDING_RESERVE, "full gym", (3, 12, 45))
@example(Profile(joint_limits=True), "full gym", (3, 12, 45))  # a lift's own line: 'Romanian deadlift with dumbbells'
@settings(max_examples=40, deadline=None)
def test_r_lo1_s_lo5_every_later_move_is_named_and_a_leg_move_in_place_of_what_its_session_held(profile, kit, shape):
    """R Lo1: the supported split squat, walking lunge and reverse lunge that replace another leg move went unnamed,
    and 'in place of' named the wrong move; S Lo5: the later home moves were never named."""
    assert_every_later_move_is_named_in_place_of_what_was_held(profile, kit, shape)


def assert_every_supervised_move_names_a_coach(profile, kit, shape) -> None:
    plan = build_plan(profile, *shape, kit)
    handout = build_handout(profile, plan)
    lines = [*handout.week_lines, *(f"{record['name']}: {record['dose']}" for record in handout.exercises)]
    for exercise_id in {*plan.sessions["exercise_id"], *plan.home["exercise_id"]}:
        exercise = CATALOG.exercise(exercise_id)
        if not exercise.get("supervision"):
            continue
        name = short_name(exercise["name"]).lower()
        for line in lines:
            for part in line.lower().split(";"):
                if name in part:
                    assert COACH in part, (exercise["name"], line)


@given(st.sampled_from(all_profiles()), st.sampled_from(KITS), st.sampled_from(SHAPES))
@example(T5, "full gym", (2, 6, 30))
@example(T5, "full gym", (3, 12, 45))
@settings(max_examples=40, deadline=None)
def test_t_lo4_a_move_done_only_with_a_coach_says_so_where_the_sheet_names_it(profile, kit, shape):
    """T Lo4: 'from week 5, jumping chin-up with drop landing' with no coach, where LIFTMOR supervised every one."""
    assert_every_supervised_move_names_a_coach(profile, kit, shape)


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_t_lo3_without_a_plan_balance_is_a_drill_the_plans_first_phase_could_give(profile):
    """T Lo3: at a low risk of falling, a novice's sheet without a plan started at the seated balance reach, her plan
    at stepping practice and the heel-to-toe walk (session 12 had fixed this for fallers only)."""
    plan = build_plan(profile)
    first = {
        *plan.sessions.loc[plan.sessions["phase"] == FIRST_PHASE, "exercise_id"],
        *first_home(plan)["exercise_id"],
    }
    balance = [record for record in build_handout(profile).exercises if record["pattern"] == "balance"]
    assert balance, "no balance exercise on the sheet"
    for record in balance:
        assert record["id"] in first, (record["name"], sorted(first))
