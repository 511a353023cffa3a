"""Measured speed of Bone Loading Lab, as ratios against a bare Streamlit page measured in the same run.

Run from the repo root::

    .venv/bin/python bench/run.py                 # every part, full repetitions
    .venv/bin/python bench/run.py --quick         # fewer repetitions: a smoke run
    .venv/bin/python bench/run.py --part server   # one part: server, browser, cold or planner
    .venv/bin/python bench/run.py --profile program   # cProfile of reruns of one page (url path)

Parts:
  server   median wall time of an AppTest rerun after a widget change, for every page, next to
           bench/bare_app.py, interleaved so both share the machine's noise.
  browser  `streamlit run` + Chromium: from changing a control to the page settled, for Safe options
           and the Planner, next to the bare page's slider.
  cold     from launching `streamlit run` to the home page drawn and settled in Chromium.
  planner  lib.planner.build_plan for a 24-month, 3-session plan.

Every server listens on 127.0.0.1 only; nothing leaves the machine. Results are printed as Markdown
tables and written, with the machine's description, to bench/results/latest.md.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import datetime as dt
import io
import os
import platform
import pstats
import random
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Awaitable, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make `lib`, `tests` and `bench` importable
# Every server started here inherits this (.streamlit/config.toml says the same): with the file watcher
# on, an edit to the app's code during a run makes Streamlit re-import modules mid-measurement.
os.environ.setdefault("STREAMLIT_SERVER_FILE_WATCHER_TYPE", "none")

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, StreamlitServer  # noqa: E402

BARE_APP = ROOT / "bench" / "bare_app.py"
RESULTS = ROOT / "bench" / "results" / "latest.md"

# Targets from issue 7.
SERVER_MAX_RATIO, SERVER_MAX_MS = 3.0, 100.0  # a rerun within 3x a bare page and under 100 ms
BROWSER_MAX_RATIO = 1.5  # what a person feels: within 1.5x a bare page
COLD_MAX_RATIO = 1.5
PLANNER_MAX_MS = 50.0  # "well under 50 ms": room for the charts on top

# Settled: nothing busy for QUIET_CHECKS checks CHECK_MS apart (as tests/browser/test_browser.py waits).
QUIET_CHECKS, CHECK_MS = 4, 100
SETTLE_TIMEOUT_S = 60  # generous: a shared 2-core machine under load can stall for seconds
REQUEST_WAIT_S = 10  # a control sends its change at once (a slider after a short debounce): else it missed
VIEWPORT = {"width": 1280, "height": 800}


@dataclass(frozen=True)
class Reps:
    """How many times each part repeats: full runs for figures, quick runs for a smoke test."""

    warmups: int = 3  # first runs fill st.cache_data and import lazily loaded modules
    server: int = 20  # AppTest reruns per page
    browser: int = 10  # interactions per control
    cold: int = 3  # cold starts per app
    planner: int = 50  # build_plan calls


FULL = Reps()
QUICK = Reps(warmups=2, server=6, browser=4, cold=1, planner=10)


# --------------------------------------------------------------------------- tables and results


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        lines = [f"## {self.title}", "", "| " + " | ".join(self.header) + " |",
                 "|" + "|".join("---" for _ in self.header) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        lines += [""] + [f"- {note}" for note in self.notes]
        return "\n".join(lines).rstrip() + "\n"


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (share 0.95 for p95)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def verdict(ok: bool) -> str:
    return "meets" if ok else "**misses**"


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def machine_header(mode: str) -> str:
    import streamlit

    return "\n".join([
        "# Bone Loading Lab: measured speed",
        "",
        f"- Date: {dt.datetime.now().isoformat(timespec='seconds')}",
        f"- Machine: nproc {os.cpu_count()} ({subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()}"
        f" available), CPU {cpu_model()}",
        f"- Python {platform.python_version()}, Streamlit {streamlit.__version__}",
        f"- Last written by a {mode} run; each table says when it was measured. Figures are medians on a shared"
        " machine: read the ratios against the bare page (bench/bare_app.py) measured in the same run, not the"
        " milliseconds alone.",
        "",
    ])


def split_sections(text: str) -> tuple[str, dict[str, str]]:
    """The text before the first "## " heading, and each "## " section by its title, in order."""
    head, *sections = text.split("\n## ")
    return head, {section.split("\n", 1)[0]: "## " + section.rstrip() + "\n" for section in sections}


def save_tables(tables: list[Table], header: str | None = None) -> None:
    """Write tables into bench/results/latest.md, replacing their sections and keeping the others.

    So `--part cold` refreshes the cold-start table only, and bench/load.py's "Load" section stays.
    """
    old_head, sections = split_sections(RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "")
    for table in tables:
        sections[table.title] = table.markdown()
    head = header or old_head or "# Bone Loading Lab: measured speed\n"
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(head.rstrip() + "\n\n" + "\n".join(sections.values()), encoding="utf-8")


# --------------------------------------------------------------------------- part a: server reruns


@dataclass
class Scenario:
    """One page in AppTest and the widget change that triggers each timed rerun."""

    name: str
    open: Callable[[], object]  # returns a ready AppTest
    change: Callable[[object, int], None]  # sets a widget for rerun number i (no-op on pages without widgets)
    what: str


def no_change(at, i: int) -> None:
    """Pages without widgets: the rerun itself is what a visitor waits for."""


def bare_change(at, i: int) -> None:
    at.slider(key="value").set_value(40 if i % 2 else 60)


def open_bare():
    from streamlit.testing.v1 import AppTest

    return AppTest.from_file(str(BARE_APP), default_timeout=30).run()


def page_opener(url_path: str) -> Callable[[], object]:
    def open_it():
        from tests.apptest_helpers import open_page

        return open_page(url_path)

    return open_it


def toggle_topics(at, i: int) -> None:
    """The practice quiz's lesson filter holds lesson slugs (it shows their titles)."""
    from lib.catalog import default_catalog

    at.multiselect(key="topics").set_value([default_catalog().lessons[0].slug] if i % 2 == 0 else [])


