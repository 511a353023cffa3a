"""Physiotherapist review Y (docs/reviews/review-y.md): a loaded hinge's cue on paper from week 1 (M2), a
physiotherapist's visit before the first session after a spine fracture (M3) and a bracketed 'in place of' on the
harder-moves line (Lo4; branch fix37), each tested over every profile it concerns."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import example, given, settings, strategies as st
from pypdf import PdfReader

from lib.catalog import default_catalog
from lib.exercise_names import sentence_case, short_name
from lib.handout import build_handout
from lib.handout_pdf import handout_pdf
from lib.handout_plan import FIRST_PHASE, plan_exercises
from lib.plan_picks import AXIAL_BLOCK
from lib.planner import build_plan
from lib.profiles import Profile, all_profiles
from tests.handout_helpers import pdf_words
from tests.test_physio_review_k import KITS, SHAPES

CATALOG = default_catalog()
LINE_CUES = {exercise["id"]: exercise["line_cue"] for exercise in CATALOG.exercises if exercise.get("line_cue")}
Y1 = Profile(bone="osteopenia", experience="trained", clearance=True, floor_transfers=False)
Y2 = Profile(bone="osteoporosis", experience="trained", floor_transfers=False)
Y3 = Profile(bone="osteoporosis", vertebral_fracture=True, experience="trained", clearance=True)
Y4 = Profile(bone="low_for_age", floor_transfers=False)


def _assert_each_week_1_hinge_dose_ends_with_its_cue(profile: Profile, kit: str, shape: tuple[int, int, int]) -> None:
    for exercise in plan_exercises(build_plan(profile, *shape, kit), CATALOG):
        if exercise["id"] in LINE_CUES:
            assert exercise["dose"].endswith(f". {LINE_CUES[exercise['id']]}"), (profile, kit, exercise["dose"])


@pytest.mark.parametrize("profile", all_profiles(), ids=str)
def test_y_m2_a_loaded_hinge_of_week_1_gives_its_hinge_cue_after_its_dose(profile):
    """Y2's 'Kettlebell deadlift / Dose: Session B: 1 set of 12 at effort 5 out of 10 in week 1' and Y1's Romanian
    deadlift: the printed sheet keeps the dose and drops the cards first, so the cue goes in the dose."""
    for kit in ("bands and dumbbells", "full gym"):
        _assert_each_week_1_hinge_dose_ends_with_its_cue(profile, kit, (3, 12, 45))


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(all_profiles()), st.sampled_from(KITS), st.sampled_from(SHAPES))
@example(Y1, "full gym", (2, 6, 45))
@example(Y2, "bands and dumbbells", (3, 12, 30))
def test_y_m2_every_plan_shape_gives_a_week_1_hinge_its_cue(profile, kit, shape):
    _assert_each_week_1_hinge_dose_ends_with_its_cue(profile, kit, shape)


@pytest.mark.parametrize(
    ("profile", "kit", "shape", "hinge"),
    [
        (Y2, "bands and dumbbells", (3, 12, 30), "kettlebell-deadlift"),
        (Y1, "full gym", (2, 6, 45), "romanian-deadlift"),
    ],
    ids=["Y2", "Y1"],
)
def test_y_m2_the_hinge_cue_prints_on_page_1_of_the_pdf(profile, kit, shape, hinge):
    pdf = handout_pdf(profile, build_plan(profile, *shape, kit), first_name="Ann")
    front = pdf_words(PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    assert f"in week 1. {LINE_CUES[hinge]}" in front, front


AFTER_FRACTURE = CATALOG.planner["after_vertebral_fracture"]
FLOOR_WORDS = CATALOG.planner["floor_practice"]["words"]
SPINE_FRACTURES = [profile for profile in all_profiles() if profile.vertebral_fracture]


def _week_1_lower_body(plan) -> list[str]:
    sessions = plan.sessions
    week_1 = sessions[(sessions["phase"] == FIRST_PHASE) & (sessions["block"] == AXIAL_BLOCK)]
    return [sentence_case(short_name(name), upper=False) for name in dict.fromkeys(week_1["exercise"])]


@pytest.mark.parametrize("profile", SPINE_FRACTURES, ids=str)
def test_y_m3_every_spine_fracture_plan_books_a_physiotherapist_before_the_first_session(profile):
    """Y3: 'a physiotherapist guides the start', but the first booked visit was week 5's review, after four weeks of
    goblet squats and step-ups. Week 1 books a visit that names the plan's own lower-body moves of week 1, in one row
    with the floor practice where there is one, which asks for a physiotherapist too: one visit, named once. The
    reviews that open the build and strength phases stay."""
    for index, shape in enumerate(SHAPES):
        plan = build_plan(profile, *shape, KITS[index % len(KITS)])
        week_1 = plan.weeks.iloc[0]
        assert "spine_visit" in week_1["review_kinds"].split(), (shape, week_1["review_kinds"])
        assert all(name in week_1["review"] for name in _week_1_lower_body(plan)), (shape, week_1["review"])
        assert "before your first session" in week_1["review"], week_1["review"]
        assert week_1["review"].lower().count("physiotherapist") == 1, week_1["review"]
        if not profile.floor_transfers:
            assert week_1["review"].startswith(FLOOR_WORDS), week_1["review"]
        starts = plan.phase_starts()
        reviewed = plan.weeks.loc[plan.weeks["review_kinds"].str.contains("spine_review"), "week"].tolist()
        assert reviewed == [starts["build"], starts["strength"]], (shape, reviewed)


@pytest.mark.parametrize("profile", [profile for profile in all_profiles() if not profile.vertebral_fracture], ids=str)
def test_y_m3_no_other_plan_books_the_spine_visit(profile):
    weeks = build_plan(profile, 2, 6, 30, "bands and dumbbells").weeks
    assert not weeks["review_kinds"].str.contains("spine_visit").any(), profile


@pytest.mark.parametrize(("kit", "shape"), [("full gym", (3, 6, 45)), ("bands and dumbbells", (2, 12, 30))])
def test_y_m3_y3s_sheet_gives_the_visit_after_the_start_it_promises(kit, shape):
    """The visit is one of week 1's lines, right after 'a physiotherapist guides the start', with no week of its own."""
    lines = build_handout(Y3, build_plan(Y3, *shape, kit)).week_lines
    start = lines.index(AFTER_FRACTURE["start"])
    visit = lines[start + 1]
    assert visit.startswith("Physiotherapist visit before your first session: they check your goblet squat"), lines
    assert sum("Physiotherapist visit before your first session" in line for line in lines) == 1, lines


