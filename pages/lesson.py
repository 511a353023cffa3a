"""The one renderer for every lesson in content/lessons/."""

from __future__ import annotations

from typing import Callable

import streamlit as st

from lib.content import Lesson
from pages.common import catalog, cited_markdown, reference_list
from pages.figures import FIGURE_RENDERERS


def render_lesson(lesson: Lesson) -> None:
    st.title(lesson.title)
    st.caption(lesson.summary)
    for kind, value in lesson.segments():
        if kind == "figure":
            FIGURE_RENDERERS[value]()
        else:
            cited_markdown(value)
    with st.container(border=True):
        st.subheader("Key takeaways", anchor="key-takeaways")
        st.markdown("\n".join(f"- {takeaway}" for takeaway in lesson.takeaways))
    st.subheader("References", anchor="references")
    references = catalog().references
    reference_list([references[key] for key in lesson.sources])


def lesson_page(lesson: Lesson) -> Callable[[], None]:
    """A no-argument page function for st.Page, one per lesson."""

    def page() -> None:
        render_lesson(lesson)

    page.__name__ = f"lesson_{lesson.order}"
    return page
