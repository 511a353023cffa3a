"""Review S (docs/reviews/review-s.md): where every heavy lift is avoided, no line offers heavy sets later
or names clearance alone as what opens them (M1); a faller new to training hears the rack and the coach for heavy
sets, as a trained faller does (Lo2); the heel-raise stand-in's note gives the real reason there are no landings
(Lo1); where the ceiling is high and the plan stops at low jumps, the plan says what may come next (Lo3); a rule names
its gate once (Lo4)."""

from __future__ import annotations

import dataclasses

import pytest

from lib.catalog import default_catalog
from lib.handout import build_handout
from lib.planner import build_plan
from lib.profiles import Profile, all_profiles
from lib.safety import assess, impact_ceiling, profile_guidance
from lib.safety_rules import FALLS_HEAVY_RULE
from tests.support.guidance import guidance_on

PLANNER = default_catalog().planner
SHAPES = [(2, 12, 45), (3, 6, 30)]
KITS = ["none", "full gym"]
STEP_KITS = ["bands and dumbbells", "full gym"]
# Words that offer heavy sets later, or on clearance (physio review S, M1).
LATER = ("add later",)
ON_CLEARANCE = (
    "with clearance",
    "without clearance",
    "once cleared",
    "until you are cleared",
    "cleared for supervised heavy lifting",
)
STAND_IN = PLANNER["impact"]["stand_in"]


def _high_later(profile: Profile) -> str:
    """The what-comes-next line; with osteoporosis it names the coach as its rule does (review T, Lo6)."""
    return PLANNER["impact"]["high_later_osteoporosis" if profile.fragility == "osteoporosis" else "high_later"]


def _heavy_all_avoided(profile: Profile) -> bool:
    table = assess(profile)
    return bool((table.loc[table["heavy"], "status"] == "avoid").all())


def _heavy_avoided_for_falling(profile: Profile) -> bool:
    """Every heavy lift avoided by the falls rule, which waits for training as well as clearance."""
    table = assess(profile)
    return all(FALLS_HEAVY_RULE in rules for rules in table.loc[table["heavy"], "rules"])


HEAVY_AVOIDED = [profile for profile in all_profiles() if _heavy_all_avoided(profile)]


def _profile_lines(profile: Profile) -> list[str]:
    """The advice, every plan's notes (two shapes, two kits) and the sheet without a plan, its "About you" too."""
    notes = [note for shape in SHAPES for kit in KITS for note in build_plan(profile, *shape, kit).notes]
    sheet = build_handout(profile)
    return [item.advice for item in profile_guidance(profile)] + notes + sheet.week_lines + [sheet.about]


@pytest.mark.parametrize("profile", HEAVY_AVOIDED, ids=str)
def test_s_m1_where_every_heavy_lift_is_avoided_no_line_offers_heavy_sets_later_or_on_clearance_alone(profile):
    """Clearance is named only where it would open them, beside the floor practice a client without floor transfers
    also waits for (review R, Lo6): the profile with both gets a heavy lift as modify."""
    clearance_opens = not _heavy_all_avoided(dataclasses.replace(profile, clearance=True, floor_transfers=True))
    for line in _profile_lines(profile):
        assert not any(words in line for words in LATER), line
        assert clearance_opens or not any(words in line for words in ON_CLEARANCE), line


CLEARED_FALLERS_NEW_TO_TRAINING = [
    profile
    for profile in HEAVY_AVOIDED
    if profile.clearance and not profile.vertebral_fracture and _heavy_avoided_for_falling(profile)
]


@pytest.mark.parametrize("profile", CLEARED_FALLERS_NEW_TO_TRAINING, ids=str)
def test_s_m1_the_cleared_faller_new_to_training_is_told_what_still_holds_heavy_sets_back(profile):
    """Review S's four: cleared osteoporotic fallers new to training. Their advice and plans name the training."""
    assert profile.bone == "osteoporosis" and profile.experience == "novice"
    strength = guidance_on(profile, "Strength").advice
    assert profile.falls == "high"
    assert "training experience as well as medical clearance" in strength and "inside a rack" in strength
    for shape in SHAPES:
        for kit in KITS:
            note = "until_trained" if profile.floor_transfers else "until_trained_no_floor"
            assert PLANNER["heavy_lift"][note] in build_plan(profile, *shape, kit).notes


