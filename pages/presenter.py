"""Presenter mode: big type, a clean screen and top navigation for sharing a screen with a room.

On with the sidebar toggle or a link carrying ?present=1 (or present=true); it stays on across pages.
"""

from __future__ import annotations

import streamlit as st

# Streamlit sizes text in rem, so a larger root size scales type, widgets and spacing together.
PRESENTER_STYLE = """
<style>
html { font-size: 24px; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding: 4rem 2.5rem 3rem; }
[data-testid="stDecoration"], [data-testid="stMainMenu"], [data-testid="stToolbarActions"], .stAppDeployButton { display: none; }
h1 { font-size: 2.4rem !important; }
p, li { line-height: 1.5; }
</style>
"""


def presenter_requested() -> bool:
    """Presenter mode for this run: the toggle's value, or on a first visit the link's ?present=1."""
    if "present" in st.session_state:
        return bool(st.session_state["present"])
    return st.query_params.get("present") in ("1", "true")


def presenter_toggle() -> bool:
    if "present" not in st.session_state and st.query_params.get("present") == "1":
        st.session_state["present"] = True  # accept the short form; the bound toggle writes present=true
    return st.toggle("Presenter mode", key="present", bind="query-params",
                     help="Large type and a clean screen for sharing with a room. Links keep it on.")


def apply_presenter_style() -> None:
    st.html(PRESENTER_STYLE)
