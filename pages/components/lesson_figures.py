"""Charts and small interactive examples that lessons place with ``<!-- figure: NAME -->``."""

from __future__ import annotations

from typing import Callable

import streamlit as st

from lib import charts
from lib.tables import guidelines_frame, markdown_table
from pages.components.common import catalog, chart, with_arrow_datasets
from pages.components.exercise_card import comparison_figure
from pages.components.page_params import OI_CYCLES, OI_LOADS_BW

# Activities lesson 4 places on the body-weight scale, named on the load slider at their load.
OI_ACTIVITIES = {1.2: "walking", 2.0: "leg training", 2.9: "stamping", 4.0: "hops", 4.9: "heel drops"}


def load_in_words(load_bw: float) -> str:
    """Where a load sits among the named activities: 'about hops' or 'between stamping (2.9) and hops (4.0)'."""
    if load_bw in OI_ACTIVITIES:
        return f"about {OI_ACTIVITIES[load_bw]}"
    lower = max(point for point in OI_ACTIVITIES if point < load_bw)
    upper = min(point for point in OI_ACTIVITIES if point > load_bw)
    return f"between {OI_ACTIVITIES[lower]} ({lower}) and {OI_ACTIVITIES[upper]} ({upper})"


@st.cache_data(show_spinner=False)
def impact_forces_spec() -> dict:
    return with_arrow_datasets(charts.impact_forces_chart(catalog().impact_forces).to_dict())


@st.cache_data(show_spinner=False)
def osteogenic_index_spec(peak_load_bw: float, total_cycles: int) -> dict:
    return with_arrow_datasets(charts.osteogenic_index_chart(peak_load_bw, total_cycles).to_dict())


@st.cache_data(show_spinner=False)
def trial_results_spec() -> dict:
    return with_arrow_datasets(charts.trial_results_chart(catalog().trials).to_dict())


def render_impact_forces() -> None:
    chart(impact_forces_spec(), charts.describe_impact_forces(catalog().impact_forces))


@st.fragment
def render_osteogenic_index() -> None:
    """The example's sliders rerun only the example, not the whole lesson around it.

    In presenter mode the sliders stand beside the chart, so both fit a 1280x720 screen together."""
    with st.container(border=True, key="osteogenic-example"):
        st.markdown("**Try it: the osteogenic index**")
        if st.session_state.get("present"):
            controls, figure = st.columns([1, 2])
            load_slot = cycles_slot = controls
        else:
            load_slot, cycles_slot = st.columns(2)
            figure = st.container()
        # Plain numbers on the slider: a bound select_slider writes its labels into the link (oi_load=2.5).
        load = load_slot.select_slider(
            "Peak load (x body weight)",
            options=OI_LOADS_BW,
            value=4.0,
            key="oi_load",
            bind="query-params",
            help="; ".join(f"{name} about {point}" for point, name in OI_ACTIVITIES.items()).capitalize() + " x BW.",
        )
        load_slot.caption(f"{load} x body weight: {load_in_words(load)}.")
        cycles = cycles_slot.slider(
            "Loads in the day",
            min_value=OI_CYCLES[0],
            max_value=OI_CYCLES[1],
            value=50,
            step=10,
            key="oi_cycles",
            bind="query-params",
        )
        cycles_slot.caption(
            "Splitting the same loads into bouts hours apart scores higher: each bout starts with fresh sensitivity (animal data)."
        )
        with figure:
            chart(osteogenic_index_spec(load, cycles), charts.describe_osteogenic_index(load, cycles))


def render_trial_results() -> None:
    chart(trial_results_spec(), charts.describe_trial_results(catalog().trials))


@st.cache_data(show_spinner=False)
def guidelines_markdown(vertebral_fracture: bool = False) -> str:
    """The guidelines side by side as a Markdown table: long advice wraps instead of being cut off."""
    frame = guidelines_frame(catalog().guidelines, vertebral_fracture=vertebral_fracture)
    return markdown_table(frame.set_index(frame.columns[0]), frame.columns[0])


def render_guidelines_table() -> None:
    st.markdown(guidelines_markdown())


# Two exercises drawn side by side, each captioned with its name and summary from data/exercises.yaml:
# a title, then the exercise ids.
COMPARISONS = {
    "hinge-vs-rounded-lift": ("Rounded-back lift beside a hip hinge", "rounded-back-lifting", "kettlebell-deadlift"),
    "dead-bug-vs-sit-up": ("Sit-up beside a dead bug", "sit-up", "dead-bug"),
    "step-turn-vs-twist": ("Twisting under load beside turning with the feet", "loaded-wood-chop", "stepping-practice"),
    "heel-drop-vs-drop-landing": ("A drop landing beside a heel drop: both high impact", "drop-landings", "heel-drops"),
}


def comparison_renderer(name: str) -> Callable[[], None]:
    title, *exercise_ids = COMPARISONS[name]
    return lambda: st.html(comparison_figure(title, tuple(exercise_ids)))


FIGURE_RENDERERS: dict[str, Callable[[], None]] = {
    "impact-forces": render_impact_forces,
    "osteogenic-index": render_osteogenic_index,
    "trial-results": render_trial_results,
    "guidelines-table": render_guidelines_table,
} | {name: comparison_renderer(name) for name in COMPARISONS}
