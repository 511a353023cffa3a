"""Flashcards: a term on the front, its meaning and where a lesson uses it on the back."""

from __future__ import annotations

import random

import streamlit as st

from lib.progress.schedule import due_cards, term_card
from lib.progress.store import Answer
from lib.study import shuffled
from pages.components import site_map
from pages.components.common import catalog, notice_odd_parameters, share_this_view
from pages.components.exercise_flashcards import drawing_cards, render_drawing_card
from pages.components.page_params import lesson_titles
from pages.components.study_progress import active_code, save_answers, saved_answers, status_line, store

TITLES = lesson_titles()


def deck_state() -> dict:
    if "flashcards" not in st.session_state:
        st.session_state["flashcards"] = {"seed": random.randrange(1_000_000), "position": 0, "revealed": False}
    return st.session_state["flashcards"]


def move(step: int) -> None:
    state = deck_state()
    state.update(position=state["position"] + step, revealed=False)


def reveal() -> None:
    deck_state()["revealed"] = True


def start_over() -> None:
    """A new choice of lessons is a new deck: from its first card, face down."""
    deck_state().update(position=0, revealed=False)


def rate(card: dict, knew_it: bool, step: int) -> None:
    """'I knew it' or 'Not yet': saved for spaced repetition under a study code, then the next card.

    Among due cards only, the rated card leaves the deck, so the next one takes its place (step 0)."""
    save_answers([Answer(term_card(card), knew_it, source="flashcard")])
    move(step)


notice_odd_parameters(site_map.FLASHCARDS.params)
st.title("Flashcards")
st.caption("Say the meaning out loud, then turn the card.")
status_line(site_map.REVIEW.page())
lessons_column, due_column = st.columns([4, 1], vertical_alignment="bottom")
topics = lessons_column.multiselect(
    "Lessons",
    list(TITLES),
    format_func=TITLES.get,
    key="topics",
    bind="query-params",
    placeholder="All lessons",
    on_change=start_over,
)
only_due = active_code() and due_column.toggle("Due today only", key="due", bind="query-params", on_change=start_over)
share_this_view(site_map.FLASHCARDS.url_path)  # a presenter's link to one lesson's deck
due = due_cards(saved_answers(), store().now()) if only_due else set()
deck = [
    card
    for card in shuffled([*catalog().glossary, *drawing_cards()], deck_state()["seed"])
    if (not topics or card.get("lesson") in topics) and (not only_due or term_card(card) in due)
]
if not deck:
    st.info(
        "No card is due today in these lessons." if only_due else "No card matches these lessons.",
        icon=":material/filter_alt_off:",
    )
    st.stop()
state = deck_state()
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
            site_map.link_to_lesson_section(lesson, card["section"], "Used in ")
            knew_column, not_yet_column = st.columns(2)
            step = 0 if only_due else 1
            knew_column.button(
                "I knew it", on_click=rate, args=(card, True, step), icon=":material/thumb_up:", width="stretch"
            )
            not_yet_column.button(
                "Not yet", on_click=rate, args=(card, False, step), icon=":material/replay:", width="stretch"
            )
        else:
            st.button("Turn the card", on_click=reveal, type="primary", icon=":material/flip:")
back, forward = st.columns(2)
back.button("Previous", on_click=move, args=(-1,), icon=":material/arrow_back:", width="stretch")
forward.button("Next", on_click=move, args=(1,), icon=":material/arrow_forward:", width="stretch")
