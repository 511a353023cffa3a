"""Review T's Lows (docs/reviews/review-t.md): the floor gate has one wording, said once a line (Lo2); with
osteoporosis, high impact later is only with the supervising coach present, as the rule says, never "watching at
first" (Lo6); the heavy rows of a faller whose heavy sets need training experience name that gate, as her advice does
(Lo5)."""

from __future__ import annotations

import re

import pytest

from lib.handout import build_handout
from lib.planner import build_plan
from lib.profiles import Profile, all_profiles
from lib.safety import assess, profile_guidance

# The plan shapes and kits review S's tests sweep (tests/test_physio_review_s.py).
SHAPES = [(2, 12, 45), (3, 6, 30)]
KITS = ["none", "full gym"]
NO_FLOOR = [profile for profile in all_profiles() if not profile.floor_transfers]
FLOOR_GATE = "getting down to the floor and up again"
# The bench rows compare the way up from a bench with the way up from the floor: a comparison, not the gate.
BENCH = "bench"


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.;:])\s+", text)


def _plans(profile):
    return [build_plan(profile, *shape, kit) for shape in SHAPES for kit in KITS]


def _client_texts(profile) -> list[str]:
    """What a client reads: the table's reasons and changes, the advice, every plan's notes, and the sheet without a
    plan: About you, its week lines and its cautions' reasons."""
    table = assess(profile)
    sheet = build_handout(profile)
    return [
        *table["reason"],
        *table["modification"],
        *(item.advice for item in profile_guidance(profile)),
        *(note for plan in _plans(profile) for note in plan.notes),
        sheet.about,
        *sheet.week_lines,
        *(caution["why"] for caution in sheet.cautions),
    ]


@pytest.mark.parametrize("profile", NO_FLOOR, ids=str)
def test_t_lo2_the_floor_gate_has_one_wording(profile):
    """'Getting up from the floor' and 'getting down to the floor and up again' named one gate two ways; the way down
    is half the skill (TFTF). Every sentence that holds something back for the floor names it the one way."""
    for text in _client_texts(profile):
        if BENCH not in text:
            assert "getting up from the floor" not in text, text
        for sentence in _sentences(text):
            if "floor" in sentence and re.search(r"\b(until|wait)", sentence):
                assert FLOOR_GATE in sentence, sentence


@pytest.mark.parametrize("profile", NO_FLOOR, ids=str)
def test_t_lo2_no_advice_line_names_the_floor_gate_twice(profile):
    """T7's impact line: 'beside a counter until getting down to the floor and up again is safe ...; jumps ... wait
    until a physiotherapist has practised getting up from the floor with you'."""
    for item in profile_guidance(profile):
        gates = len(re.findall(r"(?:until|wait)[^.;]*floor", item.advice))
        assert gates <= 1, item.advice


OSTEOPOROSIS = [profile for profile in all_profiles() if profile.fragility == "osteoporosis"]
HIGH_IMPACT = re.compile(r"\b(jumps|hops|drop landings)\b", re.IGNORECASE)


@pytest.mark.parametrize("profile", OSTEOPOROSIS, ids=str)
def test_t_lo6_with_osteoporosis_high_impact_is_never_coached_only_at_first(profile):
    """The rule osteoporosis-high-impact-cleared: 'high impact only with the supervising coach present'. 'Watching at
    first' in the guidance and the plan's what-comes-next line could read as leave to hop alone later."""
    plans = _plans(profile)
    lines = [
        *(item.advice for item in profile_guidance(profile)),
        *(note for plan in plans for note in plan.notes),
        *(line for plan in plans for line in build_handout(profile, plan).week_lines),
    ]
    for line in lines:
        for sentence in _sentences(line):
            assert not (HIGH_IMPACT.search(sentence) and "at first" in sentence), sentence


def _strength(profile) -> str:
    return next(item.advice for item in profile_guidance(profile) if item.topic == "Strength")


TRAINING_GATE = "training experience as well as medical clearance"
TRAINING_GATE_PROFILES = [profile for profile in all_profiles() if TRAINING_GATE in _strength(profile)]