IN_PLACE_OF = "in place of"
# Where the move before an 'in place of' starts: its week, a group with its own change after a semicolon, or another
# move that has just closed its own brackets.
MOVE_START = re.compile(r"(?:from week \d+, |; |\), |\) and )")


def _harder_moves(profile: Profile, kit: str, shape: tuple[int, int, int]) -> str:
    return build_handout(profile, build_plan(profile, *shape, kit)).harder_moves


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(all_profiles()), st.sampled_from(KITS), st.sampled_from(SHAPES))
@example(Y2, "bands and dumbbells", (3, 12, 30))
@example(Y4, "full gym", (3, 6, 45))
@example(Profile(bone="osteoporosis", vertebral_fracture=True, floor_transfers=False), "full gym", (3, 12, 45))
def test_y_lo4_each_in_place_of_is_bracketed_right_after_the_one_move_it_changes(profile, kit, shape):
    """Y4: 'band chest press, seated cable or machine row and step-up onto a low step in place of the supported split
    squat' read as three moves replacing the split squat. Each 'in place of' opens a bracket right after one move:
    the first of its list, or the next after another move's brackets."""
    line = _harder_moves(profile, kit, shape)
    for found in re.finditer(IN_PLACE_OF, line):
        before = line[: found.start()]
        assert before.endswith(" ("), line
        move = MOVE_START.split(before)[-1][: -len(" (")]
        assert " and " not in move and ", " not in move, (move, line)


def test_y_lo4_y4s_step_up_names_the_split_squat_it_replaces_in_its_own_brackets():
    assert (
        "from week 7, step-up onto a low step (in place of the supported split squat), band chest press and seated"
        " cable or machine row;"
    ) in _harder_moves(Y4, "full gym", (3, 6, 45))


def test_y_lo4_y2s_squat_and_deadlift_each_name_what_they_replace():
    harder = _harder_moves(Y2, "bands and dumbbells", (3, 12, 30))
    assert "dumbbell squat (in place of the goblet squat) and one-arm dumbbell row" in harder, harder
    assert "Romanian deadlift (in place of the kettlebell deadlift; push the hips back" in harder, harder
