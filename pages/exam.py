"""Exam mode: a fixed-length random paper, scored at the end; the seed in the URL reproduces it."""

from __future__ import annotations

import random

import altair as alt
import pandas as pd
import streamlit as st

from lib.study import EXAM_LENGTHS, ExamResult, exam_paper, score_exam
from lib.urlstate import choice, whole_number_between
from pages.components import site_map
from pages.components.common import catalog, chart, notice_odd_parameters, share_this_view, with_arrow_datasets
from pages.components.question_widget import answer_widget, chosen_answer, feedback

SEED_RANGE = (1, 9999)  # four digits: easy to read out to a room
PAGE_PARAMS = {"length": choice(EXAM_LENGTHS), "seed": whole_number_between(*SEED_RANGE)}


def random_seed() -> str:
    return str(random.randint(*SEED_RANGE))


def new_paper() -> None:
    st.session_state["seed"] = random_seed()
    st.session_state.pop("exam_answers", None)


# One entry per distinct set of scores, i.e. nearly per finished exam: bounded, or memory grows per session.
@st.cache_data(show_spinner=False, max_entries=32)
def lesson_scores_spec(by_lesson: pd.DataFrame) -> dict:
    titles = {lesson.slug: lesson.title for lesson in catalog().lessons}
    frame = by_lesson.assign(lesson=by_lesson["lesson"].map(titles))
    bars = alt.Chart(frame).mark_bar(color="#0072B2").encode(
        x=alt.X("percent:Q", title="Score (%)", scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("lesson:N", title=None, sort="-x", axis=alt.Axis(labelLimit=300)),
        tooltip=["lesson", "correct", "total", "percent"],
    )
    labels = bars.mark_text(align="left", dx=4).encode(text=alt.Text("percent:Q", format="d"))
    return with_arrow_datasets((bars + labels).properties(description="Bars of exam score by lesson, in percent.").to_dict())


def render_result(result: ExamResult) -> None:
    st.subheader("Your score", anchor="score")
    st.metric("Score", f"{result.correct} of {result.total} ({result.percent} %)")
    chart(lesson_scores_spec(result.by_lesson),
          "; ".join(f"{row.lesson}: {row.correct} of {row.total}" for row in result.by_lesson.itertuples()))
    st.subheader("Review your mistakes", anchor="mistakes")
    if not result.mistakes:
        st.success("No mistakes: well done.", icon=":material/celebration:")
    answers = st.session_state["exam_answers"]["answers"]
    for question in result.mistakes:
        with st.container(border=True):
            st.markdown(f"**{question['prompt']}**")
            st.caption("Your answer: " + ("; ".join(answers.get(question["id"], [])) or "none"))
            feedback(question, answers.get(question["id"], []))


st.title("Exam")
st.caption("A random paper scored at the end. The seed is in the link: share it and a room gets the same paper.")
notice_odd_parameters(PAGE_PARAMS)
if "seed" not in st.session_state and "seed" not in st.query_params:
    st.session_state["seed"] = random_seed()  # a new visit gets its own paper, and the link carries it
length_column, seed_column, new_column = st.columns([2, 1, 1], vertical_alignment="bottom")
# A bound control given an empty link value returns None even when required: fall back to the default.
length = length_column.segmented_control("Questions", EXAM_LENGTHS, default=20, required=True, key="length",
                                         bind="query-params") or 20
# A text box, not a number input: a number input bound to a link value like 1e309 fails inside Streamlit.
entered = seed_column.text_input("Paper number (1-9999)", key="seed", bind="query-params", max_chars=4)
if PAGE_PARAMS["seed"].accepts([entered]):
    seed = int(entered)
else:
    seed = int(st.session_state.setdefault("fallback_seed", random_seed()))
    seed_column.caption(f"Not a paper number: showing paper {seed}.")
new_column.button("New paper", on_click=new_paper, icon=":material/shuffle:")
share_this_view(site_map.EXAM.url_path)

paper = exam_paper(catalog().questions, length, seed)
with st.form("exam"):
    for number, question in enumerate(paper, start=1):
        with st.container(border=True):
            st.caption(f"Question {number} of {len(paper)}")
            answer_widget(question, f"exam-{seed}-{question['id']}")
    submitted = st.form_submit_button("Finish and score", type="primary")
paper_key = (length, seed)
if submitted:
    st.session_state["exam_answers"] = {"paper": paper_key, "answers": {
        question["id"]: chosen_answer(question, f"exam-{seed}-{question['id']}") for question in paper
    }}
marked = st.session_state.get("exam_answers")
if marked and marked["paper"] == paper_key:  # answers belong to the paper they were given for
    render_result(score_exam(paper, marked["answers"]))
