"""Servers and a watched Chromium page for the browser measurements (bench/run.py)."""

from __future__ import annotations

import asyncio
import time
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Awaitable, Callable

from bench.common import CHECK_MS, QUIET_CHECKS, REQUEST_WAIT_S, ROOT, SETTLE_TIMEOUT_S, VIEWPORT
from tests.support.server import CHROMIUM, CHROMIUM_ARGS, StreamlitServer

# --------------------------------------------------------------------------- servers and browser helpers


def script_server(script: Path) -> StreamlitServer:
    """A server for any script (the bare page, or app.py for cold starts), polled every 50 ms."""
    return StreamlitServer(str(script.relative_to(ROOT)), poll_seconds=0.05)


# Installed before any page script, on the page's own clock:
# - t0: the user's input (the first pointerdown or keydown after the harness arms the watcher);
# - sentAt / lastIn: the first message the page sends to the server after t0 (the rerun request;
#   a slider sends it after its debounce) and the last message received from it (the run's end);
# - lastMutation: the last change to the page's DOM (the page drawn, charts included);
# - statusSeen: whether Streamlit's status widget showed (it appears only for runs over 500 ms);
# - markerAt: when the marker element (the title) was first drawn, for cold starts.
WATCHER_JS = """
(() => {
  const STATUS = "[data-testid='stStatusWidget']";
  const MARKER = "__MARKER__";
  const state = window.__bench = {
    armed: false, t0: null, sentAt: null, lastIn: null, lastMutation: null, statusSeen: false, markerAt: null,
  };
  const drawn = (element) => element !== null && element.getClientRects().length > 0;
  new MutationObserver(() => {
    const now = performance.now();
    state.lastMutation = now;
    if (state.markerAt === null && drawn(document.querySelector(MARKER))) state.markerAt = now;
    if (state.t0 !== null && document.querySelector(STATUS) !== null) state.statusSeen = true;
  }).observe(document, {childList: true, subtree: true, attributes: true, characterData: true});
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", () => { state.lastIn = performance.now(); });
    }
    send(data) {
      if (state.t0 !== null && state.sentAt === null) state.sentAt = performance.now();
      return super.send(data);
    }
  };
  const arm = () => {
    if (!state.armed) return;
    Object.assign(state, {armed: false, t0: performance.now(), sentAt: null, statusSeen: false});
  };
  document.addEventListener("pointerdown", arm, true);
  document.addEventListener("keydown", arm, true);
})();
"""
# Busy: a run in progress or code still loading. Stale elements are the ones a running script has
# not redrawn yet; the status widget and skeletons are what tests/browser/test_browser.py waits for.
BUSY = "[data-testid='stStatusWidget'], [data-testid='stSkeleton'], [data-stale='true']"
STATE_JS = (
    "() => ({...window.__bench, busy: document.querySelector(%r) !== null, origin: performance.timeOrigin})" % BUSY
)


def watcher_script(marker: str = "h1") -> str:
    return WATCHER_JS.replace("__MARKER__", marker.replace('"', '\\"'))


@dataclass
class Settled:
    settled_ms: float  # input to the page drawn: the last DOM change or server message before the quiet spell
    run_done_ms: float  # input to the last message from the server (the script run finished)
    status_seen: bool  # whether the status widget showed (runs over 500 ms)
    cpu_ms: float = float("nan")  # the page's main thread busy, in its own CPU time, from arming to settled


CPU_SESSIONS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # page -> its DevTools session


async def main_thread_cpu_ms(page) -> float:
    """The page's main-thread CPU time so far (Chrome's TaskDuration, counted in thread time).

    Wall-clock figures on a shared, loaded machine swing by half; the thread's own CPU time does not count
    the moments other processes held the cores, so it shows what the page costs the browser.
    """
    session = CPU_SESSIONS.get(page)
    if session is None:
        session = CPU_SESSIONS[page] = await page.context.new_cdp_session(page)
        await session.send("Performance.enable", {"timeDomain": "threadTicks"})
    metrics = (await session.send("Performance.getMetrics"))["metrics"]
    return next(metric["value"] for metric in metrics if metric["name"] == "TaskDuration") * 1000


def answered(state: dict) -> bool:
    """The input sent a request and the server has answered since."""
    return (
        state["t0"] is not None
        and state["sentAt"] is not None
        and state["lastIn"] is not None
        and state["lastIn"] > state["sentAt"]
    )


