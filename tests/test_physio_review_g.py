"""The seventh physiotherapist read (/work/handoff/s6/physio/review-g.md): a high faller's hands-full caution is
never ranked out (H1), a heavy lift's sheet line gives the plan's lighter weeks before its 5 x 5 (M1), and a
cleared novice is not told hard landings only need clearance (M2). Each test fails on the code that read saw."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from lib.handout_choices import handout_cautions
from lib.handout_pdf import handout_pdf
from lib.planner import build_plan
from lib.profiles import PRESETS, Profile, all_profiles
from lib.safety import assess

HANDS_FULL = "fall-risk-fragile-hands-full"


def avoids_a_two_handed_load(profile: Profile) -> bool:
    rows = assess(profile)
    return bool(((rows["status"] == "avoid") & rows["rules"].apply(lambda rules: HANDS_FULL in rules)).any())


FALLERS_WITH_HANDS_FULL = [profile for profile in all_profiles() if avoids_a_two_handed_load(profile)]


def sheet_text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("profile", FALLERS_WITH_HANDS_FULL, ids=str)
def test_h1_every_faller_whose_assessment_avoids_a_two_handed_load_is_cautioned_about_it(profile):
    assert any("hand free" in caution["why"] for caution in handout_cautions(profile))


@pytest.mark.parametrize("plan_shape", [None, (3, 12, 45), (2, 6, 30)], ids=["safe-options", "3x12x45", "2x6x30"])
def test_h1_the_spine_fracture_fallers_sheets_print_the_hands_full_caution(plan_shape):
    faller = Profile(bone="osteoporosis", vertebral_fracture=True, falls="high")
    plan = build_plan(faller, *plan_shape) if plan_shape else None
    assert "no hand free" in sheet_text(handout_pdf(faller, plan))


@pytest.mark.parametrize("shape", [(3, 12, 45), (2, 6, 30)], ids=["3x12x45", "2x6x30"])
def test_m1_a_heavy_lifts_line_starts_its_heavy_sets_in_the_plans_first_heavy_week(shape):
    plan = build_plan(PRESETS["osteoporosis-cleared"], *shape)
    first_heavy = int(plan.weeks.loc[plan.weeks["intensity_pct_1rm"].notna(), "week"].min())
    text = sheet_text(handout_pdf(plan.profile, plan))
    heavy_lines = re.findall(
        # Two or three sentences after the name: the coach, a loaded hinge's cue (physio review W, M3), the weeks.
        r"From week \d+, in [^:]+: heavy [^.]+, 5 x 5(?: \(in place of [^)]+\))?\.(?:(?!\s*From week)[^.]+\.){2,3}",
        text,
    )
    assert heavy_lines
    for line in heavy_lines:
        assert f"the heavy sets from week {first_heavy}" in line, line


def test_m2_a_cleared_novice_is_not_told_hard_landings_only_need_clearance():
    cleared_novice = Profile(bone="osteoporosis", clearance=True)
    heel_drops = next(
        caution for caution in handout_cautions(cleared_novice, places=10) if caution["id"] == "heel-drops"
    )
    assert "trained" in heel_drops["why"]
