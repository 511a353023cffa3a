"""The study pages in Chromium: what only a browser shows (what is in view, alignment, chart labels),
and saved progress carried to a fresh browser with the study code."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from lib.study import exam_paper
from tests.browser.test_browser import SETTLE_MS, assert_no_exception, visit, wait_until_settled
from tests.support.server import StreamlitServer

pytestmark = pytest.mark.browser
VIEWPORT_HEIGHT = 800


def choose_first_option(page) -> None:
    """The question's first option: a radio, or for 'choose all that apply' a tick box (not the
    'Due today only' switch, which Streamlit also marks as a checkbox)."""
    main = page.locator("[data-testid='stMain']")
    radios = main.locator("[role='radiogroup'] label")
    ticks = main.locator("[data-testid='stCheckbox']").filter(has_not_text="Due today only").locator("label")
    radios.or_(ticks).first.click()  # waits for the question to be drawn (a count did not, under load)


def test_next_question_is_in_view_after_checking_an_answer(server, page, screenshots):
    visit(page, f"{server.url}/study-practice")
    for _ in range(5):  # five questions of the shuffled bank, short and long
        choose_first_option(page)
        page.get_by_role("button", name="Check answer").click()
        next_button = page.get_by_role("button", name="Next question")
        expect(next_button).to_be_visible(timeout=SETTLE_MS)
        box = next_button.bounding_box()
        assert box["y"] + box["height"] <= VIEWPORT_HEIGHT, f"Next question ends at {box['y'] + box['height']} px"
        page.screenshot(path=str(screenshots / "study-practice-checked.png"))
        next_button.click()
        expect(page.get_by_role("button", name="Check answer")).to_be_visible(timeout=SETTLE_MS)


def control_middles(page) -> list[float]:
    """Vertical middles of the exam's three controls: questions, paper number, new paper."""
    boxes = [
        page.locator("[data-testid='stButtonGroup'] button").first.bounding_box(),
        page.get_by_label("Paper number (1-9999)").bounding_box(),
        page.get_by_role("button", name="New paper").bounding_box(),
    ]
    return [box["y"] + box["height"] / 2 for box in boxes]


def test_letters_in_the_paper_number_get_a_field_message_and_the_row_stays_in_line(server, page, screenshots):
    visit(page, f"{server.url}/study-exam?length=10&seed=42")
    field = page.get_by_label("Paper number (1-9999)")
    before = control_middles(page)
    field.fill("ab")
    field.press("Enter")
    expect(page.get_by_text("is not a whole number from 1 to 9999")).to_be_visible(timeout=SETTLE_MS)
    wait_until_settled(page)
    assert "This link had settings" not in page.inner_text("body")
    assert re.search(r"[?&]seed=42(&|$)", page.url) and field.input_value() == "42"
    after = control_middles(page)
    assert after == pytest.approx(before, abs=1), (before, after)  # the message moved no control
    assert max(after) - min(after) <= 5, after  # and they share a line (the segmented control is a little shorter)
    page.screenshot(path=str(screenshots / "study-exam-typed-letters.png"))


def test_the_exam_chart_names_every_lesson_bar(server, page, catalog, screenshots):
    visit(page, f"{server.url}/study-exam?length=30&seed=7")
    page.get_by_role("button", name="Finish and score").click()
    page.get_by_role("button", name="Score it anyway").click()
    page.wait_for_selector("text=Review your mistakes", timeout=SETTLE_MS)
    wait_until_settled(page)
    labels = set(page.locator("[data-testid='stVegaLiteChart'] svg text").all_text_contents())
    lessons = {catalog.lessons_by_slug[question["lesson"]].title for question in exam_paper(catalog.questions, 30, 7)}
    assert len(lessons) >= 6 and lessons <= labels, lessons - labels
    page.get_by_text("Review your mistakes").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "study-exam-chart.png"))


@pytest.fixture
def saving_server(tmp_path, monkeypatch, chromium):
    """An app server whose progress database is a temporary SQLite file."""
    monkeypatch.setenv("BONE_LOADING_LAB_DATABASE_URL", f"sqlite:///{tmp_path / 'progress.sqlite3'}")
    running = StreamlitServer()
    warm_up = chromium.new_page()  # past the first visit, as the shared `server` fixture is
    visit(warm_up, running.url)
    warm_up.close()
    yield running
    running.close()


def test_progress_saved_in_one_browser_continues_in_a_fresh_one_with_the_code(saving_server, chromium, screenshots):
    first = chromium.new_context(viewport={"width": 1280, "height": 800})
    page = first.new_page()
    visit(page, f"{saving_server.url}/study-review")
    page.get_by_role("button", name="Start saving my progress").click()
    code = page.locator("[data-testid='stCode']").inner_text(timeout=SETTLE_MS).strip()
    assert len(code.split("-")) == 5 and code not in page.url
    page.locator("[data-testid='stSidebar']").get_by_role("link", name="Practice quiz").click()
    expect(page.get_by_text("Saving your progress")).to_be_visible(timeout=SETTLE_MS)
    wait_until_settled(page)
    choose_first_option(page)
    page.get_by_role("button", name="Check answer").click()
    expect(page.get_by_role("button", name="Next question")).to_be_visible(timeout=SETTLE_MS)
    first.close()  # the browser is closed

    second = chromium.new_context(viewport={"width": 1280, "height": 800})
    page = second.new_page()
    visit(page, f"{saving_server.url}/study-review")
    page.get_by_label("Already have a code?").fill(code.replace("-", " "))
    page.get_by_role("button", name="Continue with my code").click()
    expect(page.get_by_text("Overall readiness")).to_be_visible(timeout=SETTLE_MS)
    wait_until_settled(page)
    body = page.inner_text("body")
    assert code not in body  # the code is shown once, when it is made
    assert "Saved under your code: answers 1, exam scores 0" in body
    assert_no_exception(page)
    page.screenshot(path=str(screenshots / "study-review-continued.png"))
    page.get_by_role("button", name="Forget my progress").click()
    page.get_by_role("button", name="Delete everything saved under my code").click()
    expect(page.get_by_text("Everything saved under your study code is deleted")).to_be_visible(timeout=SETTLE_MS)
    second.close()
