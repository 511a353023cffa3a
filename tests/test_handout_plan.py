"""A plan's handout lists the whole week-1 plan and its home work, each with the plan's own dose (physio review
B, finding 4; review A, finding 5), and still fits on one sheet."""

from __future__ import annotations

import datetime as dt
import io
import subprocess

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st
from pypdf import PdfReader

from lib.catalog import default_catalog
from lib.handout import build_handout
from lib.handout_choices import handout_cautions, handout_exercises
from lib.handout_pdf import MOST_PAGES, handout_pdf
from lib.planner import build_plan
from lib.profiles import CHOICES, PRESETS, Profile

profiles = st.builds(Profile, **{name: st.sampled_from(values) for name, values in CHOICES.items()})
LIFTS = {"hinge", "squat"}  # the patterns a rounded back spoils
SHAPES = {"3x45-12m": (3, 12, 45), "2x30-6m": (2, 6, 30), "3x45-6m": (3, 6, 45), "2x30-12m": (2, 12, 30)}
REVIEWED_SHAPES = ("3x45-12m", "2x30-6m")  # the two plans review B read for each client
FRAIL_FALLER = Profile(bone="osteoporosis", falls="high", joint_limits=True, floor_transfers=False)
REVIEW_B = {  # the five clients of physio review B
    "a-normal": Profile(bone="normal"),
    "b-osteopenia-trained": Profile(bone="osteopenia", experience="trained"),
    "c-osteoporosis-cleared": PRESETS["osteoporosis-cleared"],
    "d-frail-faller": FRAIL_FALLER,
    "e-low-z": Profile.from_z_score(-2.1, experience="trained"),
}


def _expected_doses(plan) -> dict[str, list[str]]:
    """Each week-1 exercise's dose phrases, worked out from the plan's tables (not from lib/handout_plan.py)."""
    week_one = plan.weeks.iloc[0]
    first = plan.sessions[plan.sessions["phase"] == "foundation"]
    expected: dict[str, list[str]] = {}
    for slot in first.itertuples():
        if slot.dose_kind == "strength":
            phrase = f"{week_one['sets']} set{'s' if week_one['sets'] > 1 else ''} of {week_one['reps']} at effort "
            phrase += f"{week_one['effort']} out of 10"
        elif slot.dose_kind == "impacts":
            phrase = f"{week_one['impacts_per_session']} in each session"
        else:
            phrase = slot.reps
        expected.setdefault(slot.exercise_id, []).extend([phrase, slot.modification])
    for item in plan.home[plan.home["phase"] == "foundation"].itertuples():
        expected.setdefault(item.exercise_id, []).extend([item.dose, item.modification])
    return expected


@given(profiles, st.sampled_from(list(SHAPES.values())))
@settings(max_examples=60, deadline=None)
def test_b4_the_handout_lists_exactly_the_week_one_plan_and_home_work_with_the_plans_doses(profile, shape):
    plan = build_plan(profile, *shape)
    expected = _expected_doses(plan)
    listed = handout_exercises(profile, plan)
    assert [record["id"] for record in listed] == list(dict.fromkeys(record["id"] for record in listed))
    assert {record["id"] for record in listed} == set(expected)
    first = plan.sessions[plan.sessions["phase"] == "foundation"]
    for record in listed:
        assert record["sessions"] == sorted(set(first.loc[first["exercise_id"] == record["id"], "session"]))
        for phrase in expected[record["id"]]:
            assert phrase.lower() in record["dose"].lower(), (record["name"], phrase)


@pytest.mark.parametrize("shape", list(SHAPES.values())[:2], ids=list(SHAPES)[:2])
def test_b4_exercises_are_grouped_by_session_then_home_work(shape):
    plan = build_plan(FRAIL_FALLER, *shape)
    listed = handout_exercises(FRAIL_FALLER, plan)
    order = ["ABC".index(record["sessions"][0]) if record["sessions"] else len("ABC") for record in listed]
    assert order == sorted(order)  # session A's first, then B's, then C's, then what is done only at home
    in_sessions = set(plan.sessions.loc[plan.sessions["phase"] == "foundation", "exercise_id"])
    home = dict.fromkeys(plan.home.loc[plan.home["phase"] == "foundation", "exercise_id"])
    home_only = [exercise_id for exercise_id in home if exercise_id not in in_sessions]
    assert [record["id"] for record in listed if not record["sessions"]] == home_only
    assert home_only or shape[0] == 3  # a short 2x plan sends work home (its 3x twin may fit it all in)


