"""Lessons: enough original text, the required shape, figures the app can draw."""

from __future__ import annotations

import pytest

from lib.lessons import FIGURES
from lib.references import cited_keys, link_citations
from pages.components.lesson_figures import FIGURE_RENDERERS

MIN_WORDS = 400


def test_eight_lessons_in_order(catalog):
    assert [lesson.order for lesson in catalog.lessons] == sorted(lesson.order for lesson in catalog.lessons)
    assert len(catalog.lessons) >= 8


@pytest.mark.parametrize("index", range(8))
def test_lesson_is_long_enough_and_shaped_like_a_lesson(catalog, index):
    lesson = catalog.lessons[index]
    assert lesson.word_count() >= MIN_WORDS, f"{lesson.slug}: {lesson.word_count()} words"
    assert "## What you will be able to do" in lesson.body, lesson.slug
    assert "## Check yourself" in lesson.body, lesson.slug
    assert lesson.sources, lesson.slug


def test_figure_markers_have_renderers():
    assert set(FIGURE_RENDERERS) == set(FIGURES)


def test_required_figures_are_placed(catalog):
    placed = {value for lesson in catalog.lessons for kind, value in lesson.segments() if kind == "figure"}
    assert placed == set(FIGURES)


def test_citations_render_as_links(catalog):
    text = "Bone adapts [@turner1998; @frost2003]."
    assert cited_keys(text) == ["turner1998", "frost2003"]
    rendered = link_citations(text, catalog.references)
    assert "[Turner 1998](" in rendered and "[Frost 2003](https://doi.org/10.1002/ar.a.10119)" in rendered
    assert "@" not in rendered
