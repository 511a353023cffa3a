"""'Name this exercise' flashcards: the moving drawing on the front, the name and a library link on the back."""

from __future__ import annotations

from typing import Callable

import streamlit as st

from pages.components import site_map
from pages.components.common import catalog
from pages.components.exercise_card import drawing_img

FRONT_HEADER = "Name this exercise"


@st.cache_resource(show_spinner=False)
def drawing_cards() -> list[dict]:
    """One card per exercise in the library; `drawing` marks it as a drawing card."""
    return [
        {"drawing": exercise["id"], "term": exercise["name"], "definition": exercise["summary"]}
        for exercise in catalog().exercises
    ]


def render_drawing_card(card: dict, revealed: bool, reveal: Callable[[], None]) -> None:
    """The drawing (its text alternative describes the movement without naming it); turned, the answer."""
    with st.container(border=True):
        st.header(FRONT_HEADER, anchor=False)
        st.html(drawing_img(card["drawing"], animated=True, width="min(100%, 26rem)", named=False))
        if revealed:
            st.markdown(f"**{card['term']}**: {card['definition']}")
            st.page_link(
                site_map.EXERCISE_LIBRARY.page(),
                label="See it in the exercise library",
                icon=":material/fitness_center:",
                query_params={"exercise": card["term"]},
            )
        else:
            st.button("Turn the card", on_click=reveal, type="primary", icon=":material/flip:")
