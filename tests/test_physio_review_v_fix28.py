"""Physiotherapist reviews V and U (docs/reviews/review-v.md, review-u.md): sheet lines that lacked a week or a reason
(branch fix28: V M1, V M3, V Lo3, V Lo4, U Lo1, U Lo4), each tested over every profile it concerns."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings, strategies as st

from lib.catalog import default_catalog
from lib.handout import WORDING_FILE, build_handout, load_handout_words
from lib.handout_plan import later_lifts, later_moves
from lib.handout_week import plan_lines
from lib.planner import build_plan
from lib.plan_usable import technique_first
from lib.profiles import Profile, all_profiles
from lib.safety import impact_ceiling, profile_guidance
from lib.safety_rules import NEUTRAL_EXERCISE, decide, rules_for
from tests.test_physio_review_k import KITS, SHAPES
from tests.test_physio_review_u import HEAVY_ELIGIBLE

CATALOG = default_catalog()
FALLERS = [profile for profile in all_profiles() if profile.falls == "high"]
NESTED_BRACKETS = re.compile(r"\([^()]*\([^()]*\)[^()]*\)")


@pytest.mark.parametrize("profile", HEAVY_ELIGIBLE, ids=str)
def test_v_m1_the_heavy_sets_line_gives_its_first_week_and_the_weeks_that_learn_the_lift(profile):
    """V1's "Heavy sets (...): a load you can lift about 6 times" came with no week, above the week-5 lines; the
    heavy sets' week (21) and the learning weeks (14-20 at 3 x 8) came four lines further down."""
    for months in (6, 12, 24):
        plan = build_plan(profile, 2, months, 45, "full gym")
        if not plan.heavy:
            continue
        weeks = plan.weeks
        first = weeks[weeks["intensity_pct_1rm"].notna()].iloc[0]
        lead_in = weeks[(weeks["phase"] == first["phase"]) & (weeks["week"] < first["week"])]
        line = next(line for line in plan_lines(plan) if line.startswith("Heavy sets"))
        assert f"from week {first['week']}" in line, (months, line)
        if not lead_in.empty:
            learning = f"weeks {lead_in['week'].min()}-{lead_in['week'].max()} learning the lift at "
            assert learning + f"{lead_in['sets'].iloc[0]} x {lead_in['reps'].iloc[0]}" in line, (months, line)


@pytest.mark.parametrize("profile", FALLERS, ids=str)
def test_v_m3_stamping_after_the_balance_check_keeps_the_full_balance_time(profile):
    """V2's week-14 balance check added stamping "in place of part of the balance time": for a faller the balance
    dose is the one with fall-reduction evidence. The stamps now take the last minutes of the marching warm-up, which
    every such plan holds in every session, so the session keeps its minutes and its balance."""
    for minutes in (30, 45):
        plan = build_plan(profile, 2, 6, minutes, "full gym")
        check = [review for review in plan.weeks["review"] if "stamping" in review]
        if not check:
            continue
        assert "balance time" in check[0] and "in place of part of the balance" not in check[0], check[0]
        assert "marching warm-up" in check[0], check[0]
        warm_ups = plan.sessions[plan.sessions["block"] == "warm-up"]
        every_session = plan.sessions.groupby(["phase", "session"]).ngroups
        assert len(warm_ups) == every_session and set(warm_ups["exercise"]) == {"Marching on the spot"}, minutes


def _without_impact(plan) -> bool:
    return not (plan.sessions["block"] == "impact").any()


@pytest.mark.parametrize("profile", FALLERS, ids=str)
def test_u_lo1_a_fallers_short_sessions_say_why_they_hold_no_impact_work_and_what_makes_room(profile):
    """U1's 30-minute plan read "No jumping or hopping" with no reason. The reason is time: balance takes a faller's
    minutes first (lib/plan_sessions.py, _keep_order); the note says so and that 45-minute sessions make room, which
    the same plan at 45 minutes must show. After a spine fracture the first note already gives its own reason."""
    impact = CATALOG.planner["impact"]
    for kit in ("none", "full gym"):
        short = build_plan(profile, 2, 6, 30, kit)
        if not _without_impact(short):
            continue
        assert _without_impact(short) and not _without_impact(build_plan(profile, 2, 6, 45, kit)), kit
        if profile.vertebral_fracture:
            assert impact["after_vertebral_fracture"]["walking_with_falls"] in short.notes, short.notes
        else:
            assert impact["walking_with_falls"] in short.notes, short.notes
            assert (
                "balance gets each session's minutes first, and 45-minute sessions make room"
                in impact["walking_with_falls"]
            )


