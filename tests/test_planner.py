"""The planner's invariants over every profile, 2 and 3 sessions, 3 to 24 months (hypothesis)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from lib.planner import DELOAD_EVERY, EQUIPMENT_SETS, HEAVY_PCT_1RM, MAX_EFFORT, build_plan, session_dates, week_count
from lib.profiles import CHOICES, PRESETS, Profile
from lib.safety import IMPACT_LEVELS, assess

profiles = st.builds(Profile, **{name: st.sampled_from(values) for name, values in CHOICES.items()})
plans = st.builds(
    build_plan, profiles, sessions_per_week=st.sampled_from([2, 3]), months=st.integers(3, 24),
    session_minutes=st.sampled_from([30, 45, 60]), equipment=st.sampled_from(list(EQUIPMENT_SETS)),
)


@given(plans)
@settings(max_examples=80)
def test_weeks_and_sessions_match_the_request(plan):
    assert list(plan.weeks["week"]) == list(range(1, week_count(plan.months) + 1))
    assert (plan.weeks["sessions"] == plan.sessions_per_week).all()
    assert plan.weeks["month"].between(1, plan.months).all()
    assert sorted(plan.sessions["session"].unique()) == list("ABC")[: plan.sessions_per_week]


@given(plans)
@settings(max_examples=80)
def test_no_session_uses_an_exercise_the_profile_must_avoid(plan):
    status = dict(zip(*assess(plan.profile)[["id", "status"]].T.values))
    assert {status[exercise_id] for exercise_id in plan.sessions["exercise_id"]} <= {"recommended", "modify"}


@given(plans)
@settings(max_examples=80)
def test_impact_stays_under_the_ceiling(plan):
    table = assess(plan.profile).set_index("id")
    ceiling = IMPACT_LEVELS.index(plan.impact_ceiling)
    assert all(IMPACT_LEVELS.index(table.loc[i, "impact"]) <= ceiling for i in plan.sessions["exercise_id"])
    if plan.impact_ceiling == "none":
        assert (plan.weeks["impacts_per_session"] == 0).all()
    assert plan.weeks["impacts_per_session"].max() <= 50


@given(plans)
@settings(max_examples=80)
def test_intensity_respects_the_profile(plan):
    intensity = plan.weeks["intensity_pct_1rm"].dropna()
    assert plan.weeks["effort"].between(1, MAX_EFFORT).all()
    if not plan.heavy:
        assert intensity.empty  # no near-maximal percentages without clearance and supervision
    else:
        assert plan.profile.clearance and intensity.max() <= HEAVY_PCT_1RM[1]
        assert plan.weeks.loc[plan.weeks["phase"] == "foundation", "intensity_pct_1rm"].isna().all()
    if plan.profile.fragility in ("osteoporosis", "vertebral_fracture") and not plan.profile.clearance:
        assert not plan.heavy


@given(plans)
@settings(max_examples=80)
def test_deloads_recur_and_load_rises_through_the_build(plan):
    weeks = plan.weeks
    assert list(weeks.loc[weeks["deload"], "week"]) == [w for w in weeks["week"] if w % DELOAD_EVERY == 0]
    build = weeks[(weeks["phase"] == "build") & ~weeks["deload"]]
    load = build["effort"] * build["sets"]
    assert load.is_monotonic_increasing
    if len(build) >= 4:
        assert load.iloc[-1] > load.iloc[0]


def test_phases_run_in_order_with_a_longer_foundation_for_novices():
    novice = build_plan(PRESETS["osteoporosis"], months=12).weeks
    trained = build_plan(PRESETS["osteoporosis-cleared"], months=12).weeks
    assert list(dict.fromkeys(novice["phase"])) == ["foundation", "build", "strength", "maintenance"]
    assert (novice["phase"] == "foundation").sum() > (trained["phase"] == "foundation").sum()


def test_liftmor_dose_only_for_a_cleared_trained_client():
    cleared = build_plan(PRESETS["osteoporosis-cleared"], months=12)
    assert cleared.heavy
    heavy_slots = cleared.sessions[cleared.sessions["exercise_id"].str.startswith("heavy-")]
    assert set(heavy_slots["phase"]) <= {"strength", "maintenance"} and (heavy_slots["reps"] == "5").all()
    assert not build_plan(PRESETS["osteoporosis"], months=12).heavy
    assert not build_plan(PRESETS["vertebral-fracture"], months=12).heavy


def test_equipment_is_respected():
    plan = build_plan(PRESETS["osteopenia"], equipment="none")
    table = assess(PRESETS["osteopenia"]).set_index("id")
    for exercise_id in plan.sessions["exercise_id"]:
        assert set(table.loc[exercise_id, "equipment"]) <= EQUIPMENT_SETS["none"]


def test_every_session_has_the_essential_blocks():
    for profile in PRESETS.values():
        plan = build_plan(profile, sessions_per_week=2, months=6, equipment="none")
        for (_, _), slots in plan.sessions.groupby(["session", "phase"]):
            assert {"axial lower body", "upper body pull", "balance"} <= set(slots["block"])


def test_session_dates_start_on_the_first_full_week():
    plan = build_plan(PRESETS["osteopenia"], sessions_per_week=2, months=3)
    dates = session_dates(plan, dt.date(2026, 11, 25))  # a Wednesday
    assert dates[0] == (dt.date(2026, 11, 30), "A", 1)
    assert dates[1] == (dt.date(2026, 12, 3), "B", 1)
    assert len(dates) == 2 * len(plan.weeks)


@pytest.mark.parametrize("bad", [{"sessions_per_week": 4}, {"months": 2}, {"months": 25}, {"equipment": "spaceship"}, {"session_minutes": 50}])
def test_bad_requests_are_refused(bad):
    with pytest.raises(ValueError):
        build_plan(PRESETS["osteopenia"], **bad)
