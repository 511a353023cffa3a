"""Streamlit helpers shared by the pages: cached loading, citations, notices.

Kept tiny on purpose: decisions live in lib/, this file only shows them.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st
from streamlit import dataframe_util

from lib.catalog import Catalog, load_catalog
from lib.handout import clean_first_name
from lib.charts import presenter_spec
from lib.planner import Plan
from lib.profiles import Profile
from lib.references import Reference, link_citations
from lib.urlstate import Param, choice, odd_parameters, share_url
from lib.validation import DataError

# Every URL parameter any page binds: a link may carry another page's settings along.
APP_PARAM_KEYS = frozenset({
    "present", "step",  # presenter mode and the lesson section it shows
    "bone", "t", "vf", "falls", "joints", "exp", "cleared",  # the risk profile (pages/profile_form.py)
    "equip", "pattern", "site", "show", "all",  # Safe options filters
    "spw", "months", "minutes", "kit", "start",  # Program planner settings
    "oi_load", "oi_cycles",  # the osteogenic index example in lesson 4
    "topics", "level", "length", "seed", "find", "case",  # Study pages
})

DISCLAIMER = (
    "Education, not medical advice. Bone Loading Lab explains what guidelines and trials say; "
    "it does not diagnose or prescribe. A client with osteoporosis or a past fracture needs "
    "their clinician's advice before starting, and anyone with new back pain, sudden height "
    "loss or pain that lasts should stop and see a health professional."
)


@st.cache_resource(show_spinner=False)
def catalog() -> Catalog:
    """Every content and data file, validated once per process.

    A resource, not cache_data: the catalog is read-only and shared, and cache_data would
    unpickle a fresh copy of every lesson, exercise and question on each call.
    """
    return load_catalog()


def catalog_or_stop() -> Catalog:
    """The catalog, or a clear message naming the broken file (never a traceback)."""
    try:
        return catalog()
    except DataError as error:
        st.error(
            f"**The app's content could not be loaded.** File `{error.file}`, entry `{error.entry}`, "
            f"field `{error.field}`: {error.problem}",
            icon=":material/error:",
        )
        st.stop()


def cited_markdown(text: str) -> None:
    """Markdown with ``[@key]`` citations shown as author-year links to the source."""
    st.markdown(link_citations(text, catalog().references))


def reference_list(references: list[Reference]) -> None:
    """Numbered references, each linked to its DOI or page."""
    st.markdown("\n".join(f"{number}. {reference.formatted()}" for number, reference in enumerate(references, 1)))


def disclaimer() -> None:
    st.info(DISCLAIMER, icon=":material/medical_information:")


APP_WIDE_PARAMS = {"present": choice(["true", "false", "1", "0"])}  # presenter mode, on every page


def notice_odd_parameters(params: dict[str, Param] | None = None) -> None:
    """Say which link settings this page could not use; their widgets show defaults instead.

    Every page calls it with the parameters it binds; keys other pages bind are let through.
    """
    params = APP_WIDE_PARAMS | (params or {})
    raw = {key: st.query_params.get_all(key) for key in st.query_params}
    odd = odd_parameters(raw, params, shared=APP_PARAM_KEYS - set(params))
    if odd:
        names = ", ".join(f"`{name}`" for name in odd)
        st.warning(f"This link had settings the page could not use ({names}), so their defaults are shown.",
                   icon=":material/link_off:")


def with_arrow_datasets(spec: dict) -> dict:
    """The spec with its datasets already in Arrow form, so a cached spec costs nothing to show again.

    Streamlit otherwise converts every chart's data to Arrow on every rerun.
    """
    datasets = {name: dataframe_util.convert_anything_to_arrow_bytes(values)
                for name, values in spec.get("datasets", {}).items()}
    return spec | {"datasets": datasets} if datasets else spec


def chart(spec: dict, description: str) -> None:
    """A cached Vega-Lite spec, restyled for a room in presenter mode, with its text alternative."""
    st.vega_lite_chart(presenter_spec(spec) if st.session_state.get("present") else spec, width="stretch")
    with st.expander("Chart as text"):
        st.write(description)


def share_this_view(url_path: str) -> None:
    """'Copy link to this view': the page's full link with every setting, ready to paste in a slide."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    link = share_url(st.context.url or "http://localhost:8501", url_path, params)
    with st.popover("Copy link to this view", icon=":material/link:"):
        st.caption("This link opens the page set up exactly as it is now. Use the copy button.")
        st.code(link, language=None, wrap_lines=True)


def handout_bytes(profile: Profile, plan: Plan | None, first_name: str, start: dt.date | None) -> bytes:
    # Imported here, on a click: fpdf2 adds about a second to the app's cold start otherwise.
    from lib.handout_pdf import handout_pdf

    return handout_pdf(profile, plan, first_name, catalog(), start)


def handout_download(profile: Profile, plan: Plan | None = None, start: dt.date | None = None,
                     settings: tuple = ()) -> None:
    """The client handout, made on request; the optional first name goes into the PDF and nowhere else.

    The name sits in a form so that it travels with the click: a plain text box is only
    committed when it loses focus, and a PDF built straight after typing would miss the name.
    `settings` are whatever else the handout depends on (the planner's inputs); a handout made
    for other settings is not offered again.
    """
    with st.container(border=True):
        st.markdown("**:material/picture_as_pdf: Client handout**: one or two pages in plain words, to print or send.")
        with st.form("client-handout", border=False):
            name_column, button_column = st.columns([2, 1], vertical_alignment="bottom")
            first_name = name_column.text_input(
                "First name on the handout (optional)", max_chars=40,
                help="Printed on the handout only; never stored, logged or sent anywhere.",
            )
            requested = button_column.form_submit_button("Make the handout", icon=":material/picture_as_pdf:",
                                                          width="stretch")
        name = clean_first_name(first_name)
        wanted = (profile, settings, start, name)
        if requested:
            with st.spinner("Making the handout…"):
                st.session_state["handout"] = wanted, handout_bytes(profile, plan, name, start)
        if first_name.strip() and not name:
            st.caption("The name was left off: it may hold letters, spaces, hyphens and apostrophes (up to 40).")
        made_for, pdf = st.session_state.get("handout", (None, b""))
        if made_for == wanted:
            st.download_button(f"Download the handout{f' for {name}' if name else ''} (PDF)", pdf, file_name="bone-strength-plan.pdf",
                               mime="application/pdf", icon=":material/download:", type="primary",
                               on_click="ignore")