def click_button(label: str) -> Callable[[object, int], None]:
    def change(at, i: int) -> None:
        next(button for button in at.button if button.label == label).click()

    return change


# The widget each page's timed reruns change; pages not listed have no widget of their own (the
# sidebar's presenter toggle restyles the whole app, so it is left alone) and just rerun.
PAGE_CHANGES: dict[str, tuple[Callable[[object, int], None], str]] = {
    "safe-exercises": (lambda at, i: at.toggle(key="vf").set_value(i % 2 == 0), "toggle `vf`"),
    "program": (lambda at, i: at.slider(key="months").set_value(18 if i % 2 == 0 else 12), "slider `months` 12/18"),
    "learn-impact-forces": (lambda at, i: at.select_slider(key="oi_load").set_value(2.0 if i % 2 == 0 else 4.0),
                            "select_slider `oi_load` 2.0/4.0"),
    "study-practice": (lambda at, i: toggle_topics(at, i), "multiselect `topics`"),
    "study-exam": (lambda at, i: at.segmented_control(key="length").set_value(10 if i % 2 == 0 else 20),
                   "segmented control `length` 10/20"),
    "study-flashcards": (click_button("Next"), "button Next"),
    "study-glossary": (lambda at, i: at.text_input(key="find").set_value("bone" if i % 2 == 0 else ""),
                       "text_input `find`"),
    "client-cases": (lambda at, i: at.selectbox(key="case").select_index(i % 2), "selectbox `case`"),
}


