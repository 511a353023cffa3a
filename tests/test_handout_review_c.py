"""The third physiotherapist read (/work/handoff/s5/physio/review-c.md), its handout findings: every planned
"modify" item named on the sheet carries its change (C1), "Your week" gives the plan's aerobic dose and a
faller's walking set-up (C3), and the sheet lists only what the plan holds (C2). Each C1 and C3 test fails on
the sheets that read saw."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess

import pandas as pd
import pytest
from hypothesis import example, given, settings, strategies as st
from pypdf import PdfReader

from lib.catalog import default_catalog
from lib.handout import build_handout
from lib.handout_pdf import MOST_PAGES, handout_pdf
from lib.planner import EQUIPMENT_SETS, build_plan
from lib.profiles import CHOICES, Profile
from lib.safety import assess
from tests.handout_helpers import gives_change

profiles = st.builds(Profile, **{name: st.sampled_from(values) for name, values in CHOICES.items()})
SHAPES = {"3x45-12m": (3, 12, 45), "2x30-6m": (2, 6, 30)}  # the two plans review C read for each client
FRAIL_FALLER = Profile(bone="osteoporosis", falls="high", joint_limits=True, floor_transfers=False)
# What a later line replaces, in brackets or (on the harder-moves line, review W Lo3) without, and the same lift
# named again as the one to keep to until a review (review O, nits).
# What a later line replaces: "(in place of X)", or "(in place of X; change)" since review Y Lo4, where the change is
# the new move's and stays.
REPLACED = re.compile(
    r" \(in place of [^);]*\)|(?<=\()in place of [^);]*; | in place of [^(,;.]*|keep to the [^.;]* in its place"
)
# A spine-fracture client's first visit names the moves her physiotherapist checks, not how to do them: their changes
# are beside their doses on the front (physio review Y, M3; with them the line cost review P's tightest sheet a reason).
FIRST_VISIT = [
    words.split("{moves}")[0] for words in default_catalog().planner["after_vertebral_fracture"]["first_visit"].values()
]
REVIEW_C = {  # review C's six clients, with their kit
    "p1-painful-joints-no-floor": (
        Profile(bone="normal", joint_limits=True, floor_transfers=False),
        "bands and dumbbells",
    ),
    "p2-osteopenia-faller-cleared": (Profile(bone="osteopenia", falls="high", clearance=True), "full gym"),
    "p3-low-z-cleared": (Profile.from_z_score(-2.6, clearance=True), "full gym"),
    "p4-vertebral-fracture-trained": (
        Profile(bone="osteoporosis", vertebral_fracture=True, experience="trained", clearance=True),
        "full gym",
    ),
    "p5-osteoporosis-faller-trained": (
        Profile(bone="osteoporosis", falls="high", experience="trained"),
        "bands and dumbbells",
    ),
    "p6-osteopenia-painful-joints-no-kit": (Profile(bone="osteopenia", joint_limits=True), "none"),
    "frail-faller": (FRAIL_FALLER, "full gym"),
}
P2, P2_KIT = REVIEW_C["p2-osteopenia-faller-cleared"]
P5, P5_KIT = REVIEW_C["p5-osteoporosis-faller-trained"]


def _sheet_lines(handout) -> list[str]:
    """Each exercise with its dose, each line of "Your week" and of the balance box: the units a client reads."""
    return [
        *(f"{record['name']}: {record['dose']}" for record in handout.exercises),
        handout.aerobic,
        *handout.week_lines,
        *handout.balance_suggestions,
        *handout.balance_lines,
    ]


def _planned_changes(profile: Profile, plan) -> dict[str, tuple[set[str], set[str]]]:
    """Each planned exercise the assessment marks "modify": (its names, as the plan and the catalog give them;
    its change, as the assessment and the plan word it)."""
    rows = {row["id"]: row for row in assess(profile).to_dict("records")}
    planned = pd.concat([plan.sessions, plan.home])
    changes: dict[str, tuple[set[str], set[str]]] = {}
    for item in planned.itertuples():
        row = rows[item.exercise_id]
        if row["status"] == "modify":
            names, words = changes.setdefault(item.exercise_id, (set(), set()))
            names.update({item.exercise.lower(), row["name"].lower()})
            words.update({row["modification"].lower().rstrip("."), item.modification.lower().rstrip(".")} - {""})
    return changes


def over_plans(*cases):
    """A property test over (profile, plan shape, kit): every profile, review C's two shapes, every kit; the
    given cases (review C's own clients) always run."""

    def decorate(test):
        for case in reversed(cases):
            test = example(*case)(test)
        test = settings(max_examples=60, deadline=None)(test)
        return given(profiles, st.sampled_from(list(SHAPES.values())), st.sampled_from(list(EQUIPMENT_SETS)))(test)

    return decorate


@over_plans(
    (P2, SHAPES["3x45-12m"], P2_KIT), (P5, SHAPES["2x30-6m"], P5_KIT), (FRAIL_FALLER, SHAPES["3x45-12m"], "full gym")
)
def test_c1_every_planned_modify_item_on_the_sheet_carries_its_change_on_the_same_line(profile, shape, kit):
    plan = build_plan(profile, *shape, kit)
    changes = _planned_changes(profile, plan)
    handout = build_handout(profile, plan)
    stand_ins = handout.words["later_lifts"]["stand_ins"]
    for line in _sheet_lines(handout):
        if any(visit in line for visit in FIRST_VISIT):
            continue
        # The lifts a later line replaces are what the client stops doing (or keeps to until a review): their changes
        # are where the sheet gave them (physio review M, Lo3).
        told = REPLACED.sub("", line.lower())
        for names, words in changes.values():
            if any(name in told for name in names):
                assert any(gives_change(told, change, stand_ins) for change in words), (line, words)


@pytest.mark.parametrize("shape", list(SHAPES), ids=str)
@pytest.mark.parametrize("client", ["p2-osteopenia-faller-cleared", "p5-osteoporosis-faller-trained"])
def test_c1_a_fallers_impact_line_names_the_rail_on_the_printed_sheet(client, shape):
    profile, kit = REVIEW_C[client]
    plan = build_plan(profile, *SHAPES[shape], kit)
    text = _pdftotext(handout_pdf(profile, plan))
    # A faller's 30-minute sessions keep push and pull before impact (review C, finding 2): no impact line there.
    has_impact = (plan.sessions["block"] == "impact").any()
    rail = "Impacts: step-down from a low step, no jump, hold a rail or counter with one hand as you step down:"
    assert (rail in text) == has_impact
    # Without it, the note says why: balance takes the minutes first (physio review U, Lo1).
    assert has_impact or "Impact drills wait for longer sessions" in " ".join(text.split())


def _aerobic_dose(plan) -> tuple[int, int, int]:
    """The plan's weekly aerobic minutes: at first, at the most, and the first week at the most."""
    minutes = plan.weeks["aerobic_minutes"]
    return int(minutes.iloc[0]), int(minutes.max()), int(plan.weeks.loc[minutes.idxmax(), "week"])


@over_plans((P2, SHAPES["2x30-6m"], P2_KIT), (FRAIL_FALLER, SHAPES["3x45-12m"], "full gym"))
def test_c3_your_week_gives_the_plans_aerobic_dose_and_a_fallers_walking_set_up(profile, shape, kit):
    plan = build_plan(profile, *shape, kit)
    handout = build_handout(profile, plan)
    week_lines = [handout.aerobic, *handout.week_lines]  # "Your week": the aerobic line first, at full width
    first, most, by_week = _aerobic_dose(plan)
    aerobic = [line for line in week_lines if f"{first} minutes a week" in line]
    assert len(aerobic) == 1, week_lines
    assert f"{first} minutes a week, building to {most} by week {by_week}" in aerobic[0]
    assert set(plan.weeks["aerobic_intensity"]) == {"moderate"} and "moderate" in aerobic[0]
    assert ("not vigorous" in aerobic[0]) == profile.vertebral_fracture  # TFTF: moderate after a spine fracture
    walking = next(row for row in assess(profile).to_dict("records") if row["id"] == "brisk-walking")
    if profile.falls == "high":  # with impact work or without (review C, finding 3)
        assert walking["status"] == "modify"
        assert walking["modification"] in aerobic[0]
        assert " ".join(week_lines).count("well-lit") == 1  # said once: not again in a plan note
    else:
        assert "well-lit" not in " ".join(week_lines)


def _pdftotext(pdf: bytes) -> str:
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())


