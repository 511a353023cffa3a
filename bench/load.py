"""A workshop's load: many people on the app at once, each clicking through Safe options and the Planner.

Run from the repo root::

    .venv/bin/python bench/load.py                       # 30 sessions, 10 interactions each
    .venv/bin/python bench/load.py --sessions 40 --interactions 12

Starts `streamlit run app.py` on a free loopback port (tests.conftest.StreamlitServer), opens every
session at once as its own browser context in one headless Chromium (async Playwright), and has each
one toggle "Past vertebral fracture" and choose a "Movement pattern" on Safe options, then switch to
the Planner and change "Sessions a week" and the months slider (keyboard), back and forth, with a
short pause between actions as a person would. Reports errors (exception elements, timeouts, failed
actions), interaction latency p50/p95, and the server's memory (VmRSS of the streamlit process).
The table is printed and written under "Load" in bench/results/latest.md.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import os
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Awaitable, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make `lib`, `tests` and `bench` importable

from bench.browser import (  # noqa: E402
    Settled, arm, exception_count, interact, launch_chromium, new_watched_page, open_settled, settled_since_input,
    toggle, wait_quiet,
)
from bench.common import RESULTS, Table, median, percentile, save_tables  # noqa: E402
from tests.support.server import StreamlitServer  # noqa: E402

ACTIONS_PER_VISIT = 3  # interactions on one page before switching to the other, as a presenter would ask
THINK_S = (2.0, 5.0)  # pause before each action: people read the result before they click again
# A room does not open a shared link in the same millisecond: arrivals spread over this many seconds.
# (All 30 first page loads at once also make this one machine's Chromium, not the server, the
# bottleneck: its renderers share the server's 2 cores, unlike 30 people's own laptops.)
ARRIVAL_S = 20
FIRST_LOAD_TIMEOUT_S = 120  # the first visit downloads and compiles Streamlit's frontend
SAMPLE_RSS_S = 0.5  # how often the server's memory is sampled for its peak
PAGES = {"safe": "Safe options", "planner": "Program planner"}  # sidebar link labels
MONTHS_MAX = 24  # the planner's slider range ends here: step back instead of pressing against it
LIST_ATTEMPTS, LIST_WAIT_MS = 3, 5_000  # a multiselect list that does not open is retried, then counted


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)  # settled ms per interaction
    switches: list[float] = field(default_factory=list)  # settled ms per page switch
    exceptions: int = 0  # interactions (or first visits) after which an exception element showed
    failures_first: int = 0  # first visits that showed an exception instead of the page
    timeouts: int = 0
    failures: list[str] = field(default_factory=list)  # other errors, by type and message
    timeout_where: Counter = field(default_factory=Counter)  # which actions timed out

    @property
    def errors(self) -> int:
        return self.exceptions + self.timeouts + len(self.failures)


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


def mib(kib: float) -> str:
    return f"{kib / 1024:.0f}"


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time the process has used so far (/proc/<pid>/stat fields 14 and 15)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs so far, from the first line of /proc/stat."""
    user, nice, system, idle, iowait, *rest = (int(value) for value in Path("/proc/stat").read_text().split()[1:9])
    return user + nice + system + sum(rest), user + nice + system + idle + iowait + sum(rest)


def server_errors(output: str) -> Counter:
    """The last line of every traceback in the server's output: what the exception elements hide."""
    errors: Counter = Counter()
    lines = output.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("Traceback (most recent call last)"):
            following = lines[number + 1:]
            last = next((text for text in following if text and not text.startswith((" ", "Traceback"))), "?")
            errors[last[:160]] += 1
    return errors


# --------------------------------------------------------------------------- one person's actions


async def toggle_fracture(page, step: int) -> Settled:
    return await interact(page, toggle(page, "Past vertebral fracture"))


