"""Physiotherapist review U (docs/reviews/review-u.md): findings fixed, each tested over every profile it concerns."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import example, given, settings, strategies as st

from lib.handout import build_handout
from lib.handout_plan import sentence_case
from lib.planner import SESSION_MINUTES, build_plan
from lib.plan_weeks import HEAVY_PCT_1RM, HEAVY_WEEKS_AT_LOWER
from lib.profiles import Profile, all_profiles
from lib.safety import assess
from pages.components.profile_form import YES_NO_FIELDS
from tests.support.guidance import guidance_on
from tests.test_physio_review_k import KITS
from tests.test_physio_review_k import SHAPES as PLAN_SHAPES

HEAVY_ELIGIBLE = [
    profile
    for profile in all_profiles()
    if (lambda table: (table["heavy"] & (table["status"] != "avoid")).any())(assess(profile))
]
SHAPES = list(itertools.product((2, 3), (6, 12, 24), SESSION_MINUTES))


@pytest.mark.parametrize("profile", HEAVY_ELIGIBLE, ids=str)
def test_u_m2_heavy_sets_open_at_the_lower_load_and_rise_only_after_two_heavy_weeks(profile):
    """U8's six-month plans opened heavy sets at 85 % 1RM, effort 9: the hardest week of the plan came first."""
    for sessions, months, minutes in SHAPES:
        weeks = build_plan(profile, sessions, months, minutes, "full gym").weeks
        heavy = weeks[weeks["intensity_pct_1rm"].notna()]
        if heavy.empty:
            continue
        at_lower = (heavy["intensity_pct_1rm"] == HEAVY_PCT_1RM[0]).tolist()
        first_higher = at_lower.index(False) if False in at_lower else len(at_lower)
        assert first_higher >= HEAVY_WEEKS_AT_LOWER, (sessions, months, minutes, heavy["intensity_pct_1rm"].tolist())
        assert heavy["effort"].iloc[0] == heavy["effort"].min(), (sessions, months, minutes)


def test_u_m2_u8s_six_month_plan_has_heavy_weeks_that_open_at_the_lower_load():
    """The case the review read, so the sweep above is not empty: U8 at 2 x 6 months x 30 minutes, full gym."""
    u8 = Profile(bone="osteopenia", experience="trained", clearance=True)
    weeks = build_plan(u8, 2, 6, 30, "full gym").weeks
    heavy = weeks[weeks["intensity_pct_1rm"].notna()]
    assert not heavy.empty and heavy["intensity_pct_1rm"].iloc[0] == HEAVY_PCT_1RM[0], heavy


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(all_profiles()), st.sampled_from(KITS), st.sampled_from(PLAN_SHAPES))
@example(Profile(floor_transfers=False), "bands and dumbbells", (3, 12, 45))
@example(Profile(bone="osteopenia", experience="trained", clearance=True), "full gym", (2, 6, 30))
def test_u_m1_the_sheets_impact_line_gives_each_later_impact_move_its_first_week(profile, kit, shape):
    """U6's sheet listed step-downs, stamping and low jumps in one line with the week-1 dose: stamping (week 9) and
    low jumps (week 27) read as week-1 moves."""
    plan = build_plan(profile, *shape, kit)
    starts = plan.weeks.groupby("phase")["week"].min()
    impact = plan.sessions[plan.sessions["dose_kind"] == "impacts"]  # heel raises standing in have no impact line
    line = next((line for line in build_handout(profile, plan).week_lines if line.startswith("Impacts")), "")
    for name, phase in impact[["exercise", "phase"]].drop_duplicates("exercise").itertuples(index=False):
        week = starts[phase]
        named = sentence_case(name, upper=False)
        assert named in line, (named, line)
        assert (f"{named} from week {week}" in line) == (week > 1), (named, week, line)


@pytest.mark.parametrize(
    "profile",
    [found for found in all_profiles() if not found.floor_transfers and not found.vertebral_fracture],
    ids=str,
)
def test_u_m4_without_floor_transfers_the_strength_advice_names_the_floor_gate(profile):
    """U5 (osteoporosis, not cleared, no floor work) was told heavy lifting needs only clearance and supervision; her
    cleared twin's heavy rows wait for floor practice. After a spine fracture no heavy lifting is offered at all."""
    assert "getting down to the floor and up again" in guidance_on(profile, "Strength").advice


def test_u_lo6_the_form_asks_a_cleared_low_z_score_for_a_doctor_who_has_looked_for_the_cause():
    """A cleared low Z-score's plan note and advice say her doctor has looked for the cause of the low Z-score
    (data/planner.yaml low_for_age.cleared); the form's 'Cleared for heavy lifting' had never asked for that."""
    cleared = build_plan(Profile(bone="low_for_age", clearance=True), 3, 12, 45).notes
    assert any("looked for the cause" in note for note in cleared)
    assert "Z-score below the expected range" in YES_NO_FIELDS["cleared"][1]
    assert "looked for its cause" in YES_NO_FIELDS["cleared"][1]
