"""The second physiotherapist review (/work/handoff/s4/physio/review-a.md), its assessment findings 3, 6, 7, 8, 9,
10 and 13: eight profiles nobody designed for. Each test failed on the code the review read, except 6's, an
invariant guarding the fix of finding 6 that landed first (physio review #12, one high-impact line)."""

from __future__ import annotations

import re

import pytest

from lib.catalog import default_catalog
from lib.profiles import Profile, all_profiles
from lib.safety import assess, profile_guidance
from lib.safety_rules import LOW_BONE_MASS
from tests.support.guidance import guidance_on

LOW_FOR_AGE = [profile for profile in all_profiles() if profile.bone == "low_for_age"]
NORMAL_BONE_WITH_FRACTURE = [
    profile for profile in all_profiles() if profile.bone == "normal" and profile.vertebral_fracture
]
LOW_BONE_MASS_WORDS = re.compile(
    r"bone mass is low|with low bone mass|once bones thin|bone density is low", re.IGNORECASE
)
# Causes that hold only for women: the review's 45-year-old man was told about missed periods.
WOMEN_ONLY_CAUSES = re.compile(r"period|menstrua|amenorrh", re.IGNORECASE)


def guidance_by_topic(profile: Profile) -> dict[str, str]:
    return {item.topic: item.advice for item in profile_guidance(profile)}


def client_texts(profile: Profile) -> list[str]:
    table = assess(profile)
    return [*guidance_by_topic(profile).values(), *table["reason"], *table["modification"]]


@pytest.mark.parametrize("profile", LOW_FOR_AGE, ids=str)
def test_7_a_low_z_score_is_told_to_look_for_a_cause_in_words_true_for_anyone_fracture_or_not(profile):
    clearance = guidance_by_topic(profile)["Clearance"]
    if profile.clearance:  # the doctor has looked already (physio review C5)
        assert "looked for the cause" in clearance
    else:
        assert "look for a cause" in clearance and "steroids" in clearance and "hormone" in clearance
    for text in client_texts(profile):
        assert not WOMEN_ONLY_CAUSES.search(text), text
    if profile.vertebral_fracture:
        assert "physiotherapist" in clearance  # the fracture's own line stays beside the search for a cause


@pytest.mark.parametrize("profile", NORMAL_BONE_WITH_FRACTURE, ids=str)
def test_10_normal_bone_with_a_spine_fracture_is_never_told_its_bone_mass_is_low(profile):
    table = assess(profile)
    for text in [*table["reason"], *table["modification"]]:
        assert not LOW_BONE_MASS_WORDS.search(text), text
    rows = table.set_index("id")
    assert "after a spine fracture" in rows.loc["sit-up", "reason"]
    if profile.falls == "low":  # a faller's sit-to-stand gives the fall rule's reason for its hand on support (L, Lo9)
        assert "after a spine fracture" in rows.loc["sit-to-stand", "reason"]


CLEARED_TRAINED_FRAGILE_FALLER = Profile(bone="osteoporosis", falls="high", experience="trained", clearance=True)
LOADED_SQUATS_AND_HINGES = [
    "goblet-squat",
    "dumbbell-squat",
    "barbell-back-squat",
    "heavy-back-squat",
    "kettlebell-deadlift",
    "romanian-deadlift",
    "trap-bar-deadlift",
    "heavy-deadlift",
]
# A change that leaves a hand for support, or a rack's safety bars and a coach to catch the load.
ONE_HAND_OR_RACK = re.compile(
    r"\bone (dumbbell|kettlebell|weight)\b.*\b(counter|rack|rail)\b|\brack\b|\bseated\b", re.IGNORECASE
)
FALLERS = [profile for profile in all_profiles() if profile.falls == "high"]


def test_3_a_cleared_trained_lifter_at_risk_of_falling_keeps_progressive_load_one_handed_or_in_a_rack():
    rows = assess(CLEARED_TRAINED_FRAGILE_FALLER).set_index("id")
    for exercise_id in LOADED_SQUATS_AND_HINGES:
        assert rows.loc[exercise_id, "status"] == "modify", exercise_id
        assert ONE_HAND_OR_RACK.search(rows.loc[exercise_id, "modification"]), exercise_id
    # Not cleared (review Q, M1): the one-hand dumbbell or kettlebell version stays open at the moderate dose; a bar in
    # both hands, in a rack with a coach, and any heavy lift wait for clearance and training.
    not_cleared = assess(Profile(bone="osteoporosis", falls="high", experience="trained")).set_index("id")
    for exercise_id in LOADED_SQUATS_AND_HINGES:
        row = not_cleared.loc[exercise_id]
        waits = row["barbell"] or row["heavy"]
        assert row["status"] == ("avoid" if waits else "modify"), exercise_id
        assert waits or ONE_HAND_OR_RACK.search(row["modification"]), exercise_id


