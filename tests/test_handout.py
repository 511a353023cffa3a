"""The client handout PDF: what it says, what it never says, and that it fits on one sheet."""

from __future__ import annotations

import ast
import datetime as dt
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from lib.catalog import PROJECT_ROOT
from lib.handout import WORDING_FILE, build_handout, clean_first_name, load_handout_words
from lib.handout_choices import MAX_EXERCISES, MIN_EXERCISES, handout_cautions, handout_exercises
from lib.handout_font import plain
from lib.handout_pdf import LAYOUTS, MAX_PAGES, MOST_PAGES, handout_pdf
from lib.planner import build_plan
from lib.profiles import PRESETS, Profile
from lib.safety import assess
from lib.validation import DataError

START = dt.date(2026, 1, 7)  # a Wednesday: the plan begins the next Monday
FIRST_NAME = "Margaret"
SCREENSHOT_PRESET = "frail-faller"


def _words(text: str) -> str:
    """Extracted text with every run of whitespace as one space (lines wrap anywhere)."""
    return " ".join(text.split())


def _read(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), _words(" ".join(page.extract_text() for page in reader.pages))


@pytest.fixture(scope="module")
def plans():
    return {key: build_plan(profile) for key, profile in PRESETS.items()}


@pytest.fixture(scope="module")
def handouts(plans, catalog):
    """Every preset's handout, with a plan (and a name and start date) and without."""
    made = {}
    for key, profile in PRESETS.items():
        made[key, True] = handout_pdf(profile, plans[key], FIRST_NAME, catalog, START)
        made[key, False] = handout_pdf(profile, catalog=catalog)
    return made


@pytest.mark.parametrize("with_plan", [True, False], ids=["plan", "no-plan"])
@pytest.mark.parametrize("key", list(PRESETS))
def test_handout_fits_one_sheet_and_says_what_matters(key, with_plan, handouts, plans, catalog):
    profile = PRESETS[key]
    pages, text = _read(handouts[key, with_plan])
    assert 1 <= pages <= (MAX_PAGES if key == "building-reserve" else MOST_PAGES)  # a third only for the cautions
    first_words = " ".join(profile.describe().split()[:3])
    assert first_words in text
    assert "Your exercises" in text and "Stop and call" in text and "not medical advice" in text
    recommended = set(assess(profile, catalog).query("status == 'recommended'")["name"])
    shown = [name for name in recommended if name in text]
    assert len(shown) >= 4, shown
    assert (f"plan, {FIRST_NAME}" in text) == with_plan


@pytest.mark.parametrize("with_plan", [True, False], ids=["plan", "no-plan"])
@pytest.mark.parametrize("key", list(PRESETS))
def test_your_exercises_lists_no_avoided_exercise(key, with_plan, handouts, plans, catalog):
    profile, plan = PRESETS[key], plans[key] if with_plan else None
    table = assess(profile, catalog).set_index("id")
    chosen = handout_exercises(profile, plan, catalog)
    statuses = {table.loc[exercise["id"], "status"] for exercise in chosen}
    if plan is None:
        assert MIN_EXERCISES <= len(chosen) <= MAX_EXERCISES and statuses == {"recommended"}
    else:  # the whole week-1 plan (tests/test_handout_plan.py): a "modify" item with its modification
        assert statuses <= {"recommended", "modify"}
    _, text = _read(handouts[key, with_plan])
    section = text.split("Your exercises", 1)[1].split("What to avoid", 1)[0]
    for exercise in chosen:
        assert exercise["name"] in section
    for name in table.query("status == 'avoid'")["name"]:
        assert name not in section


def test_exercises_cover_the_movements_bone_needs(catalog):
    for profile in PRESETS.values():
        patterns = [exercise["pattern"] for exercise in handout_exercises(profile, catalog=catalog)]
        assert {"push", "pull", "balance"} <= set(patterns)
        assert set(patterns) & {"squat", "lunge"} and set(patterns) & {"back-extensor", "posture"}
        assert len(patterns) == len(set(patterns))


def test_with_a_plan_exercises_are_grouped_by_session_and_balance_follows_the_plan(plans, catalog):
    from lib.handout_choices import balance_lines
    from lib.safety import profile_guidance

    for key in ("frail-faller", "osteopenia"):
        plan = plans[key]
        chosen = handout_exercises(PRESETS[key], plan, catalog)
        firsts = [exercise["sessions"][0] for exercise in chosen if exercise["sessions"]]
        assert firsts == sorted(firsts) and all(
            exercise["dose"].startswith("Session") for exercise in chosen if exercise["sessions"]
        )
        guidance = {item.topic: item for item in profile_guidance(PRESETS[key], catalog)}
        shown = " ".join([*balance_lines(plan, [], guidance), *(exercise["name"] for exercise in chosen)])
        for name in set(plan.home.loc[plan.home["block"] == "balance", "exercise"]):
            assert name in shown  # week 1's drills on the front, the harder ones in the balance box


