"""Showing one question, its answer widget and its feedback: shared by practice, exams and cases."""

from __future__ import annotations

import streamlit as st

from lib.questions import AnswerReview, is_correct, question_kind, review_answer
from pages.components import site_map
from pages.components.common import catalog, cite, cited_markdown

SINGLE_KINDS = ("single", "true_false", "scenario")


def answer_widget(question: dict, key: str, disabled: bool = False, persist_state: str | None = None) -> list[str]:
    """Radio buttons for one answer, checkboxes for 'choose all that apply'. Returns the chosen options.
    persist_state is Streamlit's: "session" keeps the answer while the user is on other pages.

    The prompt is body text for both kinds (a radio's own label is smaller type, and greyed when the
    options are locked after checking); the radio keeps it as its label for screen readers."""
    st.markdown(question["prompt"])
    if question_kind(question) in SINGLE_KINDS:
        choice = st.radio(
            question["prompt"],
            question["options"],
            index=None,
            key=key,
            disabled=disabled,
            label_visibility="collapsed",
            persist_state=persist_state,
        )
        return [choice] if choice is not None else []
    return [
        option
        for number, option in enumerate(question["options"])
        if st.checkbox(option, key=f"{key}-{number}", disabled=disabled, persist_state=persist_state)
    ]


def chosen_answer(question: dict, key: str) -> list[str]:
    """What answer_widget(question, key) holds, read from session state (for callbacks)."""
    if question_kind(question) in SINGLE_KINDS:
        value = st.session_state.get(key)
        return [value] if value is not None else []
    return [option for number, option in enumerate(question["options"]) if st.session_state.get(f"{key}-{number}")]


def option_marks(question: dict, chosen: list[str], review: AnswerReview) -> str:
    """'Choose all that apply': each option in order, saying in words (not colour alone) how it went."""
    lines = []
    for option in question["options"]:
        if option in review.wrongly_chosen:
            lines.append(f"- :material/close: {option}: **you ticked it, but it is not right**")
        elif option in review.missed:
            lines.append(f"- :material/check_box_outline_blank: {option}: **right, and you left it unticked**")
        elif option in chosen:
            lines.append(f"- :material/check: {option}: right, and you ticked it")
        else:
            lines.append(f"- :material/remove: {option}: not right, and you left it unticked")
    return "\n".join(lines)


def verdict(question: dict, chosen: list[str]) -> None:
    """Right or wrong, with the right answers in the options' order."""
    if is_correct(question, chosen):
        st.success("**Correct.**", icon=":material/check_circle:")
    else:
        right = review_answer(question, chosen).right
        label = "The answer" if len(right) == 1 else "The right answers"
        st.error(f"**Not quite.** {label}: {'; '.join(right)}", icon=":material/cancel:")


def explanation(question: dict, chosen: list[str]) -> None:
    """Each tick marked (for 'choose all that apply' answered wrong), then why, with sources and the lesson."""
    if question_kind(question) not in SINGLE_KINDS and not is_correct(question, chosen):
        st.markdown(option_marks(question, chosen, review_answer(question, chosen)))
    cited_markdown(f"{question['explanation']} {cite(question['sources'])}")
    if "lesson" in question:  # case questions have none
        site_map.link_to_lesson_section(
            catalog().lessons_by_slug[question["lesson"]], question["section"], "Read more: "
        )


def feedback(question: dict, chosen: list[str]) -> None:
    verdict(question, chosen)
    explanation(question, chosen)
