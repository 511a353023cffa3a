"""The planner's part of the physiotherapist's review (issue #10, /work/handoff/physio-review.md findings
1, 3, 9, 10, 13, 14, 16, 18, 22, 26, 27): each written to fail on the planner the review read."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings

from lib.catalog import default_catalog
from lib.plan_picks import AXIAL_BLOCK
from lib.plan_usable import EQUIPMENT_SETS, EXTERNAL_LOADS, HOUSEHOLD, PHASES
from lib.plan_weeks import falls_review
from lib.planner import build_plan, session_grid
from lib.profiles import PRESETS, Profile, all_profiles
from lib.safety import assess
from lib.safety_rules import IMPACT_LEVELS
from tests.test_planner import in_the_kits_words, opened_by_the_balance_check, plans

PLANNER = default_catalog().planner
EXERCISES = default_catalog().exercises_by_id
LADDER = [rung["exercise"] for rung in PLANNER["balance_ladder"]]
STAND_IN_NAME = EXERCISES[PLANNER["impact"]["stand_in"]["exercise"]]["name"]
TRAINED_NO_KIT = Profile(experience="trained", clearance=True)


def balance_items(plan) -> pd.DataFrame:
    return pd.concat([plan.sessions[plan.sessions["block"] == "balance"], plan.home[plan.home["block"] == "balance"]])


@given(plans)
@settings(max_examples=40)
def test_1_each_balance_level_says_when_to_move_on_and_the_levels_climb_the_ladder(plan):
    rungs = {rung["exercise"]: rung["move_on_when"] for rung in PLANNER["balance_ladder"]}
    for item in balance_items(plan).itertuples():
        assert item.move_on_when == rungs[item.exercise_id]
    picks = list(dict.fromkeys(plan.sessions.loc[plan.sessions["block"] == "balance", "exercise_id"]))
    # What a passed balance check opens takes no rung of the climb (lib/plan_picks.py phase_balance; review Z, M3).
    opened = opened_by_the_balance_check(plan, assess(plan.profile).set_index("id"))
    picks = [found for found in picks if found not in opened]
    assert picks == sorted(picks, key=LADDER.index)  # never a step back down the ladder
    for earlier, later in (
        ("supported-tandem-stance", "single-leg-stance-supported"),
        ("single-leg-stance-supported", "heel-to-toe-walk"),
    ):
        if earlier in picks and later in picks:
            assert picks.index(earlier) < picks.index(later)


def test_1_balance_criteria_use_only_the_sourced_10_second_hold():
    """The 4-stage balance test (STEADI) holds each stance 10 s; no other number has a source here."""
    for rung in PLANNER["balance_ladder"]:
        numbers = set(re.findall(r"\d+", rung["move_on_when"]))
        assert numbers <= {"10"}, rung["exercise"]
        assert not numbers or "steadi" in rung["sources"], rung["exercise"]
    # The 4-stage test's own order: tandem, then one leg (physio review D, finding 2: a frail faller started on
    # one leg, her painful knee taking all her weight, and "progressed" to tandem).
    assert (
        LADDER.index("supported-tandem-stance")
        < LADDER.index("single-leg-stance-supported")
        < LADDER.index("heel-to-toe-walk")
    )


@pytest.mark.parametrize("profile", [p for p in all_profiles() if p.vertebral_fracture][::3], ids=str)
def test_3_after_a_vertebral_fracture_a_physio_review_opens_build_and_strength_and_the_legs_stop_at_the_cap(profile):
    plan = build_plan(profile, sessions_per_week=3, months=12)
    weeks = plan.weeks
    firsts = weeks.groupby("phase", sort=False)["week"].min()
    physio = weeks["review"].str.startswith("Physiotherapist review before progressing")
    assert weeks.loc[physio, "week"].tolist() == [firsts["build"], firsts["strength"]]
    balance_check = falls_review(profile, PLANNER)  # a faller's check at the build phase's end (physio review C4)
    floor = PLANNER["floor_practice"]["words"]  # week 1 without floor transfers (physio review V, M2)
    # Week 1's visit before the first session (physio review Y, M3), with the floor practice where there is one.
    later = weeks.loc[~physio & (weeks["week"] > 1), "review"]
    assert set(later) <= {"", PLANNER["low_for_age"]["gate_review"], balance_check, floor}
    assert weeks.loc[0, "review_kinds"].split()[-1] == "spine_visit"
    cap = PLANNER["after_vertebral_fracture"]["lower_body_cap"]
    axial = plan.sessions[plan.sessions["block"] == AXIAL_BLOCK]
    drill = PLANNER["technique_first"]["drill"]  # unloaded: a novice's technique step before the hinge (F, M2)
    assert set(axial["exercise_id"]) - {drill} <= set(cap)
    assert "romanian-deadlift" not in set(plan.sessions["exercise_id"])


def test_3_the_review_point_reaches_the_calendar_file_and_the_handout():
    from lib.exports import plan_ics
    from lib.handout import plan_lines

    plan = build_plan(PRESETS["vertebral-fracture"], months=12)
    calendar = plan_ics(plan, pd.Timestamp("2027-01-04").date(), 45, calendar_id="test").decode()
    assert "Physiotherapist review before progressing" in calendar.replace("\r\n ", "")
    assert any("Physiotherapist review before progressing" in line for line in plan_lines(plan))


@given(plans)
@settings(max_examples=40)
def test_9_minutes_per_component_come_from_the_sessions_and_no_impact_means_no_impact_minutes(plan):
    minutes = [column for column in plan.weeks if column.startswith("minutes_")]
    for phase, weeks in plan.weeks.groupby("phase"):
        slots = plan.sessions[plan.sessions["phase"] == phase]
        has_impact = (slots["block"] == "impact").any()
        assert (weeks["minutes_impact"] > 0).all() == has_impact
        assert ((weeks["minutes_balance"] > 0) == (slots["block"] == "balance").any()).all()
    per_session = plan.weeks[minutes].sum(axis=1) / plan.sessions_per_week  # what the blocks take, on average
    assert (per_session <= plan.session_minutes).all()
    if (plan.weeks["impacts_per_session"] == 0).all():
        stand_in = (plan.sessions["block"] == "impact").any()  # heel raises at their own dose (physio review F, L5)
        assert (plan.weeks["minutes_impact"] > 0).any() == stand_in
        # After a spine fracture the first note already says no jumping (review S's nit): the walking words open it.
        # A faller's short sessions say why they hold none: balance takes their minutes first (physio review U, Lo1).
        no_impact = "Impact drills wait" if plan.profile.falls == "high" else "No jumping or hopping"
        no_impact = "Brisk walking counts" if plan.profile.vertebral_fracture else no_impact
        opening = "No landings" if stand_in else no_impact
        assert any(note.startswith(opening) and "brisk walking counts" in note.lower() for note in plan.notes)


def test_9_minutes_differ_between_profiles():
    frail = build_plan(PRESETS["frail-faller"], equipment="none").weeks
    lifter = build_plan(PRESETS["osteoporosis-cleared"]).weeks
    # The frail faller's impact block holds heel raises at a counter (physio review F, L5): a short drill, no landings.
    assert 0 < frail["minutes_impact"].max() < lifter["minutes_impact"].max()
    assert (frail["impacts_per_session"] == 0).all()


@given(plans)
@settings(max_examples=40)
def test_10_each_moves_impacts_rise_never_fall_and_high_impact_waits_past_the_foundation(plan):
    # A new impact move starts again low (physio review Y, M1; tests/test_physio_review_y_fix36.py): each move's own
    # count never falls outside the lighter weeks.
    ordinary = plan.weeks[~plan.weeks["deload"]]
    for _, its_weeks in ordinary.groupby("impact_move"):
        assert its_weeks["impacts_per_session"].is_monotonic_increasing
    impact = plan.sessions[plan.sessions["block"] == "impact"].drop_duplicates("phase")
    levels = [IMPACT_LEVELS.index(EXERCISES[i]["impact"]) for i in impact["exercise_id"]]
    assert levels == sorted(levels)
    assert "high" not in {EXERCISES[i]["impact"] for i in impact.loc[impact["phase"] == "foundation", "exercise_id"]}


@pytest.mark.parametrize("profile", all_profiles()[::9], ids=str)
def test_10_and_14_with_no_kit_nothing_planned_needs_kit(profile):
    plan = build_plan(profile, sessions_per_week=3, months=12, equipment="none")
    stand_ins = PLANNER["bench_stand_ins"]
    for item in pd.concat([plan.sessions, plan.home]).itertuples():
        needs = set(EXERCISES[item.exercise_id]["equipment"]) - ({"bench"} if item.exercise_id in stand_ins else set())
        assert "none" in needs or needs <= HOUSEHOLD, item.exercise  # "none": doable with no kit


@pytest.mark.parametrize(
    "profile",
    [PRESETS["young-low-z"], Profile.from_z_score(-2.1, experience="trained"), Profile.from_z_score(-2.4)],
    ids=str,
)
def test_13_a_low_z_score_plan_starts_with_a_medical_review_fuelling_and_no_fall_prevention_target(profile):
    plan = build_plan(profile, sessions_per_week=3, months=12)
    assert plan.notes[0].startswith("Medical review first")
    assert any("Eat enough to fuel your training" in note for note in plan.notes)
    low_z = PLANNER["low_for_age"]
    assert "leslie2006" in low_z["sources"] and "mountjoy2014" in low_z["fuel"]["sources"]  # the review's; the fuel's
    assert plan.weeks.loc[0, "review"] == ""  # without clearance the doctor's review opens the second phase (B7)
    assert plan.weeks["balance_minutes"].max() < 120
    assert (plan.weeks["balance_minutes"] == plan.weeks["minutes_balance"]).all()  # the sessions' balance only
    assert "balance" not in set(plan.home["block"])


def test_13_an_older_client_keeps_the_two_hour_balance_target_and_no_medical_review_line():
    plan = build_plan(PRESETS["osteopenia"])
    assert plan.weeks.set_index("week").loc[16, "balance_minutes"] >= 120
    assert not any(note.startswith("Medical review") for note in plan.notes)


def test_14_a_trained_client_with_no_kit_lunges_or_stands_from_a_chair_with_a_household_load():
    """Finding 14: no bare sit-to-stand for a trained client. Review Y (M4): with no kit she keeps the sit-to-stand with
    its household load beside the lunge, the one leg move whose load can rise."""
    plan = build_plan(TRAINED_NO_KIT, sessions_per_week=2, months=12, equipment="none")
    axial = plan.sessions[plan.sessions["block"] == AXIAL_BLOCK]
    assert set(axial["exercise_id"]) <= {"sit-to-stand", "reverse-lunge", "walking-lunge"}
    sit_to_stand = axial.loc[axial["exercise_id"] == "sit-to-stand", "modification"]
    assert not sit_to_stand.empty and sit_to_stand.str.contains(PLANNER["household_load"]["sit-to-stand"]).all()


def _household_load(exercise_id: str, change: str) -> bool:
    return exercise_id in PLANNER["household_load"] and PLANNER["household_load"][exercise_id] in change


@pytest.mark.parametrize("profile", [p for p in all_profiles() if p.experience == "trained"][::6], ids=str)
def test_14_a_trained_client_works_at_a_load_or_level_that_reaches_the_target_effort(profile):
    for kit in ("none", "full gym"):
        plan = build_plan(profile, sessions_per_week=3, months=12, equipment=kit)
        table = assess(profile).set_index("id")
        slots = plan.sessions[plan.sessions["block"] == AXIAL_BLOCK]
        if profile.falls == "high":  # her squat, and her first phase's leg work, start supported (reviews P Lo5, Q M2)
            slots = slots[(slots["session"] != "A") & (slots["phase"] != PHASES[0])]
        # phase by phase: a loaded lift a review or clearance opens comes only from its phase (physio review C6, C9)
        for _, axial in slots.groupby("phase"):
            # a household load with no kit (physio review Y, M4)
            household = {
                i for i, change in zip(axial["exercise_id"], axial["modification"]) if _household_load(i, change)
            }
            # not a move painful knees make short and shallow with no load in the kit (physio review U, M3)
            hard_enough = {
                i
                for i in axial["exercise_id"]
                if (
                    set(table.loc[i, "equipment"]) & EXTERNAL_LOADS
                    or table.loc[i, "level"] != "beginner"
                    or i in household
                )
                and not (
                    "painful-joints-deep-knee" in table.loc[i, "rules"]
                    and not set(table.loc[i, "equipment"]) & EQUIPMENT_SETS[kit] & EXTERNAL_LOADS
                )
            }
            if hard_enough:  # the kit offers something that reaches the effort: only that is planned
                assert set(axial["exercise_id"]) == hard_enough


def test_18_without_a_bench_the_row_is_steadied_on_a_chair_seat_or_table():
    plan = build_plan(Profile(bone="osteopenia", falls="high"), equipment="bands and dumbbells")
    rows = plan.sessions[plan.sessions["exercise_id"] == "supported-dumbbell-row"]
    assert not rows.empty and "bench" not in EXERCISES["supported-dumbbell-row"]["equipment"]
    assert "sturdy chair seat or table" in EXERCISES["supported-dumbbell-row"]["summary"]


def test_18_a_seated_press_without_a_bench_is_done_on_a_chair():
    lifter = Profile(experience="trained", clearance=True, floor_transfers=False)  # one it is planned for
    plan = build_plan(lifter, equipment="bands and dumbbells")
    rows = plan.sessions[plan.sessions["exercise_id"] == "seated-overhead-press"]
    assert not rows.empty and rows["modification"].str.contains("sturdy chair").all()
    gym = build_plan(lifter, equipment="full gym").sessions
    assert not gym.loc[gym["exercise_id"] == "seated-overhead-press", "modification"].str.contains("chair").any()


@given(plans)
@settings(max_examples=40)
def test_16_heavy_weeks_start_after_a_deload_and_heavy_rows_need_the_coach_present(plan):
    heavy_weeks = plan.weeks.index[plan.weeks["intensity_pct_1rm"].notna()]
    if len(heavy_weeks):
        assert plan.weeks.loc[heavy_weeks[0] - 1, "deload"]
    heavy_rows = plan.sessions[plan.sessions["heavy"].astype(bool)]
    assert heavy_rows["modification"].str.contains("Only with your supervising coach present").all()


@pytest.mark.parametrize("profile", [p for p in all_profiles() if p.clearance and p.experience == "trained"], ids=str)
def test_16_every_heavy_row_of_every_cleared_lifter_needs_the_coach_present(profile):
    """A change that only puts a coach beside the lift (a rack squat's 'with the coach spotting', a painful-joint
    deadlift from blocks) still says the coach must be present: hypothesis found such a row on main."""
    plan = build_plan(profile, sessions_per_week=3, months=24)
    heavy_rows = plan.sessions[plan.sessions["heavy"].astype(bool)]
    assert heavy_rows["modification"].str.contains("Only with your supervising coach present").all()


def test_16_heavy_cells_give_a_load_set_by_the_coach_and_the_percentage_as_the_trials():
    plan = build_plan(PRESETS["osteoporosis-cleared"], months=12)
    cell = session_grid(plan, "A").loc[AXIAL_BLOCK, "strength"]
    assert "a load you can lift about 6 times with good form, set and raised by your coach" in cell
    assert "LIFTMOR used 80-85 %" in cell and "Only with your supervising coach present" in cell
    # The strength phase opens with a month of each heavy lift's own 3 x 8 (physio review D3, stricter).
    first_heavy = plan.weeks.loc[plan.weeks["intensity_pct_1rm"].notna(), "week"].min()
    assert f"3 x 8 at effort 7 to week {first_heavy - 1}; then 5 x 5" in cell


@given(plans)
@settings(max_examples=40)
def test_22_impact_cells_give_a_count_in_each_session_never_a_weekly_one(plan):
    for letter in plan.sessions["session"].unique():
        grid = session_grid(plan, letter)
        if "impact" in grid.index:
            for cell in grid.loc["impact"]:
                if cell.startswith(STAND_IN_NAME):  # at its own dose, not counted (physio review F, L5)
                    continue
                assert "in each session" in cell and "a week" not in cell and "at most" not in cell


@pytest.mark.parametrize("profile", [p for p in all_profiles() if p.falls == "low"][::8], ids=str)
def test_26_a_low_risk_of_falling_starts_balance_standing_and_moving(profile):
    plan = build_plan(profile, sessions_per_week=3, months=12)
    first = plan.sessions.loc[
        (plan.sessions["block"] == "balance") & (plan.sessions["phase"] == "foundation"), "exercise_id"
    ]
    assert "seated-balance-reach" not in set(first)
    assert {EXERCISES[i]["fall_demand"] for i in first} & {"moderate", "high"}


@given(plans)
@settings(max_examples=40)
def test_27_a_deload_is_a_lighter_week_at_the_same_effort_and_aerobic_work_is_moderate(plan):
    weeks = plan.weeks.assign(volume=plan.weeks["sets"] * plan.weeks["reps"])
    for position in weeks.index[weeks["deload"]]:
        assert weeks.loc[position, "effort"] == weeks.loc[position - 1, "effort"]
        assert weeks.loc[position, "volume"] < weeks.loc[position - 1, "volume"]
    assert (plan.weeks["aerobic_intensity"] == "moderate").all()


@pytest.mark.parametrize(
    "profile, kit",
    [
        (Profile(bone="osteoporosis", falls="high", experience="trained", clearance=True), "full gym"),
        (Profile(falls="high"), "none"),
    ],
    ids=["P4", "P5"],
)
def test_review_a_2_a_planned_modify_item_prints_its_support_beside_the_dose(profile, kit):
    """Physio review A #2 (high risk of falling): a "modify" item planned carries its change in plan.sessions
    and plan.home, and each session table prints it right after the exercise's dose."""
    plan = build_plan(profile, sessions_per_week=3, months=12, equipment=kit)
    table = assess(profile).set_index("id")
    modified = pd.concat([plan.sessions, plan.home])
    modified = modified[modified["exercise_id"].map(table["status"]) == "modify"]
    assert not modified.empty
    for item in modified.itertuples():
        assert item.modification.startswith(in_the_kits_words(table.loc[item.exercise_id], kit)), item.exercise
    for slot in plan.sessions[plan.sessions["exercise_id"].isin(modified["exercise_id"])].itertuples():
        cell = session_grid(plan, slot.session).loc[slot.block, slot.phase]
        assert f"{slot.exercise} (" in cell and f"). {slot.modification}" in cell, slot.exercise


def test_b3_a_high_faller_with_no_impact_work_is_told_how_to_walk_safely():
    # The five-plan read's finding 3: the note sent her walking without the set-up the assessment asks for.
    faller = Profile(bone="osteoporosis", falls="high", joint_limits=True, floor_transfers=False)
    plan = build_plan(faller)
    walking = assess(faller).set_index("id").loc["brisk-walking"]
    assert walking["status"] == "modify" and "with a pole or a companion" in " ".join(plan.notes)
