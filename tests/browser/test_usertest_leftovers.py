"""What users expected in the session-7 user test, done as they did it in Chromium: the exam keeps its
answers through another page and Back, and the Planner's training days take no more days than sessions."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.test_browser import SETTLE_MS, assert_no_exception, visit, wait_until_settled
from tests.browser.test_real_use import settled_on

pytestmark = pytest.mark.browser
EXAM = "study-exam?length=10&seed=1"  # a ten-question paper with two 'choose all that apply' questions


def first_question(page):
    return page.locator("[data-testid='stMain'] [data-testid='stRadio']").first


def ticked_boxes(page) -> int:
    return page.locator("[data-testid='stMain'] [data-testid='stCheckbox'] input:checked").count()


def away_by_the_menu_and_back(page, menu_item: str, page_title: str) -> None:
    page.locator(".st-key-site-navigation").get_by_text(menu_item, exact=True).click()
    settled_on(page, menu_item)
    page.go_back()
    settled_on(page, page_title)


def test_exam_answers_are_there_again_after_another_page_and_back(server, page):
    visit(page, f"{server.url}/{EXAM}")
    prompt = first_question(page).get_attribute("aria-label") or first_question(page).inner_text()
    first_question(page).locator("[role='radiogroup'] label").nth(1).click()
    wait_until_settled(page)
    page.locator("[data-testid='stMain'] [data-testid='stCheckbox'] label").first.click()
    wait_until_settled(page)
    answer = first_question(page).locator("input:checked").get_attribute("value")
    assert answer is not None and ticked_boxes(page) == 1

    away_by_the_menu_and_back(page, "Glossary", "Exam")
    assert "seed=1" in page.url
    checked = first_question(page).locator("input:checked")
    assert checked.count() == 1 and checked.get_attribute("value") == answer
    assert ticked_boxes(page) == 1
    assert_no_exception(page)

    page.reload(wait_until="domcontentloaded")  # a new session: the same paper, whole and answerable
    wait_until_settled(page)
    assert (first_question(page).get_attribute("aria-label") or first_question(page).inner_text()) == prompt
    page.get_by_role("button", name="Finish and score").click()
    page.get_by_text("have no answer").first.wait_for(timeout=SETTLE_MS)
    assert_no_exception(page)


def days_in_link(url: str) -> list[str]:
    return parse_qs(urlparse(url).query).get("days", [])


def click_day(page, day: str) -> None:
    page.get_by_role("button", name=day, exact=True).click()
    wait_until_settled(page)


def test_a_fourth_training_day_on_a_three_a_week_plan_is_refused_and_the_link_keeps_three(server, page):
    visit(page, f"{server.url}/program?spw=3&days=Tue&days=Thu&days=Sat")
    click_day(page, "Mon")
    page.get_by_text("Mon was not added").wait_for(timeout=SETTLE_MS)
    assert sorted(days_in_link(page.url)) == ["Sat", "Thu", "Tue"], page.url
    assert page.get_by_role("button", name="Calendar (.ics)").is_enabled()  # three days: the calendar file

    click_day(page, "Sat")  # a day off, then the one wanted
    page.wait_for_url(lambda url: sorted(days_in_link(url)) == ["Thu", "Tue"], timeout=SETTLE_MS)
    click_day(page, "Mon")
    page.wait_for_url(lambda url: sorted(days_in_link(url)) == ["Mon", "Thu", "Tue"], timeout=SETTLE_MS)
    assert page.get_by_text("was not added").count() == 0
    assert_no_exception(page)


def main_scrolled(page) -> int:
    return page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollTop")


def test_back_to_safe_options_from_the_planner_lands_at_the_exercise_list_left(server, page):
    visit(page, f"{server.url}/safe-exercises?bone=osteoporosis")
    page.locator("#exercises").scroll_into_view_if_needed()
    page.mouse.wheel(0, 400)  # into the cards, as a user reading them
    page.wait_for_function("document.querySelector('[data-testid=\"stMain\"]').scrollTop > 300")
    left_at = main_scrolled(page)

    away_by_the_menu_and_back(page, "Program planner", "Safe options")
    page.wait_for_function(f"document.querySelector('[data-testid=\"stMain\"]').scrollTop > {left_at - 100}")
    assert abs(main_scrolled(page) - left_at) < 100
    assert page.locator("h3#exercises, #exercises").first.bounding_box()["y"] < 800  # the list is in view
    assert_no_exception(page)
