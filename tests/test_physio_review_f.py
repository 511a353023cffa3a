"""The sixth physiotherapist read (/work/handoff/s6/physio/review-f.md), its findings on the safety engine's own
words: a cleared client is not asked for the clearance she has (M4), and a faller's reason for avoiding jogging
and stamping names them (L6). Each test fails on the data that read saw."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from lib.handout_pdf import handout_pdf
from lib.planner import build_plan
from lib.profiles import Profile, all_profiles
from lib.safety import assess, profile_guidance

CLEARED = [profile for profile in all_profiles() if profile.clearance]
ASKS_FOR_CLEARANCE = re.compile(r"clearance before starting", re.IGNORECASE)


@pytest.mark.parametrize("profile", CLEARED, ids=str)
def test_m4_no_guidance_asks_a_cleared_client_for_clearance(profile):
    assert not [line.advice for line in profile_guidance(profile) if ASKS_FOR_CLEARANCE.search(line.advice)]


@pytest.mark.parametrize(
    "profile",
    [
        Profile(bone="osteoporosis", clearance=True),
        Profile(bone="osteoporosis", vertebral_fracture=True, clearance=True),
    ],
    ids=["f4-osteoporosis-cleared", "f2-vertebral-fracture-cleared"],
)
def test_m4_the_safe_options_sheet_of_a_cleared_client_says_cleared_once_and_never_asks_for_it(profile):
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(handout_pdf(profile))).pages)
    assert "cleared" in text.lower()
    assert not ASKS_FOR_CLEARANCE.search(" ".join(text.split()))


def test_m4_an_uncleared_client_with_osteoporosis_is_still_asked_for_clearance():
    guidance = profile_guidance(Profile(bone="osteoporosis"))
    assert any(ASKS_FOR_CLEARANCE.search(line.advice) for line in guidance)


@pytest.mark.parametrize("exercise", ["Jogging", "Stamping"])
def test_l6_a_fallers_reason_for_avoiding_jogging_and_stamping_names_them(exercise):
    rows = assess(Profile(bone="osteopenia", falls="high")).set_index("name")
    assert rows.loc[exercise, "status"] == "avoid"
    assert exercise.lower() in rows.loc[exercise, "reason"].lower()


def test_d9_a_runners_plan_sheet_says_once_that_her_running_counts():
    runner = Profile(bone="osteopenia", experience="trained")
    plan = build_plan(runner, 3, 12, 45)
    assert plan.habitual_impact
    text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(handout_pdf(runner, plan))).pages
    )
    assert text.count("If you already run") == 1
