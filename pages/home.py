"""Home: what the app is, who it is for, and the three ways in."""

import streamlit as st

from pages.components import site_map
from pages.components.common import catalog, disclaimer, notice_odd_parameters

notice_odd_parameters()
st.title("Bone Loading Lab")
st.markdown(
    "How **resistance and impact training build bone**, and which exercises suit each level of "
    "osteoporosis risk. Every claim links to its source."
)

WAYS_IN = (  # (heading, what it offers, page, link label)
    (
        ":material/school: Learn the science",
        "Ten short cited lessons: how bone responds to load, progressive load, axial loading, "
        "impact, who needs it most, safety with osteoporosis, moving safely every day, the "
        "guidelines, bone health beyond exercise and an FAQ.",
        site_map.lesson_as_page(catalog().lessons[0]),
        "Start with lesson 1",
    ),
    (
        ":material/health_and_safety: Find safe exercises",
        "Pick a client's risk profile and see which exercises are recommended, which need a "
        "modification and which to avoid, each with its reason, source and safer swap.",
        site_map.SAFE_OPTIONS.page(),
        "Open Safe options",
    ),
    (
        ":material/calendar_month: Build a program",
        "Turn a profile into a two- or three-times-a-week program that progresses over months, "
        "charted so a client can see where it goes.",
        site_map.PLANNER.page(),
        "Open the planner",
    ),
)
for column, (heading, offer, page, label) in zip(st.columns(len(WAYS_IN)), WAYS_IN):
    with column.container(border=True, height="stretch"):
        st.subheader(heading)
        st.write(offer)
        st.page_link(page, label=label, icon=":material/arrow_forward:")

LESSONS_BEYOND_THE_GYM = ("moving-safely", "beyond-exercise")  # the care a client needs outside the session
with st.container(border=True):
    st.markdown(
        "**:material/home_health: Beyond the gym.** How to move safely through the day, and what "
        "food, medicines and falls prevention add to exercise."
    )
    lessons_by_slug = {lesson.slug: lesson for lesson in catalog().lessons}
    for column, slug in zip(st.columns(len(LESSONS_BEYOND_THE_GYM)), LESSONS_BEYOND_THE_GYM):
        column.page_link(site_map.lesson_as_page(lessons_by_slug[slug]), icon=":material/arrow_forward:")

with st.container(border=True):
    st.markdown("**:material/quiz: Studying for certification?** Test yourself on what the lessons teach.")
    study = st.columns(5)
    for column, spec in zip(study, site_map.SECTIONS["Study"]):
        column.page_link(spec.page())

st.subheader("Who it is for")
st.markdown(
    "- **Trainers studying for certification**: clear lessons with their sources.\n"
    "- **Clinic staff** showing a client their options: pick the profile, see what is safe and why.\n"
    "- **Workshop presenters**: clean pages, and links that open a page already set up."
)
disclaimer()
