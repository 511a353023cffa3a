"""The load test's protocol client (bench/streamlit_client.py) against a real local server.

bench/load.py times hundreds of these runs; if the client stopped seeing script-finished, or took a
failed run for a good one, its figures would mean nothing. Nothing here is timed.
"""

from __future__ import annotations

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.streamlit_client import RunFailed, StreamlitClient
from lib.profiles import PRESET_LABELS
from tests.support.server import StreamlitServer


@pytest.fixture(scope="module")
def app_server():
    running = StreamlitServer()
    with StreamlitClient(running.url) as presenter:  # the home page first, as a presenter would
        presenter.open("")
    yield running
    running.close()


@pytest.fixture
def visitor(app_server):
    with StreamlitClient(app_server.url, timeout_s=60) as client:
        yield client


def test_opens_a_shared_link_and_finds_its_widgets(visitor):
    page = visitor.open("safe-exercises", "bone=osteoporosis&falls=high")
    assert page.ok and page.status == ForwardMsg.FINISHED_SUCCESSFULLY
    assert page.widget(key="also").kind == "button_group"
    falls = page.widget(key="falls").proto  # the link's value, seeded by the server into the widget
    assert falls.set_value and falls.raw_value == "high"
    assert visitor.pages["program"] and visitor.page_hash == visitor.pages["safe-exercises"]


def test_changing_a_widget_reruns_the_page_with_the_new_value(visitor):
    page = visitor.open("safe-exercises")
    preset = page.widget(key="preset")
    changed = visitor.set_value(preset, string_value=PRESET_LABELS["vertebral-fracture"])
    assert changed.ok
    # The preset's callback set the fields: the pill comes back switched on by the server.
    pills = changed.widget(key="also").proto
    assert pills.set_value and list(pills.raw_values) == ["Past vertebral fracture"]


def test_switching_pages_and_pressing_a_button(visitor):
    visitor.open("safe-exercises")
    quiz = visitor.switch_to("study-practice")
    assert quiz.ok and visitor.page_hash == visitor.pages["study-practice"]
    answer = quiz.widget(key_prefix="practice-")
    answered = (
        visitor.set_value(answer, string_value=answer.proto.options[0])
        if answer.kind == "radio"
        else visitor.set_value(answer, bool_value=True)
    )
    checked = visitor.click(answered.widget(label="Check answer"))
    assert checked.ok and checked.widget(label="Next question").kind == "button"


def test_a_page_that_does_not_exist_is_not_a_good_run(visitor):
    missing = visitor.open("no-such-page")
    assert missing.page_not_found and not missing.ok


def test_a_closed_connection_is_a_failure_not_a_hang(visitor):
    visitor.open("study-practice")
    visitor.close()
    with pytest.raises(RunFailed):
        visitor.switch_to("program")
