"""What a load run measures (bench/load.py): the server process and the machine (CPU, memory, load,
errors in the server's output), and every interaction the visitors report."""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import gevent

from bench.streamlit_client import RunTimedOut

SAMPLE_S = 0.5  # how often the server's memory is sampled
CLOSE_SETTLE_S = 5  # after the tabs close, before memory is read again
SESSION_TTL_S = 120  # Streamlit keeps a closed tab's session this long (server.disconnectedSessionTTL)


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
            following = lines[number + 1 :]
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
        return (
            sum(
                times[column] - self.threads_before.get(tid, (0, 0))[column] for tid, times in self.threads_last.items()
            )
            / 1e9
        )

    def stop(self) -> Usage:
        self.sampler.kill()
        self.threads_last.update(thread_cpu_and_wait(self.pid))
        busy, total = machine_busy()
        return Usage(
            seconds=time.monotonic() - self.started,
            server_cpu=cpu_seconds(self.pid) - self.cpu,
            harness_cpu=cpu_seconds() - self.own_cpu,
            machine_busy=(busy - self.busy[0]) / max(1, total - self.busy[1]),
            peak_kib=self.peak,
            load_after=load_average(),
            threads_on_cpu=self.thread_seconds(0),
            threads_waiting=self.thread_seconds(1),
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
