"""Charts and small interactive examples that lessons place with ``<!-- figure: NAME -->``."""

from __future__ import annotations

from typing import Callable

import streamlit as st

from lib import charts
from lib.tables import guidelines_frame, markdown_table
from pages.components.common import catalog, chart, with_arrow_datasets
from pages.components.exercise_card import comparison_figure
from pages.components.page_params import OI_CYCLES, OI_LOADS_BW

# Figures a presenter works while the room watches: in presenter mode they lead their step, so they are on
# screen on arrival, with the section's text after them.
INTERACTIVE_FIGURES = frozenset({"osteogenic-index"})


def measured_at(activity: dict) -> str:
    """An activity of data/impact_forces.yaml with its measured peak: 'hops 4.0-4.9 BW'."""
    low, high = activity["low_bw"], activity["high_bw"]
    return f"{activity['activity'].lower()} {low if low == high else f'{low}-{high}'} BW"


def load_in_words(load_bw: float, impact_forces: tuple[dict, ...]) -> str:
    """A load among the peaks measured for real activities (the lesson's impact chart): the activities
    measured at it, or else the nearest measured below and above it."""
    within = [activity for activity in impact_forces if activity["low_bw"] <= load_bw <= activity["high_bw"]]
    if within:
        return f"{load_bw} x body weight. Activities measured at this load: {', '.join(map(measured_at, within))}."
    below = max((a for a in impact_forces if a["high_bw"] < load_bw), key=lambda a: a["high_bw"], default=None)
    above = min((a for a in impact_forces if a["low_bw"] > load_bw), key=lambda a: a["low_bw"], default=None)
    nearest = [measured_at(activity) for activity in (below, above) if activity]
    return f"{load_bw} x body weight. Nearest activities measured: {', '.join(nearest)}."


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


def render_osteogenic_index() -> None:
    """In presenter mode the whole step reruns with a slider (it is one section): its 'Copy link to this view'
    then holds the values shown. A whole lesson reruns only the example (a fragment)."""
    if st.session_state.get("present"):
        osteogenic_example(presenting=True)
    else:
        osteogenic_example_alone()


@st.fragment
def osteogenic_example_alone() -> None:
    osteogenic_example(presenting=False)


def osteogenic_example(presenting: bool) -> None:
    """The sliders beside the chart when presenting, so both fit a 1280x720 screen together; above it otherwise."""
    with st.container(border=True, key="osteogenic-example"):
        if presenting:
            controls, figure = st.columns([2, 3])
            heading = load_slot = cycles_slot = controls
        else:
            heading = st.container()
            load_slot, cycles_slot = st.columns(2)
            figure = st.container()
        heading.markdown("**Try it: the osteogenic index**")
        # Plain numbers on the slider: a bound select_slider writes its labels into the link (oi_load=2.5).
        load = load_slot.select_slider(
            "Peak load (x body weight)",
            options=OI_LOADS_BW,
            value=4.0,
            key="oi_load",
            bind="query-params",
            help="The impact chart in 'Measuring impact' gives each activity's measured peak.",
        )
        load_slot.caption(load_in_words(load, catalog().impact_forces))
        cycles = cycles_slot.slider(
            "Loads in the day",
            min_value=OI_CYCLES[0],
            max_value=OI_CYCLES[1],
            value=50,
            step=10,
            key="oi_cycles",
            bind="query-params",
        )
        with figure:
            chart(osteogenic_index_spec(load, cycles), charts.describe_osteogenic_index(load, cycles))
            st.caption(
                "Splitting the same loads into bouts hours apart scores higher: each bout starts with fresh "
                "sensitivity (animal data)."
            )


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