def test_fragile_bone_puts_spine_cautions_first_with_safe_swaps(catalog):
    for key in ("osteoporosis", "vertebral-fracture", "frail-faller"):
        profile = PRESETS[key]
        table = assess(profile, catalog).set_index("id")
        cautions = handout_cautions(profile, catalog)
        assert 1 <= len(cautions) <= 4
        first = table.loc[cautions[0]["id"]]
        assert first["spinal_flexion"] != "none" or first["rotation"] == "loaded"
        for caution in cautions:
            assert caution["status"] == "avoid" and table.loc[caution["id"], "status"] == "avoid"
            swap = caution["instead"].split(":")[0]  # a "modify" swap carries its change after a colon (review E, M3)
            assert swap in set(table.query("status != 'avoid'")["name"])


def test_technique_faults_are_cautioned_even_with_healthy_bone(handouts, catalog):
    cautions = handout_cautions(PRESETS["building-reserve"], catalog)
    assert cautions[0]["id"] in {"rounded-back-lifting", "loaded-forward-bend"} and cautions[0]["status"] == "avoid"
    _, text = _read(handouts["building-reserve", False])
    assert cautions[0]["name"] in text


def test_each_caution_gives_its_rules_plain_line_and_a_change_names_its_modification(catalog):
    plain_lines = {rule["plain"] for rule in catalog.rules}
    table = assess(Profile(bone="osteopenia", falls="high"), catalog).set_index("id")
    for caution in handout_cautions(Profile(bone="osteopenia", falls="high"), catalog, places=8):
        assert caution["why"] in plain_lines
        if caution["status"] == "change":
            assert caution["instead"] == table.loc[caution["id"], "modification"]


def test_the_plan_week_shows_the_schedule_and_the_chart(handouts, plans):
    # The chart is the first thing a full back page gives up (lib/handout_pdf.py LAYOUTS): a roomy sheet.
    with_plan = PdfReader(io.BytesIO(handouts["building-reserve", True]))
    text = _words(" ".join(page.extract_text() for page in with_plan.pages))
    assert "Week 1 (12 Jan)" in text and "Starting Monday 12 January 2026" in text
    assert "Sources:" in text and "doi.org/" in text
    # The exercise drawings are vector drawings; the one raster image is the effort chart.
    assert sum(len(page.images) for page in with_plan.pages) == 1
    without_plan = PdfReader(io.BytesIO(handouts["building-reserve", False]))
    assert sum(len(page.images) for page in without_plan.pages) == 0


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "Robert'); DROP TABLE clients;--",
        "A" * 41,
        "   ",
        "12345",
        "Ann\nEvil",
    ],
)
def test_a_hostile_or_odd_first_name_is_dropped(hostile, catalog):
    assert clean_first_name(hostile) == ""
    pdf = handout_pdf(PRESETS["osteopenia"], first_name=hostile, catalog=catalog)
    _, text = _read(pdf)
    assert "plan," not in text.split("About you")[0]
    assert b"<script>" not in pdf and b"DROP TABLE" not in pdf


def test_a_real_first_name_is_kept_tidy_and_stays_out_of_the_metadata(catalog):
    assert clean_first_name("  Ann-Marie   O\u2019Neil ") == "Ann-Marie O'Neil"
    assert clean_first_name("Zoë") == "Zoë"
    pdf = handout_pdf(PRESETS["osteopenia"], first_name="Ann-Marie O'Neil", catalog=catalog)
    reader = PdfReader(io.BytesIO(pdf))
    assert "Your bone-strength plan, Ann-Marie O'Neil" in _words(reader.pages[0].extract_text())
    assert "Ann-Marie" not in str(dict(reader.metadata or {}))


@pytest.mark.parametrize("name", ["Łucja", "Dvořák", "Nguyễn", "Ольга", "Αθηνά", "Zoë"])
def test_a_name_in_any_alphabet_the_font_has_prints(name, catalog):
    assert clean_first_name(name) == name
    pdf = handout_pdf(PRESETS["osteopenia"], first_name=name, catalog=catalog)
    assert f"Your bone-strength plan, {name}" in _words(PdfReader(io.BytesIO(pdf)).pages[0].extract_text())


