"""Measured speed of Bone Loading Lab, as ratios against a bare Streamlit page measured in the same run.

Run from the repo root::

    .venv/bin/python bench/run.py                 # every part, full repetitions
    .venv/bin/python bench/run.py --quick         # fewer repetitions: a smoke run
    .venv/bin/python bench/run.py --part server   # one part: server, browser, cold, planner or handout
    .venv/bin/python bench/run.py --profile program   # cProfile of reruns of one page (url path)
    .venv/bin/python bench/run.py --quick --page exercise-library   # server and browser parts, one page

Parts:
  server   median wall time of an AppTest rerun after a widget change, for every page, next to
           bench/bare_app.py, interleaved so both share the machine's noise.
  browser  `streamlit run` + Chromium: from changing a control to the page settled, for Safe options,
           the Planner and the Exercise library, next to the bare page's slider.
  cold     from launching `streamlit run` to the home page drawn and settled in Chromium.
  planner  lib.planner.build_plan for a 24-month, 3-session plan.
  handout  lib.handout_pdf.handout_pdf: the client sheet as PDF, with and without a plan.

Every server listens on 127.0.0.1 only; nothing leaves the machine. Results are printed as Markdown
tables and written, with the machine's description, to bench/results/latest.md.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Awaitable, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: `lib`, `tests`, `bench` importable

from bench.browser import (
    Settled,
    exception_count,
    interact,
    launch_chromium,
    new_watched_page,
    open_settled,
    pill,
    script_server,
    search_for,
    segment,
    slider_key,
)
from bench.common import (
    BARE_APP,
    BROWSER_MAX_RATIO,
    CHECK_MS,
    COLD_MAX_RATIO,
    FULL,
    PLANNER_MAX_MS,
    QUICK,
    QUIET_CHECKS,
    RESULTS,
    ROOT,
    Reps,
    Table,
    machine_header,
    median,
    percentile,
    save_tables,
    verdict,
)
from bench.server_reruns import profile_page, server_part
from tests.support.server import StreamlitServer

# --------------------------------------------------------------------------- part b: browser interactions


BARE_MARKER = "[data-testid='stSlider']"  # the bare page has no title: its slider is what gets drawn


@dataclass
class Control:
    """A control on an open page, and the actions that flip it one way and back."""

    name: str
    page: object
    actions: list[Callable[[], Awaitable[None]]]
    samples: list[Settled] = field(default_factory=list)


# The control timed on each app page, as a person uses it: its name and its actions on the open page.
APP_CONTROLS: dict[str, tuple[str, Callable[[object], list[Callable[[], Awaitable[None]]]]]] = {
    "safe-exercises": (
        "Safe options: Past vertebral fracture on/off",
        lambda page: [pill(page, "Also applies", "Past vertebral fracture")] * 2,
    ),
    "program": (
        "Planner: Sessions a week 2/3",
        lambda page: [segment(page, "Sessions a week", "2"), segment(page, "Sessions a week", "3")],
    ),
    "exercise-library": (
        "Exercise library: search squat / all",
        lambda page: [search_for(page, "Search", "squat"), search_for(page, "Search", "")],
    ),
}


async def browser_controls(browser, app_url: str, bare_url: str, only: str | None = None) -> tuple[list[Control], list]:
    """The bare page's slider, then each app page's control (only=URL_PATH: that page's alone)."""
    app_context, first = await new_watched_page(browser)
    await open_settled(first, f"{app_url}/")  # first request: the home page (see README on deep links)
    bare_context, bare = await new_watched_page(browser, BARE_MARKER)
    await open_settled(bare, bare_url, BARE_MARKER)
    controls = [
        Control(
            "bare page: slider, arrow key",
            bare,
            [slider_key(bare, None, "ArrowRight"), slider_key(bare, None, "ArrowLeft")],
        )
    ]
    for index, url_path in enumerate([only] if only is not None else APP_CONTROLS):
        page = first if index == 0 else await app_context.new_page()
        await open_settled(page, f"{app_url}/{url_path}")
        name, actions = APP_CONTROLS[url_path]
        controls.append(Control(name, page, actions(page)))
    return controls, [app_context, bare_context]


async def run_browser_rounds(controls: list[Control], reps: Reps) -> None:
    """One interaction per control per round, so all controls share the same moment's noise."""
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


async def browser_measure(reps: Reps, only: str | None = None) -> list[Control]:
    from playwright.async_api import async_playwright

    app_server, bare_server = StreamlitServer(), script_server(BARE_APP)
    try:
        async with async_playwright() as playwright:
            browser = await launch_chromium(playwright)
            try:
                controls, contexts = await browser_controls(browser, app_server.url, bare_server.url, only)
                await run_browser_rounds(controls, reps)
                for context in contexts:
                    await context.close()
            finally:
                await browser.close()
    finally:
        app_server.close()
        bare_server.close()
    return controls


def browser_part(reps: Reps, only: str | None = None) -> Table:
    controls = asyncio.run(browser_measure(reps, only))
    bare_settled = median([s.settled_ms for s in controls[0].samples])
    bare_done = median([s.run_done_ms for s in controls[0].samples])
    bare_cpu = median([s.cpu_ms for s in controls[0].samples])
    table = Table(
        "Browser: from changing a control to the page settled (streamlit run + Chromium)",
        [
            "control",
            "settled ms (median)",
            "ratio vs bare",
            "run finished ms (median)",
            "ratio vs bare",
            "main-thread CPU ms (median)",
            "ratio vs bare",
            "status widget shown",
            f"target (settled <= {BROWSER_MAX_RATIO:g}x bare)",
        ],
    )
    for control in controls:
        settled = median([s.settled_ms for s in control.samples])
        done = median([s.run_done_ms for s in control.samples])
        cpu = median([s.cpu_ms for s in control.samples])
        shown = sum(s.status_seen for s in control.samples)
        table.rows.append(
            [
                control.name,
                f"{settled:.0f}",
                f"{settled / bare_settled:.2f}x",
                f"{done:.0f}",
                f"{done / bare_done:.2f}x",
                f"{cpu:.0f}",
                f"{cpu / bare_cpu:.2f}x",
                f"{shown} of {len(control.samples)}",
                verdict(settled / bare_settled <= BROWSER_MAX_RATIO),
            ]
        )
    table.notes += [
        f"{reps.browser} interactions per control after {reps.warmups} warm-ups, one per control per round.",
        "Timed on the page's clock from the real pointerdown/keydown. Settled: the last DOM change or server "
        f"message before {QUIET_CHECKS} quiet checks {CHECK_MS} ms apart (no status widget, skeleton or stale "
        "element, nothing new). Run finished: the last message from the server.",
        "Streamlit shows its status widget only when a run lasts over 500 ms (then fades it out over 200 ms), "
        "so 'status widget gone' is not measurable on fast runs; 'run finished' stands in for it.",
        "Main-thread CPU: the page's renderer main thread busy from arming to settled, in its own CPU time "
        "(Chrome's TaskDuration), the harness's polls included: it holds steadier than the wall-clock figures "
        "when other processes share the cores. The target stays on 'settled'.",
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
    table = Table(
        "Cold start: `streamlit run` to the first page drawn and settled",
        ["app", "median ms", "runs (ms)", "ratio vs bare", f"target (<= {COLD_MAX_RATIO:g}x)"],
    )
    for name, values in times.items():
        ratio = median(values) / bare
        table.rows.append(
            [
                name,
                f"{median(values):.0f}",
                ", ".join(f"{v:.0f}" for v in values),
                f"{ratio:.2f}x",
                verdict(ratio <= COLD_MAX_RATIO),
            ]
        )
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
    table = Table(
        "Planner: lib.planner.build_plan, 24 months, 3 sessions a week",
        ["calls", "median ms", "p95 ms", f"target (well under {PLANNER_MAX_MS:g} ms)"],
    )
    table.rows.append(
        [
            str(reps.planner),
            f"{median(times):.1f}",
            f"{percentile(times, 0.95):.1f}",
            verdict(median(times) < PLANNER_MAX_MS / 2),
        ]
    )
    table.notes.append(f"'Well under' read as under half the target ({PLANNER_MAX_MS / 2:g} ms).")
    return table


# --------------------------------------------------------------------------- part e: handout


def handout_part(reps: Reps) -> Table:
    """The sheet a clinic worker waits for after pressing the handout button. The frail-faller preset's plan at
    3 x 12 months x 45 minutes is the hardest to fit (11 week-1 exercises), so its layout tries the most drawings."""
    from lib.catalog import default_catalog
    from lib.handout_pdf import handout_pdf
    from lib.planner import build_plan
    from lib.profiles import PRESETS

    catalog, profile = default_catalog(), PRESETS["frail-faller"]
    sheets = {
        "frail-faller preset, no plan (Safe options)": None,
        "frail-faller preset, plan 3 x 12 months x 45 min (Planner)": build_plan(profile, 3, 12, 45, catalog=catalog),
    }
    table = Table("Client handout: lib.handout_pdf.handout_pdf", ["sheet", "PDFs made", "median ms", "slowest ms"])
    for name, plan in sheets.items():
        handout_pdf(profile, plan, "Ann", catalog, dt.date(2026, 1, 5))  # warm-up: fonts and drawings cached
        times = []
        for _ in range(reps.handout):
            start = time.perf_counter()
            handout_pdf(profile, plan, "Ann", catalog, dt.date(2026, 1, 5))
            times.append((time.perf_counter() - start) * 1000)
        table.rows.append([name, str(reps.handout), f"{median(times):.0f}", f"{max(times):.0f}"])
    table.notes.append(
        "No target is set: no issue names one. Watch it against earlier runs on a quiet machine; the layout measures "
        "trial drawings to keep every caution's reason (lib/handout_pdf.py), which costs time."
    )
    return table


# --------------------------------------------------------------------------- command line

PARTS: dict[str, Callable[..., Table]] = {
    "server": server_part,
    "browser": browser_part,
    "cold": cold_part,
    "planner": planner_part,
    "handout": handout_part,
}
PAGE_PARTS = ["server", "browser"]  # the parts that --page narrows to one page


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, for a smoke run")
    parser.add_argument("--part", choices=list(PARTS), help="run only this part")
    parser.add_argument("--profile", metavar="URL_PATH", help="print a cProfile of reruns of this page and exit")
    parser.add_argument(
        "--page",
        metavar="URL_PATH",
        choices=list(APP_CONTROLS),
        help="server and browser parts for this page alone, beside the bare page",
    )
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    if args.profile:
        print(profile_page(args.profile))
        return 0
    reps = QUICK if args.quick else FULL
    tables = []
    names = [args.part] if args.part else PAGE_PARTS if args.page else list(PARTS)
    for name in names:
        print(f"Running part: {name} ...", flush=True)
        tables.append(PARTS[name](reps, args.page) if name in PAGE_PARTS else PARTS[name](reps))
        tables[-1].notes.append(
            f"Measured {dt.datetime.now().isoformat(timespec='seconds')}, {'quick' if args.quick else 'full'} run."
        )
        print(tables[-1].markdown(), flush=True)
    if args.page:  # one page's figures would replace the whole server and browser tables
        print(f"Not written to {RESULTS.relative_to(ROOT)}: --page measures one page only.")
        return 0
    save_tables(tables, machine_header("quick (smoke)" if args.quick else "full"))
    print(f"Written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
