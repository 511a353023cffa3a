"""Start the app: `streamlit run app.py`, with Streamlit's legacy pages/ router switched off first.

`make run`, the tests and bench/ start the server this way: `python serve.py [streamlit run options]`
(`python serve.py bench/bare_app.py --server.port 8502` runs another script).

Why not plain `streamlit run app.py`: a fresh Streamlit process (1.67) that finds a `pages/` folder
beside the main script routes its first script run through the legacy pages/ router, which knows
only the file stems in pages/. A deep link such as /safe-exercises as the first request after
start-up therefore gets Streamlit's "Page not found" dialog, although app.py's st.navigation then
runs the right page; calling st.navigation is what switches the legacy router off, for the whole
process, so every later visit is clean (streamlit/streamlit#9992, #8860). No config option turns
it off, and app.py runs too late to help (the dialog is sent before app.py starts), so the switch
is flipped here, before the server starts. The page folder keeps its name (issue #12).
Plain `streamlit run app.py` (Community Cloud) still works: only the first deep link after a start
shows the dialog once.
"""

from __future__ import annotations

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli


def switch_off_legacy_pages_router() -> None:
    """Route even the first request through app.py's st.navigation.

    Private API: the class attribute that st.navigation itself sets to False on its first call.
    Move to a public option if Streamlit adds one to ignore the pages/ folder.
    """
    PagesManager.uses_pages_directory = False


def main(argv: list[str]) -> int:
    script, options = (argv[0], argv[1:]) if argv and not argv[0].startswith("-") else ("app.py", argv)
    switch_off_legacy_pages_router()
    return cli.main(["run", script, *options], prog_name="streamlit")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