def app_url_paths() -> list[str]:
    """Every page app.py's navigation registers, in its order, by the url_path open_page() takes.

    Read from a real run (AppTest) rather than from pages/site_map.py's layout, which changes. The
    default page is registered with an empty URL; its url_path is found among site_map's strings.
    """
    from streamlit.util import calc_hash

    from tests.apptest_helpers import app

    registered = app().run()._registered_pages  # noqa: SLF001 - page hash -> page info
    words = re.findall(r"[\"']([\w-]+)[\"']", (ROOT / "pages" / "site_map.py").read_text(encoding="utf-8"))
    by_hash = {calc_hash(word): word for word in words}
    return [info["url_pathname"] or by_hash.get(page_hash, "") for page_hash, info in registered.items()]


def server_scenarios() -> list[Scenario]:
    scenarios = [Scenario("bare page", open_bare, bare_change, "slider")]
    for url_path in app_url_paths():
        change, what = PAGE_CHANGES.get(url_path, (no_change, "rerun (no widget)"))
        scenarios.append(Scenario(url_path, page_opener(url_path), change, what))
    return scenarios


def timed_rerun(scenario: Scenario, at, i: int) -> float:
    scenario.change(at, i)
    start = time.perf_counter()
    at.run()
    elapsed = (time.perf_counter() - start) * 1000
    if at.exception:
        raise RuntimeError(f"{scenario.name}: exception on rerun: {at.exception[0].value}")
    return elapsed


def measure_reruns(scenarios: list[Scenario], reps: Reps) -> tuple[dict[str, list[float]], dict[str, str]]:
    """Round-robin over the pages in a fresh random order each round, so every page shares the noise.

    A page that raises is dropped from later rounds and reported, so one broken page does not hide the
    figures of the others.
    """
    tests = {scenario.name: scenario.open() for scenario in scenarios}
    times: dict[str, list[float]] = {scenario.name: [] for scenario in scenarios}
    failed: dict[str, str] = {}
    order = list(scenarios)
    shuffler = random.Random(7)  # fixed seed: runs are comparable
    for round_number in range(reps.warmups + reps.server):
        shuffler.shuffle(order)
        for scenario in (s for s in order if s.name not in failed):
            try:
                elapsed = timed_rerun(scenario, tests[scenario.name], round_number)
            except Exception as error:  # noqa: BLE001 - reported in the table
                failed[scenario.name] = f"{type(error).__name__}: {error}"[:200]
                continue
            if round_number >= reps.warmups:
                times[scenario.name].append(elapsed)
    return times, failed


def server_part(reps: Reps) -> Table:
    scenarios = server_scenarios()
    times, failed = measure_reruns(scenarios, reps)
    bare = median(times["bare page"])
    table = Table(
        "Server: rerun after a widget change (AppTest)",
        ["page", "change", "median ms", "ratio vs bare",
         f"target (<= {SERVER_MAX_RATIO:g}x and <= {SERVER_MAX_MS:g} ms)"],
    )
    for scenario in scenarios:
        if scenario.name in failed:
            table.rows.append([scenario.name, scenario.what, "error", "-", "**fails**"])
            continue
        page_median = median(times[scenario.name])
        ratio = page_median / bare
        ok = ratio <= SERVER_MAX_RATIO and page_median <= SERVER_MAX_MS
        table.rows.append([scenario.name, scenario.what, f"{page_median:.1f}", f"{ratio:.1f}x", verdict(ok)])
    table.notes.append(f"{reps.server} timed reruns per page after {reps.warmups} warm-ups, "
                       "interleaved in random order.")
    table.notes.append("AppTest runs the script in-process: server time only, no network and no browser. AppTest "
                       "also recompiles the scripts on every run (a served app compiles them once), about 1-2 ms.")
    table.notes += [f"{name}: {problem}" for name, problem in failed.items()]
    return table


