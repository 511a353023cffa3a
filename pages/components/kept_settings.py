"""Settings that follow the user from page to page within one session.

Streamlit resets a widget bound to the URL to its default when a page opens without its
parameter, and on a page switch it strips the bound parameters from the history entry it
leaves: going from Safe options to the Planner by the menu, or pressing Back, would drop the
client's profile. Pages keep the values their widgets show; a page opened without them in its
link puts them back in the link and shows them. A link's own values always win; nothing leaves
the session. Back or Forward to a stripped entry of the page already shown gives the widgets their
kept values on one more run; they write them back into that entry (Streamlit replaces, rather than
adds, history entries while it answers Back or Forward). A user's own change on a page never makes
such an entry: a bound widget replaces the entry it is on.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

import streamlit as st
from streamlit.errors import StreamlitAPIException

KEPT = "kept-settings"  # widget key -> its last value in this session
CURRENT_PAGE = "kept-settings-page"
ARRIVED = "kept-settings-arrived"  # True on the first run of a page after another page
REAPPLY = "kept-settings-reapply"  # values to give the widgets on the run after they went back into the link
HELD = "kept-settings-held"  # keys Back or Forward reset on the page already shown: kept as they were


def note_page(url_path: str) -> None:
    """Called by app.py on every run: tells the pages whether this run opens them afresh."""
    st.session_state[ARRIVED] = st.session_state.get(CURRENT_PAGE) != url_path
    st.session_state[CURRENT_PAGE] = url_path


def as_link_values(value: object) -> list[str]:
    """A widget value as a bound widget writes it in the link."""
    values = value if isinstance(value, (list, tuple)) else [value]
    return [
        str(item).lower()
        if isinstance(item, bool)
        else item.isoformat()
        if isinstance(item, dt.date)
        else item.strftime("%H:%M")
        if isinstance(item, dt.time)
        else str(item)
        for item in values
    ]


def restore(keys: Iterable[str]) -> None:
    """Give a page's widgets the values kept in this session when it opens without them in its link.

    That is a page opened by the menu or a bare link, or by Back or Forward to a history entry
    Streamlit stripped. Call before the widgets are drawn. The values go into the link (unbound
    on a page's first run), then the page reruns once and the widgets take them. Later runs on
    the same page leave the user's changes alone.
    """
    reapplied = st.session_state.pop(REAPPLY, {})
    if reapplied:  # the rerun below: the rest of the page restores as on arrival
        st.session_state.update(reapplied)
        st.session_state[ARRIVED] = True
    kept = st.session_state.get(KEPT, {})
    if not st.session_state.get(ARRIVED):
        # Still holding the kept value yet missing from the link: history, not the user, is resetting it.
        held = {
            key for key in keys if key in kept and key not in st.query_params and st.session_state.get(key) == kept[key]
        }
        st.session_state[HELD] = held
        if held:  # the run below gives the widgets their values back, and they put them back in the link
            st.session_state[REAPPLY] = {key: kept[key] for key in held}
            st.rerun()
        return
    missing = {key: kept[key] for key in keys if key in kept and key not in st.query_params and key not in reapplied}
    written = {key: value for key, value in missing.items() if _into_link(key, value)}
    st.session_state.update({key: value for key, value in missing.items() if key not in written})
    if written:
        st.session_state[REAPPLY] = written
        st.rerun()


def _into_link(key: str, value: object) -> bool:
    """Put a kept value into the link; False if its widget is already bound in this session.

    Back to an entry of the page already shown (a day changed, then Back) finds the widget bound, and
    Streamlit refuses a direct write to a bound parameter: the widget is given the kept value at once
    instead (restore runs before the widgets are drawn), with no rerun, which would only loop.
    """
    try:
        st.query_params[key] = as_link_values(value)
    except StreamlitAPIException:
        return False
    return True


def keep(keys: Iterable[str]) -> None:
    """Remember what these widgets show now (call after drawing them).

    Only values in the link are kept: a bound widget leaves its default out of the link, and a
    default needs no restoring.
    """
    kept = st.session_state.setdefault(KEPT, {})
    held = st.session_state.pop(HELD, set())
    for key in keys:
        if key in held:
            continue
        if key in st.query_params and key in st.session_state:
            kept[key] = st.session_state[key]
        else:
            kept.pop(key, None)


def keep_answers(prefix: str) -> None:
    """Remember every widget whose key starts with `prefix` (answers not in the link), for the next visit."""
    answers = st.session_state.setdefault(f"{KEPT}-{prefix}", {})
    answers.update(
        {key: value for key, value in st.session_state.items() if isinstance(key, str) and key.startswith(prefix)}
    )


def restore_answers(prefix: str) -> None:
    """Put back the answers Streamlit dropped when the user went to another page (call before drawing them)."""
    if st.session_state.get(ARRIVED):
        st.session_state.update(st.session_state.get(f"{KEPT}-{prefix}", {}))