def test_s_m1_reaches_the_four_profiles_the_review_found():
    assert len(CLEARED_FALLERS_NEW_TO_TRAINING) == 4


@pytest.mark.parametrize("profile", [p for p in all_profiles() if p.falls == "high"], ids=str)
def test_s_lo2_every_faller_offered_heavy_sets_hears_the_rack_and_the_coach(profile):
    """Review S's twelve cleared fallers new to training lacked the falls rider trained fallers had."""
    strength = guidance_on(profile, "Strength").advice
    if "heavy 5 x 5" in strength and "wait until you are cleared" not in strength:
        assert "inside a rack with the safety bars set" in strength and "a coach beside you" in strength, strength


def _lands(plan) -> bool:
    return bool((plan.sessions["dose_kind"] == "impacts").any())


def _stand_in_notes(plan) -> list[str]:
    return [note for note in plan.notes if "heel raises at a counter stand in" in note]


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_s_lo1_the_stand_in_note_gives_the_real_reason_there_are_no_landings(profile):
    """'No landings at this level' was printed where the kit had no step: with a step, the same plan lands."""
    for shape in SHAPES:
        plan = build_plan(profile, *shape, "none")
        for note in _stand_in_notes(plan):
            assert "at this level" not in note
            with_a_step = [_lands(build_plan(profile, *shape, kit)) for kit in STEP_KITS]
            if note.startswith(STAND_IN["reasons"]["no_step"]):
                assert all(with_a_step), (shape, note)
            else:
                assert note.startswith(STAND_IN["reasons"]["painful_joints"]) and profile.joint_limits
                assert not any(with_a_step), (shape, note)


@pytest.mark.parametrize("profile", [p for p in all_profiles() if p.joint_limits][::4], ids=str)
def test_s_lo1_with_painful_joints_every_kit_gives_the_joints_as_the_reason(profile):
    for kit in ("none", *STEP_KITS):
        for note in _stand_in_notes(build_plan(profile, 2, 12, 45, kit)):
            assert note.startswith(STAND_IN["reasons"]["painful_joints"]), (kit, note)


HIGH_CEILING = [profile for profile in all_profiles() if impact_ceiling(profile, default_catalog()) == "high"]


@pytest.mark.parametrize("profile", HIGH_CEILING, ids=str)
def test_s_lo3_a_high_ceiling_plan_that_stops_at_low_jumps_says_what_may_come_next(profile):
    """Review S's S7 (normal bone, novice, cleared): the plan stopped at low jumps and its sheet never said why."""
    high = {exercise["id"] for exercise in default_catalog().exercises if exercise["impact"] == "high"}
    for shape in SHAPES:
        for kit in KITS:
            plan = build_plan(profile, *shape, kit)
            landings = set(plan.sessions.loc[plan.sessions["dose_kind"] == "impacts", "exercise_id"])
            stops_below = not landings & high
            assert (_high_later(profile) in plan.notes) == stops_below, (shape, kit)
            if stops_below:
                assert "low-jumps" in landings  # the note's "50 low jumps" is the plan's own top landing
                assert _high_later(profile) in build_handout(profile, plan).week_lines


def test_s_lo3_reaches_the_review_s_sweep():
    """Review S counted 11 profiles with a high ceiling, 9 of them planned no higher than low jumps."""
    assert len(HIGH_CEILING) == 11


def test_s_lo3_no_plan_below_a_high_ceiling_says_jumps_and_hops_may_come_later():
    for profile in all_profiles()[::5]:
        plan = build_plan(profile, *SHAPES[0], "full gym")
        assert (_high_later(profile) in plan.notes) <= (plan.impact_ceiling == "high")


@pytest.mark.parametrize("rule", default_catalog().rules, ids=lambda rule: rule["id"])
def test_s_lo4_a_rule_names_its_gate_once(rule):
    """Review S, Lo4: 'Until getting down to the floor and up again is safe, jumps ... wait until a physiotherapist
    has practised getting up from the floor with you' gave one gate as two. 'Until then' says what to do meanwhile."""
    for field in ("reason", "plain"):
        words = rule[field].lower()
        assert words.count("until") - words.count("until then") <= 1, (field, rule[field])
