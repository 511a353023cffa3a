"""The third physiotherapist read (/work/handoff/s5/physio/review-c.md), its assessment findings 7, 10, 12 and 13:
six more profiles nobody designed for. Each test fails on the data that read saw."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from lib.catalog import default_catalog
from lib.handout import build_handout
from lib.handout_pdf import handout_pdf
from lib.plan_usable import PLANNABLE_MODIFICATIONS
from lib.planner import build_plan
from lib.profiles import Profile, all_profiles
from lib.safety import assess, profile_guidance

NO_FLOOR = [profile for profile in all_profiles() if not profile.floor_transfers]
HIGH_FALLS = [profile for profile in all_profiles() if profile.falls == "high"]
# Positions a client who cannot get down to the floor and up again cannot reach alone.
FLOOR_POSITIONS = re.compile(r"lying on your (back|front)|lie on|kneel|all fours|on your front|prone", re.IGNORECASE)
BENCH_LYING = [exercise["id"] for exercise in default_catalog().exercises if exercise["bench_lying"]]


def shown(profile: Profile):
    """The rows a client is offered: everything not avoided."""
    return [row for row in assess(profile).to_dict("records") if row["status"] != "avoid"]


@pytest.mark.parametrize("profile", NO_FLOOR, ids=str)
def test_c7_no_change_offered_to_a_client_who_cannot_get_to_the_floor_puts_her_on_it(profile):
    floor_changes = [
        (row["id"], row["modification"]) for row in shown(profile) if FLOOR_POSITIONS.search(row["modification"])
    ]
    assert floor_changes == []


@pytest.mark.parametrize("profile", HIGH_FALLS, ids=str)
def test_c10_a_faller_is_not_told_a_lying_bench_press_is_safe_but_how_to_get_off_the_bench(profile):
    rows = {row["id"]: row for row in assess(profile).to_dict("records")}
    for exercise_id in BENCH_LYING:
        row = rows[exercise_id]
        assert row["status"] != "recommended"
        if row["status"] == "modify":
            assert "fall-risk-bench-exit" in row["rules"]
            assert "sit up" in row["modification"]


def test_c10_the_bench_exit_change_is_not_one_the_planner_may_plan_unsupervised():
    rule = next(rule for rule in default_catalog().rules if rule["id"] == "fall-risk-bench-exit")
    assert rule["modification"] not in PLANNABLE_MODIFICATIONS


@pytest.mark.parametrize(
    "profile", [Profile(bone="normal"), Profile(bone="osteopenia", vertebral_fracture=True)], ids=str
)
def test_c12_brisk_walking_is_not_said_to_build_bone(profile):
    walking = assess(profile).set_index("id").loc["brisk-walking"]
    assert not walking["reason"].startswith("Builds bone")
    assert "adds little new bone" in walking["reason"]


def test_c13_no_reason_is_written_for_a_client_who_is_both_trained_and_not():
    texts = [text for profile in all_profiles() for text in assess(profile)["reason"]]
    assert not any("Once cleared, and trained" in text for text in texts)


# The fourth read (/work/handoff/s5/physio/review-d.md), finding 1: the plan sheet dropped the clearance step.
NOT_CLEARED_FRAGILE = [
    profile
    for profile in all_profiles()
    if not profile.clearance and profile.fragility in ("osteoporosis", "vertebral_fracture")
]


@pytest.mark.parametrize("profile", NOT_CLEARED_FRAGILE, ids=str)
def test_d1_a_plan_for_osteoporosis_or_a_spine_fracture_without_clearance_asks_for_it_first(profile):
    guidance = {item.topic: item.advice for item in profile_guidance(profile)}
    assert "Medical clearance before starting" in guidance["Clearance"]
    handout = build_handout(profile, build_plan(profile, 2, 6, 30))
    assert any("all-clear to exercise" in line for line in handout.week_lines)


def test_d1_a_cleared_client_is_not_sent_back_for_clearance():
    cleared = Profile(bone="osteoporosis", clearance=True)
    assert not any("all-clear" in note for note in build_plan(cleared).notes)


def test_d5_a_balance_heading_never_promises_balance_in_sessions_that_hold_none():
    runner = Profile(bone="osteopenia", experience="trained")
    plan = build_plan(runner, 2, 6, 30)
    assert not (plan.sessions["block"] == "balance").any()  # at 30 minutes it goes home, on the session days
    assert "session" not in build_handout(runner, plan).balance_heading.lower()


# The fifth read (/work/handoff/s5/physio/review-e.md), its High: cautions were cut to keep the sheet to two pages.
FALLERS_WITH_LOW_BONE = [profile for profile in all_profiles() if profile.falls == "high" and profile.bone != "normal"]


@pytest.mark.parametrize("profile", FALLERS_WITH_LOW_BONE[::5], ids=str)
def test_e1_a_plan_sheet_keeps_the_forward_bending_and_twisting_cautions(profile):
    plan = build_plan(profile, 2, 6, 30)
    pages = PdfReader(io.BytesIO(handout_pdf(profile, plan))).pages
    text = " ".join(" ".join(page.extract_text() for page in pages).split())
    avoided = text.split("What to avoid", 1)[1].split("Moving safely", 1)[0]
    cautions = build_handout(profile, plan).cautions
    shown = [caution["name"] for caution in cautions if " ".join(caution["name"].split()[:2]) in avoided]
    assert len(shown) >= min(3, len(cautions)), shown