def profile_page(url_path: str, reruns: int = 20, top: int = 30) -> str:
    """cProfile of `reruns` widget-change reruns of one page, sorted by cumulative and own time.

    AppTest runs the script in a thread of its own, which cProfile would not see from here: the
    profiler is switched on inside that thread, around each run.
    """
    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

    scenario = next(s for s in server_scenarios() if s.name == url_path)
    at = scenario.open()
    for i in range(3):
        timed_rerun(scenario, at, i)
    profiler = cProfile.Profile()
    original = ScriptRunner._run_script_thread  # noqa: SLF001

    def profiled(runner: ScriptRunner) -> None:
        profiler.enable()
        try:
            original(runner)
        finally:
            profiler.disable()

    ScriptRunner._run_script_thread = profiled  # noqa: SLF001
    try:
        for i in range(reruns):
            timed_rerun(scenario, at, i + 3)
    finally:
        ScriptRunner._run_script_thread = original  # noqa: SLF001
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


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
STATE_JS = ("() => ({...window.__bench, busy: document.querySelector(%r) !== null, "
            "origin: performance.timeOrigin})" % BUSY)


def watcher_script(marker: str = "h1") -> str:
    return WATCHER_JS.replace("__MARKER__", marker.replace('"', '\\"'))


@dataclass
class Settled:
    settled_ms: float  # input to the page drawn: the last DOM change or server message before the quiet spell
    run_done_ms: float  # input to the last message from the server (the script run finished)
    status_seen: bool  # whether the status widget showed (runs over 500 ms)


def answered(state: dict) -> bool:
    """The input sent a request and the server has answered since."""
    return (state["t0"] is not None and state["sentAt"] is not None and state["lastIn"] is not None
            and state["lastIn"] > state["sentAt"])


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


async def settled_since_input(page) -> Settled:
    state = await wait_quiet(page, after_input=True)
    return Settled(settled_ms=max(state["lastMutation"], state["lastIn"]) - state["t0"],
                   run_done_ms=state["lastIn"] - state["t0"], status_seen=state["statusSeen"])


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
        await arm(page)
        await action()
        if await request_sent(page):
            return await settled_since_input(page)
    raise TimeoutError(f"the action sent nothing to the server in {attempts} attempts")


async def open_settled(page, url: str, marker: str = "h1", timeout_s: float = SETTLE_TIMEOUT_S) -> dict:
    await page.goto(url, wait_until="domcontentloaded", timeout=timeout_s * 1000)
    await page.wait_for_selector(marker, timeout=timeout_s * 1000)
    return await wait_quiet(page, after_input=False, timeout_s=timeout_s)


async def exception_count(page) -> int:
    return await page.locator("[data-testid='stException']").count()


# The controls, as a person uses them.

def toggle(page, label: str) -> Callable[[], Awaitable[None]]:
    async def action() -> None:  # the switch input itself is visually hidden: click its label
        await page.locator("[data-testid='stCheckbox']").filter(has_text=label).locator("label").first.click()

    return action


def segment(page, label: str, option: str) -> Callable[[], Awaitable[None]]:
    async def action() -> None:  # segmented control options are radio buttons
        group = page.locator("[data-testid='stButtonGroup']").filter(has_text=label)
        await group.get_by_role("radio", name=option, exact=True).click()

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


# --------------------------------------------------------------------------- part b: browser interactions


BARE_MARKER = "[data-testid='stSlider']"  # the bare page has no title: its slider is what gets drawn


@dataclass
class Control:
    """A control on an open page, and the actions that flip it one way and back."""

    name: str
    page: object
    actions: list[Callable[[], Awaitable[None]]]
    samples: list[Settled] = field(default_factory=list)