async def wait_quiet(page, after_input: bool, timeout_s: float = SETTLE_TIMEOUT_S) -> dict:
    """Poll until the page is quiet for QUIET_CHECKS checks CHECK_MS apart; return the watcher's state.

    Quiet: nothing busy, and no DOM change and no server message since the previous check. After an
    input, the server must have answered first, so a slow server is never mistaken for a quiet page.
    """
    deadline = time.monotonic() + timeout_s
    quiet, previous = 0, None
    while True:
        state = await page.evaluate(STATE_JS)
        marks = (state["lastMutation"], state["lastIn"])
        still = previous is not None and marks == previous and not state["busy"]
        quiet = quiet + 1 if still and (answered(state) or not after_input) else 0
        if quiet >= QUIET_CHECKS:
            return state
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page did not settle within {timeout_s:.0f} s")
        previous = marks
        await asyncio.sleep(CHECK_MS / 1000)


async def arm(page) -> None:
    await page.evaluate("() => { window.__bench.armed = true; window.__bench.t0 = null; }")


async def settled_since_input(page, cpu_before_ms: float) -> Settled:
    state = await wait_quiet(page, after_input=True)
    return Settled(
        settled_ms=max(state["lastMutation"], state["lastIn"]) - state["t0"],
        run_done_ms=state["lastIn"] - state["t0"],
        status_seen=state["statusSeen"],
        cpu_ms=await main_thread_cpu_ms(page) - cpu_before_ms,
    )


async def request_sent(page, within_s: float = REQUEST_WAIT_S) -> bool:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if (await page.evaluate(STATE_JS))["sentAt"] is not None:
            return True
        await asyncio.sleep(CHECK_MS / 1000)
    return False


async def interact(page, action: Callable[[], Awaitable[None]], attempts: int = 2) -> Settled:
    """Arm the watcher, do the action (a real click or key press), wait until settled.

    A click that lands while the layout shifts can miss its control; then nothing is sent to the
    server, and the action is done once more rather than waiting out the settle timeout.
    """
    for _ in range(attempts):
        cpu_before_ms = await main_thread_cpu_ms(page)
        await arm(page)
        await action()
        if await request_sent(page):
            return await settled_since_input(page, cpu_before_ms)
    raise TimeoutError(f"the action sent nothing to the server in {attempts} attempts")


async def open_settled(page, url: str, marker: str = "h1", timeout_s: float = SETTLE_TIMEOUT_S) -> dict:
    await page.goto(url, wait_until="domcontentloaded", timeout=timeout_s * 1000)
    await page.wait_for_selector(marker, timeout=timeout_s * 1000)
    return await wait_quiet(page, after_input=False, timeout_s=timeout_s)


async def exception_count(page) -> int:
    return await page.locator("[data-testid='stException']").count()


# The controls, as a person uses them.


def segment(page, label: str, option: str) -> Callable[[], Awaitable[None]]:
    async def action() -> None:  # segmented control options are radio buttons
        group = page.locator("[data-testid='stButtonGroup']").filter(has_text=label)
        await group.get_by_role("radio", name=option, exact=True).click()

    return action


def pill(page, label: str, option: str) -> Callable[[], Awaitable[None]]:
    async def action() -> None:  # one option of a row of pills (each a button)
        group = page.locator("[data-testid='stButtonGroup']").filter(has_text=label)
        await group.get_by_role("button", name=option, exact=True).click()

    return action


def search_for(page, label: str, text: str) -> Callable[[], Awaitable[None]]:
    """Type into a text input (fill sends no key or pointer event the watcher counts), then press Enter."""

    async def action() -> None:
        box = page.locator("[data-testid='stTextInput']").filter(has_text=label).locator("input")
        await box.fill(text)
        await box.press("Enter")

    return action


def slider_key(page, label: str | None, key: str) -> Callable[[], Awaitable[None]]:
    """Focus the slider's thumb (no event the watcher counts), then press an arrow key."""

    async def action() -> None:
        sliders = page.locator("[data-testid='stSlider']")
        if label:
            sliders = sliders.filter(has_text=label)
        await sliders.get_by_role("slider").first.focus()
        await page.keyboard.press(key)

    return action


async def launch_chromium(playwright):
    return await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


async def new_watched_page(browser, marker: str = "h1"):
    context = await browser.new_context(viewport=VIEWPORT)
    await context.add_init_script(watcher_script(marker))
    return context, await context.new_page()