def _pdftotext(pdf: bytes) -> str:
    result = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())


@pytest.fixture(
    scope="module",
    params=[(client, shape) for client in REVIEW_B for shape in REVIEWED_SHAPES],
    ids=lambda param: "-".join(param),
)
def reviewed(request):
    """(profile, plan) of one of review B's clients, in one of the two plan shapes it read."""
    client, shape = request.param
    return REVIEW_B[client], build_plan(REVIEW_B[client], *SHAPES[shape])


def test_b4_the_whole_week_one_fits_the_front_page_for_the_five_reviewed_clients(reviewed):
    """As a clinic worker makes it: with the client's name and a start date. The frail faller's 11 week-1 exercises at
    3 x 45 for 12 months fit too: the start date sits beside the exercises' heading (it had opened page 2 with the
    11th)."""
    profile, plan = reviewed
    pdf = handout_pdf(profile, plan, first_name="Ann", start=dt.date(2026, 1, 5))
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) <= MOST_PAGES
    front = " ".join(pages[0].extract_text().split())
    names = [record["name"] for record in handout_exercises(profile, plan)]
    for name in names:
        assert name in front, name
    text = _pdftotext(pdf)
    assert f"page {len(pages)} of {len(pages)}" in text  # the reviewers' own reading tool agrees
    if _lifts(plan):  # review A, finding 15
        assert "AVOID: Rounded-back lifting" in text


def _lifts(plan) -> bool:
    """Whether the plan holds a hip hinge, deadlift or squat (any phase)."""
    catalog = default_catalog()
    return any(catalog.exercise(exercise_id)["pattern"] in LIFTS for exercise_id in set(plan.sessions["exercise_id"]))


@given(profiles, st.sampled_from(list(SHAPES.values())))
@settings(max_examples=60, deadline=None)
def test_a15_a_plan_that_lifts_warns_against_rounded_back_lifting_first(profile, shape):
    plan = build_plan(profile, *shape)
    if _lifts(plan):
        first = handout_cautions(profile)[0]
        assert first["id"] == "rounded-back-lifting" and first["status"] == "avoid"  # first: every layout shows it
        technique_fault = next(rule for rule in default_catalog().rules if rule["id"] == "technique-fault")
        assert first["why"] == technique_fault["plain"]  # the rule's own words, not a copy


@pytest.mark.parametrize("shape", REVIEWED_SHAPES)
def test_b7_the_low_z_scores_medical_review_is_printed_once(shape):
    profile = REVIEW_B["e-low-z"]
    plan = build_plan(profile, *SHAPES[shape])
    text = _pdftotext(handout_pdf(profile, plan))
    before_week_one = [*plan.notes, *plan.weeks.loc[plan.weeks["week"] == 1, "review"]]
    assert any("doctor" in line for line in before_week_one)
    for line in filter(None, before_week_one):
        assert text.count(" ".join(line.split()[:6])) == 1, line


def test_b8_b9_the_balance_box_names_the_plans_drills_and_says_its_dose_once(reviewed):
    profile, plan = reviewed
    handout = build_handout(profile, plan)
    *drills, dose = handout.balance_lines
    balance = pd.concat([plan.sessions, plan.home]).query("block == 'balance'")
    on_the_front = " ".join(record["name"] for record in handout.exercises)
    for name in set(balance["exercise"]):  # the plan's own drills (B8: '3x handout ... no exercise named')
        assert name in on_the_front or name in " ".join(drills), name
    # The plan's one dose (B8, B9), in its own words; that a session's balance counts toward its day is on
    # the front, with the home drills' dose.
    assert dose.lower() == plan.balance_dose.words.split(";")[0].lower() + "."
    assert sum("minutes" in line.lower() for line in handout.balance_lines) == 1
    daily = plan.balance_dose.kind == "daily"
    assert ("every day" in handout.balance_heading) == daily  # B8: no 'every day' for balance on training days
