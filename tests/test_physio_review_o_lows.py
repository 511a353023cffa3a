"""Issue #10's leftover Lows from the physiotherapist's read O (/work/handoff/s9/physio/review-o.md): no dose on a
gated low-Z-score plan goes past the gate's effort (O Lo1), and a later move in a session is never the same move as
the one it replaces, or an easier one (O Lo2)."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import example, given, settings, strategies as st

from lib.handout import build_handout
from lib.plan_usable import PHASES
from lib.planner import build_plan
from lib.profiles import CHOICES, PRESETS, Profile, all_profiles
from lib.safety import assess
from lib.safety_review import SHADOWED, WORKED_EXAMPLES, review_sheet, worked_example
from tests.test_physio_review_k import CATALOG, KITS, SHAPES, profiles

O3 = Profile.from_z_score(-2.3, experience="trained", joint_limits=True)  # gated: low Z-score, no clearance
O4 = Profile(bone="osteoporosis", falls="high", joint_limits=True, experience="trained", clearance=True)
M1 = Profile(bone="osteoporosis", falls="high", experience="trained", clearance=True)
GATE = re.compile(r"stay in the first phase \(weeks 1-\d+\): effort up to (\d+) out of 10")
EFFORT = re.compile(r"effort (?:of |up to )?(\d+)(?:-(\d+))?")
gated_profiles = st.builds(
    Profile,
    bone=st.just("low_for_age"),
    clearance=st.just(False),
    **{name: st.sampled_from(values) for name, values in CHOICES.items() if name not in ("bone", "clearance")},
)


def _efforts(text: str) -> list[int]:
    """Every effort a dose text names, the top of each range."""
    return [int(high or low) for low, high in EFFORT.findall(text)]


def assert_no_dose_passes_the_gate(profile: Profile, kit: str, shape: tuple[int, int, int]) -> None:
    plan = build_plan(profile, *shape, kit)
    gate = next(int(found[1]) for note in plan.notes if (found := GATE.search(note)))
    first = plan.sessions[plan.sessions["phase"] == PHASES[0]]
    home = plan.home[plan.home["phase"] == PHASES[0]]
    for _, row in first.iterrows():
        efforts = _efforts(str(row["reps"])) + ([] if pd.isna(row["effort"]) else [int(row["effort"])])
        assert max(efforts, default=0) <= gate, (profile, kit, shape, row["exercise"], row["reps"], row["effort"])
    for dose in home["dose"]:
        assert max(_efforts(dose), default=0) <= gate, (profile, kit, shape, dose)
    for exercise in build_handout(profile, plan).exercises:  # the sheet's front list: week 1's doses
        assert max(_efforts(exercise["dose"]), default=0) <= gate, (profile, kit, shape, exercise["dose"])


@given(gated_profiles, st.sampled_from(KITS), st.sampled_from(SHAPES))
@example(O3, "full gym", (3, 12, 45))
@example(O3, "full gym", (2, 6, 30))
@settings(max_examples=40, deadline=None)
def test_o_lo1_no_dose_on_a_gated_plan_or_sheet_passes_the_gates_effort(profile, kit, shape):
    """o3: 'stay in the first phase (weeks 1-4): effort up to 5 out of 10' beside 'Heel raises | Sessions A-C: 2-3
    sets of 8-12 repetitions at an effort of 5-8 out of 10': the stand-in for impact kept its own dose's range."""
    assert_no_dose_passes_the_gate(profile, kit, shape)


def test_o_lo1_the_gated_heel_raises_say_the_gates_effort_until_the_review():
    handout = build_handout(O3, build_plan(O3, 3, 12, 45, "full gym"))
    heel_raises = next(exercise for exercise in handout.exercises if exercise["name"] == "Heel raises")
    assert heel_raises["dose"] == (
        "Sessions A-C: 2-3 sets of 8-12 repetitions at an effort up to 5 out of 10 until the doctor's review"
    ), heel_raises["dose"]


def test_o_lo1_a_cleared_low_z_plan_keeps_the_heel_raises_own_dose():
    """No gate, no cap: with clearance a doctor has looked for the cause already (physio review C5)."""
    cleared = Profile.from_z_score(-2.3, experience="trained", joint_limits=True, clearance=True)
    plan = build_plan(cleared, 3, 12, 45, "full gym")
    heel_raises = plan.sessions[plan.sessions["exercise_id"] == "heel-raises"]
    assert (heel_raises["reps"] == "2-3 sets of 8-12 repetitions at an effort of 5-8 out of 10").all()


def _easier_or_same(exercise_id: str) -> set[str]:
    """The exercise and every easier version of it, down its regression links (data/exercises.yaml)."""
    found = [exercise_id]
    while (easier := CATALOG.exercise(found[-1])["regression"]) and easier not in found:
        found.append(easier)
    return set(found)


def _moves(exercise_id: str, table: pd.DataFrame) -> set[str]:
    """The exercise, and the move its shown change makes it (data/planner.yaml, same_move_when_changed)."""
    rule = table.loc[exercise_id, "modification_rule"]
    change = CATALOG.rules_by_id[rule].get("modification") if rule else None
    return {exercise_id, CATALOG.planner["same_move_when_changed"].get(exercise_id, {}).get(change, exercise_id)}


def assert_every_later_move_is_harder(profile: Profile, kit: str, shape: tuple[int, int, int]) -> None:
    plan = build_plan(profile, *shape, kit)
    table = assess(profile, CATALOG).set_index("id")
    for (session, block), slots in plan.sessions.groupby(["session", "block"]):
        if block == "balance":  # a circuit of drills, checked by tests/test_balance_ladder_order.py
            continue
        by_phase = [slots.loc[slots["phase"] == phase, "exercise_id"].tolist() for phase in PHASES]
        for earlier, later in zip(by_phase, by_phase[1:]):
            if len(earlier) != 1 or len(later) != 1 or earlier == later:
                continue
            replaced, new = earlier[0], later[0]
            where = (profile, kit, shape, session, block)
            assert not _moves(new, table) & _easier_or_same(replaced), (where, replaced, new)


@given(profiles, st.sampled_from(KITS), st.sampled_from(SHAPES))
@example(O4, "full gym", (3, 12, 45))
@example(M1, "full gym", (3, 12, 45))
@example(Profile(bone="osteoporosis", falls="high", joint_limits=True, floor_transfers=False), "none", (3, 12, 45))
@example(Profile(bone="normal", vertebral_fracture=True, joint_limits=True), "bands and dumbbells", (3, 12, 45))
@settings(max_examples=60, deadline=None)
def test_o_lo2_a_later_move_is_never_the_same_move_as_what_it_replaces_or_easier(profile, kit, shape):
    """o4: 'From week 5, in session C: walking lunge (in place of the reverse lunge). Do short, shallow split squats on
    the spot instead, without dumbbells, one hand on a counter': the supported split squat, easier than the lunge."""
    assert_every_later_move_is_harder(profile, kit, shape)


