"""The one renderer for every lesson in content/lessons/.

In presenter mode a lesson is shown one ``##`` section at a time, so a presenter talks
through one idea per screen; the section number is in the link (?step=N).
"""

from __future__ import annotations

from typing import Callable

import re

import streamlit as st

from lib.lessons import Lesson, split_answers, split_figures
from pages.components.common import catalog, cited_markdown, notice_odd_parameters, reference_list, share_this_view
from pages.components.page_params import lesson_params


HEADING_LINE = re.compile(r"^## .*\n?", re.MULTILINE)


def render_markdown_with_figures(markdown: str) -> None:
    # Figures are imported with the first lesson shown: they bring altair and pandas, which
    # the home page does not need, and the app starts about 0.4 s sooner without them.
    from pages.components.lesson_figures import FIGURE_RENDERERS

    for kind, value in split_figures(markdown):
        if kind == "figure":
            FIGURE_RENDERERS[value]()
        else:
            render_markdown_with_answers(value)


def render_markdown_with_answers(markdown: str) -> None:
    """Self-check answers stay behind a reveal, so a room can think before it sees them."""
    for kind, value in split_answers(markdown):
        if kind == "answer":
            with st.expander("Show the answer"):
                cited_markdown(value)
        else:
            cited_markdown(value)


def render_takeaways_and_references(lesson: Lesson) -> None:
    with st.container(border=True):
        st.subheader("Key takeaways", anchor="key-takeaways")
        st.markdown("\n".join(f"- {takeaway}" for takeaway in lesson.takeaways))
    st.subheader("References", anchor="references")
    references = catalog().references
    reference_list([references[key] for key in lesson.sources])


def step_names(lesson: Lesson) -> list[str]:
    """What each presenter step shows: the lesson's sections, then the takeaways."""
    return [*lesson.headings(), "Key takeaways"]


# Runs in the page each time the step changes (the step is in the text, so the element is redrawn):
# the room sees the new section from its top, wherever the presenter had scrolled.
SCROLL_TO_TOP = """<script>
for (const box of [document.scrollingElement, document.querySelector('[data-testid="stMain"]'),
                   document.querySelector('[data-testid="stAppViewContainer"]')]) { box && box.scrollTo(0, 0); }
</script>"""


def render_step(lesson: Lesson) -> None:
    """One section per screen under a compact header ("3 of 7: Impact forces" between Previous and Next);
    the last step is the takeaways and references."""
    if st.session_state.get("step_lesson") != lesson.slug:  # a new lesson starts at its first section
        if "step_lesson" in st.session_state:
            st.session_state["step"] = 1
        st.session_state["step_lesson"] = lesson.slug
    names = step_names(lesson)
    steps = list(range(1, len(names) + 1))
    with st.container(key="lesson-step-header"):
        st.title(lesson.title)
        back, choose, forward = st.columns([3, 10, 3], vertical_alignment="center")
        name_slot = choose.empty()  # above the slider, filled once the slider gives the step
        # Plain numbers on the slider: a bound select_slider writes its labels into the link (step=3).
        step = choose.select_slider("Section", steps, key="step", bind="query-params", label_visibility="collapsed",
                                    help="The last step shows the key takeaways and references.")
        name_slot.markdown(f"**{step} of {len(steps)}:** {names[step - 1]}")
        back.button("Previous", icon=":material/arrow_back:", width="stretch", disabled=step == 1,
                    on_click=st.session_state.update, kwargs={"step": step - 1})
        forward.button("Next", icon=":material/arrow_forward:", width="stretch", disabled=step == steps[-1],
                       on_click=st.session_state.update, kwargs={"step": step + 1})
    with st.container(key=f"step-{step}"):  # a new container per step runs the script again
        st.html(SCROLL_TO_TOP, unsafe_allow_javascript=True)
    if step == steps[-1]:
        render_takeaways_and_references(lesson)
    else:
        render_markdown_with_figures(sections_without_heading(lesson)[step - 1])
    share_this_view(lesson.url_path)


def sections_without_heading(lesson: Lesson) -> list[str]:
    """Each section without its own heading line: the step header already names it."""
    return [HEADING_LINE.sub("", section, count=1) for section in lesson.sections()]


def render_lesson(lesson: Lesson) -> None:
    notice_odd_parameters(lesson_params(lesson))
    if st.session_state.get("present"):
        render_step(lesson)
        return
    st.title(lesson.title)
    st.caption(lesson.summary)
    render_markdown_with_figures(lesson.body)
    render_takeaways_and_references(lesson)


def lesson_page(lesson: Lesson) -> Callable[[], None]:
    """A no-argument page function for st.Page, one per lesson."""

    def page() -> None:
        render_lesson(lesson)

    page.__name__ = f"lesson_{lesson.order}"
    return page
