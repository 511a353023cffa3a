"""The privacy promise on the About page, checked: no usage statistics, nothing a user enters is
logged or written to disk, and no page renders raw HTML from content or data files."""

from __future__ import annotations

import ast
import os
from html.parser import HTMLParser
import re
import time
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st_strategies
from playwright.sync_api import expect

from lib.profile_guidance import Guidance
from pages.components.exercise_card import HTML_BUILDERS, card_grid, exercise_card, guidance_html
from tests.conftest import PROJECT_ROOT
from tests.support.server import StreamlitServer

CONFIG = PROJECT_ROOT / ".streamlit" / "config.toml"
# What a clinic might type: a T-score and a start date distinctive enough to find anywhere.
T_SCORE, START = "-2.7", "2031-03-17"
# Folders whose files are not the app's doing: tools, caches and the test run's own records.
SKIP_DIRS = {".venv", ".git", "__pycache__", ".pytest_cache", ".hypothesis"}
SKIP_PATHS = {PROJECT_ROOT / "tests" / "screenshots"}
STREAMLIT_CODE = [PROJECT_ROOT / "app.py", *sorted((PROJECT_ROOT / "pages").rglob("*.py"))]
WAIT_MS = 30_000


# --------------------------------------------------------------------------- (a) configuration


def test_usage_statistics_are_off_and_xsrf_protection_is_on():
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert config.get("browser", {}).get("gatherUsageStats") is False
    assert config.get("server", {}).get("enableXsrfProtection", True) is not False


# --------------------------------------------------------------------------- (b) nothing entered is kept


def files_written_since(start: float) -> list[Path]:
    written = []
    for folder, dirs, files in os.walk(PROJECT_ROOT):
        dirs[:] = [name for name in dirs if name not in SKIP_DIRS and Path(folder, name) not in SKIP_PATHS]
        for name in files:
            path = Path(folder, name)
            try:
                if path.stat().st_mtime >= start:
                    written.append(path)
            except FileNotFoundError:  # removed while we walked (a server log closing)
                continue
    return written


def mentions_entered_values(path: Path) -> bool:
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        return False
    return START.encode() in content or T_SCORE.encode() in content


@pytest.mark.browser
def test_entered_values_are_not_logged_or_written(chromium):
    start = time.time() - 1  # file times can be a little behind the clock
    server = StreamlitServer()
    try:
        context = chromium.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(f"{server.url}/", wait_until="domcontentloaded")  # first request: home (see README)
        page.wait_for_selector("h1", timeout=WAIT_MS)
        page.goto(f"{server.url}/program?t={T_SCORE}&start={START}", wait_until="domcontentloaded")
        expect(page.get_by_text(f"T-score {T_SCORE} means")).to_be_visible(timeout=WAIT_MS)
        page.locator("[data-testid='stButtonGroup']").filter(has_text="Sessions a week").get_by_role(
            "radio", name="2", exact=True
        ).click()
        page.wait_for_function("() => location.search.includes('spw=2')", timeout=WAIT_MS)
        assert T_SCORE in page.url and START in page.url  # the values did reach the app
        context.close()
        time.sleep(1)  # let the server write whatever it would write
        output = server.output()
        written = [path for path in files_written_since(start) if mentions_entered_values(path)]
    finally:
        server.close()
    assert START not in output and T_SCORE not in output, "the server's output shows what the user entered"
    assert not written, f"files written during the test hold what the user entered: {written}"


# --------------------------------------------------------------------------- (c) no raw HTML from content


def test_no_page_allows_unsafe_html():
    offenders = [
        str(path.relative_to(PROJECT_ROOT))
        for path in STREAMLIT_CODE
        if re.search(r"unsafe_allow_html\s*=\s*True", path.read_text(encoding="utf-8"))
    ]
    assert not offenders, f"unsafe_allow_html=True in {offenders}"


def html_calls(tree: ast.AST) -> list[ast.Call]:
    """Calls that render raw HTML: st.html(...), components.html(...), st.components.v1.html(...)."""
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "html"
    ]


def literal_constants(tree: ast.Module) -> set[str]:
    """Module-level names bound to a string literal written in the code (e.g. a <style> block)."""
    return {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def built_by_an_escaping_builder(argument: ast.AST) -> bool:
    """A call to one of the exercise-card builders, which escape every text they take from data/."""
    if not isinstance(argument, ast.Call):
        return False
    name = argument.func.id if isinstance(argument.func, ast.Name) else getattr(argument.func, "attr", "")
    return name in HTML_BUILDERS


def test_raw_html_gets_only_text_written_in_the_code():
    """st.html shows its argument unescaped: it may only get a string literal from the code itself (or a
    module constant holding one), never text loaded from data/ or content/, which contributors edit; or
    the output of the exercise-card builders, which escape such text (checked below)."""
    offenders = []
    for path in STREAMLIT_CODE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = literal_constants(tree)
        for call in html_calls(tree):
            for argument in [*call.args, *(keyword.value for keyword in call.keywords)]:
                literal = isinstance(argument, ast.Constant)
                named_literal = isinstance(argument, ast.Name) and argument.id in constants
                if not (literal or named_literal or built_by_an_escaping_builder(argument)):
                    offenders.append(f"{path.relative_to(PROJECT_ROOT)}:{call.lineno}: {ast.unparse(argument)[:60]}")
    assert not offenders, f"raw HTML built from something other than a literal: {offenders}"


HOSTILE_TEXT = st_strategies.one_of(
    st_strategies.sampled_from(
        [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            '"><svg onload=1>',
            "</details><script>",
            "' onmouseover='x",
            "&lt;b&gt;",
        ]
    ),
    st_strategies.text(max_size=40),
)
CARD_TAGS = {
    "style",
    "article",
    "div",
    "img",
    "h4",
    "p",
    "span",
    "a",
    "details",
    "summary",
    "ul",
    "li",
    "strong",
    "em",
    "figure",
    "figcaption",
}


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attributes = set(), set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes |= {name for name, _ in attrs}


@given(name=HOSTILE_TEXT, summary=HOSTILE_TEXT, cue=HOSTILE_TEXT, dose=HOSTILE_TEXT, reason=HOSTILE_TEXT)
def test_exercise_cards_escape_every_text_from_data(catalog, name, summary, cue, dose, reason):
    """Whatever a contributor writes in data/exercises.yaml or the rules, the card shows it as text:
    no tag or attribute appears that the builder did not write itself."""
    exercise = catalog.exercise("goblet-squat") | {
        "name": name,
        "summary": summary,
        "cues": [cue],
        "errors": [cue],
        "dose": dose,
        "pattern": name,
    }
    parsed = TagCollector()
    parsed.feed(
        card_grid(
            [exercise_card(exercise, catalog.references, "avoid", reason, ("watson2018",), swap=exercise, link="/x")],
            {"avoid": 1},
        )
    )
    assert parsed.tags <= CARD_TAGS
    assert parsed.attributes <= {"class", "style", "aria-label", "src", "alt", "href", "target"}


@given(heading=HOSTILE_TEXT, intro=HOSTILE_TEXT, topic=HOSTILE_TEXT, advice=HOSTILE_TEXT)
def test_profile_guidance_escapes_every_text_from_data(catalog, heading, intro, topic, advice):
    """What a profile needs (data/safety_wording.yaml) shows as text, its sources as links."""
    parsed = TagCollector()
    parsed.feed(guidance_html(heading, intro, [Guidance(topic, advice, ("watson2018",))], catalog.references))
    assert parsed.tags <= {"section", "h3", "p", "ul", "li", "strong", "a"}
    assert parsed.attributes <= {"class", "href", "target"}
