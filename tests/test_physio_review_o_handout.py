"""Review O's handout Lows (/work/handoff/s9/physio/review-o.md): the harder-moves line gives each move's change in
its own brackets (Lo3); a proper name keeps its capital inside a sentence, and a held-back lift's line names the
lift to keep to (nits)."""

from __future__ import annotations

import dataclasses
import re

import pandas as pd
from hypothesis import example, given, settings, strategies as st

from lib.handout import build_handout
from lib.handout_plan import FIRST_PHASE, sentence_case, short_name
from lib.planner import build_plan
from lib.profiles import CHOICES, Profile
from tests.test_physio_review_k import KITS, SHAPES, profiles

O1 = Profile(bone="normal", experience="trained", joint_limits=True)
N1 = Profile(bone="osteoporosis", vertebral_fracture=True, joint_limits=True, experience="trained", clearance=True)
O7 = Profile(bone="osteopenia", vertebral_fracture=True, joint_limits=True, experience="trained")
BRACKETED = re.compile(r" \([^()]*(?:\([^()]*\)[^()]*)*\)")  # one pair of brackets, with pairs of its own inside


def _outside_brackets(text: str) -> str:
    return BRACKETED.sub("", text)


def _harder_moves(profile: Profile, kit: str, shape: tuple[int, int, int]) -> tuple[object, str]:
    plan = build_plan(profile, *shape, kit)
    line = next((line for line in build_handout(profile, plan).week_lines if line.startswith("Harder moves")), "")
    return plan, line


@given(profiles, st.sampled_from(KITS), st.sampled_from(SHAPES))
@example(O1, "full gym", (3, 12, 45))
@settings(max_examples=20, deadline=None)
def test_o_lo3_each_harder_moves_change_is_in_its_own_brackets_after_its_move(profile, kit, shape):
    """o1: 'push-up (knees or toes), kneel on a folded towel or cushion, or push up from the toes; if kneeling still
    hurts, ...; lat pulldown, ...': the list's semicolons also split the push-up's change, so where it ends is unclear.
    Outside its brackets the line holds only the moves' names; each change is in brackets after its move."""
    plan, line = _harder_moves(profile, kit, shape)
    if not line:
        return
    moves = pd.concat([plan.sessions, plan.home]).drop_duplicates("exercise_id")
    rest = _outside_brackets(line).lower().removeprefix("harder moves: ").rstrip(".")
    # A leg move by its short name (review R, Lo1: 'Romanian deadlift (in place of ...)').
    names = {named.lower() for name in moves["exercise"] for named in (_outside_brackets(name), short_name(name))}
    for name in sorted(names, key=len, reverse=True):
        rest = rest.replace(name, "\0")
    # A leg move's 'in place of' has no brackets (review W, Lo3): the moves it names are names too.
    rest = re.sub(r" in place of the \0(?: in [a-c])?(?: and the \0 in [a-c])*", "", rest)
    # The week's later home moves follow its session moves, 'at home, ...' (review S, Lo5).
    assert re.fullmatch(r"(from week \d+, )?((at home, )?\0(, | and |; from week \d+, |; )?)+", rest), (rest, line)
    # A move replaced is named with its change elsewhere.
    named = re.sub(r" \(in place of [^)]*\)| in place of [^(;,]*", "", line)
    for move in moves[moves["modification"] != ""].itertuples():
        if sentence_case(move.exercise, upper=False) in named:
            change = sentence_case(move.modification, upper=False).rstrip(".")
            # In its own brackets, or after a semicolon in the name's (review W, Lo3); a hinge's line cue may follow.
            in_brackets = rf"(\(|; )(for each: )?{re.escape(change)}(\)|\. )"
            assert re.search(in_brackets, line), (move.exercise, line)


def test_o_lo3_o1s_push_up_change_ends_at_its_closing_bracket():
    _, line = _harder_moves(O1, "full gym", (3, 12, 45))
    assert (
        # One bracket, not two in a row (review W, Lo3).
        "push-up (knees or toes; kneel on a folded towel or cushion, or push up from the toes; if kneeling still hurts,"
        " do the push-up with the hands on a counter or the wall);"
    ) in line, line


@given(profiles, st.sampled_from(KITS), st.sampled_from(SHAPES))
@example(O1, "full gym", (3, 12, 45))
@example(N1, "full gym", (3, 12, 45))
@settings(max_examples=20, deadline=None)
def test_o_nits_plan_lines_keep_proper_names_and_name_the_one_lift_to_keep_to(profile, kit, shape):
    """'(in place of the romanian deadlift)': Romanian (and Russian) are names. n1/o7: 'kettlebell deadlift (in place
    of the step-up). ... keep to the lower-body lift of the first phase in its place': the line has just named it."""
    handout = build_handout(profile, build_plan(profile, *shape, kit))
    for line in [*handout.week_lines, *(caution["instead"] or "" for caution in handout.cautions)]:
        assert not re.search(r"\b(romanian|russian)\b", line), line
        replaced = re.search(r"\(in place of the ([^()]*?)\)", line)
        if replaced and not re.search(r" in [A-C]\b", replaced.group(1)):
            assert "lower-body lift of the first phase" not in line, line


