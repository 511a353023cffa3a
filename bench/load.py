"""A workshop's worth of people at once, measured on the server with Locust (no browsers).

Run from the repo root::

    .venv/bin/python bench/load.py                          # `make load`: the workshop at 100, then the ramp
    .venv/bin/python bench/load.py workshop --users 30      # one scenario, smaller, while developing
    .venv/bin/python bench/load.py clinic --minutes 10      # the clinic day (memory over time)
    .venv/bin/python bench/load.py ramp --ramp-max 200

Each scenario starts its own server (serve.py, i.e. `streamlit run app.py`) on a loopback port (tests.support.server),
opens the home page once (as a presenter would before sharing a link), sends one visitor round alone (warms the caches; its times are the "alone" column), then runs
Locust users (bench/load_users.py) that speak Streamlit's websocket protocol (bench/streamlit_client.py):

    workshop  N people open one shared link within ARRIVAL_S seconds, then make ten interactions each;
    ramp      people keep going round while more join, step by step, until the p95 interaction time
              passes 1 s or anything fails: the last step before that is what one server keeps up with;
    clinic    a few people for a long stretch, each client a new session, to see whether memory grows.

Measured: every interaction's time from the message sent to script-finished (p50/p95/p99 per kind),
failures and time-outs, the server process's CPU time and memory (VmRSS, /proc), the load generator's
own CPU, and the machine's load. Traffic goes to 127.0.0.1 only, and every run is bounded in users
and time. Tables go to bench/results/load.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make `lib`, `tests` and `bench` importable

# Locust first: importing it patches the standard library for gevent before any socket is opened.
import gevent  # noqa: E402
from locust.env import Environment  # noqa: E402

from bench.common import Table, cpu_model, median, percentile, save_tables  # noqa: E402
from bench.load_users import (  # noqa: E402
    OPEN_LINK, RUN_TIMEOUT_S, THINK_S, ClinicVisitor, LoopingVisitor, Visitor, WorkshopVisitor,
)
from bench.streamlit_client import RunTimedOut, StreamlitClient  # noqa: E402
from tests.support.server import StreamlitServer  # noqa: E402

REPORT = ROOT / "bench" / "results" / "load.md"
ARRIVAL_S = 60  # a room opens the shared link within a minute
P95_LIMIT_MS = 1000  # the ramp stops when the p95 interaction time passes this
SAMPLE_S = 0.5  # how often the server's memory is sampled
CLOSE_SETTLE_S = 5  # after the tabs close, before memory is read again
SESSION_TTL_S = 120  # Streamlit keeps a closed tab's session this long (server.disconnectedSessionTTL)
NICENESS = -10  # see raise_priority


# --------------------------------------------------------------------------- the server process and the machine


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


def cpu_seconds(pid: int | str = "self") -> float:
    """User plus system CPU time the process has used so far (/proc/<pid>/stat fields 14 and 15)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def thread_cpu_and_wait(pid: int) -> dict[str, tuple[int, int]]:
    """Per thread of the process: (ns on a CPU, ns runnable but waiting for one), from schedstat."""
    times = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            on_cpu, waiting = (int(value) for value in (task / "schedstat").read_text().split()[:2])
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue  # the thread ended (Streamlit starts one per script run)
        times[task.name] = (on_cpu, waiting)
    return times


