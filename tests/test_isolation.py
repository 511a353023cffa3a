"""Two people on the same server at the same time each see only their own client's profile.

Streamlit keeps one session per browser tab; nothing a page stores may leak into another session.
Two browser contexts (separate cookies and storage, like two people's laptops) open Safe options with
different profiles, then change them in turns without waiting for each other.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from playwright.sync_api import expect

from lib.profile_guidance import describe
from lib.profiles import Profile

pytestmark = pytest.mark.browser
WAIT_MS = 30_000  # a shared 2-core machine can take seconds to rerun a page


def open_context(chromium):
    return chromium.new_context(viewport={"width": 1280, "height": 800})


def summary_card(page):
    """The bordered "What this profile needs" card (the innermost block holding its heading)."""
    heading = page.get_by_role("heading", name="What this profile needs")
    return page.locator("[data-testid='stVerticalBlock']").filter(has=heading).last


def click_radio(page, group: str, option: str) -> None:
    page.locator("[data-testid='stRadio']").filter(has_text=group).get_by_text(option, exact=True).click()


def click_pill(page, label: str) -> None:
    page.locator("[data-testid='stButtonGroup']").get_by_role("button", name=label, exact=True).click()


def assert_shows_only(page, own: Profile, other: Profile) -> None:
    expect(summary_card(page)).to_contain_text(describe(own), timeout=WAIT_MS)
    assert describe(other) not in page.inner_text("body")
    assert page.locator("[data-testid='stException']").count() == 0


def test_two_sessions_with_different_profiles_stay_apart(server, chromium):
    first_profile = Profile(bone="osteoporosis", vertebral_fracture=True)
    second_profile = Profile(falls="high", joint_limits=True)
    first_context, second_context = open_context(chromium), open_context(chromium)
    try:
        first, second = first_context.new_page(), second_context.new_page()
        first.goto(f"{server.url}/safe-exercises?bone=osteoporosis&vf=true", wait_until="domcontentloaded")
        second.goto(f"{server.url}/safe-exercises?falls=high&joints=true", wait_until="domcontentloaded")
        assert_shows_only(first, first_profile, second_profile)
        assert_shows_only(second, second_profile, first_profile)

        # Round 1: both change their profile, one right after the other.
        click_radio(first, "Training experience", "trained")
        click_pill(second, "Cleared for heavy lifting")
        first_profile = replace(first_profile, experience="trained")
        second_profile = replace(second_profile, clearance=True)
        assert_shows_only(first, first_profile, second_profile)
        assert_shows_only(second, second_profile, first_profile)

        # Round 2: the same again, now with settings that each brings closer to the other's.
        click_radio(first, "Risk of falling", "high")
        click_radio(second, "Training experience", "trained")
        first_profile = replace(first_profile, falls="high")
        second_profile = replace(second_profile, experience="trained")
        assert_shows_only(first, first_profile, second_profile)
        assert_shows_only(second, second_profile, first_profile)

        # Each link carries its own settings only.
        assert "vf=true" in first.url and "cleared" not in first.url and "joints" not in first.url
        assert "cleared=true" in second.url and "joints=true" in second.url and "vf" not in second.url
    finally:
        first_context.close()
        second_context.close()
