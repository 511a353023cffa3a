"""Presenter mode: turned on by link, kept across pages, lessons stepped one section at a time."""

from __future__ import annotations

from lib.chart_style import FIT_TO_SCREEN, PRESENTER_CONFIG, PRESENTER_SCALE, presenter_spec
from lib.charts import impact_forces_chart
from lib.plan_charts import effort_spec
from lib.planner import build_plan
from lib.lessons import heading_slug
from lib.profiles import PRESETS
from lib.urlstate import share_url
from pages.components.lesson_view import SECTION_CONTROL
from tests.apptest_helpers import all_text, open_page


def test_a_link_turns_presenter_mode_on(catalog):
    at = open_page(catalog.lessons[0].url_path, {"present": "1"})
    assert not at.exception
    assert at.toggle(key="present").value is True
    assert at.selectbox(key=SECTION_CONTROL).value == 1


def test_lessons_step_section_by_section(catalog):
    lesson = catalog.lessons[3]
    at = open_page(lesson.url_path, {"present": "true"})
    first_screen = all_text(at)
    [button for button in at.button if button.label == "Next"][0].click().run()
    assert at.selectbox(key=SECTION_CONTROL).value == 2
    assert at.query_params["step"] == heading_slug(lesson.headings()[1])  # the link names the section
    assert all_text(at) != first_screen
    assert "## " + lesson.headings()[1] in lesson.sections()[1]


def test_the_section_control_names_each_section_and_the_link_keeps_a_short_slug(catalog):
    lesson = catalog.lessons_by_slug["impact-forces"]
    at = open_page(lesson.url_path, {"present": "1"})
    control = at.selectbox(key=SECTION_CONTROL)
    steps = len(lesson.step_names())
    assert control.options == [f"{number} of {steps}: {name}" for number, name in enumerate(lesson.step_names(), 1)]
    control.select(3).run()
    assert at.query_params["step"] == "the-osteogenic-index"
    assert "Try it: the osteogenic index" in all_text(at)


def test_old_numbered_step_links_and_section_slugs_open_the_same_step(catalog):
    lesson = catalog.lessons_by_slug["impact-forces"]
    by_number = open_page(lesson.url_path, {"present": "1", "step": "3"})
    by_slug = open_page(lesson.url_path, {"present": "1", "step": "the-osteogenic-index"})
    assert by_number.selectbox(key=SECTION_CONTROL).value == by_slug.selectbox(key=SECTION_CONTROL).value == 3
    assert not by_number.warning and not by_slug.warning


def test_section_slugs_are_short_and_name_each_step_once(catalog):
    assert heading_slug("The osteogenic index: why short, split bouts work") == "the-osteogenic-index"
    assert heading_slug("What kind of load works: Turner's three rules") == "what-kind-of-load-works"
    assert heading_slug("How often should clients with osteoporosis strength train?") == "how-often-should-clients-with"
    for lesson in catalog.lessons:
        slugs = [heading_slug(name) for name in lesson.step_names()]
        assert len(set(slugs)) == len(slugs)
        assert [lesson.step_number(slug) for slug in slugs] == list(range(1, len(slugs) + 1))
        assert lesson.step_number("0") is lesson.step_number(str(len(slugs) + 1)) is lesson.step_number("x") is None


def test_last_step_shows_the_takeaways(catalog):
    lesson = catalog.lessons[0]
    at = open_page(lesson.url_path, {"present": "1", "step": str(len(lesson.sections()) + 1)})
    assert "Key takeaways" in all_text(at)


def test_a_step_past_the_lessons_last_gets_the_odd_link_notice(catalog):
    lesson = catalog.lessons[0]
    at = open_page(lesson.url_path, {"present": "1", "step": str(len(lesson.sections()) + 2)})
    assert not at.exception
    assert "`step`" in at.warning[0].value
    assert at.selectbox(key=SECTION_CONTROL).value == 1


def test_without_presenter_mode_the_whole_lesson_shows(catalog):
    at = open_page(catalog.lessons[0].url_path)
    assert not at.get("selectbox") and "Key takeaways" in all_text(at)


def test_presenter_charts_have_bigger_type(catalog):
    spec = impact_forces_chart(catalog.impact_forces).to_dict()
    big = presenter_spec(spec)
    assert big["config"]["axis"]["labelFontSize"] == PRESENTER_CONFIG["axis"]["labelFontSize"]
    assert big["layer"][2]["mark"]["fontSize"] > spec["layer"][2]["mark"]["fontSize"]


def test_presenter_charts_take_their_height_from_the_screen_however_many_bars(catalog):
    forces = impact_forces_chart(catalog.impact_forces).to_dict()
    assert "step" in forces["height"]  # one band per activity: it would grow with the data
    effort = effort_spec(build_plan(PRESETS["osteopenia"], sessions_per_week=3, months=12))
    for spec in (forces, effort):
        assert presenter_spec(spec)["height"] == FIT_TO_SCREEN
    facet = {"facet": {"row": {"field": "trial"}}, "spec": {"mark": "bar", "height": 100}}
    assert presenter_spec(facet)["spec"]["height"] == 100 * PRESENTER_SCALE  # a facet's panels keep their own


def test_share_links_keep_every_setting():
    link = share_url(
        "http://localhost:8501/", "safe-exercises", {"bone": ["osteoporosis"], "pattern": ["squat", "hinge"]}
    )
    assert link == "http://localhost:8501/safe-exercises?bone=osteoporosis&pattern=squat&pattern=hinge"


def test_share_links_never_double_the_page_path():
    # st.context.url already ends in the page's path: the copied link opened a blank page.
    expected = "http://localhost:8501/program?spw=2"
    for page_url in ("http://localhost:8501/program", "http://localhost:8501/program/", "http://localhost:8501"):
        assert share_url(page_url, "program", {"spw": ["2"]}) == expected
    assert share_url("https://host.example/bone-lab/program", "program", {}) == "https://host.example/bone-lab/program"
    assert share_url("http://localhost:8501/", "", {"present": ["1"]}) == "http://localhost:8501/?present=1"


def test_interactive_pages_offer_a_link_to_the_view():
    at = open_page("safe-exercises", {"bone": "osteopenia"})
    assert not at.code  # drawn only while its popover is open
    at.session_state["share"] = True  # the popover opened
    at.run()
    codes = [block.value for block in at.code]
    assert any("safe-exercises?bone=osteopenia" in code for code in codes)
