"""What issue #17 left (session 4), done as the user does it in Chromium: a shared Planner link keeps the
client's calendar days and time; a link to a lesson section lands on that section; a presenter's step
fits a 1280x720 screen and is chosen by name; Back and Forward from the Planner."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from tests.browser.test_browser import SETTLE_MS, assert_no_exception, copy_link_to_this_view, visit, wait_until_settled
from tests.browser.test_real_use import download

pytestmark = pytest.mark.browser
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def sessions_in_the_handout_schedule(pdf_path: str) -> list[str]:
    """The weekdays under which the handout's first schedule row prints a session letter.

    pdftotext's layout mode keeps the table's columns: each letter sits under its day's name."""
    text = subprocess.run(["pdftotext", "-layout", pdf_path, "-"], capture_output=True, text=True, check=True).stdout
    lines = text.splitlines()
    header = next(line for line in lines if all(day in line for day in WEEKDAYS))
    centres = {day: header.index(day) + len(day) / 2 for day in WEEKDAYS}
    first_week = next(line for line in lines if line.startswith("Week 1"))
    row = first_week[first_week.index(")") + 1:]
    offset = len(first_week) - len(row)
    return [min(WEEKDAYS, key=lambda day: abs(centres[day] - (offset + position)))
            for position, letter in enumerate(row) if letter.strip()]


def test_a_shared_planner_link_keeps_the_calendar_days_and_time_and_all_three_agree(server, chromium):
    from icalendar import Calendar

    sharer = chromium.new_context(viewport={"width": 1280, "height": 800},
                                  permissions=["clipboard-read", "clipboard-write"])
    sharing = sharer.new_page()
    visit(sharing, f"{server.url}/program?bone=osteoporosis&spw=2&months=3&start=2027-01-04")
    for day in ("Mon", "Thu", "Tue", "Fri"):  # off with the usual days, on with the client's
        sharing.get_by_role("button", name=day, exact=True).click()
        wait_until_settled(sharing)
    sharing.locator("[data-testid='stTimeInput'] [role='spinbutton']").first.click()  # the hour
    sharing.keyboard.type("18")
    sharing.keyboard.press("Tab")
    sharing.keyboard.press("Tab")
    wait_until_settled(sharing)
    link = copy_link_to_this_view(sharing)
    sharer.close()
    assert "days=Tue" in link and "days=Fri" in link and "time=18" in link, link

    receiver = chromium.new_context(viewport={"width": 1280, "height": 800})
    opened = receiver.new_page()
    visit(opened, link)
    calendar_text = opened.get_by_text("Sessions on ").first.text_content()
    assert calendar_text.startswith("Sessions on Tue, Fri each week"), calendar_text  # the calendar on screen

    events = Calendar.from_ical(download(opened, "Calendar (.ics)")).walk("VEVENT")
    starts = sorted(event.decoded("dtstart") for event in events)
    assert starts[:2] == [dt.datetime(2027, 1, 5, 18), dt.datetime(2027, 1, 8, 18)]

    opened.get_by_role("button", name="Make the handout").click()
    button = opened.get_by_role("button", name="Download the handout (PDF)")
    button.wait_for(timeout=SETTLE_MS)
    with opened.expect_download(timeout=SETTLE_MS) as started:
        button.click()
    assert sessions_in_the_handout_schedule(started.value.path()) == ["Tue", "Fri"]
    assert_no_exception(opened)
    receiver.close()
