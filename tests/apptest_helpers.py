"""Open any page of app.py in AppTest, file-based or not."""

from __future__ import annotations

import html

from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from tests.conftest import PROJECT_ROOT

TIMEOUT = 30


def app() -> AppTest:
    return AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=TIMEOUT)


def open_page(url_path: str, query: dict | None = None) -> AppTest:
    """Run app.py as a browser opening the page at url_path (with the query) would."""
    at = app()
    if query:
        at.query_params.update(query)
    select_page(at, url_path)
    return at.run()


def select_page(at: AppTest, url_path: str) -> None:
    """Make the next run open the page at url_path, as a browser's address does.

    Private API, kept here alone: AppTest.switch_page finds pages by file only, and lessons are
    callables, so this sets the page hash that st.Page derives from url_path. Move to
    AppTest.switch_page with a url_path or an st.Page if Streamlit's AppTest adds it.
    """
    at._page_hash = page_hash(url_path)  # noqa: SLF001 - see docstring


def page_hash(url_path: str) -> str:
    """The key st.Page gives the page at url_path.

    Internal API: streamlit.util.calc_hash, as st.Page calls it. Move to st.Page(...).url_path
    based lookups if AppTest learns them (see select_page).
    """
    return calc_hash(url_path)


def registered_pages(at: AppTest) -> dict[str, dict]:
    """Page hash -> page info (url_pathname, page_name, ...) for every page the last run's st.navigation listed.

    Private API, kept here alone: AppTest keeps them in _registered_pages. Move to a public AppTest
    accessor for the navigation's pages if Streamlit adds one.
    """
    return at._registered_pages  # noqa: SLF001 - see docstring


def all_text(at: AppTest) -> str:
    parts = [
        element.value
        for kind in ("markdown", "caption", "title", "subheader", "info", "warning", "error")
        for element in getattr(at, kind)
    ]
    return "\n".join(str(part) for part in parts)


def profile_needs(at: AppTest) -> str:
    """Safe options' 'What this profile needs' (one HTML element), with its text unescaped."""
    return next(
        html.unescape(element.value) for element in at.get("html") if "What this profile needs" in element.value
    )
