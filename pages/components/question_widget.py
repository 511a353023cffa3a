"""Showing one question, its answer widget and its feedback: shared by practice, exams and cases."""

from __future__ import annotations

import streamlit as st

from lib.catalog import question_kind
from lib.references import citation
from lib.study import is_correct
from pages.components.common import catalog, cited_markdown

SINGLE_KINDS = ("single", "true_false", "scenario")


def answer_widget(question: dict, key: str, disabled: bool = False) -> list[str]:
    """Radio buttons for one answer, checkboxes for 'choose all that apply'. Returns the chosen options."""
    if question_kind(question) in SINGLE_KINDS:
        choice = st.radio(question["prompt"], question["options"], index=None, key=key, disabled=disabled)
        return [choice] if choice is not None else []
    st.markdown(question["prompt"])
    return [option for number, option in enumerate(question["options"])
            if st.checkbox(option, key=f"{key}-{number}", disabled=disabled)]


def chosen_answer(question: dict, key: str) -> list[str]:
    """What answer_widget(question, key) holds, read from session state (for callbacks)."""
    if question_kind(question) in SINGLE_KINDS:
        value = st.session_state.get(key)
        return [value] if value is not None else []
    return [option for number, option in enumerate(question["options"]) if st.session_state.get(f"{key}-{number}")]


def lesson_link(question: dict) -> str:
    """'Read more' link to the lesson section that teaches the answer ('' for case questions)."""
    if "lesson" not in question:
        return ""
    lesson = catalog().lessons_by_slug[question["lesson"]]
    return f" [Read more: {lesson.title}, “{question['section']}”]({lesson.section_link(question['section'])})"


def feedback(question: dict, chosen: list[str]) -> None:
    """Right or wrong, with the explanation, its sources and where the lesson teaches it."""
    explanation = f"{question['explanation']} {citation(question['sources'], catalog().references)}"
    explanation += lesson_link(question)
    if is_correct(question, chosen):
        st.success("**Correct.**", icon=":material/check_circle:")
    else:
        answer = "; ".join(question["answer"])
        st.error(f"**Not quite.** The answer: {answer}", icon=":material/cancel:")
    cited_markdown(explanation)