@pytest.mark.parametrize("profile", FALLERS, ids=str)
def test_3_a_faller_s_loaded_lift_never_fills_both_hands_and_the_heavy_line_says_what_the_assessment_allows(profile):
    table = assess(profile)
    hands_full = table[
        (table["status"] == "modify")
        & ~table["hands_free"].astype(bool)
        & (table["modification_rule"] == "fall-risk-moderate-demand")
    ]
    for row in hands_full.to_dict("records"):
        assert ONE_HAND_OR_RACK.search(row["modification"]), (row["id"], row["modification"])
    heavy = table[table["heavy"].astype(bool)]
    strength = guidance_by_topic(profile)["Strength"]
    assert ("5 x 5" in strength) == (set(heavy["status"]) != {"avoid"}), strength
    if (heavy["modification_rule"] == "fall-risk-moderate-demand").any():
        assert "rack" in strength and "coach" in strength, strength


WITH_FRACTURE = [profile for profile in all_profiles() if profile.vertebral_fracture]


@pytest.mark.parametrize("profile", WITH_FRACTURE, ids=str)
def test_9_after_a_spine_fracture_every_loaded_hinge_waits_for_a_physio_and_floor_work_is_supported(profile):
    table = assess(profile)
    allowed = table[table["status"] != "avoid"]
    hinges = allowed[(allowed["pattern"] == "hinge") & (allowed["benefit"] == "bone")]
    assert {"kettlebell-deadlift", "romanian-deadlift"} <= set(
        table[(table["pattern"] == "hinge") & (table["benefit"] == "bone")]["id"]
    )
    for row in hinges.to_dict("records"):
        assert row["status"] == "modify" and "physiotherapist has" in row["modification"], row["id"]
    for text in allowed["modification"]:
        assert "kettlebell deadlift" not in text.lower(), text  # the 'until then' never sends to a hinge that waits too
    floor_trunk_work = allowed["floor"].astype(bool) & allowed["pattern"].isin(["back-extensor", "posture", "trunk"])
    for row in allowed[floor_trunk_work].to_dict("records"):
        assert re.search(r"pillow|folded towel|cushion", row["modification"]), (row["id"], row["modification"])


PAINFUL_JOINTS = [profile for profile in all_profiles() if profile.joint_limits]
DEEP_BEND_CUES = re.compile(r"between the heels|full depth|as deep as possible|below parallel", re.IGNORECASE)


@pytest.mark.parametrize("profile", PAINFUL_JOINTS, ids=str)
def test_8_what_is_called_kind_to_painful_joints_lands_nowhere_and_bends_no_knee_deeply(profile):
    catalog = default_catalog()
    table = assess(profile)
    kind = table[
        table["rules"].map(lambda rule_ids: "painful-joints-kind" in rule_ids) & (table["status"] == "recommended")
    ]
    assert not kind.empty
    for row in kind.to_dict("records"):
        assert row["dose_kind"] != "impacts", row["id"]
        for cue in catalog.exercise(row["id"])["cues"]:
            assert not DEEP_BEND_CUES.search(cue), (row["id"], cue)
    landing = table.set_index("id").loc["step-down-landing"]
    if landing["status"] != "avoid":
        assert landing["status"] == "modify"
        assert all(words in landing["modification"] for words in ("lowest step", "rail", "fewer landings", "pain"))


def test_13_the_self_resisted_towel_row_claims_strength_not_bone():
    for profile in all_profiles():
        row = assess(profile).set_index("id").loc["towel-row"]
        if row["status"] == "recommended":
            assert not row["reason"].startswith("Builds bone") and "little load on the bones" in row["reason"], profile


IMPACT_ORDER = ["none", "low", "moderate", "high"]


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_6_the_impact_guidance_names_the_highest_impact_the_assessment_allows(profile):
    """The review's low Z-score without clearance read 'high impact can be built up to' while drop landings were avoided."""
    table = assess(profile)
    allowed = table[table["status"] != "avoid"]
    highest = max(allowed["impact"], key=IMPACT_ORDER.index)
    coached = highest == "high" and profile.bone in LOW_BONE_MASS  # high impact coached at first (finding B5)
    beside_a_counter = highest == "moderate" and not profile.floor_transfers  # no floor transfers yet (review Q, M5)
    case = "high_low_bone_mass" if coached else "moderate_no_floor" if beside_a_counter else highest
    if coached and profile.fragility == "osteoporosis":  # only with the coach present, as its rule says (review T, Lo6)
        case = "high_osteoporosis"
    ceiling_words = default_catalog().wording["impact_ceiling"][case]
    # An uncleared low Z-score's line puts the doctor's check before the ceiling (physio review I, L1).
    assert ceiling_words.lower() in guidance_by_topic(profile)["Impact"].lower(), (highest, profile)


@pytest.mark.parametrize("profile", [p for p in all_profiles() if p.bone in LOW_BONE_MASS][::4], ids=str)
def test_b5_high_impact_guidance_with_low_bone_mass_says_coached_at_first_as_the_rules_do(profile):
    # Second physiotherapist read of the five named plans, finding 5: the guidance dropped the coach.
    impact = guidance_on(profile, "Impact").advice
    coached = {row.status for row in assess(profile).itertuples() if row.impact == "high"} <= {"modify", "avoid"}
    assert "high impact can be built up to" not in impact.lower() and coached