async def open_list(page, label: str) -> None:
    """Open a multiselect's list from the keyboard, retrying: a click may land while the page scrolls,
    and the list closes on scroll."""
    combobox = page.locator("[data-testid='stMultiSelect']").filter(has_text=label).get_by_role("combobox")
    for _ in range(LIST_ATTEMPTS):
        await combobox.focus()
        await page.keyboard.press("ArrowDown")
        try:
            await page.get_by_role("listbox").wait_for(timeout=LIST_WAIT_MS)
            return
        except Exception:  # noqa: BLE001 - Playwright's timeout: try again
            await page.keyboard.press("Escape")
    raise TimeoutError(f"the {label!r} list did not open")


async def choose_pattern(page, step: int) -> Settled:
    """Pick one of the "Movement pattern" options still offered (chosen ones leave the list)."""
    await open_list(page, "Movement pattern")
    options = page.get_by_role("listbox").get_by_role("option").filter(has_not_text="Select all")
    await options.first.wait_for()  # the list can open a moment before its options are drawn
    option = options.nth(step % await options.count())
    await arm(page)
    await option.click()
    settled = await settled_since_input(page)
    await page.keyboard.press("Escape")
    return settled


async def change_sessions(page, step: int) -> Settled:
    """Click whichever of 2 and 3 is not selected: clicking the selected one would not rerun."""
    group = page.locator("[data-testid='stButtonGroup']").filter(has_text="Sessions a week")
    return await interact(page, group.locator("[role='radio'][aria-checked='false']").first.click)


async def nudge_months(page, step: int) -> Settled:
    thumb = page.locator("[data-testid='stSlider']").filter(has_text="Length (months)").get_by_role("slider").first

    async def press() -> None:  # focusing sends no event the watcher counts; the key press does
        await thumb.focus()
        value = int(await thumb.input_value())
        await page.keyboard.press("ArrowRight" if value < MONTHS_MAX else "ArrowLeft")

    return await interact(page, press)


ACTIONS: dict[str, list[Callable[[object, int], Awaitable[Settled]]]] = {
    "safe": [toggle_fracture, choose_pattern],
    "planner": [change_sessions, nudge_months],
}


async def switch_to(page, name: str) -> Settled:
    return await interact(page, page.locator(".st-key-site-navigation a").filter(has_text=PAGES[name]).first.click)


