"""Settings that follow the user from page to page within one session, and one history entry per step.

Streamlit resets a widget bound to the URL to its default when a page opens without its
parameter, and a page link drops every parameter the page being left binds, even one the link
itself carries (Safe options' bone on its way to the Planner). Pages keep the values their
widgets show; a page opened without them in its link puts them back in the link and shows them.
A link's own values always win; nothing leaves the session. Back or Forward to an entry of the
page already shown that lacks them gives the widgets their kept values on one more run; they
write them back into that entry (Streamlit replaces, rather than adds, history entries while it
answers Back or Forward). A user's own change on a page never makes such an entry: a bound
widget replaces the entry it is on.

Streamlit 1.67 adds two or more history entries for one click on a page link (the page left,
stripped of its bound parameters, then the new page, then each parameter the new page puts back),
so Back from the Planner needed two or more presses to reach Safe options. ONE_ENTRY_PER_ACTION
folds them into one: see its comment.
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


# One browser history entry per user action (a click or a key), however many times Streamlit pushes.
# Why: on a page link Streamlit 1.67's frontend pushes the page being left with its bound parameters
# stripped (App.handlePageInfoChanged: pushState, as the server announces the filtered parameters
# before the new page's address), then the new page (App.maybeUpdatePageUrl: pushState), then one
# entry for each st.query_params write of the new page's first runs; only while it answers Back or
# Forward does it replace. A bare two-page app, each page with one bound selectbox and a page link, shows it.
# What: the first pushState after a click or key press adds an entry; later ones, and any push while
# Back or Forward is answered or before the user has acted on a freshly loaded page, replace the entry
# instead. The entry the user left is never touched, so Back returns to it as she left it.
# Private behaviour: this wraps window.history.pushState, which Streamlit's frontend calls. Remove it
# when Streamlit replaces, rather than pushes, the entries a single page link makes.
ONE_ENTRY_PER_ACTION = """<script>
(() => {
  if (window.boneLabOneEntryPerAction) return;  // once per tab: the page stays loaded across app pages
  window.boneLabOneEntryPerAction = true;
  const push = history.pushState.bind(history);
  let entryMade = true;  // the loaded page already has its entry
  const userActs = () => { entryMade = false; };
  addEventListener("pointerdown", userActs, true);
  addEventListener("keydown", userActs, true);
  addEventListener("popstate", () => { entryMade = true; });
  history.pushState = (state, title, url) => {
    if (entryMade) return history.replaceState(state, title, url);
    entryMade = true;
    return push(state, title, url);
  };
})();
</script>"""


def note_page(url_path: str) -> None:
    """Called by app.py on every full run (and by a page's fragment that holds its settings, at its end):
    tells the pages whether this run opens them afresh."""
    st.session_state[ARRIVED] = st.session_state.get(CURRENT_PAGE) != url_path
    st.session_state[CURRENT_PAGE] = url_path


def keep_one_history_entry_per_action() -> None:
    """Called by app.py: browser history at one entry per user action (in the sidebar's foot, where it takes
    no room; not from a fragment, which cannot write to the sidebar)."""
    st.sidebar.html(ONE_ENTRY_PER_ACTION, unsafe_allow_javascript=True)


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
