"""A plan sheet's notes agree with the plan and carry their sources: beside a marching warm-up and brisk walking no
line says "No impact work" (physio review J, L2); the fuel line of a low Z-score's plan cites the consensus that says
too little energy for the training harms bone (review Lo10), and its review line (or its clearance) cites the ISCD
position that a doctor looks for the cause of a low Z-score (session 14: the sheet had left it off)."""

from __future__ import annotations

import re

import pytest

from lib.catalog import default_catalog
from lib.handout import AEROBIC_EXAMPLE, build_handout
from lib.planner import build_plan
from lib.handout_pdf import handout_pdf
from lib.profiles import Profile, all_profiles
from tests.handout_helpers import FIRST_NAME, START, read_pdf
from tests.test_physio_review_k import KITS

CATALOG = default_catalog()
J_L2_SHAPE = (2, 6, 30)  # 2 sessions a week, 6 months, 30 minutes: the review's sheet
UNQUALIFIED_NO_IMPACT = re.compile(r"\bno impact\b(?! beyond)", re.IGNORECASE)  # 'no impact beyond heel drops' is true
FUEL = CATALOG.planner["low_for_age"]["fuel"]
REVIEW_SOURCES = CATALOG.planner["low_for_age"]["sources"]
LOW_Z = [profile for profile in all_profiles() if profile.bone == "low_for_age"]


def _kit(position: int) -> str:
    """Every kit in turn: each profile once, each kit for a third of them (a handout takes half a second)."""
    return KITS[position % len(KITS)]


@pytest.mark.parametrize("position, profile", list(enumerate(all_profiles())), ids=lambda value: str(value))
def test_j_l2_no_sheet_line_says_no_impact_beside_the_planned_marching_and_walking(position, profile):
    plan = build_plan(profile, *J_L2_SHAPE, _kit(position))
    handout = build_handout(profile, plan)
    planned = {*plan.sessions["exercise_id"], *plan.home["exercise_id"], AEROBIC_EXAMPLE}
    light_impact = [i for i in planned if CATALOG.exercises_by_id[i]["impact"] != "none"]
    assert AEROBIC_EXAMPLE in light_impact and handout.aerobic  # brisk walking is low impact, and always planned
    for line in [*plan.notes, handout.aerobic, *handout.week_lines]:
        assert not UNQUALIFIED_NO_IMPACT.search(line), (profile, sorted(light_impact), line)


def test_j_l2_the_reviewers_sheet_lists_marching_and_says_what_the_plan_leaves_out():
    faller = next(profile for profile in all_profiles() if profile.falls == "high" and profile.bone == "osteopenia")
    plan = build_plan(faller, *J_L2_SHAPE, "none")
    handout = build_handout(faller, plan)
    assert "marching-on-the-spot" in {exercise["id"] for exercise in handout.exercises}
    # The faller's note, its walking set-up moved; with why her short sessions hold no impact drill (review U, Lo1).
    assert CATALOG.planner["impact"]["with_falls_on_sheet"] in handout.week_lines


@pytest.mark.parametrize("position, profile", list(enumerate(LOW_Z)), ids=lambda value: str(value))
def test_lo10_a_low_z_plan_sheet_cites_its_review_and_fuel_lines_sources(position, profile):
    plan = build_plan(profile, 3, 12, 45, _kit(position))
    handout = build_handout(profile, plan)
    assert FUEL["words"] in handout.week_lines
    shown = handout.sources(handout.cautions)
    assert "leslie2006" in REVIEW_SOURCES
    for key in [*REVIEW_SOURCES, *FUEL["sources"]]:
        assert handout.source_names.get(key) in shown, (profile, key)


def test_lo10_the_printed_sources_name_the_review_and_fuel_lines_sources():
    """A cleared low Z-score: no caution of hers cites the RED-S consensus or the ISCD position, so only the plan's
    notes bring them."""
    cleared = Profile(bone="low_for_age", clearance=True)
    plan = build_plan(cleared, 3, 12, 45, "full gym")
    _, text = read_pdf(handout_pdf(cleared, plan, first_name=FIRST_NAME, start=START))
    sources = text[text.rindex("Sources:") :]
    assert "Mountjoy 2014" in sources and "Leslie 2006" in sources