def machine_busy() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs so far, from the first line of /proc/stat."""
    user, nice, system, idle, iowait, *rest = (int(value) for value in Path("/proc/stat").read_text().split()[1:9])
    return user + nice + system + sum(rest), user + nice + system + idle + iowait + sum(rest)


def raise_priority(niceness: int) -> int:
    """Run this process, and so the servers it starts, at a higher CPU priority, if allowed.

    On a machine shared with other work, a server at the default priority waits for the CPU behind
    everything else, and the figures measure the neighbours. Returns the niceness in force.
    """
    try:
        os.setpriority(os.PRIO_PROCESS, 0, niceness)
    except PermissionError:
        pass
    return os.getpriority(os.PRIO_PROCESS, 0)


def load_average() -> str:
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


def mib(kib: float) -> str:
    return f"{kib / 1024:.0f}"


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


@dataclass
class Usage:
    """What the server, this load generator and the whole machine used over one stretch of a run."""

    seconds: float
    server_cpu: float
    harness_cpu: float
    machine_busy: float  # share of all CPUs busy
    peak_kib: int
    load_after: str
    threads_on_cpu: float  # seconds the server's threads ran, summed over the threads sampled
    threads_waiting: float  # seconds they were ready to run but waited for a CPU (the machine's other work)

    def server_share(self) -> float:
        """The server's CPU time as a share of one core (Streamlit runs every session's script under one GIL)."""
        return self.server_cpu / self.seconds if self.seconds else float("nan")


class ServerWatch:
    """Samples the server's memory in the background and measures CPU between start() and stop()."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.samples: list[tuple[float, int]] = []  # (monotonic seconds, VmRSS KiB)

    def start(self) -> ServerWatch:
        self.started, self.peak = time.monotonic(), 0
        self.cpu, self.own_cpu, self.busy = cpu_seconds(self.pid), cpu_seconds(), machine_busy()
        self.threads_before = thread_cpu_and_wait(self.pid)
        self.threads_last: dict[str, tuple[int, int]] = {}
        self.sampler = gevent.spawn(self._sample)
        return self

    def _sample(self) -> None:
        """Every SAMPLE_S: memory, and each live thread's schedstat (a thread that starts and ends
        between two samples is missed, so the thread figures are a lower bound)."""
        while True:
            kib = rss_kib(self.pid)
            self.samples.append((time.monotonic(), kib))
            self.peak = max(self.peak, kib)
            self.threads_last.update(thread_cpu_and_wait(self.pid))
            gevent.sleep(SAMPLE_S)

    def thread_seconds(self, column: int) -> float:
        return sum(times[column] - self.threads_before.get(tid, (0, 0))[column]
                   for tid, times in self.threads_last.items()) / 1e9

    def stop(self) -> Usage:
        self.sampler.kill()
        self.threads_last.update(thread_cpu_and_wait(self.pid))
        busy, total = machine_busy()
        return Usage(
            seconds=time.monotonic() - self.started, server_cpu=cpu_seconds(self.pid) - self.cpu,
            harness_cpu=cpu_seconds() - self.own_cpu,
            machine_busy=(busy - self.busy[0]) / max(1, total - self.busy[1]), peak_kib=self.peak,
            load_after=load_average(), threads_on_cpu=self.thread_seconds(0), threads_waiting=self.thread_seconds(1),
        )


# --------------------------------------------------------------------------- what the visitors report


@dataclass
class Sample:
    at: float  # monotonic seconds when it was reported
    name: str
    ms: float
    outcome: str  # "ok", "time-out" or "failed"
    detail: str = ""


@dataclass
class Recorder:
    """Every interaction Locust's request event reports, in order."""

    samples: list[Sample] = field(default_factory=list)

    def on_request(self, name: str, response_time: float, exception: Exception | None = None, **_) -> None:
        outcome = "ok" if exception is None else "time-out" if isinstance(exception, RunTimedOut) else "failed"
        detail = "" if exception is None else f"{name}: {type(exception).__name__}: {exception}"[:200]
        self.samples.append(Sample(time.monotonic(), name, response_time, outcome, detail))

    def since(self, start: float) -> list[Sample]:
        return [sample for sample in self.samples if sample.at >= start]


def count(samples: list[Sample], outcome: str) -> int:
    return sum(sample.outcome == outcome for sample in samples)


def times(samples: list[Sample]) -> list[float]:
    return [sample.ms for sample in samples if sample.outcome == "ok"]


# --------------------------------------------------------------------------- running visitors


class Swarm:
    """Locust users of one class against one server, in this process (Locust used as a library)."""

    def __init__(self, server: StreamlitServer, user_class: type[Visitor], think: tuple[float, float]) -> None:
        user_class.think_s = think
        self.environment = Environment(user_classes=[user_class], host=server.url)
        self.recorder = Recorder()
        self.environment.events.request.add_listener(self.recorder.on_request)
        self.runner = self.environment.create_local_runner()

    def grow(self, users: int, spawn_rate: float) -> None:
        self.runner.start(users, spawn_rate)

    def wait(self, done: Callable[[], bool], limit_s: float) -> bool:
        deadline = time.monotonic() + limit_s
        while time.monotonic() < deadline:
            if done():
                return True
            gevent.sleep(0.5)
        return False

    def spawned(self) -> bool:
        return self.runner.state == "running"  # "spawning" until every user has started

    def end(self) -> None:
        """Stop every visitor and close every tab still open."""
        self.runner.quit()
        for client in list(Visitor.open_clients):
            client.close()
        Visitor.open_clients.clear()


def presenter_opens_home(server: StreamlitServer) -> None:
    """The presenter opens the home page before sharing a deep link, as docs/deploy.md advises (on a
    server started with plain `streamlit run`, the first deep link would show "Page not found")."""
    with StreamlitClient(server.url) as presenter:
        presenter.open("")


