"""Exercise library: every exercise drawn, with its cues, dose, bone tags, sources and links, and
which preset profiles avoid or modify it and why. Filters, search, and a link to each exercise."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from lib.library import profile_verdicts, search_exercises
from lib.safety import assess, filter_assessment
from lib.profiles import PRESETS
from pages.components import site_map
from pages.components.common import catalog, cite, disclaimer, notice_odd_parameters, share_this_view
from pages.components.exercise_card import card_grid, card_styles, exercise_card, exercise_pictures, sources_html
from pages.components.exercise_filters import exercise_filters
from pages.components.page_params import SEARCH_LIMIT

STATUS_WORDS = {"modify": "Modify", "avoid": "Avoid"}
TAG_LABELS = {  # the tags data/exercises.yaml gives each exercise, in the order a trainer reads them
    "pattern": "Movement pattern",
    "loading": "Loading",
    "sites": "Skeletal sites loaded",
    "impact": "Ground impact",
    "spinal_flexion": "Spinal flexion",
    "rotation": "Rotation",
    "fall_demand": "Fall demand",
    "heavy": "Near-maximal",
    "supervision": "Needs supervision",
    "equipment": "Equipment",
    "level": "Level",
}


def in_words(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(value) or "none"
    return str(value).replace("_", " ")


def exercise_link(exercise_id: str) -> str:
    """The link that opens one exercise: the bound selectbox keeps the exercise's name in the URL."""
    return f"/{site_map.EXERCISE_LIBRARY.url_path}?{urlencode({'exercise': catalog().exercise(exercise_id)['name']})}"


@st.cache_resource(show_spinner=False)
def verdicts() -> dict:
    """What each preset profile is told about each exercise: the same for every visitor, built once."""
    return profile_verdicts(catalog())


@st.cache_data(show_spinner=False)
def matching_ids(text: str, patterns: tuple[str, ...], sites: tuple[str, ...], equipment: tuple[str, ...]) -> list[str]:
    """Exercise ids that match the search and every filter, in library order."""
    found = {exercise["id"] for exercise in search_exercises(catalog().exercises, text)}
    table = filter_assessment(
        assess(PRESETS["building-reserve"], catalog()), list(equipment), list(patterns), list(sites)
    )
    return [exercise_id for exercise_id in table["id"] if exercise_id in found]


@st.cache_resource(show_spinner=False)
def library_cards() -> dict[str, str]:
    """Every exercise's card, each with its link: the same for every visitor, built once."""
    references = catalog().references
    return {
        exercise["id"]: exercise_card(exercise, references, link=exercise_link(exercise["id"]))
        for exercise in catalog().exercises
    }


def link_line(label: str, exercise_id: str | None) -> str:
    if exercise_id is None:
        return f"**{label}:** none"
    return f"**{label}:** [{catalog().exercise(exercise_id)['name']}]({exercise_link(exercise_id)})"


def render_verdicts(exercise_id: str) -> None:
    found = verdicts()[exercise_id]
    st.markdown("**Who should change or avoid it**")
    if not found:
        st.write("No preset profile is told to avoid or modify it.")
    for verdict in found:
        st.markdown(
            f"- **{verdict.profile}:** {STATUS_WORDS[verdict.status]}. {verdict.reason} {cite(verdict.sources)}"
        )


def render_exercise(exercise_id: str) -> None:
    """The chosen exercise in full: the moving drawing, the frames, every tag, cues, dose, links and verdicts."""
    exercise, references = catalog().exercise(exercise_id), catalog().references
    presenting = bool(st.session_state.get("present"))
    with st.container(border=True, key="chosen-exercise"):
        st.subheader(exercise["name"], anchor="chosen")
        picture, facts = st.columns([3, 2] if presenting else [1, 1])
        picture.html(exercise_pictures(exercise_id))
        facts.markdown(exercise["summary"])
        facts.markdown("\n".join(f"- **{label}:** {in_words(exercise[key])}" for key, label in TAG_LABELS.items()))
        st.markdown("**Cues**\n" + "\n".join(f"- {cue}" for cue in exercise["cues"]))
        st.markdown(f"**Common errors:** {' '.join(exercise['errors'])}")
        st.markdown(f"**Dose:** {exercise['dose']}")
        st.markdown(
            "  \n".join(
                [
                    link_line("Easier", exercise["regression"]),
                    link_line("Harder", exercise["progression"]),
                    link_line("Safer swap", exercise["alternative"]),
                ]
            )
        )
        render_verdicts(exercise_id)
        st.html(sources_html(exercise["sources"], references))


notice_odd_parameters(site_map.EXERCISE_LIBRARY.params)
st.title("Exercise library")
st.caption(
    "Every exercise the app teaches, drawn from its pose data. Open one for its tags, cues, dose, "
    "sources and who should change or avoid it."
)
names = {exercise["id"]: exercise["name"] for exercise in catalog().exercises}
chosen = st.selectbox(
    "Open an exercise",
    list(names),
    format_func=names.get,
    index=None,
    key="exercise",
    bind="query-params",
    placeholder="Choose an exercise to see it in full",
)
if chosen:
    render_exercise(chosen)
filter_row = st.container(horizontal=True)
text = filter_row.text_input(
    "Search", key="find", bind="query-params", max_chars=SEARCH_LIMIT, placeholder="e.g. squat, wall, chair"
)
equipment, patterns, sites = exercise_filters(filter_row)
share_this_view(site_map.EXERCISE_LIBRARY.url_path)
shown = matching_ids(text or "", tuple(patterns), tuple(sites), tuple(equipment))
st.caption(f"{len(shown)} of {len(names)} exercises")
st.html(card_styles())
if shown:
    st.html(card_grid([library_cards()[exercise_id] for exercise_id in shown]))
else:
    st.info("No exercise matches the search and filters.", icon=":material/filter_alt_off:")
disclaimer()
