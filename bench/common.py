"""Shared by the benchmark scripts: paths, targets, repetitions and the Markdown result tables."""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make `lib`, `tests` and `bench` importable
# Every server started here inherits this (.streamlit/config.toml says the same): with the file watcher
# on, an edit to the app's code during a run makes Streamlit re-import modules mid-measurement.
os.environ.setdefault("STREAMLIT_SERVER_FILE_WATCHER_TYPE", "none")


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
    handout: int = 5  # client sheets made as PDF, per sheet


FULL = Reps()
QUICK = Reps(warmups=2, server=6, browser=4, cold=1, planner=10, handout=2)


# --------------------------------------------------------------------------- tables and results


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        lines = [
            f"## {self.title}",
            "",
            "| " + " | ".join(self.header) + " |",
            "|" + "|".join("---" for _ in self.header) + "|",
        ]
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

    return "\n".join(
        [
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
        ]
    )


def split_sections(text: str) -> tuple[str, dict[str, str]]:
    """The text before the first "## " heading, and each "## " section by its title, in order."""
    head, *sections = text.split("\n## ")
    return head, {section.split("\n", 1)[0]: "## " + section.rstrip() + "\n" for section in sections}


def save_tables(tables: list[Table], header: str | None = None, path: Path = RESULTS) -> None:
    """Write tables into a results file (bench/results/latest.md), replacing their sections and keeping the others.

    So `--part cold` refreshes the cold-start table only, and bench/load.py's ramp leaves its workshop table.
    """
    old_head, sections = split_sections(path.read_text(encoding="utf-8") if path.exists() else "")
    for table in tables:
        sections[table.title] = table.markdown()
    head = header or old_head or "# Bone Loading Lab: measured speed\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(head.rstrip() + "\n\n" + "\n".join(sections.values()), encoding="utf-8")