def alone(server: StreamlitServer) -> Recorder:
    """One visitor goes round with no one else and no pauses, twice: the first round fills the caches
    and loads what the pages import lazily; the second is the floor for the crowd's times."""
    rounds = []
    for _ in range(2):
        WorkshopVisitor.rounds_done = 0
        swarm = Swarm(server, WorkshopVisitor, (0.0, 0.0))
        swarm.grow(1, 1)
        swarm.wait(lambda: WorkshopVisitor.rounds_done == 1, limit_s=120)
        swarm.end()
        rounds.append(swarm.recorder)
    return rounds[-1]


def fresh_server() -> tuple[StreamlitServer, Recorder, int, int]:
    """A server that a presenter has opened and one visitor has been round: (server, alone, idle KiB, warm KiB)."""
    server = StreamlitServer()
    idle = rss_kib(server.process.pid)
    presenter_opens_home(server)
    solo = alone(server)
    gevent.sleep(2)
    return server, solo, idle, rss_kib(server.process.pid)


# --------------------------------------------------------------------------- scenarios


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


def workshop(users: int, arrival_s: float, think: tuple[float, float]) -> Workshop:
    server, solo, idle, warm = fresh_server()
    try:
        WorkshopVisitor.rounds_done = 0
        swarm = Swarm(server, WorkshopVisitor, think)
        watch = ServerWatch(server.process.pid).start()
        swarm.grow(users, users / arrival_s)
        # Bounded: arrival, then ten pauses and ten interactions that each end by their time-out.
        limit_s = arrival_s + 11 * (think[1] + RUN_TIMEOUT_S) + 60
        swarm.wait(lambda: swarm.spawned() and WorkshopVisitor.rounds_done >= swarm.runner.user_count, limit_s)
        usage = watch.stop()
        finished = WorkshopVisitor.rounds_done
        swarm.end()
        gevent.sleep(CLOSE_SETTLE_S)
        closed = rss_kib(server.process.pid)
        return Workshop(users, arrival_s, think, swarm.recorder, solo, usage, idle, warm, closed, finished,
                        server_errors(server.output()))
    finally:
        server.close()


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


def ramp(start: int, step: int, hold_s: float, limit_users: int, think: tuple[float, float]) -> Ramp:
    server, _, _, _ = fresh_server()
    steps: list[RampStep] = []
    try:
        swarm = Swarm(server, LoopingVisitor, think)
        for users in range(start, limit_users + 1, step):
            begun = time.monotonic()
            watch = ServerWatch(server.process.pid).start()
            swarm.grow(users, max(1.0, step / 10))  # the step's newcomers arrive over about ten seconds
            swarm.wait(swarm.spawned, limit_s=120)
            gevent.sleep(hold_s)
            steps.append(RampStep(users, swarm.recorder.since(begun), watch.stop()))
            print(f"ramp: {users} users, p95 {steps[-1].p95:.0f} ms, {steps[-1].problems} failed or timed out",
                  flush=True)
            if not steps[-1].keeps_up:
                break
        swarm.end()
    finally:
        server.close()
    return Ramp(start, step, hold_s, think, steps, limit_users)


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


def clinic(users: int, minutes: float, think: tuple[float, float], expire_s: float) -> Clinic:
    server, _, _, warm = fresh_server()
    try:
        swarm = Swarm(server, ClinicVisitor, think)
        watch = ServerWatch(server.process.pid).start()
        swarm.grow(users, users)
        gevent.sleep(minutes * 60)
        usage = watch.stop()
        swarm.end()
        gevent.sleep(CLOSE_SETTLE_S)
        closed = rss_kib(server.process.pid)
        gevent.sleep(expire_s)  # past the closed sessions' time to live
        presenter_opens_home(server)  # one new visit: the session store drops what has expired
        expired = rss_kib(server.process.pid)
        started = watch.started
        return Clinic(users, minutes, think, swarm.recorder, usage,
                      [(at - started, kib) for at, kib in watch.samples], warm, closed, expired,
                      sessions=sum(sample.name == OPEN_LINK for sample in swarm.recorder.samples))
    finally:
        server.close()


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
        rows.append([name, str(len(samples)), problems_cell(samples), ms(percentile(ok, 0.5)), ms(percentile(ok, 0.95)),
                     ms(percentile(ok, 0.99)), ms(max(ok, default=float("nan")))]
                    + ([ms(alone_ms)] if solo else []))
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
    notes = [f"Failed ({n}x): {detail}" for detail, n in
             Counter(s.detail for s in recorder.samples if s.outcome == "failed").most_common(8)]
    notes += [f"Timed out ({n}x): {name}" for name, n in
              Counter(s.name for s in recorder.samples if s.outcome == "time-out").most_common()]
    notes += [f"Server traceback ({n}x): {line}" for line, n in (errors or Counter()).most_common(5)]
    return notes