def test_u_lo1_the_sheet_gives_the_reason_without_the_walking_set_up_its_aerobic_line_carries():
    """U1 (normal, falls high, painful joints, trained, cleared) at 2 x 6 x 30 with a full gym, as the review read it."""
    u1 = Profile(falls="high", joint_limits=True, experience="trained", clearance=True)
    lines = build_handout(u1, build_plan(u1, 2, 6, 30, "full gym")).week_lines
    assert CATALOG.planner["impact"]["with_falls_on_sheet"] in lines, lines
    assert not any(line.startswith("No jumping or hopping") for line in lines), lines


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_u_lo4_the_low_impact_ceiling_gives_the_reason_of_the_rule_that_caps_it(profile):
    """224 profiles read "Up to low impact: ..." with no reason. The line now gives the words of the rule that makes
    moderate impact avoid, the one that holds whatever the others allow first (a spine fracture's, then painful
    joints', then a faller's balance check), so no capped profile is told a balance check opens more."""
    if impact_ceiling(profile, CATALOG) != "low":
        return
    because = CATALOG.wording["impact_ceiling"]["low_because"]
    advice = next(item.advice for item in profile_guidance(profile, CATALOG) if item.topic == "Impact")
    deciding = decide(NEUTRAL_EXERCISE | {"impact": "moderate"}, rules_for(profile, CATALOG.rules)).rule_ids
    given = [rule_id for rule_id, words in because.items() if words in advice]
    assert len(given) == 1 and given[0] in deciding, (given, deciding, advice)
    if profile.vertebral_fracture:
        assert given == ["vertebral-fracture-impact"]
    elif profile.joint_limits:
        assert given == ["painful-joints-impact"]


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from([found for found in all_profiles() if found.joint_limits]),
    st.sampled_from(KITS),
    st.sampled_from(SHAPES),
)
@example(Profile(bone="osteopenia", joint_limits=True), "full gym", (2, 6, 30))
@example(
    Profile(bone="osteopenia", joint_limits=True, experience="trained", floor_transfers=False), "full gym", (2, 6, 30)
)
def test_v_lo3_no_instead_puts_brackets_in_brackets_or_skips_a_move_the_plan_holds_before_its_lift(profile, kit, shape):
    """V4's INSTEAD read "Sit-to-stand from a chair (supported) (barbell back squat (moderate load) from week 15)",
    while the plan held the box squat from week 7."""
    plan = build_plan(profile, *shape, kit)
    insteads = [caution.get("instead") or "" for caution in build_handout(profile, plan).cautions]
    assert not any(NESTED_BRACKETS.search(instead) for instead in insteads), insteads
    if (profile, kit, shape) == (Profile(bone="osteopenia", joint_limits=True), "full gym", (2, 6, 30)):
        assert any(
            "then box squat from week 7; barbell back squat (moderate load) from week 15" in found for found in insteads
        ), insteads


@pytest.mark.parametrize("profile", [found for found in all_profiles() if technique_first(found)], ids=str)
def test_v_lo4_the_loaded_hinge_a_technique_check_opens_has_its_own_week_line(profile):
    """V4's kettlebell deadlift "(in place of the hip-hinge drill)" sat inside a 90-word harder-moves line; V2's and
    V3's had a line of their own. Every plan that holds the drill first gives the lift that takes its place its own
    'From week N, in session B' line, and the harder-moves line no longer names it."""
    words = load_handout_words(WORDING_FILE, CATALOG.references)
    drill = CATALOG.planner["technique_first"]["drill"]
    for kit in ("bands and dumbbells", "full gym"):
        plan = build_plan(profile, 2, 12, 45, kit)
        sessions = plan.sessions
        drilled = sessions[sessions["exercise_id"] == drill]
        after = sessions[
            sessions["session"].isin(drilled["session"])
            & sessions["block"].isin(drilled["block"])
            & ~sessions["phase"].isin(drilled["phase"])
        ]
        if drilled.empty or after.empty:
            continue
        lift = after.iloc[0]["exercise"].lower()
        own = [line for line in later_lifts(plan, CATALOG, words["later_lifts"]) if f": {lift}" in line.lower()]
        assert own and "in place of the hip-hinge drill" in own[0], (kit, own)
        harder = " ".join(later_moves(plan, CATALOG, words["later_moves"], words["later_lifts"]))
        assert "in place of the hip-hinge drill" not in harder, (kit, harder)
