"""Locust users for bench/load.py: people on the app, each a Streamlit session over the websocket protocol.

A visitor opens the presenter's shared link to Safe options, then goes round a fixed itinerary of ten
interactions with a pause to read before each: two profile fields on Safe options, the Planner and
its length twice, the practice quiz (answer, check, next question), and back. Every interaction is
one request to Locust's statistics, timed from the BackMsg sent to the script_finished received
(bench/streamlit_client.py). A run that shows an exception, a "page not found", a missing widget or
a closed connection is a failure; one with no script_finished within the time-out is a time-out.
After either, the page on screen is unknown: the visitor reloads the page the itinerary is on (its
own line in the report), as a person would.

    WorkshopVisitor  goes round once and keeps the tab open (the workshop: all arrive within a minute);
    LoopingVisitor   goes round until the run stops it (the ramp);
    ClinicVisitor    goes round once, closes the tab and comes back as a new session (the clinic day).

Importing this module imports Locust, which patches the standard library for gevent: only
bench/load.py imports it, never the tests.
"""

from __future__ import annotations

import random
from itertools import count
from typing import Callable

import gevent
from locust import User, constant, task
from locust.exception import StopUser

from bench.streamlit_client import Run, RunFailed, RunTimedOut, StreamlitClient

# The presenter's link: a client profile already chosen, as a slide or a chat message would carry it.
SHARED_LINK = ("safe-exercises", "bone=osteoporosis&falls=high")
OPEN_LINK = "open shared link (Safe options)"
RELOAD = "reload the page (after a failure)"
SAFE, PLANNER, PRACTICE = "safe-exercises", "program", "study-practice"
THINK_S = (2.0, 5.0)  # a pause before each interaction: read the result, find the next control
RUN_TIMEOUT_S = 30.0  # a person waiting longer than this for a page has given up: counted as a time-out
MONTHS = range(3, 25)  # the Planner's length slider

_visitor_numbers = count()


