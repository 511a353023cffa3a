"""What a load run found (bench/load.py): each scenario's results, and the Markdown tables of
bench/results/load.md."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections import Counter
from dataclasses import dataclass

from bench.common import Table, cpu_model, median, percentile
from bench.load_measures import CLOSE_SETTLE_S, SESSION_TTL_S, Recorder, Sample, Usage, count, mib, times
from bench.load_users import RUN_TIMEOUT_S

P95_LIMIT_MS = 1000  # the ramp stops when the p95 interaction time passes this


# --------------------------------------------------------------------------- results


@dataclass
class Workshop:
    users: int
    arrival_s: float
    think: tuple[float, float]
    recorder: Recorder
    alone: Recorder
    usage: Usage
    idle_kib: int
    warm_kib: int
    closed_kib: int
    finished: int  # visitors who went all the way round
    server_errors: Counter


@dataclass
class RampStep:
    users: int
    samples: list[Sample]
    usage: Usage

    @property
    def p95(self) -> float:
        return percentile(times(self.samples), 0.95)

    @property
    def problems(self) -> int:
        return count(self.samples, "failed") + count(self.samples, "time-out")

    @property
    def keeps_up(self) -> bool:
        return self.problems == 0 and self.p95 <= P95_LIMIT_MS


@dataclass
class Ramp:
    start: int
    step: int
    hold_s: float
    think: tuple[float, float]
    steps: list[RampStep]
    limit_users: int

    @property
    def held(self) -> int | None:
        """The most users of a step that kept up, before the first that did not."""
        held = None
        for step in self.steps:
            if not step.keeps_up:
                break
            held = step.users
        return held

    @property
    def broke_at(self) -> int | None:
        return next((step.users for step in self.steps if not step.keeps_up), None)


@dataclass
class Clinic:
    users: int
    minutes: float
    think: tuple[float, float]
    recorder: Recorder
    usage: Usage
    samples: list[tuple[float, int]]  # (seconds since start, VmRSS KiB)
    warm_kib: int
    closed_kib: int
    expired_kib: int
    sessions: int  # tabs opened during the run


# --------------------------------------------------------------------------- report


def ms(value: float) -> str:
    return "-" if value != value else f"{value:.0f}"  # NaN: no sample


def problems_cell(samples: list[Sample]) -> str:
    failed, timed_out = count(samples, "failed"), count(samples, "time-out")
    text = f"{failed} / {timed_out}"
    return text if failed + timed_out == 0 else f"**{text}**"


def interaction_rows(recorder: Recorder, solo: Recorder | None) -> list[list[str]]:
    names = list(dict.fromkeys(sample.name for sample in recorder.samples))
    rows = []
    for name in names + ["all interactions"]:
        samples = [s for s in recorder.samples if name in (s.name, "all interactions")]
        ok = times(samples)
        alone_ms = median(times([s for s in solo.samples if name in (s.name, "all interactions")])) if solo else None
        rows.append(
            [
                name,
                str(len(samples)),
                problems_cell(samples),
                ms(percentile(ok, 0.5)),
                ms(percentile(ok, 0.95)),
                ms(percentile(ok, 0.99)),
                ms(max(ok, default=float("nan"))),
            ]
            + ([ms(alone_ms)] if solo else [])
        )
    return rows


def usage_notes(usage: Usage, interactions: int, sessions: int) -> list[str]:
    cores = os.cpu_count() or 1
    wait_share = usage.threads_waiting / max(1e-9, usage.threads_on_cpu + usage.threads_waiting)
    return [
        f"Server CPU: {usage.server_cpu:.0f} s over {usage.seconds:.0f} s ({usage.server_share():.0%} of one core; "
        f"Streamlit runs all sessions' scripts in one process, under one GIL), "
        f"{1000 * usage.server_cpu / max(1, interactions):.0f} ms per interaction, "
        f"{usage.server_cpu / max(1, sessions):.1f} s per session.",
        f"Waiting for the CPU: the server's threads ran {usage.threads_on_cpu:.0f} s and were ready to run but "
        f"waited {usage.threads_waiting:.0f} s for a CPU busy with something else ({wait_share:.0%} of their ready "
        "time, from /proc schedstat): that share of the times above is the machine, not the app.",
        f"This load generator (Locust, same machine): {usage.harness_cpu:.1f} CPU-seconds; the machine's "
        f"{cores} CPUs were {usage.machine_busy:.0%} busy in all (other work on this shared machine included); "
        f"load average after: {usage.load_after}.",
    ]


def failure_notes(recorder: Recorder, errors: Counter | None = None) -> list[str]:
    notes = [
        f"Failed ({n}x): {detail}"
        for detail, n in Counter(s.detail for s in recorder.samples if s.outcome == "failed").most_common(8)
    ]
    notes += [
        f"Timed out ({n}x): {name}"
        for name, n in Counter(s.name for s in recorder.samples if s.outcome == "time-out").most_common()
    ]
    notes += [f"Server traceback ({n}x): {line}" for line, n in (errors or Counter()).most_common(5)]
    return notes


def workshop_table(run: Workshop) -> Table:
    table = Table(
        "Workshop: a room on one shared link",
        ["interaction", "count", "failed / timed out", "p50 ms", "p95 ms", "p99 ms", "max ms", "alone ms"],
    )
    table.rows = interaction_rows(run.recorder, run.alone)
    interactions = len(run.recorder.samples)
    per_session = (run.usage.peak_kib - run.warm_kib) / run.users
    problems = count(run.recorder.samples, "failed") + count(run.recorder.samples, "time-out")
    table.notes += [
        f"{run.users} Locust users (Streamlit's websocket protocol, no browser) opened "
        f"`/{'?'.join(('safe-exercises', 'bone=osteoporosis&falls=high'))}` over {run.arrival_s:g} s, then "
        f"made ten interactions each with a {run.think[0]:g}-{run.think[1]:g} s pause before each; "
        f"{run.finished} of {run.users} went all the way round. Result: **{problems} failed or timed out** "
        f"of {interactions} interactions (a time-out is no script-finished within {RUN_TIMEOUT_S:g} s).",
        "Time: from the BackMsg sent to the script_finished ForwardMsg received: the server's whole share of "
        "an interaction (queueing, the script run, sending every element), without a browser's drawing. "
        "'Alone': the same itinerary by one visitor on the warm server just before (its second round), "
        "no one else on it.",
        f"Memory (VmRSS of the server): idle {mib(run.idle_kib)} MiB, warm {mib(run.warm_kib)} MiB "
        f"(after the presenter and the lone visitor's two rounds), peak {mib(run.usage.peak_kib)} MiB with "
        f"{run.users} tabs open, {mib(run.closed_kib)} MiB {CLOSE_SETTLE_S} s after they closed: "
        f"**{per_session / 1024:.1f} MiB per open session** ((peak - warm) / sessions).",
    ]
    table.notes += usage_notes(run.usage, interactions, run.users)
    table.notes += failure_notes(run.recorder, run.server_errors)
    return table


def ramp_table(run: Ramp) -> Table:
    table = Table(
        "Ramp: more people until one server stops keeping up",
        [
            "people",
            "interactions",
            "failed / timed out",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "server CPU (one core)",
            "keeps up",
        ],
    )
    for step in run.steps:
        ok = times(step.samples)
        table.rows.append(
            [
                str(step.users),
                str(len(step.samples)),
                problems_cell(step.samples),
                ms(percentile(ok, 0.5)),
                ms(step.p95),
                ms(percentile(ok, 0.99)),
                f"{step.usage.server_share():.0%}",
                "yes" if step.keeps_up else "**no**",
            ]
        )
    held, broke = run.held, run.broke_at
    verdict = f"**One server kept up with {held} people**" if held else "**Not even the first step kept up**"
    verdict += (
        f"; at {broke} the p95 passed {P95_LIMIT_MS} ms or something failed."
        if broke
        else f"; the ramp stopped at its limit of {run.limit_users} people without breaking."
    )
    table.notes += [
        verdict,
        f"From {run.start} people, {run.step} more every {run.hold_s:g} s (arriving over about ten seconds, "
        f"counted in their step); each goes round the same ten interactions again and again with a "
        f"{run.think[0]:g}-{run.think[1]:g} s pause before each. A step keeps up when its p95 is at most "
        f"{P95_LIMIT_MS} ms and nothing failed or timed out.",
    ]
    last = run.steps[-1]
    table.notes += usage_notes(last.usage, len(last.samples), last.users)
    table.notes += failure_notes(Recorder([s for step in run.steps for s in step.samples]))
    return table


def clinic_table(run: Clinic) -> Table:
    table = Table("Clinic day: memory over a long stretch", ["minute", "VmRSS MiB"])
    minutes = max(1, round(run.minutes))
    for minute in range(0, minutes + 1, max(1, minutes // 10)):
        kib = next((kib for at, kib in run.samples if at >= minute * 60), run.samples[-1][1])
        table.rows.append([str(minute), mib(kib)])
    third = [kib for at, kib in run.samples if at >= run.minutes * 60 / 3]
    growth = (run.samples[-1][1] - third[0]) / max(1, run.sessions) if third else float("nan")
    problems = count(run.recorder.samples, "failed") + count(run.recorder.samples, "time-out")
    table.notes += [
        f"{run.users} people at once for {run.minutes:g} min; each goes round the ten interactions, closes "
        f"the tab, and the next client opens a new session: {run.sessions} sessions in all, "
        f"{len(run.recorder.samples)} interactions, {problems} failed or timed out, p95 "
        f"{ms(percentile(times(run.recorder.samples), 0.95))} ms.",
        f"Memory (VmRSS): warm {mib(run.warm_kib)} MiB, at the end {mib(run.samples[-1][1])} MiB, "
        f"{mib(run.closed_kib)} MiB {CLOSE_SETTLE_S} s after the last tabs closed, {mib(run.expired_kib)} MiB once "
        f"their sessions' time to live ({SESSION_TTL_S} s) had passed. From the first third of the run to its "
        f"end it grew by {growth:.0f} KiB per session served: flat means the server keeps nothing of a "
        "session after it closes.",
    ]
    table.notes += usage_notes(run.usage, len(run.recorder.samples), run.sessions)
    table.notes += failure_notes(run.recorder)
    return table


def header() -> str:
    import streamlit

    return "\n".join(
        [
            "# Bone Loading Lab: load",
            "",
            f"- Written by `bench/load.py` (Locust over Streamlit's websocket protocol), last on "
            f"{dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds')}; each table says when it ran.",
            f"- Machine: {os.cpu_count()} CPUs ({cpu_model()}), Python {sys.version.split()[0]}, "
            f"Streamlit {streamlit.__version__}; the server and the load generator share it.",
            "- The machine is shared with other work (other test runs); each table gives the load average and "
            "how busy the CPUs were, so read the milliseconds with that in mind.",
            "",
        ]
    )


def stamp(table: Table, load_before: str, niceness: int) -> Table:
    table.notes.append(
        f"Measured {dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds')}; load average "
        f"before: {load_before}; server and load generator at niceness {niceness}."
    )
    return table
