"""Streamlit helpers shared by the pages: cached loading, citations, notices.

Kept tiny on purpose: decisions live in lib/, this file only shows them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

import streamlit as st
from streamlit import dataframe_util
from streamlit.errors import StreamlitAPIException

from lib.catalog import Catalog, load_catalog
from lib.chart_style import FIT_TO_SCREEN, presenter_spec
from lib.references import Reference, citation, link_citations
from lib.urlstate import Param, choice, odd_parameters, refused_keys, share_url
from lib.validation import DataError

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


def cite(keys: Iterable[str]) -> str:
    """Source keys as one Markdown citation, each an author-year link to the source ('' for none)."""
    return citation(keys, catalog().references)


def cited_markdown(text: str) -> None:
    """Markdown with ``[@key]`` citations shown as author-year links to the source."""
    st.markdown(link_citations(text, catalog().references))


def reference_list(references: list[Reference]) -> None:
    """Numbered references, each linked to its DOI or page."""
    st.markdown("\n".join(f"{number}. {reference.formatted()}" for number, reference in enumerate(references, 1)))


def disclaimer() -> None:
    st.info(DISCLAIMER, icon=":material/medical_information:")


APP_WIDE_PARAMS = {"present": choice(["true", "false", "1", "0"])}  # presenter mode, on every page


ODD_LINK_SETTINGS = "odd_link_settings"  # session key: what the run that dropped them could not use


def notice_odd_parameters(params: dict[str, Param] | None = None) -> None:
    """Say which link settings this page could not use; their widgets show defaults instead.

    Every page calls it, before its widgets, with the parameters it binds; keys other pages bind
    are let through. What the page cannot use is taken out of the link and the page runs again,
    so no widget reads it: a bound widget would otherwise keep what it can (an integer slider
    cuts months=6.5 to 6) while the notice says the default is shown.
    """
    # Imported here: the site map builds its pages from this module's helpers.
    from pages.components.site_map import app_param_keys

    params = APP_WIDE_PARAMS | (params or {})
    raw = {key: st.query_params.get_all(key) for key in st.query_params}
    shared = app_param_keys() - set(params)
    refused = refused_keys(raw, params, shared)
    if refused and ODD_LINK_SETTINGS not in st.session_state:  # at most one extra run
        st.session_state[ODD_LINK_SETTINGS] = odd_parameters(raw, params, shared)
        for key in refused:
            # A key a widget of this session is already bound to (Back to the odd link) stays: the
            # notice still shows, once.
            with contextlib.suppress(KeyError, StreamlitAPIException):
                del st.query_params[key]
        st.rerun()
    odd = st.session_state.pop(ODD_LINK_SETTINGS, None) or odd_parameters(raw, params, shared)
    if odd:
        names = ", ".join(f"`{name}`" for name in odd)
        st.warning(
            f"This link had settings the page could not use ({names}), so their defaults are shown.",
            icon=":material/link_off:",
        )


def with_arrow_datasets(spec: dict) -> dict:
    """The spec with its datasets already in Arrow form, so a cached spec costs nothing to show again.

    Streamlit otherwise converts every chart's data to Arrow on every rerun. Private API, used here
    alone: streamlit.dataframe_util.convert_anything_to_arrow_bytes, what st.vega_lite_chart itself
    calls. Move to: plain datasets given to st.vega_lite_chart, if Streamlit caches that conversion
    (or offers a public Arrow encoder); drop this function then, and the charts stay as they are.
    """
    datasets = {
        name: dataframe_util.convert_anything_to_arrow_bytes(values)
        for name, values in spec.get("datasets", {}).items()
    }
    return spec | {"datasets": datasets} if datasets else spec


def chart(spec: dict, description: str) -> None:
    """A cached Vega-Lite spec, restyled for a room in presenter mode, with its text alternative."""
    # No alt=: the spec's own description names the chart for screen readers, and Streamlit logs a
    # warning quoting both when they differ (the text can hold a client's dates).
    if st.session_state.get("present"):
        restyled = presenter_spec(spec)
        fits = restyled.get("height") == FIT_TO_SCREEN  # then presenter.py's style gives it the screen's height
        st.vega_lite_chart(restyled, width="stretch", height="stretch" if fits else "content")
    else:
        st.vega_lite_chart(spec, width="stretch")
    with st.expander("Chart as text"):
        st.write(description)


# Streamlit shows a code block's copy button only on hover, over the end of the text: here it is
# always shown, in a margin of its own, so the link's end stays readable.
VISIBLE_COPY_BUTTON = """<style>
.st-key-share-link [data-testid="stCode"] pre { padding-right: 3.5rem; }
.st-key-share-link [data-testid="stCode"] div:has(> [data-testid="stElementToolbarButton"]),
.st-key-share-link [data-testid="stCode"] div:has(> div > [data-testid="stElementToolbarButton"]) {
  opacity: 1 !important; visibility: visible !important; pointer-events: auto !important; }
</style>"""


def bound_choice(container, label: str, options, default, key: str, **more):
    """A segmented control bound to the link that always holds a choice (`container`: st or a column).

    A bound control given an empty link value returns None even when required: the default stands in.
    """
    chosen = container.segmented_control(
        label, options, default=default, required=True, key=key, bind="query-params", **more
    )
    return default if chosen is None else chosen


def share_this_view(url_path: str) -> None:
    """'Copy link to this view': the page's full link with every setting, ready to paste in a slide.

    The link is drawn only while the popover is open (opening it reruns the page or its fragment): a closed
    popover's link would be sent and redrawn on every change of a setting (issue #13).
    """
    popover = st.popover("Copy link to this view", icon=":material/link:", key="share", on_change="rerun")
    if not popover.open:
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    link = share_url(st.context.url or "http://localhost:8501", url_path, params)
    with popover, st.container(key="share-link"):
        st.caption("This link opens the page exactly as it is set up now. Copy it with the button at its right.")
        st.code(link, language=None, wrap_lines=True)
        st.html(VISIBLE_COPY_BUTTON)
