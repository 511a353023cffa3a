"""How the handout is built: one content model per click, a drawing layer apart from the content, no client
wording in the layout code, and its words file checked like the other data."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from lib.catalog import PROJECT_ROOT
from lib.handout import WORDING_FILE, load_handout_words
from lib.handout_pdf import LAYOUTS, handout_pdf
from lib.planner import build_plan
from lib.profiles import PRESETS
from lib.validation import DataError
from tests.handout_helpers import FIRST_NAME, START


def test_each_layout_shows_no_more_than_the_one_before():
    """The layouts run from the roomiest to the tightest (lib/handout_pdf.py picks the first that fits): no field
    grows along the list, and the week in one line, which stands in for the table, only comes in."""
    for roomier, tighter in zip(LAYOUTS, LAYOUTS[1:]):
        shown = ("balance", "chart", "weeks", "links")
        assert all(getattr(tighter, field) <= getattr(roomier, field) for field in shown), (roomier, tighter)
        assert tighter.week_in_words >= roomier.week_in_words, (roomier, tighter)


def test_one_click_assesses_the_profile_once_and_draws_one_sheet(monkeypatch, preset_plans, catalog):
    """Before the content model, one frail-faller handout ran assess() 18 times and made 6 sheets; trial drawings
    go on scratch sheets made once per handout, never per trial: one, one for a box measured or a frame's columns chosen
    inside a trial (lib/handout_sections.py _beside_a_frame), and one for those inside a trial of the whole back page."""
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
    handout_pdf(PRESETS["frail-faller"], preset_plans["frail-faller"], FIRST_NAME, catalog, START)
    assert counts == {"assess": 1, "sheets": 1, "scratch sheets": 3}


def test_a_measured_block_fits_where_a_trial_drawing_says_it_does(monkeypatch, catalog):
    """kept_whole places a keyed block by its measured height, not by a trial drawing where it goes: both must agree
    at every block of the tightest front (the frail faller's 11 week-1 exercises, which fit by under a millimetre) and
    of every back page tried. The first measure also counted the lines a dry run of fpdf's wrapping only previews,
    and sent the 11th exercise to page 2."""
    import lib.handout_draw as draw

    real_kept_whole, decided = draw.kept_whole, []

    def compared(pdf, draw_it, key=None):
        block = draw.measured_block(pdf, key, draw_it) if key is not None else None
        by_height = draw.fits_here(pdf, block) if block else None
        if by_height is not None:
            decided.append((key, by_height, draw.pages_taken(pdf, draw_it) <= pdf.page))
        real_kept_whole(pdf, draw_it, key)

    monkeypatch.setattr(draw, "kept_whole", compared)
    profile = PRESETS["frail-faller"]
    handout_pdf(profile, build_plan(profile, 3, 12, 45, catalog=catalog), catalog=catalog)
    assert len(decided) > 100
    assert [(key, by_height) for key, by_height, by_trial in decided if by_height != by_trial] == []


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    }


def test_the_drawing_layer_does_not_import_the_content_layer():
    imported = _imported_modules(PROJECT_ROOT / "lib" / "handout_draw.py")
    content = {
        "lib.handout",
        "lib.safety",
        "lib.safety_rules",
        "lib.profile_guidance",
        "lib.planner",
        "lib.catalog",
        "lib.profiles",
        "lib.handout_sections",
    }
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
