"""Part a of the benchmark: AppTest reruns of every page after a widget change, next to the bare page."""

from __future__ import annotations

import contextlib
import cProfile
import io
import pstats
import random
import re
import time
from dataclasses import dataclass
from typing import Callable

from bench.common import BARE_APP, ROOT, SERVER_MAX_MS, SERVER_MAX_RATIO, Reps, Table, median, verdict

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
    "safe-exercises": (lambda at, i: at.pills(key="also").set_value(["vf"] if i % 2 == 0 else []), "pills `also`: vf"),
    "program": (lambda at, i: at.slider(key="months").set_value(18 if i % 2 == 0 else 12), "slider `months` 12/18"),
    "learn-impact-forces": (
        lambda at, i: at.select_slider(key="oi_load").set_value(2.0 if i % 2 == 0 else 4.0),
        "select_slider `oi_load` 2.0/4.0",
    ),
    "study-practice": (lambda at, i: toggle_topics(at, i), "multiselect `topics`"),
    "study-exam": (
        lambda at, i: at.segmented_control(key="length").set_value(10 if i % 2 == 0 else 20),
        "segmented control `length` 10/20",
    ),
    "study-flashcards": (click_button("Next"), "button Next"),
    "study-glossary": (
        lambda at, i: at.text_input(key="find").set_value("bone" if i % 2 == 0 else ""),
        "text_input `find`",
    ),
    "client-cases": (lambda at, i: at.selectbox(key="case").select_index(i % 2), "selectbox `case`"),
    "exercise-library": (
        lambda at, i: at.text_input(key="find").set_value("squat" if i % 2 == 0 else ""),
        "text_input `find` squat/all",
    ),
}


def app_url_paths() -> list[str]:
    """Every page app.py's navigation registers, in its order, by the url_path open_page() takes.

    Read from a real run (AppTest) rather than from pages/components/site_map.py's layout, which changes. The
    default page is registered with an empty URL; its url_path is found among site_map's strings.
    """
    from streamlit.util import calc_hash

    from tests.apptest_helpers import app

    registered = app().run()._registered_pages  # noqa: SLF001 - page hash -> page info
    words = re.findall(
        r"[\"']([\w-]+)[\"']", (ROOT / "pages" / "components" / "site_map.py").read_text(encoding="utf-8")
    )
    by_hash = {calc_hash(word): word for word in words}
    return [info["url_pathname"] or by_hash.get(page_hash, "") for page_hash, info in registered.items()]


def server_scenarios(only: str | None = None) -> list[Scenario]:
    """The bare page and every app page (only=URL_PATH: that page alone)."""
    scenarios = [Scenario("bare page", open_bare, bare_change, "slider")]
    for url_path in [only] if only is not None else app_url_paths():
        change, what = PAGE_CHANGES.get(url_path, (no_change, "rerun (no widget)"))
        scenarios.append(Scenario(url_path, page_opener(url_path), change, what))
    return scenarios


@contextlib.contextmanager
def as_served():
    """Make AppTest runs do what a served app's runs do, so the ratios compare like with like.

    AppTest resets Streamlit's legacy 'pages/ folder' flag and makes a new script cache before every
    run, so each run of this app went through the legacy router (globbing pages/, building a page per
    file, sending 'page not found') and recompiled app.py and the page. A served app does that only on
    the very first run after start-up: its flag stays off once st.navigation has run, and its one
    script cache keeps the compiled scripts. The bare page (no pages/ folder) gets the same treatment.
    """
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test

    shared_cache = ScriptCache()
    original_init = PagesManager.__init__

    def served_init(self, *args, **kwargs) -> None:
        original_init(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = served_init
    app_test.ScriptCache = lambda: shared_cache
    try:
        yield
    finally:
        PagesManager.__init__ = original_init
        app_test.ScriptCache = ScriptCache


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


def server_part(reps: Reps, only: str | None = None) -> Table:
    with as_served():
        scenarios = server_scenarios(only)
        times, failed = measure_reruns(scenarios, reps)
    bare = median(times["bare page"])
    table = Table(
        "Server: rerun after a widget change (AppTest)",
        [
            "page",
            "change",
            "median ms",
            "ratio vs bare",
            f"target (<= {SERVER_MAX_RATIO:g}x and <= {SERVER_MAX_MS:g} ms)",
        ],
    )
    for scenario in scenarios:
        if scenario.name in failed:
            table.rows.append([scenario.name, scenario.what, "error", "-", "**fails**"])
            continue
        page_median = median(times[scenario.name])
        ratio = page_median / bare
        ok = ratio <= SERVER_MAX_RATIO and page_median <= SERVER_MAX_MS
        table.rows.append([scenario.name, scenario.what, f"{page_median:.1f}", f"{ratio:.1f}x", verdict(ok)])
    table.notes.append(
        f"{reps.server} timed reruns per page after {reps.warmups} warm-ups, interleaved in random order."
    )
    table.notes.append(
        "AppTest runs the script in-process: server time only, no network and no browser. Its runs "
        "are made to match a served app's (see as_served in bench/server_reruns.py): scripts compiled "
        "once, and no legacy pages/ routing after the first run."
    )
    table.notes += [f"{name}: {problem}" for name, problem in failed.items()]
    return table


def profile_page(url_path: str, reruns: int = 20, top: int = 30) -> str:
    """cProfile of `reruns` widget-change reruns of one page, sorted by cumulative and own time.

    AppTest runs the script in a thread of its own, which cProfile would not see from here: the
    profiler is switched on inside that thread, around each run.
    """
    with as_served():
        return _profile_page(url_path, reruns, top)


def _profile_page(url_path: str, reruns: int, top: int) -> str:
    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

    scenario = server_scenarios(url_path)[1]
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
