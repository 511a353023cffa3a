"""Physio review Z (docs/reviews/review-z.md): M2 and M4, fixed in fix39."""

import pytest

from lib.catalog import default_catalog
from lib.handout import WORDING_FILE, build_handout, load_handout_words
from lib.plan_notes import low_z_gate
from lib.plan_usable import PHASES, technique_first
from lib.planner import build_plan
from lib.profiles import all_profiles
from lib.safety import impact_ceiling

CATALOG = default_catalog()
FIRST_IMPACT = load_handout_words(WORDING_FILE, CATALOG.references)["first_impact"]
TECHNIQUE = CATALOG.planner["technique_first"]
# Every plan shape a no-kit plan can take: sessions a week by minutes a session, a year long; and the shortest and
# longest plans (the drill's phase is the first phase, whatever the length).
NO_KIT_SHAPES = [(sessions, 12, minutes) for sessions in (2, 3) for minutes in (30, 45, 60)] + [(2, 3, 30), (3, 24, 60)]


def _counted_impact(exercise_id: str) -> bool:
    return CATALOG.exercise(exercise_id)["dose_kind"] == "impacts"


def _plans_first_rung(profile) -> str | None:
    """The counted impact exercise a no-kit plan's first phase starts with (None where it has none: a stand-in at its
    own dose, or no impact block)."""
    sessions = build_plan(profile, 2, 12, 30, "none", CATALOG).sessions
    first = sessions[(sessions["phase"] == PHASES[0]) & (sessions["block"] == "impact")]
    return next((found for found in first["exercise_id"] if _counted_impact(found)), None)


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_z_m2_the_sheet_without_a_plan_lists_the_plans_first_impact_rung_with_its_dose(profile):
    """Z1's sheet without a plan named 'Up to moderate impact, beside a counter: stamping and low jumps' and listed no
    impact exercise, no count, no 'how often', for any bone level. Where the ceiling allows moderate impact the sheet
    now lists the rung a no-kit plan starts with, at ROS's dose (about 50 most days, uncertain) or, with a low Z-score
    not yet cleared, a light start until the doctor's review, and names it in 'How often', citing ROS. Below moderate
    impact (a spine fracture, painful joints, a high risk of falling) ROS's advice is brisk walking: none is listed."""
    handout = build_handout(profile, catalog=CATALOG)
    listed = [exercise for exercise in handout.exercises if _counted_impact(exercise["id"])]
    how_often = handout.week_lines[0]
    if impact_ceiling(profile, CATALOG) not in ("moderate", "high"):
        assert not listed, (profile, listed)
        assert "Impact" not in how_often, how_often
        return
    assert [exercise["id"] for exercise in listed] == [_plans_first_rung(profile)], profile
    (impact,) = listed
    dose = FIRST_IMPACT["until_cause_checked" if low_z_gate(profile) else "dose"]
    assert impact["dose"].lower().startswith(dose.lower()), impact["dose"]
    assert ("about 50" in impact["dose"]) != low_z_gate(profile), impact["dose"]
    assert how_often.endswith(f"Impact ({impact['name'].lower()}): most days."), how_often
    assert set(FIRST_IMPACT["sources"]) <= set(handout.source_keys[0])


@pytest.mark.parametrize("profile", [profile for profile in all_profiles() if profile.vertebral_fracture], ids=str)
def test_z_m2_after_a_spine_fracture_the_sheet_lists_no_impact_exercise(profile):
    """ROS: after a vertebral fracture, impact only up to brisk walking. The fix must not add an impact exercise or an
    impact frequency to her sheet."""
    handout = build_handout(profile, catalog=CATALOG)
    assert not [exercise["id"] for exercise in handout.exercises if _counted_impact(exercise["id"])]
    assert "Impact" not in handout.week_lines[0]


def _hinge_slots(plan, phase: str):
    sessions = plan.sessions
    return sessions[
        (sessions["phase"] == phase) & (sessions["session"] == "B") & (sessions["block"] == "axial lower body")
    ]


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_z_m4_a_no_kit_plan_teaches_the_hip_hinge_in_session_b(profile):
    """Z2 (osteoporosis, painful joints, novice) at 2x/12/30 with no kit never met the hip-hinge drill in a session: it
    lived in a caution only, while with bands and dumbbells session B held it first. Every no-kit plan of a novice with
    low bone mass now holds the drill in session B's hinge slot in its first phase, at the planner's session dose (a
    faller with her one-hand set-up), unloaded (the planner's household loads name none for the hinge); the squat
    keeps its pain rule in session A. Every other client's no-kit plan holds no drill, as before."""
    expected_change = " ".join(
        change
        for change in (
            CATALOG.planner["household_load"].get(TECHNIQUE["drill"], "") if profile.falls == "low" else "",
            CATALOG.exercise(TECHNIQUE["drill"])["modifications"][TECHNIQUE["falls_high"]]
            if profile.falls == "high"
            else "",
        )
        if change
    )
    for shape in NO_KIT_SHAPES if technique_first(profile) else NO_KIT_SHAPES[:1]:  # others: the plan as before
        plan = build_plan(profile, *shape, "none", CATALOG)
        drilled = plan.sessions[plan.sessions["exercise_id"] == TECHNIQUE["drill"]]
        if not technique_first(profile):
            assert drilled.empty, (profile, shape)
            continue
        (slot,) = _hinge_slots(plan, TECHNIQUE["phase"]).to_dict("records")
        assert slot["exercise_id"] == TECHNIQUE["drill"], (profile, shape, slot)
        assert (slot["reps"], slot["modification"]) == (TECHNIQUE["dose"], expected_change), (profile, shape, slot)
        assert set(drilled["phase"]) == {TECHNIQUE["phase"]}, (profile, shape)
        if profile.joint_limits:
            squat = plan.sessions[
                (plan.sessions["phase"] == TECHNIQUE["phase"])
                & (plan.sessions["session"] == "A")
                & (plan.sessions["block"] == "axial lower body")
            ].iloc[0]
            settles = CATALOG.planner["painful_joints"]["settles"]["squat"]
            assert settles in squat["modification"], (profile, shape, squat["modification"])


@pytest.mark.parametrize("profile", [profile for profile in all_profiles() if technique_first(profile)], ids=str)
def test_z_m4_the_no_kit_plan_sheet_gives_the_drill_in_session_b(profile):
    """Z2's plan sheet (2x/12/30, no kit) now lists the drill among week 1's exercises, in session B, at its session
    dose; the rounded-back-lifting caution's INSTEAD names the drill without a second dose."""
    handout = build_handout(profile, build_plan(profile, 2, 12, 30, "none", CATALOG), catalog=CATALOG)
    (drill,) = [exercise for exercise in handout.exercises if exercise["id"] == TECHNIQUE["drill"]]
    assert drill["sessions"] == ["B"], drill
    assert TECHNIQUE["dose"] in drill["dose"], drill["dose"]
    insteads = [caution["instead"] or "" for caution in handout.cautions]
    assert not [instead for instead in insteads if instead.startswith(drill["name"]) and "Dose:" in instead], insteads
