"""Review R (docs/reviews/review-r.md): the client sheet without a plan gives a faller the balance work her plan's first
phase starts with (M1, its balance half); a caution's INSTEAD names the loaded squat the plan gives later (Lo7); a
plan sheet's INSTEAD trains what the swap trains (review Q, Lo5). Lo1 (every later leg move named) is not fixed: naming
each took a low-risk client's sheet to a third page (docs/reviews/README.md)."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings, strategies as st

from lib.catalog import default_catalog
from lib.handout import build_handout
from lib.handout_instead import trains_the_same
from lib.handout_plan import short_name
from lib.plan_usable import EXTERNAL_LOADS
from lib.planner import build_plan
from lib.profiles import Profile, all_profiles
from tests.test_physio_review_k import KITS, SHAPES

CATALOG = default_catalog()
FALLERS = [profile for profile in all_profiles() if profile.falls == "high"]
R1 = Profile(bone="osteoporosis", falls="high", floor_transfers=False)
R2 = Profile(bone="osteoporosis", vertebral_fracture=True, falls="high", experience="trained")
LATER_LINE = re.compile(
    r"From week (\d+), in (sessions? [A-C](?:-[A-C]| and [A-C])?): (.+?)(?: \(in place of (.+?)\))?\.(?: |$)"
)


@pytest.mark.parametrize("profile", FALLERS, ids=str)
def test_r_m1_without_a_plan_a_fallers_balance_is_what_her_plan_starts_with(profile):
    """Review R, M1: the sheet without a plan gave every trained faller the heel-to-toe walk, which her plan gives last,
    while her plan starts with supported balance work."""
    first = build_plan(profile).sessions.query("phase == 'foundation' and block == 'balance'")
    balance = [record for record in build_handout(profile).exercises if record["pattern"] == "balance"]
    assert balance, "no balance exercise on the sheet"
    for record in balance:
        assert record["id"] in set(first["exercise_id"]), (record["name"], sorted(set(first["exercise"])))


def _later_loaded_squat_week(plan) -> int | None:
    """The week the plan first gives a loaded squat after week 1 (the one-hand dumbbell squat at a counter), or None."""
    sessions = plan.sessions
    squats = sessions[
        sessions["exercise_id"].map(
            lambda found: (
                CATALOG.exercise(found)["pattern"] == "squat"
                and bool(set(CATALOG.exercise(found)["equipment"]) & EXTERNAL_LOADS)
            )
        )
    ]
    weeks = squats["phase"].map(plan.weeks.groupby("phase")["week"].min())
    return int(weeks.min()) if not weeks.empty and weeks.min() > 1 else None


@given(st.sampled_from(FALLERS), st.sampled_from(["bands and dumbbells", "full gym"]), st.sampled_from(SHAPES))
@example(R2, "bands and dumbbells", (3, 12, 45))
@example(R1, "bands and dumbbells", (2, 6, 30))
@settings(max_examples=30, deadline=None)
def test_r_lo7_the_squat_cautions_instead_names_the_loaded_squat_the_plan_gives_later(profile, kit, shape):
    """Review R, Lo7: the barbell squat's INSTEAD stayed the sit-to-stand though the plan gives the one-hand dumbbell
    squat at a counter later; it names that squat with its week, as the hinge caution names the kettlebell deadlift."""
    plan = build_plan(profile, *shape, kit)
    handout = build_handout(profile, plan)
    squat = next((caution for caution in handout.cautions if caution["id"] == "barbell-back-squat"), None)
    week = _later_loaded_squat_week(plan)
    if squat is None or squat["status"] != "avoid" or week is None:
        return
    line = next(line for line in handout.week_lines if line.startswith(f"From week {week}, "))
    named = f"{LATER_LINE.match(line).group(3)} from week {week}"
    insteads = [caution["instead"] for caution in handout.cautions]
    assert named in squat["instead"] or (squat["instead"].endswith("as above") and named in " ".join(insteads)), (
        named,
        squat["instead"],
    )


# Each exercise by its name and its short name ('Hip-hinge drill, as above'), longest first.
NAMES = sorted(
    (
        (name.lower(), exercise)
        for exercise in CATALOG.exercises
        for name in (exercise["name"], short_name(exercise["name"]))
    ),
    key=lambda found: -len(found[0]),
)


def _leads_with(instead: str) -> str | None:
    """The exercise an INSTEAD starts with ('Nothing in its place yet; ...' starts with none)."""
    return next((exercise["id"] for name, exercise in NAMES if instead.lower().startswith(name)), None)


@given(st.sampled_from(all_profiles()), st.sampled_from(KITS), st.sampled_from(SHAPES))
@example(R1, "bands and dumbbells", (3, 12, 45))
@example(R2, "bands and dumbbells", (2, 6, 30))
@settings(max_examples=40, deadline=None)
def test_q_lo5_a_plan_sheets_instead_trains_what_the_swap_trains_or_there_is_none(profile, kit, shape):
    """Review Q, Lo5 (seen again in review R): on plan sheets the loaded wood chop's INSTEAD was the seated back
    extension, the week-1 move of the Pallof press's block; it trains no rotation. The move an INSTEAD leads with is
    the assessment's swap or trains what it trains (the swap itself may differ from the avoided exercise: the hip-hinge
    drill for the standing toe touch)."""
    for caution in build_handout(profile, build_plan(profile, *shape, kit)).cautions:
        if caution["status"] == "avoid" and caution["instead"]:
            lead = _leads_with(caution["instead"])
            assert lead is None or trains_the_same(lead, caution["swap_id"], CATALOG), (
                caution["name"],
                caution["instead"],
            )
