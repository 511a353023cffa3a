"""Practice quiz: one question at a time, with the explanation after each answer."""

from __future__ import annotations

import random

import streamlit as st

from lib.progress.schedule import due_cards, question_card
from lib.progress.store import Answer
from lib.questions import is_correct
from lib.study import shuffled
from pages.components import site_map
from pages.components.common import catalog, notice_odd_parameters, share_this_view
from pages.components.page_params import DIFFICULTIES, lesson_titles
from pages.components.question_widget import answer_widget, chosen_answer, explanation, verdict
from pages.components.study_progress import active_code, save_answers, saved_answers, status_line, store

TITLES = lesson_titles()


def progress() -> dict:
    """This session's practice state; answers reach the database only under a study code."""
    if "practice" not in st.session_state:
        st.session_state["practice"] = {
            "seed": random.randrange(1_000_000),
            "position": 0,
            "answered": 0,
            "right": 0,
            "checked": False,
            "asked_for_answer": False,
        }
    return st.session_state["practice"]


def check(question: dict, key: str) -> None:
    state = progress()
    chosen = chosen_answer(question, key)
    if not chosen:  # nothing chosen: not an answer, so neither counted nor given away
        state["asked_for_answer"] = True
        return
    right = is_correct(question, chosen)
    state.update(
        checked=True,
        asked_for_answer=False,
        current=question["id"],
        answered=state["answered"] + 1,
        right=state["right"] + right,
    )
    save_answers([Answer(question_card(question), right, source="practice")])


def next_question() -> None:
    progress().update(position=progress()["position"] + 1, checked=False, asked_for_answer=False)


st.title("Practice quiz")
st.caption("One question at a time. Your score lives in this browser session unless you save your progress.")
notice_odd_parameters(site_map.PRACTICE.params)
# Compact on purpose: saving, the due switch and the link share a row, filters and score the next, so the
# question starts high on the screen; "Next question" heads the card, in view at 1280 x 800 however long
# the question and its feedback are.
status_column, due_column, link_column = st.columns([4, 2, 3], vertical_alignment="center")
with status_column:
    status_line(site_map.REVIEW.page())
only_due = active_code() and due_column.toggle("Due today only", key="due", bind="query-params")
with link_column:
    share_this_view(site_map.PRACTICE.url_path)
lessons_column, level_column, score_column, count_column = st.columns([3, 2, 1, 1], vertical_alignment="bottom")
topics = lessons_column.multiselect(
    "Lessons", list(TITLES), format_func=TITLES.get, key="topics", bind="query-params", placeholder="All lessons"
)
levels = level_column.pills("Difficulty", DIFFICULTIES, selection_mode="multi", key="level", bind="query-params")
due = due_cards(saved_answers(), store().now()) if only_due else set()
pool = [
    question
    for question in catalog().questions
    if (not topics or question["lesson"] in topics)
    and (not levels or question["difficulty"] in levels)
    and (not only_due or question_card(question) in due)
]
state = progress()
if state["checked"]:  # the question just answered, even if answering it took it out of the pool (no longer due)
    question = next(question for question in catalog().questions if question["id"] == state["current"])
elif pool:
    question = shuffled(pool, state["seed"])[state["position"] % len(pool)]
else:
    st.info(
        "Nothing is due today in these lessons." if only_due else "No question matches these filters.",
        icon=":material/filter_alt_off:",
    )
    st.stop()
key = f"practice-{state['position']}-{question['id']}"
score_column.metric("Right so far", f"{state['right']} of {state['answered']}")
count_column.metric("In this set", len(pool), help="Questions that match the filters")
with st.container(border=True):
    about_column, next_column = st.columns([4, 1], vertical_alignment="center")
    about_column.caption(f"{TITLES[question['lesson']]} · {question['difficulty']}")
    if state["checked"]:
        next_column.button(
            "Next question", on_click=next_question, type="primary", icon=":material/arrow_forward:", width="stretch"
        )
    chosen = answer_widget(question, key, disabled=state["checked"])
    if state["checked"]:
        verdict(question, chosen)
        explanation(question, chosen)
    else:
        if state["asked_for_answer"]:
            st.warning("Choose an answer first, then check it.", icon=":material/touch_app:")
        st.button("Check answer", on_click=check, args=(question, key), type="primary")
