"""The client handout form, shared by Safe options and the Planner."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from lib.handout import clean_first_name
from lib.planner import Plan
from lib.profiles import Profile
from pages.components.common import catalog


def handout_bytes(
    profile: Profile, plan: Plan | None, first_name: str, start: dt.date | None, weekdays: tuple[int, ...] | None
) -> bytes:
    # Imported here, on a click: fpdf2 and vl-convert add about a second to a page's first visit otherwise.
    from lib.handout_pdf import handout_pdf

    return handout_pdf(profile, plan, first_name, catalog(), start, weekdays)


HANDOUT = "handout"  # session key: (what the handout was made for, its PDF bytes)


def drop_handout_made_for_another(profile: Profile) -> None:
    """Forget a handout made for another profile, and redraw the page without its download.

    For a handout drawn outside the part of the page that reruns on a profile change: left alone, its
    download button would still offer the previous profile's handout. Only a page run after a handout
    was made pays for the full rerun.
    """
    stored = st.session_state.get(HANDOUT)
    if stored and stored[0][0] != profile:  # stored: (profile, settings, ...), PDF
        del st.session_state[HANDOUT]
        st.rerun(scope="app")


def handout_download(
    profile: Profile,
    plan: Plan | None = None,
    start: dt.date | None = None,
    settings: tuple = (),
    weekdays: tuple[int, ...] | None = None,
) -> None:
    """The client handout, made on request; the optional first name goes into the PDF and nowhere else.

    The name sits in a form so that it travels with the click: a plain text box is only
    committed when it loses focus, and a PDF built straight after typing would miss the name.
    `settings` are whatever else the handout depends on (the planner's inputs); a handout made
    for other settings is not offered again. `weekdays` are the client's training days for the schedule.
    """
    with st.container(border=True):
        st.markdown("**:material/picture_as_pdf: Client handout**: one or two pages in plain words, to print or send.")
        # A horizontal container, not st.columns: one block to send and redraw, not three (issue #13).
        with st.form("client-handout", border=False), st.container(horizontal=True, vertical_alignment="bottom"):
            first_name = st.text_input(
                "First name on the handout (optional)",
                max_chars=40,
                help="Printed on the handout only; never stored, logged or sent anywhere.",
            )
            requested = st.form_submit_button("Make the handout", icon=":material/picture_as_pdf:")
        name = clean_first_name(first_name)
        wanted = (profile, settings, start, weekdays, name)
        if requested:
            with st.spinner("Making the handout…"):
                st.session_state[HANDOUT] = wanted, handout_bytes(profile, plan, name, start, weekdays)
        if first_name.strip() and not name:
            st.caption(
                "The name was left off: it may hold letters the handout's typeface prints (the Latin, "
                "Greek and Cyrillic alphabets), spaces, hyphens and apostrophes (up to 40)."
            )
        made_for, pdf = st.session_state.get(HANDOUT, (None, b""))
        if made_for == wanted:
            label = f"Download the handout for {name} (PDF)" if name else "Download the handout (PDF)"
            st.download_button(
                label,
                pdf,
                file_name="bone-strength-plan.pdf",
                mime="application/pdf",
                icon=":material/download:",
                type="primary",
                on_click="ignore",
            )
