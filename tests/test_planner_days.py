"""The Planner's training days hold no more days than sessions a week (user test, session 7): a day
clicked on once they are all chosen is taken off again and the page says so. The link that carries them:
tests/browser/test_usertest_leftovers.py."""

from __future__ import annotations

from tests.apptest_helpers import all_text, open_page


def test_a_fourth_day_on_a_three_a_week_plan_is_refused_and_the_page_says_so():
    at = open_page("program", {"spw": "3", "days": ["Tue", "Thu", "Sat"]})
    at.button_group(key="days").select("Mon").run()
    assert at.button_group(key="days").value == ["Tue", "Thu", "Sat"]
    assert "3 sessions a week take 3 days: Mon was not added" in all_text(at)
    assert not at.exception


def test_a_third_day_on_a_two_a_week_plan_is_refused_and_the_notice_goes_with_the_next_change():
    at = open_page("program", {"spw": "2", "days": ["Tue", "Fri"]})
    at.button_group(key="days").select("Wed").run()
    assert at.button_group(key="days").value == ["Tue", "Fri"]
    assert "Wed was not added" in all_text(at)
    at.button_group(key="days").unselect("Fri").run()
    at.button_group(key="days").select("Wed").run()
    assert at.button_group(key="days").value == ["Tue", "Wed"]
    assert "was not added" not in all_text(at)


def test_a_link_with_too_many_days_says_how_many_are_chosen_and_what_the_calendar_shows():
    at = open_page("program", {"spw": "2", "days": ["Mon", "Tue", "Wed"]})
    assert "3 of 2 days chosen: choose exactly 2" in all_text(at)
    assert not at.exception
