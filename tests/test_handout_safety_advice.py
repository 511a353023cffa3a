"""What the handout tells a fragile client: the cautions that matter in daily life, moving safely, what to do
after a fall, and what comes first after a spine fracture or with a low Z-score (the physiotherapist reviews)."""

from __future__ import annotations

import pytest

from lib.handout import WORDING_FILE, build_handout, load_handout_words
from lib.handout_choices import handout_cautions
from lib.handout_pdf import handout_pdf
from lib.planner import build_plan
from lib.profiles import PRESETS, Profile
from tests.handout_helpers import pdf_words, read_pdf


def test_a_frail_fallers_cautions_are_daily_movements_not_floor_work_she_cannot_do(preset_handouts, catalog):
    profile = PRESETS["frail-faller"]
    cautions = handout_cautions(profile, catalog)
    assert [caution["id"] for caution in cautions[:3]] == [
        "rounded-back-lifting",
        "standing-toe-touch",
        "loaded-wood-chop",
    ]
    assert not any(catalog.exercise(caution["id"])["floor"] for caution in cautions)
    for with_plan in (True, False):
        _, text = read_pdf(preset_handouts["frail-faller", with_plan])
        section = text.split("What to avoid", 1)[1].split("Moving safely", 1)[0]
        assert "Rounded-back lifting" in section and "Standing toe touch" in section
        assert "Sit-up" not in section and "Bicycle crunch" not in section


def test_a_client_who_can_get_to_the_floor_still_hears_about_lifting_first(catalog):
    cautions = handout_cautions(PRESETS["osteoporosis"], catalog)
    assert [caution["id"] for caution in cautions[:3]] == [
        "rounded-back-lifting",
        "standing-toe-touch",
        "loaded-wood-chop",
    ]


@pytest.mark.parametrize("key", list(PRESETS))
def test_every_handout_shows_three_ways_of_moving_safely_every_day(key, preset_handouts, catalog):
    words = load_handout_words(WORDING_FILE, catalog.references)
    for with_plan in (True, False):
        _, text = read_pdf(preset_handouts[key, with_plan])
        assert "Moving safely every day" in text
        for line in words["moving_safely"]["lines"]:
            assert pdf_words(line) in text
        for key_ in words["moving_safely"]["sources"]:
            assert catalog.references[key_].short in text


@pytest.mark.parametrize(
    "profile, told",
    [
        (PRESETS["frail-faller"], True),
        (Profile(bone="osteopenia", floor_transfers=False), True),
        (Profile(bone="normal", falls="high"), True),
        (PRESETS["osteoporosis"], False),
    ],
    ids=["frail-faller", "no-floor", "high-falls", "osteoporosis"],
)
def test_the_after_a_fall_lines_reach_whoever_cannot_get_up_or_falls_often(profile, told, catalog):
    words = load_handout_words(WORDING_FILE, catalog.references)
    _, text = read_pdf(handout_pdf(profile, build_plan(profile), catalog=catalog))
    for part in ("hurt", "alarm"):
        assert (pdf_words(words["after_fall"][part]) in text) == told
    assert ("If you fall" in text) == told
    assert ("Australian Government 2011" in text) == told


def test_the_daily_and_after_a_fall_lines_cite_lesson_sevens_own_sources(catalog):
    words = load_handout_words(WORDING_FILE, catalog.references)
    lesson = catalog.lessons_by_slug["moving-safely"]
    for part in ("moving_safely", "after_fall"):
        assert set(words[part]["sources"]) <= set(lesson.sources), part


def test_the_abridged_cochrane_review_is_named_as_the_app_names_it(preset_handouts, catalog):
    reference = catalog.references["sherrington2019"]
    assert reference.short == "Sherrington 2020" and "abridged Cochrane" in reference.title
    assert reference.journal.startswith("British Journal of Sports Medicine")
    _, text = read_pdf(preset_handouts["frail-faller", True])
    assert "Sherrington 2020 (BJSM), abridged Cochrane review" in text
    assert "Sherrington 2019" not in text


# Second physiotherapist review (findings 1 and 7): what must come first reaches the sheet the client takes home.
@pytest.mark.parametrize(
    "profile",
    [
        Profile(bone="normal", vertebral_fracture=True, experience="trained", clearance=True),
        Profile(bone="low_for_age", vertebral_fracture=True),
    ],
    ids=str,
)
def test_after_a_spine_fracture_the_handout_says_physiotherapist_first_no_jumping_and_no_heavy_invitation(
    profile, catalog
):
    plan = build_plan(profile, catalog=catalog)
    _, text = read_pdf(handout_pdf(profile, plan, catalog=catalog))
    first_notes = [note for note in plan.notes if not note.startswith("Before you start")]  # clearance, if not given
    assert first_notes[0].startswith("After a spine fracture")
    assert "a physiotherapist guides the start" in text and "no jogging or jumping" in text
    assert "cleared for supervised heavy lifting" not in text


def test_a_low_z_score_handout_starts_with_the_medical_review_and_fuelling(catalog):
    profile = Profile.from_z_score(-2.3, experience="trained")
    _, text = read_pdf(handout_pdf(profile, build_plan(profile, catalog=catalog), catalog=catalog))
    assert "Medical review first" in text and "Eat enough to fuel your training" in text


@pytest.mark.parametrize("can_get_up", [True, False], ids=["floor-transfers", "no-floor"])
def test_only_a_client_who_can_get_up_from_the_floor_is_told_how_to_get_up_alone(can_get_up, catalog):
    # Second physiotherapist review, finding B1: the frail faller was told to crawl, kneel and push up.
    words = load_handout_words(WORDING_FILE, catalog.references)
    profile = Profile(bone="osteoporosis", falls="high", joint_limits=True, floor_transfers=can_get_up)
    _, text = read_pdf(handout_pdf(profile, build_plan(profile), catalog=catalog))
    assert (pdf_words(words["after_fall"]["get_up"]) in text) == can_get_up
    assert (pdf_words(words["after_fall"]["no_floor"]) in text) != can_get_up


def test_the_heavy_line_names_the_heavy_lifts_and_no_line_repeats(catalog):
    # Second physiotherapist review, findings B6 and B7.
    cleared = PRESETS["osteoporosis-cleared"]
    lifter = build_handout(cleared, build_plan(cleared, catalog=catalog), catalog=catalog).week_lines
    heavy = next(line for line in lifter if line.startswith("Heavy sets"))
    assert "back squat" in heavy and "deadlift" in heavy
    low_z = Profile.from_z_score(-2.1, experience="trained")
    young = build_handout(low_z, build_plan(low_z, catalog=catalog), catalog=catalog).week_lines
    assert len(young) == len(set(young)) and young[0].startswith("Medical review first")
