"""Shared fixtures: the project's catalog, every preset's plan and handout, and a real Streamlit server with
Chromium for browser tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from lib.catalog import default_catalog
from lib.handout_pdf import handout_pdf
from lib.planner import build_plan
from lib.profiles import PRESETS
from tests.handout_helpers import FIRST_NAME, START
from tests.support.server import CHROMIUM, CHROMIUM_ARGS, PROJECT_ROOT, StreamlitServer

# Speed is measured in bench/, not asserted in tests: no per-example deadline, which a shared,
# busy machine (or the first example loading the catalog) would trip for no real fault.
settings.register_profile("project", deadline=None)
settings.load_profile("project")

SCREENSHOTS = PROJECT_ROOT / "tests" / "screenshots"


@pytest.fixture(scope="session")
def catalog():
    return default_catalog()


@pytest.fixture(scope="session")
def preset_plans():
    return {key: build_plan(profile) for key, profile in PRESETS.items()}


@pytest.fixture(scope="session")
def preset_handouts(preset_plans, catalog):
    """Every preset's handout, with a plan (and a name and start date) and without."""
    made = {}
    for key, profile in PRESETS.items():
        made[key, True] = handout_pdf(profile, preset_plans[key], FIRST_NAME, catalog, START)
        made[key, False] = handout_pdf(profile, catalog=catalog)
    return made


def _require_chromium() -> None:
    if Path(CHROMIUM).exists() and shutil.which("chromium"):
        return
    message = f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium`."
    if os.environ.get("REQUIRE_BROWSER"):
        pytest.fail(message + " Browser tests are required here (REQUIRE_BROWSER is set).")
    pytest.skip(message + " Browser tests SKIPPED on this machine.")


@pytest.fixture(scope="session")
def chromium():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def server(chromium):
    """One app server for the browser tests (test_browser also starts a fresh one of its own)."""
    running = StreamlitServer()
    yield running
    running.close()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    browser_page = context.new_page()
    yield browser_page
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
