"""Real browser: a screening link, its links into Safe options and the Planner, a CSV upload."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from lib.screening import screen
from lib.screening_files import screening_csv
from pages.components.profile_form import profile_query_params
from pages.components.screening_link import screening_query_params
from tests.browser.test_browser import (
    SETTLE_MS,
    assert_no_exception,
    visit,
    wait_until_settled,
)
from tests.test_screening import ISSUE_EXAMPLE

pytestmark = pytest.mark.browser


def screening_url(server) -> str:
    return f"{server.url}/screen-client?{urlencode(screening_query_params(ISSUE_EXAMPLE), doseq=True)}"


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


@pytest.mark.parametrize(
    ("label", "path"),
    [("Open Safe options for this profile", "/safe-exercises"), ("Open the Planner for this profile", "/program")],
)
def test_profile_links_open_the_tool_with_exactly_the_derived_profile(server, page, screenshots, label, path):
    visit(page, screening_url(server))
    assert "Risk of falling: high, because Timed Up and Go" in page.inner_text("body")
    assert_no_exception(page)
    page.screenshot(path=str(screenshots / "screen-client.png"))
    page.get_by_role("link", name=label).click()
    page.wait_for_url(f"**{path}*", timeout=SETTLE_MS)
    wait_until_settled(page)
    scan = {"t": f"{ISSUE_EXAMPLE['t_score']:.1f}"}  # the scan's score rides along: it implies the same bone level
    expected = parse_qs(urlencode(profile_query_params(screen(**ISSUE_EXAMPLE).profile) | scan))
    opened = query(page.url)
    opened.pop("start", None)  # the Planner writes its start date into the link on a first visit
    assert opened == expected
    assert_no_exception(page)


def test_an_earlier_csv_shows_the_change_and_a_bad_file_changes_nothing(server, page, tmp_path, screenshots):
    earlier = tmp_path / "earlier.csv"
    earlier.write_text(screening_csv(screen(**ISSUE_EXAMPLE | {"tug_s": 15.0}), dt.date(2026, 10, 1)))
    hostile = tmp_path / "hostile.csv"
    hostile.write_text("key,label,value\ndate,,2026-10-01\n<img src=x onerror=alert(1)>,,1\n")
    visit(page, screening_url(server))
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files([str(earlier), str(hostile)])
    page.wait_for_selector("text=File 2 was not used", timeout=SETTLE_MS)
    wait_until_settled(page)
    body = page.inner_text("body")
    assert "2026-10-01" in body and "-1.5" in body  # 15 s then, 13.5 s today
    assert "onerror" not in body and "Risk of falling: high" in body
    assert query(page.url) == parse_qs(urlencode(screening_query_params(ISSUE_EXAMPLE), doseq=True))
    assert_no_exception(page)
    page.screenshot(path=str(screenshots / "screen-client-compare.png"), full_page=True)
    # Nothing about the client reaches the server's output: not today's values, not the uploaded file's.
    assert "13.5" not in server.output() and "2026-10-01" not in server.output()
