"""Presenter mode: big type, a clean screen and top navigation for sharing a screen with a room.

On with the sidebar toggle or a link carrying ?present=1; it stays on across pages.
"""

from __future__ import annotations

import streamlit as st

PRESENT_VALUES = ("1", "true")
# Streamlit sizes text in rem, so a larger root size scales type, widgets and spacing together.
PRESENTER_STYLE = """
<style>
html { font-size: 24px; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding: 4rem 2.5rem 3rem; }
[data-testid="stDecoration"], [data-testid="stMainMenu"], [data-testid="stToolbarActions"], .stAppDeployButton { display: none; }
h1 { font-size: 2.4rem !important; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1rem; line-height: 1.5; }
[data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p { font-size: 2rem; line-height: 1.2; }
/* A stepped lesson's header stays in view, small: the screen is for the section (issue #17). */
[data-testid="stLayoutWrapper"]:has(> .st-key-lesson-step-header) { position: sticky; top: 3.75rem; z-index: 99;
  background: var(--st-background-color, #fff); padding-bottom: 0.25rem; border-bottom: 1px solid rgba(49, 51, 63, 0.2); }
.st-key-lesson-step-header h1 { font-size: 1.3rem !important; padding: 0 !important; }
/* A chart drawn to fit (lib/chart_style.py FIT_TO_SCREEN, height="stretch") takes the screen's height less the
   top bar and a lesson's header, so at 1280x720 it fits under them; within bounds that keep it readable. */
[data-testid="stFullScreenFrame"] > [height="100%"] > [data-testid="stVegaLiteChart"] {
  height: clamp(220px, calc(100vh - 320px), 640px) !important; }
/* A lesson's drawings side by side: under the header with their title and captions at 1280x720. */
[data-testid="stMain"] .bll-compare img { max-height: clamp(200px, calc(100vh - 390px), 640px); object-fit: contain; }
</style>
"""


def presenter_requested() -> bool:
    """Presenter mode for this run: the toggle's value, or on a first visit the link's ?present=1."""
    if "present" in st.session_state:
        return bool(st.session_state["present"])
    return st.query_params.get("present") in PRESENT_VALUES


def _keep_in_link(present: bool) -> None:
    """The link carries present=1 while presenter mode is on, on every page, so a copied link opens in it."""
    if present and st.query_params.get("present") != "1":
        st.query_params["present"] = "1"
    elif not present and "present" in st.query_params:
        del st.query_params["present"]


def presenter_toggle() -> bool:
    # Not bound with bind="query-params": links use the short form ?present=1, which we keep ourselves
    # (a page switch drops unbound parameters, so this runs on every page).
    present = st.toggle(
        "Presenter mode",
        value=presenter_requested(),
        key="present",
        help="Large type and a clean screen for sharing with a room. Links keep it on.",
    )
    _keep_in_link(present)
    return present


def apply_presenter_style() -> None:
    st.html(PRESENTER_STYLE)
