"""Issue #10's leftover Lows from the physiotherapist's reads M and N (/work/handoff/s8/physio/review-m.md and
review-n.md), on the client handout's plan sheet: a later lift's line names what it replaces in each session (M Lo3);
an INSTEAD never gives from week 1 a move the plan does not schedule from week 1 (N N1), nor a lift a dose of its own
beside the plan's week-1 dose (N N2)."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings, strategies as st

from lib.handout import build_handout
from lib.handout_pdf import MOST_PAGES, handout_pdf
from lib.handout_plan import FIRST_PHASE, later_loaded
from lib.planner import build_plan
from lib.plan_usable import EQUIPMENT_SETS
from lib.profiles import Profile
from lib.safety import assess
from tests.handout_helpers import read_pdf
from tests.test_physio_review_k import CATALOG, KITS, SHAPES, first_weeks, leading, named, profiles

D = Profile(bone="osteoporosis", falls="high", joint_limits=True, floor_transfers=False)  # the frail faller
E = Profile.from_z_score(-2.1, experience="trained")
N1 = Profile(bone="osteoporosis", vertebral_fracture=True, joint_limits=True, experience="trained", clearance=True)
DRILL = CATALOG.planner["technique_first"]["drill"]
IN_PLACE_OF = re.compile(r" \(in place of (.*?)\)(?:\.|$)")


def _where(letters: list[str]) -> str:
    if len(letters) > 2:
        return f"sessions {letters[0]}-{letters[-1]}"
    return ("sessions " if len(letters) > 1 else "session ") + " and ".join(letters)


def _later_lift_lines(plan, handout) -> list[tuple[str, set[str], list[str]]]:
    """Each later loaded lift's first line, its sessions, and the first phase's other lifts of its block there."""
    starts = plan.weeks.groupby("phase")["week"].min()
    first = plan.sessions[plan.sessions["phase"] == FIRST_PHASE]
    found = []
    for _, slots in later_loaded(plan, CATALOG).groupby("exercise_id", sort=False):
        slot = slots.iloc[0]
        # Every session that holds the lift in its phase (review Q, Lo7: the band chest press of a session B that
        # later moves on to a body-weight press).
        sessions = plan.sessions
        held = sessions[(sessions["exercise_id"] == slot["exercise_id"]) & (sessions["phase"] == slot["phase"])]
        letters = sorted(set(held["session"]))
        prefix = f"From week {starts[slot['phase']]}, in {_where(letters)}: "
        lines = [line for line in handout.week_lines if line.startswith(prefix)]
        assert lines, (prefix, handout.week_lines)
        before = first[first["session"].isin(letters) & (first["block"] == slot["block"])]
        others = sorted(set(before.loc[before["exercise_id"] != slot["exercise_id"], "exercise"]))
        found += [(line, set(letters), others) for line in lines]
    return found


def assert_each_later_lift_names_what_it_replaces(profile: Profile, kit: str, shape: tuple[int, int, int]) -> None:
    plan = build_plan(profile, *shape, kit)
    handout = build_handout(profile, plan)
    front = [exercise["name"].lower() for exercise in handout.exercises]
    # The later lines, and the harder-moves line that names the later leg moves (review R, Lo1), without the moves
    # they take the place of.
    later = [
        re.sub(r" \(in place of [^)]*\)", "", line.lower())
        for line in handout.week_lines
        if line.startswith(("From week", "Harder moves"))
    ]
    for line, letters, others in _later_lift_lines(plan, handout):
        replaced = IN_PLACE_OF.search(line)
        if not others:
            continue
        assert replaced, (profile, kit, shape, line, others)
        items = re.split(r", and |, | and ", replaced.group(1))
        for item in items:
            old = re.match(r"the (.*?)(?: in ([A-C]))?$", item)
            assert old, (item, line)
            name, letter = old.groups()
            assert len(items) == 1 or letter in letters, (item, line)  # several: each with its own session
            on_sheet = any(listed.startswith(name.lower()) for listed in front)
            said_before = any(name.lower() in earlier for earlier in later)
            assert on_sheet or said_before, (name, line)  # a lift the sheet itself names


@given(profiles, st.sampled_from(KITS), st.sampled_from(SHAPES))
@example(D, "full gym", (3, 12, 45))
@example(D, "none", (3, 12, 45))
@settings(max_examples=40, deadline=None)
def test_m_lo3_every_later_lift_line_names_the_lifts_it_replaces_in_its_sessions(profile, kit, shape):
    """d: 'From week 27, in sessions B and C: walking lunge' beside the front's sit-to-stand (B) and split squat (C):
    a frail faller with painful knees could add the lunges on top."""
    assert_each_later_lift_names_what_it_replaces(profile, kit, shape)


# With weights, session B holds her one-hand kettlebell deadlift from week 9 (physio review Q, M1). From week 9 the
# harder-moves line names the leg move each session holds until week 17 (27 before review Z M1) (physio review R, Lo1): without weights the
# supported split squat in B and C, with the full gym the step-up in C.
LATER_LUNGE = {
    "none": "From week 17, in sessions B and C: reverse lunge (in place of the supported split squat). ",
    "full gym": "From week 17, in session C: reverse lunge (in place of the step-up onto a low step). ",
}


@pytest.mark.parametrize("kit", LATER_LUNGE)
def test_m_lo3_the_fallers_later_lunge_names_the_sheets_lift_in_each_session(kit):
    """The sheet's own lift in each session (the front's, or an earlier line's), not one the sheet never names. The
    later lunge is the reverse lunge: her walking lunge, short split squats on the spot, was no harder than the split
    squat it replaced (physio review O, Lo2)."""
    handout = build_handout(D, build_plan(D, 3, 12, 45, kit))
    assert any(line.startswith(LATER_LUNGE[kit]) for line in handout.week_lines), handout.week_lines


def assert_every_instead_gives_only_week_one_moves(profile: Profile, kit: str, shape: tuple[int, int, int]) -> None:
    plan = build_plan(profile, *shape, kit)
    handout = build_handout(profile, plan)
    weeks = first_weeks(plan)
    allowed = assess(profile, CATALOG, EQUIPMENT_SETS[kit]).set_index("id")["status"]
    front = {exercise["id"]: exercise["dose"] for exercise in handout.exercises}
    for caution in (caution for caution in handout.cautions if caution["status"] == "avoid"):
        instead = caution["instead"]
        if not instead:
            continue  # none where the plan has nothing that trains what the swap trains (review Q, Lo5)
        for exercise_id in named(instead):
            name = CATALOG.exercise(exercise_id)["name"].lower()
            if re.search(rf"{re.escape(name)} from week|from week \d+: {re.escape(name)}", instead.lower()):
                continue  # named with the week it comes (the opened stance's week leads: physio review Z, M3)
            assert exercise_id == DRILL or weeks.get(exercise_id) == 1, (profile, kit, shape, instead)
            assert allowed[exercise_id] in ("recommended", "modify"), (exercise_id, allowed[exercise_id])
        lead = leading(instead)
        if lead and CATALOG.exercise(lead)["dose_kind"] == "strength":  # a lift: the plan's dose, on the front
            assert lead in front and "Dose: " not in instead, (profile, kit, shape, instead)


@given(profiles, st.sampled_from(KITS), st.sampled_from(SHAPES))
@example(N1, "full gym", (2, 6, 30))
@example(D, "full gym", (2, 6, 30))
@example(E, "full gym", (3, 12, 45))
@settings(max_examples=40, deadline=None)
def test_n_n1_n2_a_plan_sheet_instead_gives_from_now_only_the_plans_week_one_moves(profile, kit, shape):
    """N1: n1's 6-month sheet gave 'INSTEAD: Seated Pallof press' from week 1, which its plan never schedules and
    its 12-month plan holds to week 5, after the physiotherapist's review. N2: e's 'INSTEAD: Kettlebell deadlift.
    Dose: 2-3 sets of 8-12 repetitions.' beside the plan's week-1 '1 set of 12'."""
    assert_every_instead_gives_only_week_one_moves(profile, kit, shape)


@pytest.mark.parametrize("profile", [N1, D], ids=["n1", "d"])
def test_n_n1_the_wood_chops_instead_on_a_short_plan_is_not_a_back_extension(profile):
    """N1 had this sheet give the first phase's trunk move, the seated back extension; review Q, Lo5: a back extension
    does not train what the chop trains (the trunk resisting rotation), so where the plan never gives the Pallof
    press the sheet gives no move in its place, and says so (session 13: the general fallback offered a twist)."""
    handout = build_handout(profile, build_plan(profile, 2, 6, 30, "full gym"))
    chop = next(caution for caution in handout.cautions if caution["id"] == "loaded-wood-chop")
    assert chop["instead"] == handout.words["instead"]["held_back"]["none_in_plan"]["loaded-wood-chop"], chop["instead"]


@pytest.mark.parametrize(
    ("profile", "kit", "shape"),
    [
        (D, "full gym", (3, 12, 45)),
        (D, "none", (3, 12, 45)),
        (N1, "full gym", (2, 6, 30)),
        (E, "full gym", (3, 12, 45)),
    ],
    ids=["d-gym", "d-none", "n1-short", "e"],
)
def test_the_reviewed_sheets_stay_within_three_pages_with_every_caution_reason(profile, kit, shape):
    """The lifts each later line now names must not cost the sheet a page or a caution its reason."""
    plan = build_plan(profile, *shape, kit)
    pages, text = read_pdf(handout_pdf(profile, plan))
    assert pages <= MOST_PAGES
    for caution in build_handout(profile, plan).cautions:
        assert caution["why"] in text, caution["name"]
