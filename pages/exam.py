"""Exam mode: a fixed-length random paper, scored at the end; the seed in the URL reproduces it."""

from __future__ import annotations

import random

import streamlit as st

from lib.charts import lesson_scores_chart
from lib.progress.schedule import question_card
from lib.progress.store import Answer
from lib.questions import is_correct
from lib.study import EXAM_LENGTHS, ExamResult, exam_paper, score_exam, unanswered
from lib.urlstate import Param
from pages.components import site_map
from pages.components.common import (
    bound_choice,
    catalog,
    chart,
    notice_odd_parameters,
    share_this_view,
    with_arrow_datasets,
)
from pages.components.page_params import SEED_RANGE
from pages.components.question_widget import answer_widget, chosen_answer, feedback
from pages.components.study_progress import save_exam, status_line


def random_seed() -> str:
    return str(random.randint(*SEED_RANGE))


def new_paper() -> None:
    st.session_state["seed"] = random_seed()
    st.session_state.pop("exam_answers", None)


def seed_typed() -> None:
    """A typed paper number that is not one is refused at the field: the paper and the link stay as they were."""
    typed = st.session_state["seed"]
    if site_map.EXAM.params["seed"].accepts([typed]):
        st.session_state.pop("seed_typo", None)
    else:
        st.session_state["seed_typo"] = typed
        st.session_state["seed"] = st.session_state.get("shown_seed", random_seed())


# One entry per distinct set of scores, i.e. nearly per finished exam: bounded, or memory grows per session.
@st.cache_data(show_spinner=False, max_entries=32)
def lesson_scores_spec(by_lesson) -> dict:
    titles = {lesson.slug: lesson.title for lesson in catalog().lessons}
    return with_arrow_datasets(lesson_scores_chart(by_lesson, titles).to_dict())


def mark(paper: list[dict], paper_key: tuple[int, int], answers: dict[str, list[str]]) -> None:
    """Score the paper; under a study code its score and every answer are saved."""
    st.session_state["exam_answers"] = {"paper": paper_key, "answers": answers}
    st.session_state.pop("exam_pending", None)
    save_exam(
        paper_key[1],
        [
            Answer(question_card(question), is_correct(question, answers[question["id"]]), source="exam")
            for question in paper
        ],
    )


@st.fragment
def answer_sheet(paper: list[dict], seed: int) -> None:
    """The paper's questions. Each answer reruns only this sheet and reaches the server at once (a form sent
    nothing until it was submitted, so answers were lost on leaving the page). Streamlit keeps them for the
    session (persist_state), so Back or a link to the exam shows them again; a reload starts a new session
    and the same paper (its seed is in the link) blank. Answers stay out of the link a presenter shares."""
    for number, question in enumerate(paper, start=1):
        with st.container(border=True):
            st.caption(f"Question {number} of {len(paper)}")
            answer_widget(question, f"exam-{seed}-{question['id']}", persist_state="session")


def render_result(result: ExamResult) -> None:
    st.subheader("Your score", anchor="score")
    st.metric("Score", f"{result.correct} of {result.total} ({result.percent} %)")
    chart(
        lesson_scores_spec(result.by_lesson),
        "; ".join(f"{row.lesson}: {row.correct} of {row.total}" for row in result.by_lesson.itertuples()),
    )
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
status_line(site_map.REVIEW.page())
typo = st.session_state.pop("seed_typo", None)
# The browser puts typed letters in the link before seed_typed() puts the number back: the field's own
# message below covers them, so the notice meant for odd links leaves the seed out this once.
notice_odd_parameters(site_map.EXAM.params | ({"seed": Param(lambda value: True)} if typo is not None else {}))
if "seed" not in st.session_state and "seed" not in st.query_params:
    # A new visit gets its own paper, and the link carries it (a bound widget set from session state alone
    # leaves the address without it, so a copied link or a bookmark would open another paper).
    st.session_state["seed"] = st.query_params["seed"] = random_seed()
length_column, seed_column, new_column = st.columns([2, 1, 1], vertical_alignment="bottom")
length = bound_choice(length_column, "Questions", EXAM_LENGTHS, 20, "length")
# A text box, not a number input: a number input bound to a link value like 1e309 fails inside Streamlit.
entered = seed_column.text_input(
    "Paper number (1-9999)", key="seed", bind="query-params", max_chars=4, on_change=seed_typed
)
new_column.button("New paper", on_click=new_paper, icon=":material/shuffle:")
# Messages go under the row, never inside a column: a caption there would push the controls out of line.
if typo is not None:
    st.error(
        f"Paper number: “{typo}” is not a whole number from 1 to 9999, so the paper has not changed.",
        icon=":material/pin:",
    )
if site_map.EXAM.params["seed"].accepts([entered]):
    seed = int(entered)
else:  # an odd value from the link (the notice above names it)
    seed = int(st.session_state.setdefault("fallback_seed", random_seed()))
    st.caption(f"Not a paper number: showing paper {seed}.")
st.session_state["shown_seed"] = str(seed)
share_this_view(site_map.EXAM.url_path)

paper = exam_paper(catalog().questions, length, seed)
answer_sheet(paper, seed)
submitted = st.button("Finish and score", type="primary")
paper_key = (length, seed)
if submitted:
    given = {question["id"]: chosen_answer(question, f"exam-{seed}-{question['id']}") for question in paper}
    blank = unanswered(paper, given)
    if blank:
        st.session_state["exam_pending"] = {"paper": paper_key, "answers": given, "blank": blank}
    else:
        mark(paper, paper_key, given)
pending = st.session_state.get("exam_pending")
if pending and pending["paper"] == paper_key:
    numbers = ", ".join(map(str, pending["blank"]))
    st.warning(
        f"**{len(pending['blank'])} of {len(paper)} questions have no answer** (question {numbers}). "
        "Answer them above and finish again, or score the paper now and they count as wrong.",
        icon=":material/warning:",
    )
    st.button("Score it anyway", on_click=mark, args=(paper, paper_key, pending["answers"]))
marked = st.session_state.get("exam_answers")
if marked and marked["paper"] == paper_key:  # answers belong to the paper they were given for
    render_result(score_exam(paper, marked["answers"]))
