"""The eleventh physiotherapist read (/work/handoff/s8/physio/review-l.md), of profiles no read had covered: the
hardest balance drills always beside a counter (H1), a barbell pull from the floor with painful joints from a
pain-free height (M1), and the kits' words on the Planner (M2)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from lib.profile_guidance import describe
from lib.catalog import default_catalog
from lib.handout import build_handout
from lib.plan_usable import EQUIPMENT_SETS, EQUIPMENT_WORDS, HOUSEHOLD
from lib.planner import build_plan
from lib.profiles import CHOICES, Profile, all_profiles
from lib.safety import assess
from tests.test_physio_review_j import A_HAND_ON_SUPPORT

EXERCISES = default_catalog().exercises_by_id
UNSUPPORTED_STANCES = {
    exercise_id: EXERCISES[exercise_id]["name"]
    for exercise_id in ("single-leg-stance", "single-leg-stance-eyes-closed")
}
COUNTER = re.compile(r"\bcounter\b")
FLOOR_PULLS = [e["id"] for e in EXERCISES.values() if e["pattern"] == "hinge" and e["barbell"]]
profiles = st.builds(Profile, **{name: st.sampled_from(values) for name, values in CHOICES.items()})
kits = st.sampled_from(list(EQUIPMENT_SETS))


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_l_h1_the_hardest_balance_drills_are_never_recommended_without_a_counter(profile):
    """A trained client at low risk of falling got eyes-closed stance 'recommended' by the generic balance reason."""
    table = assess(profile).set_index("id")
    for exercise_id in UNSUPPORTED_STANCES:
        row = table.loc[exercise_id]
        assert row["status"] in {"modify", "avoid"}, (exercise_id, row["status"])
        if row["status"] == "modify":
            assert COUNTER.search(row["modification"]), (exercise_id, row["modification"])


def sentences_naming(text: str, name: str) -> list[str]:
    """From the drill's name to the end of its clause list: where the sheet says how to do it."""
    return [text[start.start() :] for start in re.finditer(re.escape(name), text)]


@given(profiles, st.sampled_from([(3, 12, 45), (2, 6, 30), (3, 12, 60)]), kits)
@settings(max_examples=60, deadline=None)
def test_l_h1_no_plan_sheet_names_an_unsupported_stance_without_its_counter(profile, shape, kit):
    """'Harder drills, each replacing the easiest: Single-leg stance, eyes closed (week 5).' with no counter, and the
    week-1 stance's dose with its counter only in a cue, which the sheet cuts for space."""
    handout = build_handout(profile, build_plan(profile, *shape, kit))
    for exercise in handout.exercises:
        if exercise["id"] in UNSUPPORTED_STANCES:
            assert COUNTER.search(exercise["dose"]), exercise["dose"]
    for line in [*handout.balance_lines, *handout.balance_suggestions]:
        for name in UNSUPPORTED_STANCES.values():
            for mention in sentences_naming(line, name):
                after_name = mention[len(name) :].split(", then ")[0]
                assert COUNTER.search(after_name), (profile, line)


@pytest.mark.parametrize("profile", [p for p in all_profiles() if p.joint_limits], ids=str)
def test_l_m1_a_barbell_pull_with_painful_joints_starts_at_a_pain_free_height(profile):
    """The heavy 5 x 5 deadlift was 'recommended' as 'kind to painful joints', with none of the squat's pain rule."""
    table = assess(profile).set_index("id")
    for exercise_id in FLOOR_PULLS:
        row = table.loc[exercise_id]
        assert row["status"] != "recommended", exercise_id
        assert "kind to painful joints" not in row["reason"], exercise_id


@given(profiles.filter(lambda profile: profile.joint_limits), st.sampled_from([(3, 12, 45), (2, 6, 30)]))
@settings(max_examples=40, deadline=None)
def test_l_m1_every_planned_barbell_pull_with_painful_joints_says_how_high_and_when_pain_is_too_much(profile, shape):
    plan = build_plan(profile, *shape, "full gym")
    for slot in plan.sessions[plan.sessions["exercise_id"].isin(FLOOR_PULLS)].itertuples():
        assert "does not hurt" in slot.modification and "next day" in slot.modification, slot.modification


@pytest.mark.parametrize("smaller, kit", list(zip([None, *EQUIPMENT_SETS], EQUIPMENT_SETS)))
def test_l_m2_each_kits_words_name_what_it_adds(smaller, kit):
    """'bands and dumbbells' planned a kettlebell and a step, which its name did not promise."""
    for item in EQUIPMENT_SETS[kit] - EQUIPMENT_SETS.get(smaller, HOUSEHOLD):
        assert item in EQUIPMENT_WORDS[kit], (kit, item)


def test_l_lo1_the_step_down_says_no_jump_in_its_name():
    """After a spine fracture the sheet printed 'Step-down landing' beside 'no jogging or jumping', its cues cut."""
    assert "no jump" in EXERCISES["step-down-landing"]["name"]


def test_l_lo6_the_profile_keeps_the_capital_z_of_z_score():
    assert "Z-score" in describe(Profile.from_z_score(-2.0))


def test_l_lo8_marching_does_not_claim_to_build_bone_that_walking_does_not():
    """'Marching on the spot: Builds bone: weight-bearing load and ground impact on the hip' beside brisk walking's
    'a habitual load, it adds little new bone on its own'."""
    reason = assess(Profile()).set_index("id").loc["marching-on-the-spot", "reason"]
    assert "Builds bone" not in reason and "little new bone" in reason, reason


@pytest.mark.parametrize("profile", [p for p in all_profiles() if p.falls == "high"], ids=str)
def test_l_lo9_a_fallers_standing_leg_work_names_its_support_in_the_change(profile):
    """'Supported split squat' and 'Sit-to-stand from a chair (supported)' held their support only in the name and in
    cues, which a full sheet cuts (review K, L3 and L, Lo9)."""
    table = assess(profile)
    legs = table[table["pattern"].isin(["squat", "lunge"]) & table["fall_demand"].eq("low")]
    assert not legs.empty
    for row in legs.itertuples():
        assert row.status == "modify" and A_HAND_ON_SUPPORT.search(row.modification), (row.id, row.modification)


CLEARED_TRAINED_WITH_PAINFUL_JOINTS = [
    profile
    for profile in all_profiles()
    if profile.joint_limits and profile.clearance and profile.experience == "trained"
]


@pytest.mark.parametrize("profile", CLEARED_TRAINED_WITH_PAINFUL_JOINTS, ids=str)
def test_m_lo1_the_heavy_deadlifts_pain_free_height_keeps_its_coach(profile):
    """The floor-pull rule's change replaced the heavy lift's 'only with a qualified coach' on the assessment row."""
    row = assess(profile).set_index("id").loc["heavy-deadlift"]
    assert row["status"] == "avoid" or "coach" in row["modification"], row["modification"]


def test_m_lo9_the_floor_pull_rule_matches_no_technique_fault():
    rule = default_catalog().rules_by_id["painful-joints-floor-pull"]
    assert rule["exercise"]["technique_fault"] == [False]