async def browser_controls(browser, app_url: str, bare_url: str) -> tuple[list[Control], list]:
    app_context, safe = await new_watched_page(browser)
    await open_settled(safe, f"{app_url}/")  # first request: the home page (see README on deep links)
    await open_settled(safe, f"{app_url}/safe-exercises")
    planner = await app_context.new_page()
    await open_settled(planner, f"{app_url}/program")
    bare_context, bare = await new_watched_page(browser, BARE_MARKER)
    await open_settled(bare, bare_url, BARE_MARKER)
    controls = [
        Control("bare page: slider, arrow key", bare,
                [slider_key(bare, None, "ArrowRight"), slider_key(bare, None, "ArrowLeft")]),
        Control("Safe options: toggle Past vertebral fracture", safe,
                [toggle(safe, "Past vertebral fracture")] * 2),
        Control("Planner: Sessions a week 2/3", planner,
                [segment(planner, "Sessions a week", "2"), segment(planner, "Sessions a week", "3")]),
    ]
    return controls, [app_context, bare_context]


async def run_browser_rounds(controls: list[Control], reps: Reps) -> None:
    """One interaction per control per round, so all three share the same moment's noise."""
    for round_number in range(reps.warmups + reps.browser):
        for control in controls:
            await control.page.bring_to_front()
            try:
                sample = await interact(control.page, control.actions[round_number % len(control.actions)])
            except TimeoutError as error:
                raise TimeoutError(f"{control.name}, round {round_number}: {error}") from error
            if await exception_count(control.page):
                raise RuntimeError(f"{control.name}: an exception is shown")
            if round_number >= reps.warmups:
                control.samples.append(sample)


async def browser_measure(reps: Reps) -> list[Control]:
    from playwright.async_api import async_playwright

    app_server, bare_server = StreamlitServer(), script_server(BARE_APP)
    try:
        async with async_playwright() as playwright:
            browser = await launch_chromium(playwright)
            try:
                controls, contexts = await browser_controls(browser, app_server.url, bare_server.url)
                await run_browser_rounds(controls, reps)
                for context in contexts:
                    await context.close()
            finally:
                await browser.close()
    finally:
        app_server.close()
        bare_server.close()
    return controls


def browser_part(reps: Reps) -> Table:
    controls = asyncio.run(browser_measure(reps))
    bare_settled = median([s.settled_ms for s in controls[0].samples])
    bare_done = median([s.run_done_ms for s in controls[0].samples])
    table = Table(
        "Browser: from changing a control to the page settled (streamlit run + Chromium)",
        ["control", "settled ms (median)", "ratio vs bare", "run finished ms (median)", "ratio vs bare",
         "status widget shown", f"target (settled <= {BROWSER_MAX_RATIO:g}x bare)"],
    )
    for control in controls:
        settled = median([s.settled_ms for s in control.samples])
        done = median([s.run_done_ms for s in control.samples])
        shown = sum(s.status_seen for s in control.samples)
        table.rows.append([control.name, f"{settled:.0f}", f"{settled / bare_settled:.2f}x", f"{done:.0f}",
                           f"{done / bare_done:.2f}x", f"{shown} of {len(control.samples)}",
                           verdict(settled / bare_settled <= BROWSER_MAX_RATIO)])
    table.notes += [
        f"{reps.browser} interactions per control after {reps.warmups} warm-ups, one per control per round.",
        "Timed on the page's clock from the real pointerdown/keydown. Settled: the last DOM change or server "
        f"message before {QUIET_CHECKS} quiet checks {CHECK_MS} ms apart (no status widget, skeleton or stale "
        "element, nothing new). Run finished: the last message from the server.",
        "Streamlit shows its status widget only when a run lasts over 500 ms (then fades it out over 200 ms), "
        "so 'status widget gone' is not measurable on fast runs; 'run finished' stands in for it.",
    ]
    return table


# --------------------------------------------------------------------------- part c: cold start


async def cold_start(browser, script: Path, url_path: str, marker: str) -> float:
    """ms from launching `streamlit run` to the page's marker drawn and the page settled."""
    context, page = await new_watched_page(browser, marker)
    launched_ms = time.time() * 1000
    server = script_server(script)
    try:
        state = await open_settled(page, f"{server.url}/{url_path}", marker)
        if await exception_count(page):
            raise RuntimeError(f"{script.name}: an exception is shown on the first page")
        drawn = max(state["markerAt"], state["lastMutation"], state["lastIn"] or 0)
        return state["origin"] + drawn - launched_ms
    finally:
        await context.close()
        server.close()


