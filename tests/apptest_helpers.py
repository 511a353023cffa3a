"""Open any page of app.py in AppTest, file-based or not."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from tests.conftest import PROJECT_ROOT

TIMEOUT = 30


def app() -> AppTest:
    return AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=TIMEOUT)


def open_page(url_path: str, query: dict | None = None) -> AppTest:
    """Run app.py once, then the page at url_path.

    AppTest.switch_page only finds pages by file, and lessons are callables; st.Page keys
    every page by the hash of its url_path, so we select it the same way a browser does.
    """
    at = app()
    if query:
        at.query_params.update(query)
    at.run()
    at._page_hash = calc_hash(url_path)  # noqa: SLF001 - see docstring
    return at.run()


def all_text(at: AppTest) -> str:
    parts = [element.value for kind in ("markdown", "caption", "title", "subheader", "info", "warning", "error")
             for element in getattr(at, kind)]
    return "\n".join(str(part) for part in parts)