@given(
    st.builds(Profile, **{name: st.sampled_from(values) for name, values in CHOICES.items() if name != "falls"}),
    st.sampled_from([2, 3]),
    st.sampled_from([6, 12]),
    st.sampled_from(list(EQUIPMENT_SETS)),
)
@example(P2, 2, 6, P2_KIT)
@example(P5, 3, 12, P5_KIT)
@settings(max_examples=40, deadline=None)
def test_c2_a_high_fallers_short_session_sheet_lists_only_what_the_plan_holds(profile, per_week, months, kit):
    profile = dataclasses.replace(profile, falls="high")
    plan = build_plan(profile, per_week, months, 30, kit)
    planned = set(plan.sessions["exercise_id"]) | set(plan.home["exercise_id"])
    handout = build_handout(profile, plan)
    assert {record["id"] for record in handout.exercises} <= planned
    names = {row["name"]: row["id"] for row in default_catalog().exercises}
    for line in handout.balance_lines:  # the balance box too names only the plan's drills
        assert {exercise_id for name, exercise_id in names.items() if name in line} <= planned, line


@pytest.fixture(scope="module", params=[(client, shape) for client in REVIEW_C for shape in SHAPES], ids="-".join)
def reviewed(request):
    client, shape = request.param
    profile, kit = REVIEW_C[client]
    return profile, build_plan(profile, *SHAPES[shape], kit)


def test_c_the_sheet_still_fits_its_pages_for_review_cs_clients_and_the_frail_faller(reviewed):
    profile, plan = reviewed
    pdf = handout_pdf(profile, plan)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages <= MOST_PAGES
    text = _pdftotext(pdf)
    assert f"page {pages} of {pages}" in text  # the reviewers' own reading tool agrees
    first, most, by_week = _aerobic_dose(plan)
    assert f"{first} minutes a week, building to {most} by week {by_week}" in text
