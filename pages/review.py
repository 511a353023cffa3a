"""Review: save progress with a study code, then see what is due, how ready you are and your exam history."""

from __future__ import annotations

import streamlit as st

from lib.charts import exam_history_chart
from lib.progress.readiness import READINESS_METHOD, mastery_rows, overall_readiness, readiness_by_lesson, study_next
from lib.progress.schedule import due_cards, question_card, term_card
from pages.components import site_map
from pages.components.common import catalog, chart, notice_odd_parameters
from pages.components.study_progress import active_code, saved_answers, saved_exams, saving_panel, store

notice_odd_parameters()
st.title("Review and progress")
st.caption("What to review today, how ready you are for the exam, and your exam scores over time.")
saving_panel()
if not active_code():
    st.stop()

history, exam_records = saved_answers(), saved_exams()
st.caption(f"Saved under your code: answers {len(history)}, exam scores {len(exam_records)}.")
now = store().now()
questions, terms = catalog().questions, catalog().glossary
titles = {lesson.slug: lesson.title for lesson in catalog().lessons}

st.subheader("Due today", anchor="due")
due = due_cards(history, now)
due_questions = sum(question_card(question) in due for question in questions)
due_terms = sum(term_card(term) in due for term in terms)
questions_column, terms_column = st.columns(2)
with questions_column:
    st.metric("Questions due", due_questions)
    if due_questions:
        st.page_link(
            site_map.PRACTICE.page(),
            label="Practise the questions due",
            query_params={"due": "true"},
            icon=":material/quiz:",
        )
with terms_column:
    st.metric("Flashcards due", due_terms)
    if due_terms:
        st.page_link(
            site_map.FLASHCARDS.page(),
            label="Turn the flashcards due",
            query_params={"due": "true"},
            icon=":material/style:",
        )
st.caption(
    "Spaced repetition (FSRS): a card you get right comes back after a longer gap each time; "
    "one you get wrong comes back soon. Cards you have not studied yet are not counted as due."
)

st.subheader("Readiness", anchor="readiness")
by_lesson = readiness_by_lesson(questions, history, now)
st.metric("Overall readiness", f"{overall_readiness(by_lesson)} %")
st.caption(READINESS_METHOD)
st.dataframe(mastery_rows(questions, terms, history, now, titles), hide_index=True, width="stretch")

st.subheader("What to study next", anchor="next")
tips = study_next(questions, history, now)
if not tips:
    st.success("Every question's last answer was right. Keep reviewing what is due.", icon=":material/celebration:")
for tip in tips:  # in-app links: a Markdown link would open a new tab, whose fresh session has no study code
    site_map.link_to_lesson_section(catalog().lessons_by_slug[tip.lesson], tip.section)
    st.caption(tip.reason.capitalize())

st.subheader("Exam history", anchor="exams")
if not exam_records:
    st.info("No exams saved yet: finish an exam while saving and its score appears here.", icon=":material/assignment:")
else:
    chart(
        exam_history_chart(exam_records).to_dict(),
        "; ".join(
            f"{record.taken_at:%d %b %Y %H:%M}: {record.correct} of {record.total} ({record.percent} %)"
            for record in exam_records
        ),
    )
