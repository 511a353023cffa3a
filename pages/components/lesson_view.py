"""The one renderer for every lesson in content/lessons/.

In presenter mode a lesson is shown one ``##`` section at a time, so a presenter talks
through one idea per screen; the section is in the link by a short slug of its heading
(?step=the-osteogenic-index; older links give its number, ?step=3). Without presenter mode
such a link opens the whole lesson scrolled to that section.
"""

from __future__ import annotations

import re
from typing import Callable

import streamlit as st

from lib.lessons import TAKEAWAYS_STEP, Lesson, heading_slug, split_answers, split_figures
from pages.components.common import catalog, cited_markdown, notice_odd_parameters, reference_list, share_this_view
from pages.components.page_params import lesson_params


HEADING_LINE = re.compile(r"^## .*\n?", re.MULTILINE)


def render_markdown_with_figures(markdown: str, presenting: bool = False) -> None:
    # Figures are imported with the first lesson shown: they bring altair and pandas, which
    # the home page does not need, and the app starts about 0.4 s sooner without them.
    from pages.components.lesson_figures import FIGURE_RENDERERS, INTERACTIVE_FIGURES

    parts = split_figures(markdown)
    if presenting:  # what the presenter works comes first, on screen on arrival; the text follows
        parts.sort(key=lambda part: not (part[0] == "figure" and part[1] in INTERACTIVE_FIGURES))
    for kind, value in parts:
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
        st.subheader(TAKEAWAYS_STEP, anchor=heading_slug(TAKEAWAYS_STEP))
        st.markdown("\n".join(f"- {takeaway}" for takeaway in lesson.takeaways))
    st.subheader("References", anchor="references")
    references = catalog().references
    reference_list([references[key] for key in lesson.sources])


# Runs in the page each time the step changes (the step is in the text, so the element is redrawn):
# the room sees the new section from its top, wherever the presenter had scrolled.
SCROLL_TO_TOP = """<script>
for (const box of [document.scrollingElement, document.querySelector('[data-testid="stMain"]'),
                   document.querySelector('[data-testid="stAppViewContainer"]')]) { box && box.scrollTo(0, 0); }
</script>"""

# Brings the section the link names (?step=<slug>, each heading's anchor) to the top of the screen, below
# Streamlit's bar. Charts above it draw after it, pushing it down: it is brought back a few times until the
# reader scrolls. A constant: it reads the link itself, so no text from content/ reaches raw HTML.
SCROLL_TO_LINKED_SECTION = """<script>
(() => {
  const wanted = new URLSearchParams(location.search).get("step");
  let tries = 0, stopped = false;
  for (const event of ["wheel", "touchstart", "keydown"]) addEventListener(event, () => { stopped = true; }, {once: true});
  const bring = () => {
    const heading = wanted && document.getElementById(wanted);
    if (heading) { heading.style.scrollMarginTop = "4.5rem"; heading.scrollIntoView({block: "start"}); }
    if (!stopped && ++tries < 8) setTimeout(bring, 400);
  };
  bring();
})();
</script>"""

SECTION_CONTROL = "lesson-section"  # unbound: it names the sections, while the link holds a short slug (step=)


def step_in_link(lesson: Lesson) -> int | None:
    """The step the link names (by slug or, in older links, by number), if any."""
    return lesson.step_number(st.query_params.get("step", ""))


def show_step(lesson: Lesson, step: int) -> None:
    """Go to a step: the control shows it and the link names it, so Back and a copied link return to it."""
    st.session_state[SECTION_CONTROL] = step
    st.query_params["step"] = heading_slug(lesson.step_names()[step - 1])


def render_step(lesson: Lesson) -> None:
    """One section per screen under a compact header (Previous, the section by name, Next); the last
    step is the takeaways and references."""
    names = lesson.step_names()
    steps = list(range(1, len(names) + 1))
    step = st.session_state[SECTION_CONTROL] = step_in_link(lesson) or 1
    with st.container(key="lesson-step-header"):
        st.title(lesson.title)
        back, choose, forward = st.columns([3, 10, 3], vertical_alignment="center")
        choose.selectbox(
            "Section",
            steps,
            key=SECTION_CONTROL,
            label_visibility="collapsed",
            format_func=lambda number: f"{number} of {len(steps)}: {names[number - 1]}",
            on_change=lambda: show_step(lesson, st.session_state[SECTION_CONTROL]),
            help="The last step shows the key takeaways and references.",
        )
        back.button(
            "Previous",
            icon=":material/arrow_back:",
            width="stretch",
            disabled=step == 1,
            on_click=show_step,
            args=(lesson, step - 1),
        )
        forward.button(
            "Next",
            icon=":material/arrow_forward:",
            width="stretch",
            disabled=step == steps[-1],
            on_click=show_step,
            args=(lesson, step + 1),
        )
    with st.container(key=f"step-{step}"):  # a new container per step runs the script again
        st.html(SCROLL_TO_TOP, unsafe_allow_javascript=True)
    if step == steps[-1]:
        render_takeaways_and_references(lesson)
    else:
        render_markdown_with_figures(sections_without_heading(lesson)[step - 1], presenting=True)
    share_this_view(lesson.url_path)


def render_sections(lesson: Lesson) -> None:
    """The whole lesson, each section under a heading anchored at its slug, so a link can name it."""
    for heading, section in zip(lesson.headings(), sections_without_heading(lesson)):
        st.header(heading, anchor=heading_slug(heading))
        render_markdown_with_figures(section)


def scroll_to_linked_section(lesson: Lesson) -> None:
    """A link naming a section (a glossary term's, a question's 'Read more') opens the lesson at it."""
    if step_in_link(lesson):
        st.html(SCROLL_TO_LINKED_SECTION, unsafe_allow_javascript=True)


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
    render_sections(lesson)
    render_takeaways_and_references(lesson)
    scroll_to_linked_section(lesson)


def lesson_page(lesson: Lesson) -> Callable[[], None]:
    """A no-argument page function for st.Page, one per lesson."""

    def page() -> None:
        render_lesson(lesson)

    page.__name__ = f"lesson_{lesson.order}"
    return page