@pytest.mark.parametrize("profile", TRAINING_GATE_PROFILES, ids=str)
def test_t_lo5_the_heavy_rows_name_the_gate_the_advice_names(profile):
    """T3 (osteoporosis, falls high, novice, cleared): the advice said 'heavy sets need training experience as well as
    medical clearance, then only inside a rack with a coach beside you'; the heavy rows offered a permanent swap."""
    table = assess(profile)
    for reason in table.loc[table["heavy"], "reason"]:
        assert "trained as well as cleared" in reason and "inside a rack" in reason, reason
        assert "a coach beside you" in reason, reason


def test_t_lo5_reaches_the_osteoporotic_fallers_not_trained_and_cleared():
    assert {(p.bone, p.falls, p.vertebral_fracture) for p in TRAINING_GATE_PROFILES} == {
        ("osteoporosis", "high", False)
    }
    assert len(TRAINING_GATE_PROFILES) == 3 * 2 * 2  # not both trained and cleared; joints and floor either way


@pytest.mark.parametrize("profile", [p for p in all_profiles() if p.vertebral_fracture and p.falls == "high"], ids=str)
def test_t_lo5_after_a_spine_fracture_the_heavy_rows_still_offer_no_heavy_lift(profile):
    """Review R, M3: after a spine fracture no heavy lift is offered, whatever the training."""
    table = assess(profile)
    for reason in table.loc[table["heavy"], "reason"]:
        assert "inside a rack" not in reason, reason


WOOD_CHOP = "loaded-wood-chop"
LOW_BONE_MASS_PROFILES = [profile for profile in all_profiles() if profile.bone != "normal"]


@pytest.mark.parametrize("profile", LOW_BONE_MASS_PROFILES[::2], ids=str)
def test_wood_chop_instead_says_what_it_is_where_the_plan_never_gives_the_pallof_press(profile):
    """Session 12's note: a full-gym 2x/6/30 plan never holds the Pallof press, and the sheet printed the general
    fallback 'the easier version your trainer shows you' for a twist. The INSTEAD says there is nothing in its place.
    With no kit the assessment's swap was the seated back extension, which trains no rotation (review Q, Lo5)."""
    for shape, kit in (((2, 6, 30), "full gym"), ((3, 6, 30), "full gym"), ((3, 12, 45), "none")):
        plan = build_plan(profile, *shape, kit)
        sheet = build_handout(profile, plan)
        for caution in sheet.cautions:
            if caution["id"] == WOOD_CHOP:
                assert caution["instead"], shape
                assert "Pallof" in caution["instead"] or "no twisting" in caution["instead"].lower(), caution


def test_wood_chop_instead_reaches_review_t1():
    """T1 (osteopenia, falls low, painful joints, trained, cleared, no floor work), 2x/6/30 with a full gym."""
    t1 = Profile(bone="osteopenia", joint_limits=True, experience="trained", clearance=True, floor_transfers=False)
    sheet = build_handout(t1, build_plan(t1, 2, 6, 30, "full gym"))
    chop = next(caution for caution in sheet.cautions if caution["id"] == WOOD_CHOP)
    assert chop["instead"] == sheet.words["instead"]["held_back"]["none_in_plan"][WOOD_CHOP]


NO_JUMPING = re.compile(r"\bno (jogging or )?jumping\b", re.IGNORECASE)


@pytest.mark.parametrize("profile", [p for p in all_profiles() if p.vertebral_fracture], ids=str)
def test_s_nit_after_a_spine_fracture_the_plan_sheet_says_no_jumping_once(profile):
    """Review S's nit, seen again in review T (T2, 2x/6/30, full gym): 'no jogging or jumping' in the spine-fracture
    line, then 'No jumping or hopping' in the no-impact line."""
    for plan in _plans(profile):
        for lines in (plan.notes, build_handout(profile, plan).week_lines):
            said = [line for line in lines for sentence in _sentences(line) if NO_JUMPING.search(sentence)]
            assert len(said) == 1, said