def workshop_table(run: Workshop) -> Table:
    table = Table("Workshop: a room on one shared link", [
        "interaction", "count", "failed / timed out", "p50 ms", "p95 ms", "p99 ms", "max ms", "alone ms"])
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
    table = Table("Ramp: more people until one server stops keeping up", [
        "people", "interactions", "failed / timed out", "p50 ms", "p95 ms", "p99 ms", "server CPU (one core)",
        "keeps up"])
    for step in run.steps:
        ok = times(step.samples)
        table.rows.append([
            str(step.users), str(len(step.samples)), problems_cell(step.samples), ms(percentile(ok, 0.5)),
            ms(step.p95), ms(percentile(ok, 0.99)), f"{step.usage.server_share():.0%}",
            "yes" if step.keeps_up else "**no**",
        ])
    held, broke = run.held, run.broke_at
    verdict = (f"**One server kept up with {held} people**" if held else "**Not even the first step kept up**")
    verdict += (f"; at {broke} the p95 passed {P95_LIMIT_MS} ms or something failed." if broke else
                f"; the ramp stopped at its limit of {run.limit_users} people without breaking.")
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
    table = Table("Clinic day: memory over a long stretch", [
        "minute", "VmRSS MiB"])
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

    return "\n".join([
        "# Bone Loading Lab: load",
        "",
        f"- Written by `bench/load.py` (Locust over Streamlit's websocket protocol), last on "
        f"{dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds')}; each table says when it ran.",
        f"- Machine: {os.cpu_count()} CPUs ({cpu_model()}), Python {sys.version.split()[0]}, "
        f"Streamlit {streamlit.__version__}; the server and the load generator share it.",
        "- The machine is shared with other work (other test runs); each table gives the load average and "
        "how busy the CPUs were, so read the milliseconds with that in mind.",
        "",
    ])


def stamp(table: Table, load_before: str, niceness: int) -> Table:
    table.notes.append(f"Measured {dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds')}; load average "
                       f"before: {load_before}; server and load generator at niceness {niceness}.")
    return table


# --------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenarios", nargs="*", choices=["workshop", "ramp", "clinic"], default=["workshop", "ramp"],
                        help="what to run (default: workshop ramp)")
    parser.add_argument("--users", type=int, default=100, help="workshop: people (default 100)")
    parser.add_argument("--arrival", type=float, default=ARRIVAL_S, help="workshop: seconds over which they arrive")
    parser.add_argument("--think", type=float, nargs=2, default=THINK_S, metavar=("MIN", "MAX"),
                        help=f"seconds of pause before each interaction (default {THINK_S[0]:g} {THINK_S[1]:g})")
    parser.add_argument("--ramp-start", type=int, default=2, help="ramp: people at the first step")
    parser.add_argument("--ramp-step", type=int, default=2, help="ramp: people added at each step")
    parser.add_argument("--ramp-hold", type=float, default=40, help="ramp: seconds at each step after arrivals")
    parser.add_argument("--ramp-max", type=int, default=400, help="ramp: never more people than this")
    parser.add_argument("--clinic-users", type=int, default=5)
    parser.add_argument("--minutes", type=float, default=10, help="clinic: how long (default 10; shorter to try it)")
    parser.add_argument("--expire", type=float, default=SESSION_TTL_S + 10,
                        help="clinic: seconds to wait after the tabs close, for their sessions to expire")
    parser.add_argument("--nice", type=int, default=NICENESS,
                        help=f"CPU priority of the server and the load generator (default {NICENESS}; needs root)")
    args = parser.parse_args(argv)
    think = tuple(args.think)
    niceness = raise_priority(args.nice)
    ok = True
    for scenario in dict.fromkeys(args.scenarios):
        load_before = load_average()
        if scenario == "workshop":
            run = workshop(args.users, args.arrival, think)
            table = workshop_table(run)
            ok &= count(run.recorder.samples, "ok") == len(run.recorder.samples) and run.finished == run.users
        elif scenario == "ramp":
            table = ramp_table(ramp(args.ramp_start, args.ramp_step, args.ramp_hold, args.ramp_max, think))
        else:
            table = clinic_table(clinic(args.clinic_users, args.minutes, think, args.expire))
        stamp(table, load_before, niceness)
        print(table.markdown(), flush=True)
        save_tables([table], header(), path=REPORT)
    print(f"Written to {REPORT.relative_to(ROOT)}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
