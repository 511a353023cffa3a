"""Every page of the app, by section. app.py routes with it; pages link with it.

Every url_path differs from its file's stem: with a pages/ folder beside app.py,
a stem-named URL would send a first visit through Streamlit's legacy router.

st.Page objects are built afresh for every run: st.navigation marks the page it returns
as callable once, so one object shared by concurrent sessions would let one session's run
refuse another's ("This page cannot be called directly").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Mapping

import streamlit as st

from lib.lessons import Lesson, heading_slug
from lib.urlstate import Param
from pages.components import page_params
from pages.components.common import catalog
from pages.components.lesson_view import lesson_page


@dataclass(frozen=True)
class PageSpec:
    script: str
    title: str
    icon: str
    url_path: str
    params: Mapping[str, Param] = field(default_factory=dict, compare=False)  # its URL parameters (page_params.py)
    default: bool = False

    def page(self) -> st.Page:
        return st.Page(self.script, title=self.title, icon=self.icon, url_path=self.url_path, default=self.default)


HOME = PageSpec("pages/home.py", "Home", ":material/home:", "welcome", default=True)
SAFE_OPTIONS = PageSpec(
    "pages/safe_options.py",
    "Safe options",
    ":material/health_and_safety:",
    "safe-exercises",
    page_params.SAFE_OPTIONS_PARAMS,
)
EXERCISE_LIBRARY = PageSpec(
    "pages/exercise_library.py",
    "Exercise library",
    ":material/fitness_center:",
    "exercise-library",
    page_params.EXERCISE_LIBRARY_PARAMS,
)
PLANNER = PageSpec(
    "pages/planner.py", "Program planner", ":material/calendar_month:", "program", page_params.PLANNER_PARAMS
)
REVIEW = PageSpec("pages/review.py", "Review and progress", ":material/event_repeat:", "study-review")
SCREENING = PageSpec(
    "pages/screening.py", "Screen a client", ":material/checklist:", "screen-client", page_params.SCREENING_PARAMS
)
PRACTICE = PageSpec(
    "pages/practice.py", "Practice quiz", ":material/quiz:", "study-practice", page_params.PRACTICE_PARAMS
)
EXAM = PageSpec("pages/exam.py", "Exam", ":material/assignment:", "study-exam", page_params.EXAM_PARAMS)
FLASHCARDS = PageSpec(
    "pages/flashcards.py", "Flashcards", ":material/style:", "study-flashcards", page_params.FLASHCARDS_PARAMS
)
GLOSSARY = PageSpec(
    "pages/glossary.py", "Glossary", ":material/dictionary:", "study-glossary", page_params.GLOSSARY_PARAMS
)
CASES = PageSpec("pages/cases.py", "Client cases", ":material/person_search:", "client-cases", page_params.CASES_PARAMS)
SOURCES = PageSpec("pages/sources.py", "Sources", ":material/library_books:", "references")
ABOUT = PageSpec("pages/about.py", "About", ":material/info:", "about-this-app")
# The menu's sections in order; "Learn" holds one page per lesson, between Start and Explore.
SECTIONS = {
    "Start": (HOME,),
    "Explore": (SCREENING, SAFE_OPTIONS, EXERCISE_LIBRARY, PLANNER),
    "Study": (REVIEW, PRACTICE, EXAM, FLASHCARDS, GLOSSARY, CASES),
    "About": (SOURCES, ABOUT),
}
PAGES = tuple(spec for specs in SECTIONS.values() for spec in specs)  # every page with a script of its own


@cache
def app_param_keys() -> frozenset[str]:
    """Every URL key a page of the app binds, lessons included: a link may carry another page's along."""
    declared = [spec.params for spec in PAGES] + [page_params.lesson_params(lesson) for lesson in catalog().lessons]
    return frozenset(key for params in declared for key in params)


def lesson_as_page(lesson: Lesson) -> st.Page:
    return st.Page(lesson_page(lesson), title=lesson.menu_title, icon=lesson.icon, url_path=lesson.url_path)


def link_to_lesson_section(lesson: Lesson, section: str, lead: str = "") -> None:
    """A link to the section of a lesson that teaches something, in this tab and this session (a Markdown
    link would open a new tab and a fresh session, losing presenter mode and the profile). The lesson opens
    at that section: scrolled to it, or in presenter mode at its step."""
    st.page_link(
        lesson_as_page(lesson),
        label=f"{lead}{lesson.title}, “{section}”",
        icon=":material/menu_book:",
        query_params={"step": heading_slug(section)},
    )


def lesson_pages() -> list[st.Page]:
    return [lesson_as_page(lesson) for lesson in catalog().lessons]


def sections() -> dict[str, list[st.Page]]:
    pages = {section: [spec.page() for spec in specs] for section, specs in SECTIONS.items()}
    return {"Start": pages.pop("Start"), "Learn": lesson_pages(), **pages}


def sidebar_links(sections: dict[str, list[st.Page]]) -> None:
    """The navigation as section headings and page links (see app.py for why not Streamlit's list)."""
    with st.container(key="site-navigation"):
        for section, pages in sections.items():
            st.markdown(f"**{section}**")
            for page in pages:
                st.page_link(page)
        st.divider()