def page_for(step: int) -> str:
    return "safe" if (step // ACTIONS_PER_VISIT) % 2 == 0 else "planner"


def record_failure(stats: Stats, error: Exception, where: str) -> None:
    if isinstance(error, TimeoutError) or "Timeout" in type(error).__name__:
        stats.timeouts += 1
        # Our own timeouts say what did not happen ("the page did not settle", "the list did not open").
        what = f" ({error})" if isinstance(error, TimeoutError) and str(error).startswith("the ") else ""
        stats.timeout_where[where + what] += 1
    else:
        stats.failures.append(f"{where}: {type(error).__name__}: {str(error).splitlines()[0][:120]}")


async def one_interaction(page, on: str, step: int, stats: Stats) -> None:
    action = ACTIONS[on][step % len(ACTIONS[on])]
    try:
        stats.latencies.append((await action(page, step)).settled_ms)
    except Exception as error:  # noqa: BLE001 - a load test counts every failure, it does not stop
        record_failure(stats, error, action.__name__)
    if await exception_count(page):
        stats.exceptions += 1


async def switch_page(page, on: str, stats: Stats) -> None:
    try:
        stats.switches.append((await switch_to(page, on)).settled_ms)
    except Exception as error:  # noqa: BLE001
        record_failure(stats, error, f"switch to {on}")


async def first_visit(page, url: str, stats: Stats) -> bool:
    """Open Safe options; False (and counted) when it never shows its title."""
    try:
        await open_settled(page, f"{url}/safe-exercises", timeout_s=FIRST_LOAD_TIMEOUT_S)
    except Exception as error:  # noqa: BLE001
        if await exception_count(page):
            stats.exceptions += 1  # the first run failed: an exception element instead of the page
            stats.failures_first += 1
        else:
            record_failure(stats, error, "first visit")
        return False
    await dismiss_dialog(page, stats)
    return True


async def dismiss_dialog(page, stats: Stats) -> None:
    """A modal (Streamlit's "Page not found" on a first deep link) blocks every control: count it, close it."""
    dialog = page.get_by_role("dialog")
    if await dialog.count():
        stats.failures.append("a dialog blocked the page: " + " ".join((await dialog.first.inner_text()).split())[:80])
        await page.keyboard.press("Escape")
        await wait_quiet(page, after_input=False)


async def presenter_check(browser, url: str) -> None:
    """The presenter opens the home page once after starting the server, before sharing links.

    A deep link as the very first request to a fresh server opens Streamlit's "Page not found" dialog
    (see README); the home page does not.
    """
    context, page = await new_watched_page(browser)
    await open_settled(page, f"{url}/")
    await context.close()


async def run_session(browser, url: str, index: int, interactions: int, stats: Stats,
                      arrival_s: float = 0, think: tuple[float, float] = THINK_S) -> None:
    pause = random.Random(index)  # each person has their own rhythm, the same on every run
    await asyncio.sleep(arrival_s)
    context, page = await new_watched_page(browser)
    try:
        if not await first_visit(page, url, stats):
            return
        on = "safe"
        for step in range(interactions):
            if page_for(step) != on:
                on = page_for(step)
                await switch_page(page, on, stats)
            await asyncio.sleep(pause.uniform(*think))
            await one_interaction(page, on, step, stats)
    finally:
        await context.close()


# --------------------------------------------------------------------------- the run


def busy_share(before: tuple[int, int], after: tuple[int, int]) -> float:
    return (after[0] - before[0]) / max(1, after[1] - before[1])


def arrival(index: int, sessions: int) -> float:
    """Seconds after the start at which person `index` opens the link: evenly over ARRIVAL_S."""
    return ARRIVAL_S * index / max(1, sessions - 1)


async def sample_peak(pid: int, peak: list[int], stop: asyncio.Event) -> None:
    while not stop.is_set():
        peak[0] = max(peak[0], rss_kib(pid))
        await asyncio.sleep(SAMPLE_RSS_S)


async def load_run(server: StreamlitServer, sessions: int, interactions: int, think: tuple[float, float]) -> dict:
    from playwright.async_api import async_playwright

    pid = server.process.pid
    figures: dict = {"idle": rss_kib(pid), "think": think}
    async with async_playwright() as playwright:
        browser = await launch_chromium(playwright)
        try:
            await presenter_check(browser, server.url)
            alone = Stats()  # one person alone first: warms the caches and gives the unloaded latency
            await run_session(browser, server.url, -1, 2 * ACTIONS_PER_VISIT, alone, think=think)
            await asyncio.sleep(2)
            figures |= {"alone": alone, "warm": rss_kib(pid)}
            crowd, peak, stop = Stats(), [0], asyncio.Event()
            sampler = asyncio.create_task(sample_peak(pid, peak, stop))
            started, cpu_before, machine_before = time.monotonic(), cpu_seconds(pid), machine_busy()
            people = [run_session(browser, server.url, i, interactions, crowd, arrival(i, sessions), think)
                      for i in range(sessions)]
            await asyncio.gather(*people)
            figures |= {"crowd": crowd, "seconds": time.monotonic() - started, "after": rss_kib(pid),
                        "server_cpu": cpu_seconds(pid) - cpu_before,
                        "machine_busy": busy_share(machine_before, machine_busy())}
            stop.set()
            await sampler
            figures["peak"] = peak[0]
        finally:
            await browser.close()
    return figures


def load_table(figures: dict, sessions: int, interactions: int) -> Table:
    crowd, alone = figures["crowd"], figures["alone"]
    per_session = (figures["peak"] - figures["warm"]) / sessions
    table = Table("Load", [
        "sessions", "interactions", "errors (exception / timeout / other)", "latency p50 ms", "latency p95 ms",
        "alone p50 ms", "page switch p50 ms", "RSS idle / warm / peak / after MiB", "per session MiB",
    ])
    table.rows.append([
        str(sessions), f"{len(crowd.latencies)} of {sessions * interactions}",
        f"{crowd.errors if crowd.errors == 0 else f'**{crowd.errors}**'} "
        f"({crowd.exceptions} / {crowd.timeouts} / {len(crowd.failures)})",
        f"{median(crowd.latencies):.0f}", f"{percentile(crowd.latencies, 0.95):.0f}", f"{median(alone.latencies):.0f}",
        f"{median(crowd.switches):.0f}",
        " / ".join(mib(figures[key]) for key in ("idle", "warm", "peak", "after")), f"{per_session / 1024:.1f}",
    ])
    table.notes += [
        f"{sessions} browser contexts in one headless Chromium on the same {os.cpu_count()}-core "
        f"machine as the server, opening the link over {ARRIVAL_S} s; {interactions} interactions each, "
        f"{ACTIONS_PER_VISIT} on a "
        f"page before switching, {figures['think'][0]:g}-{figures['think'][1]:g} s pause before each. "
        f"Run took {figures['seconds']:.0f} s.",
        "Latency: from the real click or key press to the page settled (see the browser part). 'Alone': one "
        "session on the idle server just before, the floor for these figures.",
        f"Memory: VmRSS of the streamlit process. Idle: started, no session; warm: after one session came and "
        f"went (imports and st.cache_data filled); peak: sampled every {SAMPLE_RSS_S} s during the run; after: "
        "just after the last session closed. Per session = (peak - warm) / sessions.",
        f"CPU: the server process used {figures['server_cpu']:.0f} CPU-seconds of the "
        f"{figures['seconds'] * (os.cpu_count() or 1):.0f} the machine had during the run "
        f"({figures['server_cpu'] / (figures['seconds'] * (os.cpu_count() or 1)):.0%}), while the machine's CPUs "
        f"were {figures['machine_busy']:.0%} busy: the rest went to Chromium's {sessions} renderers "
        "(and anything else on "
        "the machine), so latency here is mostly the test's own browsers; people on their own devices would see "
        "nearer the 'alone' figure plus the server's share.",
        f"Sessions whose first page showed an exception instead of Safe options (and so made no "
        f"interactions): {crowd.failures_first}.",
        "Target: 0 errors.",
    ]
    table.notes += [f"Server traceback ({count}x): {line}" for line, count in figures["server_errors"].most_common(5)]
    table.notes += [f"Error: {failure}" for failure in sorted(set(crowd.failures))[:10]]
    table.notes += [f"Timed out ({count}x): {where}" for where, count in crowd.timeout_where.most_common()]
    if alone.errors:
        table.notes.append(f"The lone session before the crowd had {alone.errors} errors: "
                           + "; ".join(sorted(set(alone.failures))[:3]))
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=30, help="concurrent browser sessions (default 30)")
    parser.add_argument("--interactions", type=int, default=10, help="interactions per session (default 10)")
    parser.add_argument("--think", type=float, nargs=2, default=THINK_S, metavar=("MIN", "MAX"),
                        help=f"seconds of pause before each action (default {THINK_S[0]:g} {THINK_S[1]:g})")
    args = parser.parse_args(argv)
    server = StreamlitServer()
    try:
        figures = asyncio.run(load_run(server, args.sessions, args.interactions, tuple(args.think)))
        figures["server_errors"] = server_errors(server.output())
    finally:
        server.close()
    table = load_table(figures, args.sessions, args.interactions)
    table.notes.append(f"Measured {datetime.datetime.now().isoformat(timespec='seconds')}.")
    print(table.markdown())
    save_tables([table])
    print(f"Written under 'Load' in {RESULTS.relative_to(ROOT)}")
    return 0 if table.rows and figures["crowd"].errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
