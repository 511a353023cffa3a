"""Settings that follow the user from page to page within one session.

Streamlit resets a widget bound to the URL to its default when a page opens without its
parameter, and its history entries lose their parameters on a page switch: going from Safe
options to the Planner by the menu, or pressing Back, would drop the client's profile. Pages
keep the values their widgets show; a page opened without them in its link puts them back
in the link and shows them. A link's own values always win; nothing leaves the session.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

import streamlit as st

KEPT = "kept-settings"  # widget key -> its last value in this session
CURRENT_PAGE = "kept-settings-page"
ARRIVED = "kept-settings-arrived"  # True on the first run of a page after another page
REAPPLY = "kept-settings-reapply"  # values to give the widgets on the run after they went back into the link


def note_page(url_path: str) -> None:
    """Called by app.py on every run: tells the pages whether this run opens them afresh."""
    st.session_state[ARRIVED] = st.session_state.get(CURRENT_PAGE) != url_path
    st.session_state[CURRENT_PAGE] = url_path


def as_link_values(value: object) -> list[str]:
    """A widget value as a bound widget writes it in the link."""
    values = value if isinstance(value, (list, tuple)) else [value]
    return [str(item).lower() if isinstance(item, bool)
            else item.isoformat() if isinstance(item, dt.date) else str(item) for item in values]


def restore(keys: Iterable[str]) -> None:
    """Give a page's widgets the values kept in this session when the link lacks them.

    That happens on a page opened by the menu or a bare link, and on Back or Forward to a history
    entry Streamlit stripped (there the widget still holds the kept value until it is drawn; a user
    who sets a widget back to its default changes that value, and is not overridden). Call before
    the widgets are drawn. The values go into the link, then the page reruns once and the widgets
    take them.
    """
    st.session_state.update(st.session_state.pop(REAPPLY, {}))
    arrived = st.session_state.get(ARRIVED)
    st.session_state[ARRIVED] = False
    kept = st.session_state.get(KEPT, {})
    missing = {key: kept[key] for key in keys if key in kept and key not in st.query_params
               and (arrived or st.session_state.get(key) == kept[key])}
    if missing:
        st.query_params.update({key: as_link_values(value) for key, value in missing.items()})
        st.session_state[REAPPLY] = missing
        st.rerun()


def keep(keys: Iterable[str]) -> None:
    """Remember what these widgets show now (call after drawing them).

    Only values in the link are kept: a bound widget leaves its default out of the link, and a
    default needs no restoring.
    """
    kept = st.session_state.setdefault(KEPT, {})
    for key in keys:
        if key in st.query_params and key in st.session_state:
            kept[key] = st.session_state[key]
        else:
            kept.pop(key, None)


def keep_answers(prefix: str) -> None:
    """Remember every widget whose key starts with `prefix` (answers not in the link), for the next visit."""
    answers = st.session_state.setdefault(f"{KEPT}-{prefix}", {})
    answers.update({key: value for key, value in st.session_state.items()
                    if isinstance(key, str) and key.startswith(prefix)})


def restore_answers(prefix: str) -> None:
    """Put back the answers Streamlit dropped when the user went to another page (call before drawing them)."""
    for key, value in st.session_state.get(f"{KEPT}-{prefix}", {}).items():
        if key not in st.session_state:
            st.session_state[key] = value
