"""Every page of the app, by section. app.py routes with it; pages link with it.

Every url_path differs from its file's stem: with a pages/ folder beside app.py,
a stem-named URL would send a first visit through Streamlit's legacy router.

st.Page objects are built afresh for every run: st.navigation marks the page it returns
as callable once, so one object shared by concurrent sessions would let one session's run
refuse another's ("This page cannot be called directly").
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from lib.lessons import Lesson, heading_slug
from pages.components.common import catalog
from pages.components.lesson_view import lesson_page


@dataclass(frozen=True)
class PageSpec:
    script: str
    title: str
    icon: str
    url_path: str
    default: bool = False

    def page(self) -> st.Page:
        return st.Page(self.script, title=self.title, icon=self.icon, url_path=self.url_path, default=self.default)


HOME = PageSpec("pages/home.py", "Home", ":material/home:", "welcome", default=True)
SAFE_OPTIONS = PageSpec("pages/safe_options.py", "Safe options", ":material/health_and_safety:", "safe-exercises")
EXERCISE_LIBRARY = PageSpec("pages/exercise_library.py", "Exercise library", ":material/fitness_center:", "exercise-library")
PLANNER = PageSpec("pages/planner.py", "Program planner", ":material/calendar_month:", "program")
REVIEW = PageSpec("pages/review.py", "Review and progress", ":material/event_repeat:", "study-review")
SCREENING = PageSpec("pages/screening.py", "Screen a client", ":material/checklist:", "screen-client")
PRACTICE = PageSpec("pages/practice.py", "Practice quiz", ":material/quiz:", "study-practice")
EXAM = PageSpec("pages/exam.py", "Exam", ":material/assignment:", "study-exam")
FLASHCARDS = PageSpec("pages/flashcards.py", "Flashcards", ":material/style:", "study-flashcards")
GLOSSARY = PageSpec("pages/glossary.py", "Glossary", ":material/dictionary:", "study-glossary")
CASES = PageSpec("pages/cases.py", "Client cases", ":material/person_search:", "client-cases")
SOURCES = PageSpec("pages/sources.py", "Sources", ":material/library_books:", "references")
ABOUT = PageSpec("pages/about.py", "About", ":material/info:", "about-this-app")
STUDY = (REVIEW, PRACTICE, EXAM, FLASHCARDS, GLOSSARY, CASES)


def lesson_as_page(lesson: Lesson) -> st.Page:
    return st.Page(lesson_page(lesson), title=lesson.menu_title, icon=lesson.icon, url_path=lesson.url_path)


def link_to_lesson_section(lesson: Lesson, section: str, lead: str = "") -> None:
    """A link to the section of a lesson that teaches something, in this tab and this session (a Markdown
    link would open a new tab and a fresh session, losing presenter mode and the profile). The lesson opens
    at that section: scrolled to it, or in presenter mode at its step."""
    st.page_link(lesson_as_page(lesson), label=f"{lead}{lesson.title}, “{section}”", icon=":material/menu_book:",
                 query_params={"step": heading_slug(section)})


def lesson_pages() -> list[st.Page]:
    return [lesson_as_page(lesson) for lesson in catalog().lessons]


def sections() -> dict[str, list[st.Page]]:
    return {
        "Start": [HOME.page()],
        "Learn": lesson_pages(),
        "Explore": [SCREENING.page(), SAFE_OPTIONS.page(), EXERCISE_LIBRARY.page(), PLANNER.page()],
        "Study": [spec.page() for spec in STUDY],
        "About": [SOURCES.page(), ABOUT.page()],
    }


def sidebar_links(sections: dict[str, list[st.Page]]) -> None:
    """The navigation as section headings and page links (see app.py for why not Streamlit's list)."""
    with st.container(key="site-navigation"):
        for section, pages in sections.items():
            st.markdown(f"**{section}**")
            for page in pages:
                st.page_link(page)
        st.divider()
