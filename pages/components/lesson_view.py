"""The one renderer for every lesson in content/lessons/.

In presenter mode a lesson is shown one ``##`` section at a time, so a presenter talks
through one idea per screen; the section number is in the link (?step=N).
"""

from __future__ import annotations

from typing import Callable

import streamlit as st

from lib.lessons import Lesson, split_figures
from lib.urlstate import whole_number_between
from pages.components.common import catalog, cited_markdown, notice_odd_parameters, reference_list, share_this_view


def render_markdown_with_figures(markdown: str) -> None:
    from pages.components.lesson_figures import FIGURE_RENDERERS  # see render_lesson

    for kind, value in split_figures(markdown):
        if kind == "figure":
            FIGURE_RENDERERS[value]()
        else:
            cited_markdown(value)


def render_takeaways_and_references(lesson: Lesson) -> None:
    with st.container(border=True):
        st.subheader("Key takeaways", anchor="key-takeaways")
        st.markdown("\n".join(f"- {takeaway}" for takeaway in lesson.takeaways))
    st.subheader("References", anchor="references")
    references = catalog().references
    reference_list([references[key] for key in lesson.sources])


def render_step(lesson: Lesson) -> None:
    """One section per screen; the last step is the takeaways and references."""
    if st.session_state.get("step_lesson") != lesson.slug:  # a new lesson starts at its first section
        if "step_lesson" in st.session_state:
            st.session_state["step"] = 1
        st.session_state["step_lesson"] = lesson.slug
    sections = lesson.sections()
    steps = list(range(1, len(sections) + 2))
    step = st.select_slider("Section", steps, key="step", bind="query-params",
                            help="The last step shows the key takeaways and references.")
    if step == steps[-1]:
        render_takeaways_and_references(lesson)
    else:
        render_markdown_with_figures(sections[step - 1])
    share_this_view(lesson.url_path)
    back, forward = st.columns(2)
    back.button("Previous", icon=":material/arrow_back:", width="stretch", disabled=step == steps[0],
                on_click=st.session_state.update, kwargs={"step": step - 1})
    forward.button("Next", icon=":material/arrow_forward:", width="stretch", disabled=step == steps[-1],
                   on_click=st.session_state.update, kwargs={"step": step + 1})


def render_lesson(lesson: Lesson) -> None:
    # Figures are imported with the first lesson shown: they bring altair and pandas, which
    # the home page does not need, and the app starts about 0.4 s sooner without them.
    from pages.components.lesson_figures import FIGURE_PARAMS

    last_step = len(lesson.sections()) + 1  # the takeaways and references
    notice_odd_parameters({"step": whole_number_between(1, last_step), **FIGURE_PARAMS})
    st.title(lesson.title)
    st.caption(lesson.summary)
    if st.session_state.get("present"):
        render_step(lesson)
        return
    render_markdown_with_figures(lesson.body)
    render_takeaways_and_references(lesson)


def lesson_page(lesson: Lesson) -> Callable[[], None]:
    """A no-argument page function for st.Page, one per lesson."""

    def page() -> None:
        render_lesson(lesson)

    page.__name__ = f"lesson_{lesson.order}"
    return page
