"""Physiotherapist review Z (docs/reviews/review-z.md), branch fix40: M3 (a trained faller's balance work stalls, and
the week-8 check opens no harder balance) and Lo1 (a printed dose says its counter twice), each tested over every
profile it concerns."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from lib.catalog import default_catalog
from lib.handout import WORDING_FILE, build_handout, load_handout_words
from lib.handout_choices import with_support
from lib.handout_plan import plan_exercises
from lib.planner import PHASES, build_plan
from lib.plan_usable import books_balance_check
from lib.profiles import all_profiles

CATALOG = default_catalog()
FALLS_REVIEW = CATALOG.planner["falls_review"]
TEST = FALLS_REVIEW["test"]  # single-leg stance, no support: the check's own test
HOVERING = CATALOG.exercises_by_id[TEST]["modifications"]["support-within-reach"]  # as a low risk of falling has it
HIGH_FALLS = [profile for profile in all_profiles() if profile.falls == "high"]
CHECKED = [profile for profile in HIGH_FALLS if books_balance_check(profile)]
# Every plan shape's kind: the shortest plan, a half year, a year at 30 minutes with no kit, two years in a gym.
SHAPES = [(2, 3, 30, "none"), (3, 6, 45, "bands and dumbbells"), (2, 12, 30, "none"), (3, 24, 45, "full gym")]
# The shapes Lo1's dose test reads beside the sheet without a plan.
DOSE_SHAPES = [(2, 6, 45, "bands and dumbbells"), (2, 12, 30, "none"), (3, 24, 45, "full gym")]
WORDS = load_handout_words(WORDING_FILE, CATALOG.references)


def _check_week(weeks: pd.DataFrame) -> int | None:
    found = weeks.loc[weeks["review_kinds"].str.split().map(lambda kinds: "balance_check" in kinds), "week"]
    return int(found.iloc[0]) if not found.empty else None


@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("profile", HIGH_FALLS, ids=str)
def test_z_m3_a_passed_balance_check_opens_single_leg_stance_with_the_hands_hovering(profile, shape):
    """Z3's week-8 check asked "can you stand on each leg for 10 seconds without holding on?" and a pass opened
    stamping only: in 104 weeks she never stood on one leg with her hands hovering over the counter. From the phase
    after the check, the plan holds it, with that set-up and the supported stance as the fallback; never before the
    check, and never where the plan books no check."""
    plan = build_plan(profile, *shape)
    balance = pd.concat([plan.sessions, plan.home])
    balance = balance[balance["block"] == "balance"]
    held = balance[balance["exercise_id"] == TEST]
    check = _check_week(plan.weeks)
    if check is None:
        assert held.empty, shape
        return
    after = PHASES[PHASES.index(plan.weeks.loc[plan.weeks["week"] == check, "phase"].iloc[0]) + 1 :]
    assert set(held["phase"]) == set(after), (shape, set(held["phase"]))
    for change in held["modification"]:
        assert change.startswith(HOVERING.rstrip(".")) and "balance check" in change and "until then" in change


@pytest.mark.parametrize("profile", CHECKED, ids=str)
def test_z_m3_the_check_and_the_caution_name_the_stance_a_pass_opens(profile):
    """The check's line said a pass opens stamping; the caution said "Single-leg stance, no support: too big a
    balance challenge for now" and gave no later. The check names the stance with the hands hovering, and the
    caution's INSTEAD gives the week it comes in and its set-up."""
    handout = build_handout(profile, build_plan(profile, 3, 12, 45, "bands and dumbbells"))
    check = next(line for line in handout.week_lines if "Balance check with your physiotherapist" in line)
    assert "single-leg stance with your hands hovering over the counter" in check
    week = int(re.search(r"^Week (\d+):", check).group(1)) + 1
    set_up = HOVERING[:1].lower() + HOVERING[1:].rstrip(".")
    for caution in handout.cautions:  # where the sheet has room for the caution among its first four
        if caution["id"] == TEST:
            assert f"from week {week}: single-leg stance {set_up}" in caution["instead"], caution["instead"]


@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("profile", CHECKED, ids=str)
def test_z_m3_a_long_plan_rechecks_balance_at_a_regular_interval(profile, shape):
    """One balance check in 104 weeks: falls risk is reassessed (World Falls Guidelines), and a faller who fails the
    first check had no second chance at what it opens. After the check, a re-check every `recheck_every` weeks while
    the plan has weeks left, each naming the check's week."""
    weeks = build_plan(profile, *shape).weeks
    check = _check_week(weeks)
    every = FALLS_REVIEW["recheck_every"]
    rechecks = weeks.loc[weeks["review_kinds"].str.split().map(lambda kinds: "balance_recheck" in kinds)]
    assert rechecks["week"].tolist() == list(range(check + every, len(weeks) + 1, every)), shape
    assert all(f"week-{check} check" in review for review in rechecks["review"])


def _sentences(dose: str) -> list[str]:
    return [sentence.strip().rstrip(".").lower() for sentence in re.split(r"\. ", dose) if sentence.strip()]


def _repeats(dose: str) -> list[str]:
    """Each sentence of a dose that another of its sentences holds already (read without case)."""
    sentences = _sentences(dose)
    return [
        one
        for i, one in enumerate(sentences)
        for j, other in enumerate(sentences)
        if i != j and re.search(rf"\b{re.escape(one)}\b", other)
    ]


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_z_lo1_no_printed_dose_repeats_a_sentence(profile):
    """Z4's stepping practice: "Step beside a kitchen counter, fingertips ready to touch it. Beside a kitchen
    counter, fingertips ready to touch it.": the no-floor change and the balance set-up said the same. Every dose on
    the sheet without a plan and on the plan sheets of each shape says each thing once."""
    sheets = [build_handout(profile).exercises]
    for shape in DOSE_SHAPES:
        plan = build_plan(profile, *shape)
        records = plan_exercises(plan, CATALOG, WORDS["daily_balance"])
        sheets.append(with_support(records, profile, CATALOG, WORDS["fragile_support"]))
    for records in sheets:
        for record in records:
            assert not _repeats(record["dose"]), (record["id"], record["dose"])