def test_a_name_the_font_cannot_print_is_refused_as_the_form_says():
    # The form's note says: letters the handout's typeface prints.
    assert clean_first_name("\u9648\u6d01") == ""  # Chinese: no glyphs in DejaVu Sans
    assert clean_first_name("Nguye\u0302\u0303n") == "Nguy\u1ec5n"  # typed with combining marks


def test_plain_replaces_only_what_the_font_cannot_print():
    assert plain("\u201cGo\u201d \u2013 \u2265 3 \u00d7 8\u2026") == "\u201cGo\u201d \u2013 \u2265 3 \u00d7 8\u2026"
    assert plain("caf\u00e9 \u4e2d") == "caf\u00e9 ?"


def test_the_same_input_gives_the_same_bytes(catalog):
    profile = Profile(bone="osteoporosis", vertebral_fracture=True)
    assert handout_pdf(profile, catalog=catalog) == handout_pdf(profile, catalog=catalog)


def test_the_last_layout_is_the_tightest():
    assert [layout.cautions for layout in LAYOUTS] == sorted((layout.cautions for layout in LAYOUTS), reverse=True)


def test_page_one_as_a_picture_for_review(handouts, screenshots):
    """A PNG of page 1 for a person to look at (tests/screenshots is git-ignored)."""
    if shutil.which("pdftoppm") is None:
        message = "pdftoppm not found (Debian package poppler-utils): no PNG made; the PDF checks above still ran."
        if os.environ.get("CI"):
            pytest.fail(message + " CI installs it (.ci/run), so here its absence is a defect.")
        pytest.skip(message)
    target = screenshots / f"handout-{SCREENSHOT_PRESET}"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", "-", str(target)],
        input=handouts[SCREENSHOT_PRESET, True],
        check=True,
        timeout=60,
    )
    assert target.with_suffix(".png").stat().st_size > 10_000


# --- One content model, built once per click (issue #12) ------------------------------------------


def test_one_click_assesses_the_profile_once_and_draws_one_sheet(monkeypatch, plans, catalog):
    """Before the content model, one frail-faller handout ran assess() 18 times and made 6 sheets; trial drawings
    go on scratch sheets made once per handout (one, and one for a box measured inside a trial), never per trial."""
    import lib.handout
    import lib.handout_draw

    counts = {"assess": 0, "sheets": 0, "scratch sheets": 0}
    real_assess, real_sheet = lib.handout.assess, lib.handout_draw.Sheet.__init__

    def counted_assess(*args, **kwargs):
        counts["assess"] += 1
        return real_assess(*args, **kwargs)

    def counted_sheet(self, title, is_trial=False):
        counts["scratch sheets" if is_trial else "sheets"] += 1
        real_sheet(self, title, is_trial)

    monkeypatch.setattr(lib.handout, "assess", counted_assess)
    monkeypatch.setattr(lib.handout_draw.Sheet, "__init__", counted_sheet)
    handout_pdf(PRESETS["frail-faller"], plans["frail-faller"], FIRST_NAME, catalog, START)
    assert counts == {"assess": 1, "sheets": 1, "scratch sheets": 2}


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    }


def test_the_drawing_layer_does_not_import_the_content_layer():
    imported = _imported_modules(PROJECT_ROOT / "lib" / "handout_draw.py")
    content = {"lib.handout", "lib.safety", "lib.planner", "lib.catalog", "lib.profiles", "lib.handout_sections"}
    assert not imported & content, imported & content


def _string_literals_but_docstrings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


@pytest.mark.parametrize("module", ["handout_sections.py", "handout_pdf.py"])
def test_the_layout_holds_no_client_wording(module):
    """Every word the client reads comes from the content model (data/handout.yaml and the catalog)."""
    words = [
        text
        for text in _string_literals_but_docstrings(PROJECT_ROOT / "lib" / module)
        if re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", text)
    ]
    assert words == []