class Visitor(User):
    """One person in one browser tab. Subclasses decide how often they go round the itinerary."""

    abstract = True
    wait_time = constant(0)  # the pause is part of each step (think), from the visitor's own random rhythm
    think_s = THINK_S  # bench/load.py may change it per run (0 for the lone warm-up visitor)
    run_timeout_s = RUN_TIMEOUT_S
    open_clients: set[StreamlitClient] = set()  # every open tab, for bench/load.py to close at the end

    def __init__(self, environment) -> None:
        super().__init__(environment)
        self.random = random.Random(next(_visitor_numbers))  # each person their own choices, the same every run
        self.client: StreamlitClient | None = None
        self.page: Run | None = None  # the last run: the widgets now on the page
        self.steps = self.itinerary()
        self.step = 0

    # ------------------------------------------------------------------ timing and accounting

    def report(self, name: str, milliseconds: float, error: Exception | None) -> None:
        self.environment.events.request.fire(
            request_type="rerun",
            name=name,
            response_time=milliseconds,
            exception=error,
            context={},
            response_length=self.page.elements if self.page else 0,
        )

    def timed(self, name: str, action: Callable[[], Run]) -> bool:
        """Do one interaction and report it to Locust: its time, and whether it failed or timed out."""
        error: Exception | None = None
        try:
            run = action()
        except RunTimedOut as timed_out:
            error, milliseconds, self.page = timed_out, self.run_timeout_s * 1000, None
        except (RunFailed, LookupError, OSError) as failed:
            error, milliseconds, self.page = failed, 0.0, None
        else:
            self.page, milliseconds = run, run.seconds * 1000
            if not run.ok:
                error = RunFailed(
                    "; ".join(run.exceptions)
                    or ("page not found" if run.page_not_found else f"finished with status {run.status}")
                )
        self.report(name, milliseconds, error)
        return error is None

    def think(self) -> None:
        gevent.sleep(self.random.uniform(*self.think_s))

    # ------------------------------------------------------------------ arriving, going round, leaving

    def arrive(self) -> bool:
        """Open a tab on the shared link: a new session on the server."""
        self.client, self.page, self.step = StreamlitClient(self.host, timeout_s=self.run_timeout_s), None, 0
        try:
            self.client.connect()
        except RunFailed as error:
            self.report("open the websocket", 0.0, error)
            return False
        self.open_clients.add(self.client)
        return self.timed(OPEN_LINK, lambda: self.client.open(*SHARED_LINK))

    def next_step(self) -> None:
        name, page_after, action = self.steps[self.step % len(self.steps)]
        self.step += 1
        if self.page is None:  # after a failure the page is unknown: reload the one the next step needs
            self.timed(RELOAD, lambda: self.client.open(page_after, self.client.query_string))
        else:
            self.timed(name, action)

    def leave(self) -> None:
        if self.client is not None:
            self.open_clients.discard(self.client)
            self.client.close()
            self.client = None

    def on_start(self) -> None:
        if not self.arrive():
            raise StopUser()

    def on_stop(self) -> None:
        self.leave()

    # ------------------------------------------------------------------ the itinerary

    def itinerary(self) -> list[tuple[str, str, Callable[[], Run]]]:
        """(interaction, the page the visitor is on after it, what it does)."""
        return [
            ("Safe options: profile field", SAFE, lambda: self.flip_first_pill("also")),
            ("Safe options: profile field", SAFE, lambda: self.choose("falls")),
            ("switch to Planner", PLANNER, lambda: self.client.switch_to(PLANNER)),
            ("Planner: length", PLANNER, self.change_length),
            ("Planner: length", PLANNER, self.change_length),
            ("switch to Practice quiz", PRACTICE, lambda: self.client.switch_to(PRACTICE)),
            ("Practice quiz: answer", PRACTICE, self.answer),
            ("Practice quiz: check / next", PRACTICE, self.quiz_button),
            ("Practice quiz: check / next", PRACTICE, self.quiz_button),
            ("switch to Safe options", SAFE, lambda: self.client.switch_to(SAFE)),
        ]

    def flip_first_pill(self, key: str) -> Run:
        """Switch the first of a row of pills on or off (multi-select pills send the labels they show)."""
        pills = self.page.widget(key=key)
        state = self.client.widget_states.get(pills.id)
        chosen = list(state.string_array_value.data if state else pills.proto.raw_values)
        first = pills.proto.options[0].content
        flipped = [label for label in chosen if label != first] if first in chosen else [*chosen, first]
        return self.client.set_value(pills, string_array_value={"data": flipped})

    def choose(self, key: str) -> Run:
        radio = self.page.widget(key=key)
        return self.client.set_value(radio, string_value=self.random.choice(list(radio.proto.options)))

    def change_length(self) -> Run:
        slider = self.page.widget(key="months")
        return self.client.set_value(slider, double_array_value={"data": [self.random.choice(MONTHS)]})

    def answer(self) -> Run:
        """Choose an option of the question on screen (radio buttons, or one box of 'all that apply');
        if it was already checked (its options are locked), go on to the next question instead."""
        widget = self.page.widget(key_prefix="practice-")
        if widget.proto.disabled:
            return self.quiz_button()
        if widget.kind == "radio":
            return self.client.set_value(widget, string_value=self.random.choice(list(widget.proto.options)))
        return self.client.set_value(widget, bool_value=True)

    def quiz_button(self) -> Run:
        """The quiz's one button: "Check answer", or "Next question" once checked."""
        buttons = [widget for widget in self.page.widgets if widget.label in ("Check answer", "Next question")]
        if not buttons:
            raise LookupError("neither 'Check answer' nor 'Next question' on this page")
        return self.client.click(buttons[0])


class WorkshopVisitor(Visitor):
    """The workshop: opens the shared link, goes round once (ten interactions), then keeps the tab open."""

    rounds_done = 0  # bench/load.py waits until every visitor has gone round

    @task
    def visit(self) -> None:
        if self.step < len(self.steps):
            self.think()
            self.next_step()
            if self.step == len(self.steps):
                WorkshopVisitor.rounds_done += 1
        else:
            gevent.sleep(1)  # reading the page, tab still open


class LoopingVisitor(Visitor):
    """The ramp: goes round and round until the run ends."""

    @task
    def visit(self) -> None:
        self.think()
        self.next_step()


class ClinicVisitor(Visitor):
    """The clinic day: goes round once, closes the tab, and the next client's session opens it again."""

    @task
    def visit(self) -> None:
        self.think()
        if self.step < len(self.steps):
            self.next_step()
        else:
            self.leave()
            if not self.arrive():
                raise StopUser()