async def cold_measure(reps: Reps) -> dict[str, list[float]]:
    from playwright.async_api import async_playwright

    targets = {"bare page": (BARE_APP, "", BARE_MARKER), "Bone Loading Lab (home)": (ROOT / "app.py", "", "h1")}
    times: dict[str, list[float]] = {name: [] for name in targets}
    async with async_playwright() as playwright:
        browser = await launch_chromium(playwright)
        try:
            for _ in range(reps.cold):
                for name, (script, url_path, marker) in targets.items():
                    times[name].append(await cold_start(browser, script, url_path, marker))
        finally:
            await browser.close()
    return times


def cold_part(reps: Reps) -> Table:
    times = asyncio.run(cold_measure(reps))
    bare = median(times["bare page"])
    table = Table("Cold start: `streamlit run` to the first page drawn and settled",
                  ["app", "median ms", "runs (ms)", "ratio vs bare", f"target (<= {COLD_MAX_RATIO:g}x)"])
    for name, values in times.items():
        ratio = median(values) / bare
        table.rows.append([name, f"{median(values):.0f}", ", ".join(f"{v:.0f}" for v in values), f"{ratio:.2f}x",
                           verdict(ratio <= COLD_MAX_RATIO)])
    table.notes += [
        f"Median of {reps.cold}, alternating app and bare page; Chromium is already running.",
        "From Popen to the title (the bare page: its slider) drawn, the last DOM change and server message "
        f"before {QUIET_CHECKS} quiet checks {CHECK_MS} ms apart; the epoch clock on both sides.",
    ]
    return table


# --------------------------------------------------------------------------- part d: planner


def planner_part(reps: Reps) -> Table:
    from lib.catalog import default_catalog
    from lib.planner import build_plan
    from lib.profiles import Profile

    catalog = default_catalog()
    profile = Profile(bone="osteoporosis", experience="trained", clearance=True)  # the longest plan: heavy phase
    build_plan(profile, 3, 24, catalog=catalog)  # warm-up: imports and the catalog's cached properties
    times = []
    for _ in range(reps.planner):
        start = time.perf_counter()
        build_plan(profile, 3, 24, catalog=catalog)
        times.append((time.perf_counter() - start) * 1000)
    table = Table("Planner: lib.planner.build_plan, 24 months, 3 sessions a week",
                  ["calls", "median ms", "p95 ms", f"target (well under {PLANNER_MAX_MS:g} ms)"])
    table.rows.append([str(reps.planner), f"{median(times):.1f}", f"{percentile(times, 0.95):.1f}",
                       verdict(median(times) < PLANNER_MAX_MS / 2)])
    table.notes.append(f"'Well under' read as under half the target ({PLANNER_MAX_MS / 2:g} ms).")
    return table


# --------------------------------------------------------------------------- command line

PARTS: dict[str, Callable[[Reps], Table]] = {
    "server": server_part, "browser": browser_part, "cold": cold_part, "planner": planner_part,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, for a smoke run")
    parser.add_argument("--part", choices=list(PARTS), help="run only this part")
    parser.add_argument("--profile", metavar="URL_PATH", help="print a cProfile of reruns of this page and exit")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    if args.profile:
        print(profile_page(args.profile))
        return 0
    reps = QUICK if args.quick else FULL
    tables = []
    for name in [args.part] if args.part else list(PARTS):
        print(f"Running part: {name} ...", flush=True)
        tables.append(PARTS[name](reps))
        tables[-1].notes.append(f"Measured {dt.datetime.now().isoformat(timespec='seconds')}, "
                                f"{'quick' if args.quick else 'full'} run.")
        print(tables[-1].markdown(), flush=True)
    save_tables(tables, machine_header("quick (smoke)" if args.quick else "full"))
    print(f"Written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
