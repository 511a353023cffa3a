"""Property-based fuzzing of the link (URL query parameters) on every page, through AppTest.

A link is the one input anyone on the internet can hand the app. Whatever it holds - the app's own
keys with wrong types or out-of-range numbers, unknown keys, 10,000-character values, markup and
script fragments, unicode, empty strings, repeated keys - a page must run without an exception and
never echo raw markup back. Known keys with odd values must be named in a visible notice.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.catalog import default_catalog
from pages.components import site_map
from pages.components.common import APP_WIDE_PARAMS
from pages.components.page_params import lesson_params
from tests.apptest_helpers import app, open_page, registered_pages

# Example counts per page group: 900 in all (at least 500 asked), weighted toward the pages that read
# the link the most. An example opens its page in AppTest (about 0.1 s warm, up to 0.5 s when a new
# profile fills a cache), so the file takes one and a half to three minutes on a busy 2-core machine.
EXAMPLES = {"safe": 220, "planner": 220, "lessons": 160, "other": 300}
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "[click me](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "<a href='javascript:alert(1)'>x</a>",
    "`code`",
    "```\nblock\n```",
    "**bold**",
    ":red[alarm]",
    "$x^2$",
    "<b>bold</b>",
    "<!-- figure: impact-forces -->",
    "[@watson2018]",
    "{{7*7}}",
    "${7*7}",
    "' OR 1=1 --",
    "../../etc/passwd",
    "%00",
    "\\",
    "&amp;",
    "\u202etxt.exe",
    "e\u0301",
    "🦴💪",
    "𝟘",
]
NUMBERS = [
    "-2.7",
    "-2.5",
    "-1",
    "4",
    "-6",
    "-6.01",
    "4.01",
    "1e309",
    "-1e309",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "-0",
    "0x10",
    "1_000",
    " 3 ",
    "3.5",
    "12.0",
    "0",
    "-99",
    "99",
    "2",
    "3",
    "24",
    "25",
    "1.2",
    "4.9",
    "2.0",
    "10",
    "120",
    "121",
    "9999",
    "10000",
    "1",
    "2**64",
    "1e3",
]
VALID = [
    "normal",
    "osteopenia",
    "osteoporosis",
    "true",
    "false",
    "True",
    "1",
    "low",
    "high",
    "novice",
    "trained",
    "chair",
    "barbell",
    "squat",
    "balance",
    "back-extensor",
    "spine",
    "hip",
    "wrist-forearm",
    "Recommended",
    "Avoid",
    "With modifications",
    "none",
    "full gym",
    "bands and dumbbells",
    "30",
    "45",
    "60",
    "easy",
    "hard",
    "2031-03-17",
    "2020-02-29",
    "2031-02-30",
    "1900-01-01",
    "9999-12-31",
    "20310317",
    "2031-W11-1",
    "Tue",
    "Sun",
    "mon",
    "18:00",
    "07:45",
    "24:00",
    "9:00",
    "18:00:00",
]
ODD_KEYS = [
    "<script>",
    "embed",
    "embed_options",
    "page",
    "BONE",
    "t ",
    " t",
    "t[]",
    "__proto__",
    "",
    "a" * 300,
    "present",
    "step",
]


def values() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(VALID),
        st.sampled_from(NUMBERS),
        st.sampled_from(HOSTILE),
        st.text(max_size=30),
        st.just(""),
        st.integers().map(str),
        st.floats().map(repr),
        st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat),
        st.sampled_from(["x" * 10_000, "<script>" * 1_250, "9" * 10_000, "é" * 10_000]),
    )


def keys(page_keys: list[str]) -> st.SearchStrategy[str]:
    known = sorted(site_map.app_param_keys() | set(APP_WIDE_PARAMS))
    return st.one_of(
        st.sampled_from(page_keys or known), st.sampled_from(known), st.sampled_from(ODD_KEYS), st.text(max_size=12)
    )


def queries(page_keys: list[str] = ()) -> st.SearchStrategy[dict]:
    """Up to six parameters; a list stands for a repeated key (?k=a&k=b)."""
    one_or_many = st.one_of(values(), values(), st.lists(values(), min_size=2, max_size=3))
    return st.dictionaries(keys(list(page_keys)), one_or_many, max_size=6)


# Every page with its own script, then every lesson, by the url_path open_page() takes (from
# pages/components/site_map.py, so a page added there is fuzzed without touching this file).
LESSONS = [lesson.url_path for lesson in default_catalog().lessons]
OWN_TESTS = {site_map.SAFE_OPTIONS, site_map.PLANNER}  # the pages with a fuzz test of their own
OTHER_PAGES = [spec.url_path for spec in site_map.PAGES if spec not in OWN_TESTS]  # Home, Screening, Study, About...

# Each page's keys as it declares them, and presenter mode, which every page takes.
SAFE_KEYS = [*site_map.SAFE_OPTIONS.params, *APP_WIDE_PARAMS]
PLANNER_KEYS = [*site_map.PLANNER.params, *APP_WIDE_PARAMS]
LESSON_KEYS = [*lesson_params(default_catalog().lessons[0]), *APP_WIDE_PARAMS]
OTHER_KEYS = sorted(
    {key for spec in site_map.PAGES if spec not in OWN_TESTS for key in spec.params} | set(APP_WIDE_PARAMS)
)
ECHO_MARKERS = ("<script", "onerror", "javascript:")


def assert_survives(url_path: str, query: dict) -> None:
    at = open_page(url_path, query)
    assert not at.exception, f"/{url_path} with {query!r}: {[error.value for error in at.exception]}"
    for kind in ("markdown", "warning", "caption", "info", "error", "title", "header", "subheader"):
        for element in getattr(at, kind):
            shown = str(element.value).lower()
            echoed = [marker for marker in ECHO_MARKERS if marker in shown]
            assert not echoed, f"/{url_path} with {query!r}: a {kind} shows {echoed}: {shown[:200]!r}"


@settings(FUZZ, max_examples=EXAMPLES["safe"])
@given(query=queries(SAFE_KEYS))
def test_safe_options_survives_any_link(query):
    assert_survives("safe-exercises", query)


@settings(FUZZ, max_examples=EXAMPLES["planner"])
@given(query=queries(PLANNER_KEYS))
def test_planner_survives_any_link(query):
    assert_survives("program", query)


@settings(FUZZ, max_examples=EXAMPLES["lessons"])
@given(url_path=st.sampled_from(LESSONS), query=queries(LESSON_KEYS))
def test_lessons_survive_any_link(url_path, query):
    assert_survives(url_path, query)


@settings(FUZZ, max_examples=EXAMPLES["other"])
@given(url_path=st.sampled_from(OTHER_PAGES), query=queries(OTHER_KEYS))
def test_every_other_page_survives_any_link(url_path, query):
    assert_survives(url_path, query)


def test_fuzzing_covers_every_page_the_navigation_registers_with_enough_examples():
    registered = {info["url_pathname"] or "(default)" for info in registered_pages(app().run()).values()}
    fuzzed = {*(spec.url_path for spec in OWN_TESTS), *OTHER_PAGES, *LESSONS}
    default = next(spec.url_path for spec in site_map.PAGES if spec.default)  # registered with an empty URL
    assert registered == fuzzed - {default} | {"(default)"}
    assert sum(EXAMPLES.values()) >= 500


@pytest.mark.parametrize(
    ("url_path", "key", "value"),
    [
        ("safe-exercises", "bone", "brittle"),
        ("safe-exercises", "t", "-99"),
        ("safe-exercises", "vf", "maybe"),
        ("safe-exercises", "show", "<b>Everything</b>"),
        ("safe-exercises", "pattern", ["squat", "flying"]),
        ("program", "months", "99"),
        ("program", "spw", "7"),
        ("program", "start", "yesterday"),
        ("learn-impact-forces", "oi_load", "9"),
    ],
)
def test_a_known_key_with_an_odd_value_is_named_in_a_notice(url_path, key, value):
    at = open_page(url_path, {key: value})
    assert not at.exception
    notices = " ".join(warning.value for warning in at.warning)
    assert f"`{key}`" in notices, f"/{url_path}?{key}={value!r} shows no notice naming {key}: {notices!r}"


# Links the fuzzing above found to crash a page (November 2026), kept as plain regression checks.
@pytest.mark.parametrize(
    ("url_path", "query"),
    [
        ("safe-exercises", {"show": ""}),  # a required segmented control bound to an empty value gives None
        ("program", {"spw": ""}),
        ("program", {"minutes": ""}),
        ("program", {"kit": ""}),
        ("study-exam", {"length": ""}),
        ("study-exam", {"seed": "1e309"}),  # an int number_input bound to an infinite value overflows
        ("study-exam", {"seed": "inf"}),
        ("study-exam", {"seed": "9" * 10_000}),  # int() refuses more than 4,300 digits
        ("study-exam", {"seed": "\u00b2"}),  # a superscript two: str.isdigit() says yes, int() says no
    ],
)
def test_links_that_once_crashed_a_page(url_path, query):
    assert_survives(url_path, query)