def test_o_nit_o1s_deadlift_replaces_the_romanian_deadlift_with_its_capital():
    handout = build_handout(O1, build_plan(O1, 3, 12, 45, "full gym"))
    assert any("(in place of the Romanian deadlift)" in line for line in handout.week_lines), handout.week_lines


def test_sentence_case_lowers_a_common_word_and_keeps_a_proper_name():
    assert sentence_case("Romanian deadlift with dumbbells", upper=False) == "Romanian deadlift with dumbbells"
    assert sentence_case("Step-up with dumbbells", upper=False) == "step-up with dumbbells"
    assert sentence_case("romanian deadlift") == "Romanian deadlift"


def test_o_nit_the_held_back_deadlift_names_the_lift_to_keep_to():
    """n1/o7: 'kettlebell deadlift (in place of the step-up). ... keep to the lower-body lift of the first phase in its
    place' (since review O the plan holds the deadlift in place of the goblet squat)."""
    for profile in (N1, O7):
        handout = build_handout(profile, build_plan(profile, 3, 12, 45, "full gym"))
        line = next(line for line in handout.week_lines if ": kettlebell deadlift (in place of the " in line)
        old = re.search(r"\(in place of the ([^()]*)\)", line).group(1)
        # Then only the lift's line cue (review W, M3).
        assert f"until they agree, keep to the {old} in its place. Push the hips back" in line, line


C = Profile(bone="osteoporosis", experience="trained", clearance=True)  # review C's cleared lifter
cleared = st.builds(
    Profile, **{name: st.sampled_from(values) for name, values in CHOICES.items() if name != "clearance"}
)


def assert_each_heavy_line_replaces_the_lift_just_before_it(profile: Profile, kit: str, shape: tuple[int, int, int]):
    plan = build_plan(profile, *shape, kit)
    lines = [line for line in build_handout(profile, plan).week_lines if line.startswith("From week")]
    phases = list(dict.fromkeys(plan.weeks["phase"]))
    sessions = plan.sessions
    for heavy in sessions[sessions["heavy"]].drop_duplicates("exercise_id").itertuples():
        before = sessions[
            (sessions["phase"] == phases[phases.index(heavy.phase) - 1])
            & (sessions["session"] == heavy.session)
            & (sessions["block"] == heavy.block)
        ]
        line = next(line for line in lines if f": {sentence_case(heavy.exercise, upper=False)} (in place of" in line)
        for old in before.itertuples():
            name = sentence_case(old.exercise, upper=False)
            assert f"the {short_name(name)}" in line.split("(in place of ")[1], (old.exercise, line)
            on_front = old.exercise_id in set(sessions.loc[sessions["phase"] == FIRST_PHASE, "exercise_id"])
            # Named before, its own brackets as a comma's where a line says what it replaces (review W, Lo3).
            said = re.sub(r" \(([^()]*)\)$", r", \1", name)
            assert on_front or any(f": {name}" in earlier or f": {said}" in earlier for earlier in lines), (
                old.exercise,
                lines,
            )


def test_m_lo5_the_cleared_lifters_sheet_shows_the_moderate_barbell_lifts_before_the_heavy_ones():
    """c: 'heavy barbell back squat, 5 x 5 (in place of the dumbbell squat)': the plan's weeks 5-23 hold the moderate
    barbell squat and deadlift, which the sheet never named."""
    handout = build_handout(C, build_plan(C, 3, 12, 45, "full gym"))
    # The name's own brackets as a comma's (review W, Lo3: no two brackets in a row).
    assert "From week 5, in session A: barbell back squat, moderate load (in place of the dumbbell squat)." in (
        handout.week_lines
    )
    assert any(
        "heavy barbell back squat, 5 x 5 (in place of the barbell back squat)" in line for line in handout.week_lines
    )
    assert_each_heavy_line_replaces_the_lift_just_before_it(C, "full gym", (3, 12, 45))


@given(cleared, st.sampled_from(KITS), st.sampled_from(SHAPES))
@settings(max_examples=20, deadline=None)
def test_m_lo5_every_heavy_line_replaces_the_lift_the_plan_holds_just_before_it(profile, kit, shape):
    assert_each_heavy_line_replaces_the_lift_just_before_it(dataclasses.replace(profile, clearance=True), kit, shape)
