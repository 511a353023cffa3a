"""Flashcards: a term on the front, its meaning and where a lesson uses it on the back; or an exercise's
drawing on the front and its name on the back."""

from __future__ import annotations

import random

import streamlit as st

from lib.study import shuffled
from pages.components.common import catalog, notice_odd_parameters
from pages.components.exercise_flashcards import drawing_cards, render_drawing_card


def deck_state() -> dict:
    if "flashcards" not in st.session_state:
        st.session_state["flashcards"] = {"seed": random.randrange(1_000_000), "position": 0, "revealed": False}
    return st.session_state["flashcards"]


def move(step: int) -> None:
    state = deck_state()
    state.update(position=state["position"] + step, revealed=False)


def reveal() -> None:
    deck_state()["revealed"] = True


notice_odd_parameters()
st.title("Flashcards")
st.caption("Say the meaning out loud, then turn the card.")
state = deck_state()
deck = shuffled([*catalog().glossary, *drawing_cards()], state["seed"])
card = deck[state["position"] % len(deck)]
st.caption(f"Card {state['position'] % len(deck) + 1} of {len(deck)}")
if "drawing" in card:
    render_drawing_card(card, state["revealed"], reveal)
else:
    lesson = catalog().lessons_by_slug[card["lesson"]]
    with st.container(border=True):
        st.header(card["term"], anchor=False)
        if state["revealed"]:
            st.markdown(card["definition"])
            st.markdown(f"Used in [{lesson.title}, “{card['section']}”]({lesson.section_link(card['section'])})")
        else:
            st.button("Turn the card", on_click=reveal, type="primary", icon=":material/flip:")
back, forward = st.columns(2)
back.button("Previous", on_click=move, args=(-1,), icon=":material/arrow_back:", width="stretch")
forward.button("Next", on_click=move, args=(1,), icon=":material/arrow_forward:", width="stretch")
