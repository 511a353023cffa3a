"""Every page of the app, by section. app.py routes with it; pages link with it.

Every url_path differs from its file's stem: with a pages/ folder beside app.py,
a stem-named URL would send a first visit through Streamlit's legacy router.
"""

from __future__ import annotations

import streamlit as st

from pages.common import catalog
from pages.lesson import lesson_page

HOME = st.Page("pages/home.py", title="Home", icon=":material/home:", url_path="welcome", default=True)
SAFE_OPTIONS = st.Page(
    "pages/safe_options.py", title="Safe options", icon=":material/health_and_safety:", url_path="safe-exercises",
)
PLANNER = st.Page(
    "pages/planner.py", title="Program planner", icon=":material/calendar_month:", url_path="program",
)
PRACTICE = st.Page("pages/practice.py", title="Practice quiz", icon=":material/quiz:", url_path="study-practice")
EXAM = st.Page("pages/exam.py", title="Exam", icon=":material/assignment:", url_path="study-exam")
FLASHCARDS = st.Page("pages/flashcards.py", title="Flashcards", icon=":material/style:", url_path="study-flashcards")
GLOSSARY = st.Page("pages/glossary.py", title="Glossary", icon=":material/dictionary:", url_path="study-glossary")
CASES = st.Page("pages/cases.py", title="Client cases", icon=":material/person_search:", url_path="client-cases")
SOURCES = st.Page("pages/sources.py", title="Sources", icon=":material/library_books:", url_path="references")
ABOUT = st.Page("pages/about.py", title="About", icon=":material/info:", url_path="about-this-app")


def lesson_pages() -> list[st.Page]:
    return [
        st.Page(lesson_page(lesson), title=lesson.title, icon=lesson.icon, url_path=lesson.url_path)
        for lesson in catalog().lessons
    ]


def sections() -> dict[str, list[st.Page]]:
    return {
        "Start": [HOME],
        "Learn": lesson_pages(),
        "Explore": [SAFE_OPTIONS, PLANNER],
        "Study": [PRACTICE, EXAM, FLASHCARDS, GLOSSARY, CASES],
        "About": [SOURCES, ABOUT],
    }