def test_o_lo2_the_cleared_fallers_session_c_keeps_and_progresses_the_reverse_lunge():
    plan = build_plan(O4, 3, 12, 45, "full gym")
    lunges = plan.sessions[(plan.sessions["session"] == "C") & (plan.sessions["block"] == "axial lower body")]
    # From the build phase: the first phase starts supported, the lunge after it (physio reviews P Lo5, Q M2).
    later = lunges[lunges["phase"] != PHASES[0]]
    assert set(later["exercise_id"]) == {"reverse-lunge"}, lunges["exercise_id"].tolist()
    weeks = plan.weeks[~plan.weeks["deload"]]
    assert weeks["sets"].max() > weeks["sets"].iloc[0] and weeks["effort"].max() > weeks["effort"].iloc[0]
    handout = build_handout(O4, plan)
    assert not [line for line in handout.week_lines if "walking lunge" in line.lower()], handout.week_lines


def _rule_section(sheet: str, rule_id: str) -> str:
    return sheet.split(f"#### `{rule_id}`:")[1].split("\n#### ")[0]


def test_o_nit_the_kneeling_rule_shows_its_padded_rows_on_the_review_sheet():
    """Its only preset, frail-faller, has no floor work, so every kneeling row there stays avoid: the sheet showed the
    padding only as the rule's words. A worked example shows each padded row, not a preset the app lacks."""
    section = _rule_section(review_sheet(), "painful-joints-kneeling")
    kneeling = [exercise for exercise in CATALOG.exercises if exercise["kneeling"]]
    assert kneeling
    for exercise in kneeling:
        padded = exercise["modifications"]["padded-knees"]
        assert f"  - {exercise['name']}: modify. {padded}" in section, (exercise["name"], section)
    assert "not a preset" in section


@pytest.mark.parametrize("rule_id", sorted(WORKED_EXAMPLES))
def test_o_nit_a_worked_example_shows_what_no_preset_table_shows(rule_id):
    """A worked example is for a rule whose change no preset's table shows, and its profile shows that change."""
    tables = [assess(profile, CATALOG) for profile in PRESETS.values()]
    assert not any((table["modification_rule"] == rule_id).any() for table in tables), rule_id
    assert "  - " in worked_example(rule_id, CATALOG)


def test_every_modify_rules_change_shows_in_a_preset_table_or_a_worked_example():
    """A reader of docs/safety-review.md sees each modify rule's change at work, or why it never shows."""
    tables = [assess(profile, CATALOG) for profile in PRESETS.values()]
    shown = set().union(*(set(table["modification_rule"].dropna()) for table in tables))
    modify_rules = {rule["id"] for rule in CATALOG.rules if rule["status"] == "modify"}
    assert modify_rules - shown - set(WORKED_EXAMPLES) - set(SHADOWED) == set()


@pytest.mark.parametrize("rule_id, winner", sorted(SHADOWED.items()))
def test_a_shadowed_rule_never_gives_its_change_and_the_winner_takes_its_rows(rule_id, winner):
    for profile in all_profiles():
        table = assess(profile, CATALOG)
        assert not (table["modification_rule"] == rule_id).any(), profile
        rows = table[table["rules"].map(lambda rules: rule_id in rules)]
        assert (rows["modification_rule"] == winner).all(), profile
