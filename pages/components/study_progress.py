"""Opt-in study progress on the study pages: the saving panel, the status line and saving answers.

The study code lives in this browser session only, never in the page's link (a link is shared).
If the database cannot be used, the pages go on without saving and say so once.
"""

from __future__ import annotations

import os

import streamlit as st

from lib.progress.codes import normalize_code
from lib.progress.store import Answer, ExamRecord, ProgressStore, StorageUnavailable, UnknownCode, database_url

CODE = "study_code"  # session keys
JUST_STARTED = "study_code_new"
OFFLINE = "progress_offline"
NOTICE = "progress_notice"
SECRET_NAME = "progress_database_url"
UNAVAILABLE = (
    "Your progress cannot be saved right now: the progress database could not be used. "
    "The study pages work as usual, without saving."
)
FORGOTTEN = "Nothing is saved under this study code any more (it was forgotten), so answers are not being saved."


@st.cache_resource(show_spinner=False)
def store_for(url: str) -> ProgressStore:
    """One store per database per process, shared by its sessions (it migrates once)."""
    return ProgressStore(url)


def store() -> ProgressStore:
    secret = st.secrets.get(SECRET_NAME) if st.secrets.load_if_toml_exists() else None
    return store_for(database_url(os.environ, secret))


def active_code() -> str | None:
    """The study code answers are saved under, or None when this session does not save."""
    return None if st.session_state.get(OFFLINE) else st.session_state.get(CODE)


def _stop_saving(notice: str) -> None:
    st.session_state.pop(CODE, None)
    st.session_state[NOTICE] = notice


def _guarded(work, fallback=None):
    """Run a store call; a failure switches saving off for the session with a notice shown once."""
    try:
        return work()
    except StorageUnavailable:
        st.session_state[OFFLINE] = True
        st.session_state[NOTICE] = UNAVAILABLE
    except UnknownCode:
        _stop_saving(FORGOTTEN)
    return fallback


def save_answers(given: list[Answer]) -> None:
    code = active_code()
    if code:
        _guarded(lambda: store().record_answers(code, given))


def save_exam(seed: int, given: list[Answer]) -> None:
    code = active_code()
    if code:
        _guarded(lambda: store().record_exam(code, seed, given))


def saved_answers() -> list[Answer]:
    code = active_code()
    return _guarded(lambda: store().answers(code), []) if code else []


def saved_exams() -> list[ExamRecord]:
    code = active_code()
    return _guarded(lambda: store().exams(code), []) if code else []


def show_notice() -> None:
    """The one-time notice about saving, if something happened since the last run."""
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        st.warning(notice, icon=":material/cloud_off:")


def status_line(review_page: st.Page) -> None:
    """Under a study page's title: whether answers are being saved, and where to change that."""
    show_notice()
    if active_code():
        st.page_link(review_page, label="Saving your progress: what is due", icon=":material/cloud_done:")
    else:
        st.page_link(review_page, label="Not saved: save with a study code", icon=":material/cloud_off:")


def start_saving() -> None:
    code = _guarded(lambda: store().start())
    if code:
        st.session_state[CODE] = st.session_state[JUST_STARTED] = code


def continue_with_code() -> None:
    typed = st.session_state.get("typed_code", "")
    code = normalize_code(typed)
    if code is None:
        st.session_state[NOTICE] = "That is not a study code: a code is five words from the app's list."
    elif _guarded(lambda: store().knows(code), False):
        st.session_state[CODE] = code
        st.session_state.pop(OFFLINE, None)
    elif not st.session_state.get(OFFLINE):
        st.session_state[NOTICE] = (
            "Nothing is saved under this code. Check the words, or start saving to get a new code."
        )
    st.session_state["typed_code"] = ""


def forget_progress() -> None:
    code = st.session_state.get(CODE)
    if code and _guarded(lambda: store().forget(code) or True, False):
        st.session_state.pop(CODE, None)
        st.session_state.pop(JUST_STARTED, None)
        st.session_state[NOTICE] = "Everything saved under your study code is deleted."


def stop_saving_here() -> None:
    st.session_state.pop(CODE, None)
    st.session_state.pop(JUST_STARTED, None)


def saving_panel() -> None:
    """Start saving, continue with a code, or forget: the only place a study code is shown or typed."""
    show_notice()
    code = active_code()
    if code is None:
        st.markdown(
            "Saving is optional. Start, and the app gives you a **study code**: five words to write "
            "down. Type them on another day or device to carry on. No name, email or account."
        )
        start_column, continue_column = st.columns(2, vertical_alignment="bottom")
        start_column.button(
            "Start saving my progress",
            on_click=start_saving,
            type="primary",
            icon=":material/cloud_upload:",
            width="stretch",
        )
        with continue_column.form("continue-with-code", border=False):
            # Not bound to the link: a study code must never end up in a shared URL.
            st.text_input("Already have a code?", key="typed_code", placeholder="five words", autocomplete="off")
            st.form_submit_button("Continue with my code", on_click=continue_with_code)
        return
    if st.session_state.get(JUST_STARTED) == code:
        st.success(
            "Your progress is being saved. **Write down your study code**: it is the only way back "
            "to your progress, and the app cannot show it again once you leave.",
            icon=":material/key:",
        )
        st.code(code, language=None)
    else:
        st.success("Your progress is being saved under the study code you entered.", icon=":material/cloud_done:")
    stop_column, forget_column = st.columns(2)
    stop_column.button(
        "Stop saving on this device",
        on_click=stop_saving_here,
        icon=":material/logout:",
        help="Your progress stays saved; type your code to continue later.",
    )
    with forget_column.popover("Forget my progress", icon=":material/delete_forever:"):
        st.markdown("This deletes every answer and exam score saved under your code, at once and for good.")
        st.button("Delete everything saved under my code", on_click=forget_progress, type="primary")
