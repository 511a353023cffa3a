"""Presenter mode: turned on by link, kept across pages, lessons stepped one section at a time."""

from __future__ import annotations

from lib.chart_style import PRESENTER_CONFIG, PRESENTER_MAX_HEIGHT, PRESENTER_SCALE, presenter_spec
from lib.charts import impact_forces_chart
from lib.plan_charts import effort_spec
from lib.planner import build_plan
from lib.profiles import PRESETS
from lib.urlstate import share_url
from tests.apptest_helpers import all_text, open_page


def test_a_link_turns_presenter_mode_on(catalog):
    at = open_page(catalog.lessons[0].url_path, {"present": "1"})
    assert not at.exception
    assert at.toggle(key="present").value is True
    assert at.select_slider(key="step").value == 1


def test_lessons_step_section_by_section(catalog):
    lesson = catalog.lessons[3]
    at = open_page(lesson.url_path, {"present": "true"})
    first_screen = all_text(at)
    [button for button in at.button if button.label == "Next"][0].click().run()
    assert at.select_slider(key="step").value == 2
    assert all_text(at) != first_screen
    assert "## " + lesson.headings()[1] in lesson.sections()[1]


def test_last_step_shows_the_takeaways(catalog):
    lesson = catalog.lessons[0]
    at = open_page(lesson.url_path, {"present": "1", "step": str(len(lesson.sections()) + 1)})
    assert "Key takeaways" in all_text(at)


def test_a_step_past_the_lessons_last_gets_the_odd_link_notice(catalog):
    lesson = catalog.lessons[0]
    at = open_page(lesson.url_path, {"present": "1", "step": str(len(lesson.sections()) + 2)})
    assert not at.exception
    assert "`step`" in at.warning[0].value
    assert at.select_slider(key="step").value == 1


def test_without_presenter_mode_the_whole_lesson_shows(catalog):
    at = open_page(catalog.lessons[0].url_path)
    assert not at.get("select_slider") and "Key takeaways" in all_text(at)


def test_presenter_charts_have_bigger_type(catalog):
    spec = impact_forces_chart(catalog.impact_forces).to_dict()
    big = presenter_spec(spec)
    assert big["config"]["axis"]["labelFontSize"] == PRESENTER_CONFIG["axis"]["labelFontSize"]
    assert big["layer"][2]["mark"]["fontSize"] > spec["layer"][2]["mark"]["fontSize"]


def test_presenter_charts_grow_so_the_bigger_type_leaves_room_for_the_plot():
    spec = effort_spec(build_plan(PRESETS["osteopenia"], sessions_per_week=3, months=12))
    assert presenter_spec(spec)["height"] == min(spec["height"] * PRESENTER_SCALE, PRESENTER_MAX_HEIGHT)
    assert presenter_spec({"height": 100})["height"] == 100 * PRESENTER_SCALE


def test_presenter_charts_fit_a_720_pixel_screen_however_many_bars(catalog):
    spec = impact_forces_chart(catalog.impact_forces).to_dict()
    assert "step" in spec["height"]  # one band per activity: it would grow with the data
    assert presenter_spec(spec)["height"] == PRESENTER_MAX_HEIGHT


def test_share_links_keep_every_setting():
    link = share_url("http://localhost:8501/", "safe-exercises", {"bone": ["osteoporosis"], "pattern": ["squat", "hinge"]})
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
    codes = [block.value for block in at.code]
    assert any("safe-exercises?bone=osteopenia" in code for code in codes)
