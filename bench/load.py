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
and time. Tables go to bench/results/load.md. What is measured is in bench/load_measures.py, the results
and their tables in bench/load_report.py; this file runs the visitors and the scenarios.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: make `lib`, `tests` and `bench` importable

# Locust first: importing it patches the standard library for gevent before any socket is opened.
import gevent  # noqa: E402
from locust.env import Environment  # noqa: E402

from bench.common import save_tables  # noqa: E402
from bench.load_measures import (  # noqa: E402
    CLOSE_SETTLE_S,
    SESSION_TTL_S,
    Recorder,
    ServerWatch,
    count,
    load_average,
    raise_priority,
    rss_kib,
    server_errors,
)
from bench.load_report import (  # noqa: E402
    Clinic,
    Ramp,
    RampStep,
    Workshop,
    clinic_table,
    header,
    ramp_table,
    stamp,
    workshop_table,
)
from bench.load_users import (  # noqa: E402
    OPEN_LINK,
    RUN_TIMEOUT_S,
    THINK_S,
    ClinicVisitor,
    LoopingVisitor,
    Visitor,
    WorkshopVisitor,
)
from bench.streamlit_client import StreamlitClient  # noqa: E402
from tests.support.server import StreamlitServer  # noqa: E402

REPORT = ROOT / "bench" / "results" / "load.md"
ARRIVAL_S = 60  # a room opens the shared link within a minute
NICENESS = -10  # see raise_priority


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
        return Workshop(
            users,
            arrival_s,
            think,
            swarm.recorder,
            solo,
            usage,
            idle,
            warm,
            closed,
            finished,
            server_errors(server.output()),
        )
    finally:
        server.close()


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
            print(
                f"ramp: {users} users, p95 {steps[-1].p95:.0f} ms, {steps[-1].problems} failed or timed out", flush=True
            )
            if not steps[-1].keeps_up:
                break
        swarm.end()
    finally:
        server.close()
    return Ramp(start, step, hold_s, think, steps, limit_users)


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
        return Clinic(
            users,
            minutes,
            think,
            swarm.recorder,
            usage,
            [(at - started, kib) for at, kib in watch.samples],
            warm,
            closed,
            expired,
            sessions=sum(sample.name == OPEN_LINK for sample in swarm.recorder.samples),
        )
    finally:
        server.close()


# --------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "scenarios",
        nargs="*",
        choices=["workshop", "ramp", "clinic"],
        default=["workshop", "ramp"],
        help="what to run (default: workshop ramp)",
    )
    parser.add_argument("--users", type=int, default=100, help="workshop: people (default 100)")
    parser.add_argument("--arrival", type=float, default=ARRIVAL_S, help="workshop: seconds over which they arrive")
    parser.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=THINK_S,
        metavar=("MIN", "MAX"),
        help=f"seconds of pause before each interaction (default {THINK_S[0]:g} {THINK_S[1]:g})",
    )
    parser.add_argument("--ramp-start", type=int, default=2, help="ramp: people at the first step")
    parser.add_argument("--ramp-step", type=int, default=2, help="ramp: people added at each step")
    parser.add_argument("--ramp-hold", type=float, default=40, help="ramp: seconds at each step after arrivals")
    parser.add_argument("--ramp-max", type=int, default=400, help="ramp: never more people than this")
    parser.add_argument("--clinic-users", type=int, default=5)
    parser.add_argument("--minutes", type=float, default=10, help="clinic: how long (default 10; shorter to try it)")
    parser.add_argument(
        "--expire",
        type=float,
        default=SESSION_TTL_S + 10,
        help="clinic: seconds to wait after the tabs close, for their sessions to expire",
    )
    parser.add_argument(
        "--nice",
        type=int,
        default=NICENESS,
        help=f"CPU priority of the server and the load generator (default {NICENESS}; needs root)",
    )
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
