"""Practice quiz: one question at a time, with the explanation after each answer."""

from __future__ import annotations

import random

import streamlit as st

from lib.study import is_correct, shuffled
from lib.urlstate import choice
from pages.components import site_map
from pages.components.common import catalog, notice_odd_parameters, share_this_view
from pages.components.question_widget import answer_widget, chosen_answer, feedback

DIFFICULTIES = ("easy", "medium", "hard")
TITLES = {lesson.slug: lesson.title for lesson in catalog().lessons}
PAGE_PARAMS = {  # a bound widget with format_func puts the shown label in the URL
    "topics": choice(TITLES.values(), repeatable=True),
    "level": choice(DIFFICULTIES, repeatable=True),
}


def progress() -> dict:
    """This session's practice state: nothing is stored on the server beyond the session."""
    if "practice" not in st.session_state:
        st.session_state["practice"] = {"seed": random.randrange(1_000_000), "position": 0, "answered": 0, "right": 0, "checked": False}
    return st.session_state["practice"]


def check(question: dict, key: str) -> None:
    state = progress()
    chosen = chosen_answer(question, key)
    state.update(checked=True, answered=state["answered"] + 1, right=state["right"] + is_correct(question, chosen))


def next_question() -> None:
    progress().update(position=progress()["position"] + 1, checked=False)


st.title("Practice quiz")
st.caption("One question at a time. Your score lives only in this browser session.")
notice_odd_parameters(PAGE_PARAMS)
topics = st.multiselect("Lessons", list(TITLES), format_func=TITLES.get, key="topics", bind="query-params",
                        placeholder="All lessons")
levels = st.pills("Difficulty", DIFFICULTIES, selection_mode="multi", key="level", bind="query-params")
share_this_view(site_map.PRACTICE.url_path)
pool = [question for question in catalog().questions
        if (not topics or question["lesson"] in topics) and (not levels or question["difficulty"] in levels)]
if not pool:
    st.info("No question matches these filters.", icon=":material/filter_alt_off:")
    st.stop()

state = progress()
question = shuffled(pool, state["seed"])[state["position"] % len(pool)]
key = f"practice-{state['position']}-{question['id']}"
score_column, count_column = st.columns(2)
score_column.metric("Right so far", f"{state['right']} of {state['answered']}")
count_column.metric("Questions in this set", len(pool))
with st.container(border=True):
    st.caption(f"{TITLES[question['lesson']]} · {question['difficulty']}")
    chosen = answer_widget(question, key, disabled=state["checked"])
    if state["checked"]:
        feedback(question, chosen)
        st.button("Next question", on_click=next_question, type="primary", icon=":material/arrow_forward:")
    else:
        st.button("Check answer", on_click=check, args=(question, key), type="primary")
