"""Shared fixtures: the project's catalog, and a real Streamlit server with Chromium for browser tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from hypothesis import settings

from lib.catalog import default_catalog

# Speed is measured in bench/, not asserted in tests: no per-example deadline, which a shared,
# busy machine (or the first example loading the catalog) would trip for no real fault.
settings.register_profile("project", deadline=None)
settings.load_profile("project")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# Debian's Chromium as root in a closed network: no sandbox, no background connections.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]
SCREENSHOTS = PROJECT_ROOT / "tests" / "screenshots"


@pytest.fixture(scope="session")
def catalog():
    return default_catalog()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StreamlitServer:
    """`python serve.py SCRIPT` (`streamlit run`, the app by default) on a free loopback port, stopped on close.

    The benchmark polls for health more often (poll_seconds) so a cold start is not rounded up.
    """

    def __init__(self, script: str = "app.py", poll_seconds: float = 0.3) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.poll_seconds = poll_seconds
        self.log = tempfile.NamedTemporaryFile("w+", prefix="streamlit-server-", suffix=".log", delete=False)
        self.process = subprocess.Popen(
            [sys.executable, "serve.py", script, "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=PROJECT_ROOT, stdout=self.log, stderr=subprocess.STDOUT,
        )
        self._wait_healthy()

    def _wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.read() == b"ok":
                        return
            except OSError:
                time.sleep(self.poll_seconds)
        self.close()
        raise RuntimeError(f"Streamlit did not become healthy on {self.url}")

    def output(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
        Path(self.log.name).unlink(missing_ok=True)


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
