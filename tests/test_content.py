"""Lessons: enough original text, the required shape, figures the app can draw."""

from __future__ import annotations

import pytest

from lib.lessons import FIGURES, parse_lesson, split_figures
from lib.references import citation, cited_keys, link_citations
from pages.components.lesson_figures import FIGURE_RENDERERS
from tests.conftest import PROJECT_ROOT

MIN_WORDS = 400
LESSON_FILES = sorted((PROJECT_ROOT / "content" / "lessons").glob("*.md"))
# The lesson shape STYLE.md asks for, as headings in this order; the idea itself (one or more sections
# of the lesson's own) comes after the first. Key takeaways and the numbered references are drawn
# from the front matter (takeaways, sources) after the body.
SECTIONS = ("What you will be able to do", "In practice", "Common misconceptions", "Check yourself")


def test_every_lesson_file_is_in_the_catalog_in_order(catalog):
    assert len(LESSON_FILES) >= 8
    assert len(catalog.lessons) == len(LESSON_FILES)
    assert [lesson.order for lesson in catalog.lessons] == sorted(lesson.order for lesson in catalog.lessons)


@pytest.mark.parametrize("path", LESSON_FILES, ids=lambda path: path.name)
def test_lesson_is_long_enough_and_has_every_section_style_asks_for(path, catalog):
    lesson = parse_lesson(path.read_text(encoding="utf-8"), path, catalog.references)
    assert lesson.word_count() >= MIN_WORDS, f"{lesson.word_count()} words"
    headings = lesson.headings()
    assert [section for section in SECTIONS if section not in headings] == [], f"sections missing from {path.name}"
    where = [headings.index(section) for section in SECTIONS]
    assert where == sorted(where), f"sections out of order: {headings}"
    assert where[1] - where[0] >= 2, "no section with the lesson's idea before 'In practice'"
    assert lesson.takeaways and lesson.sources


def test_figure_markers_have_renderers():
    assert set(FIGURE_RENDERERS) == set(FIGURES)


def test_required_figures_are_placed(catalog):
    placed = {value for lesson in catalog.lessons for kind, value in split_figures(lesson.body) if kind == "figure"}
    assert placed == set(FIGURES)


def test_citations_render_as_links(catalog):
    text = "Bone adapts [@turner1998; @frost2003]."
    assert cited_keys(text) == ["turner1998", "frost2003"]
    rendered = link_citations(text, catalog.references)
    assert "[Turner 1998](" in rendered and "[Frost 2003](https://doi.org/10.1002/ar.a.10119)" in rendered
    assert "@" not in rendered


def test_source_keys_become_one_linked_citation(catalog):
    assert citation(["watson2018", "howe2011"], catalog.references) == link_citations(
        "[@watson2018; @howe2011]", catalog.references
    )
    assert citation([], catalog.references) == ""


def test_an_organisation_is_cited_by_its_label_not_its_first_word(catalog):
    rendered = link_citations("Bend the knees [@osteoporosiscanadamove].", catalog.references)
    assert "[Osteoporosis Canada 2017](" in rendered


MENU_WIDTH = 30  # characters the sidebar shows before it cuts a title with an ellipsis


def test_every_lesson_fits_the_menu_without_being_cut(catalog):
    assert [lesson.title for lesson in catalog.lessons if len(lesson.menu_title) > MENU_WIDTH] == []