def test_handout_words_name_file_entry_and_field_on_an_unknown_source(tmp_path, catalog):
    bad = yaml.safe_load(WORDING_FILE.read_text(encoding="utf-8"))
    bad["after_fall"]["sources"] = ["nosuchsource"]
    path = tmp_path / "handout.yaml"
    path.write_text(yaml.safe_dump(bad), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_handout_words(path, catalog.references)
    assert caught.value.file.endswith("handout.yaml") and caught.value.entry == "after_fall"
    assert caught.value.field == "sources"


# --- What a frail client needs (physio review findings 1, 25 and 27) ------------------------------


def test_a_frail_fallers_cautions_are_daily_movements_not_floor_work_she_cannot_do(handouts, catalog):
    profile = PRESETS["frail-faller"]
    cautions = handout_cautions(profile, catalog)
    assert [caution["id"] for caution in cautions[:3]] == [
        "rounded-back-lifting",
        "standing-toe-touch",
        "loaded-wood-chop",
    ]
    assert not any(catalog.exercise(caution["id"])["floor"] for caution in cautions)
    for with_plan in (True, False):
        _, text = _read(handouts["frail-faller", with_plan])
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
def test_every_handout_shows_three_ways_of_moving_safely_every_day(key, handouts, catalog):
    words = load_handout_words(WORDING_FILE, catalog.references)
    for with_plan in (True, False):
        _, text = _read(handouts[key, with_plan])
        assert "Moving safely every day" in text
        for line in words["moving_safely"]["lines"]:
            assert _words(line) in text
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
    _, text = _read(handout_pdf(profile, build_plan(profile), catalog=catalog))
    for part in ("hurt", "alarm"):
        assert (_words(words["after_fall"][part]) in text) == told
    assert ("If you fall" in text) == told
    assert ("Australian Government 2011" in text) == told


def test_the_daily_and_after_a_fall_lines_cite_lesson_sevens_own_sources(catalog):
    words = load_handout_words(WORDING_FILE, catalog.references)
    lesson = catalog.lessons_by_slug["moving-safely"]
    for part in ("moving_safely", "after_fall"):
        assert set(words[part]["sources"]) <= set(lesson.sources), part


def test_the_abridged_cochrane_review_is_named_as_the_app_names_it(handouts, catalog):
    reference = catalog.references["sherrington2019"]
    assert reference.short == "Sherrington 2020" and "abridged Cochrane" in reference.title
    assert reference.journal.startswith("British Journal of Sports Medicine")
    _, text = _read(handouts["frail-faller", True])
    assert "Sherrington 2020 (BJSM), abridged Cochrane review" in text
    assert "Sherrington 2019" not in text


def test_the_schedule_puts_sessions_on_the_clients_own_days(catalog):
    from lib.handout import build_handout

    profile = PRESETS["osteopenia"]
    plan = build_plan(profile, sessions_per_week=2)
    handout = build_handout(profile, plan, catalog=catalog, start=START, weekdays=(1, 3))
    assert handout.schedule[0] == ("Week 1 (13 Jan)", ["", "A", "", "B", "", "", ""])
    assert handout.starting == "Starting Tuesday 13 January 2026"


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
    _, text = _read(handout_pdf(profile, plan, catalog=catalog))
    first_notes = [note for note in plan.notes if not note.startswith("Before you start")]  # clearance, if not given
    assert first_notes[0].startswith("After a spine fracture")
    assert "a physiotherapist guides the start" in text and "no jogging or jumping" in text
    assert "cleared for supervised heavy lifting" not in text


def test_a_low_z_score_handout_starts_with_the_medical_review_and_fuelling(catalog):
    profile = Profile.from_z_score(-2.3, experience="trained")
    _, text = _read(handout_pdf(profile, build_plan(profile, catalog=catalog), catalog=catalog))
    assert "Medical review first" in text and "Eat enough to fuel your training" in text


@pytest.mark.parametrize("can_get_up", [True, False], ids=["floor-transfers", "no-floor"])
def test_only_a_client_who_can_get_up_from_the_floor_is_told_how_to_get_up_alone(can_get_up, catalog):
    # Second physiotherapist review, finding B1: the frail faller was told to crawl, kneel and push up.
    words = load_handout_words(WORDING_FILE, catalog.references)
    profile = Profile(bone="osteoporosis", falls="high", joint_limits=True, floor_transfers=can_get_up)
    _, text = _read(handout_pdf(profile, build_plan(profile), catalog=catalog))
    assert (_words(words["after_fall"]["get_up"]) in text) == can_get_up
    assert (_words(words["after_fall"]["no_floor"]) in text) != can_get_up


def test_the_heavy_line_names_the_heavy_lifts_and_no_line_repeats(catalog):
    # Second physiotherapist review, findings B6 and B7.
    cleared = PRESETS["osteoporosis-cleared"]
    lifter = build_handout(cleared, build_plan(cleared, catalog=catalog), catalog=catalog).week_lines
    heavy = next(line for line in lifter if line.startswith("Heavy sets"))
    assert "back squat" in heavy and "deadlift" in heavy
    low_z = Profile.from_z_score(-2.1, experience="trained")
    young = build_handout(low_z, build_plan(low_z, catalog=catalog), catalog=catalog).week_lines
    assert len(young) == len(set(young)) and young[0].startswith("Medical review first")
