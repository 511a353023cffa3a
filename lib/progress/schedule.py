"""Spaced repetition with FSRS (the `fsrs` package): every question and glossary term is a card.

A card's schedule is replayed from its stored answers in time order, so it never needs a row
of its own that two sessions could overwrite. A right answer rates the review Good, a wrong
one Again (which brings the card back soon). Fuzzing is off so a replay always gives the same dates.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from typing import Iterable

from fsrs import Card, Rating, Scheduler, State

from lib.progress.store import Answer

QUESTION_PREFIX, TERM_PREFIX = "question:", "term:"


def question_card(question: dict) -> str:
    return QUESTION_PREFIX + question["id"]


def term_card(term: dict) -> str:
    return TERM_PREFIX + term["term"]


@functools.cache
def scheduler() -> Scheduler:
    return Scheduler(enable_fuzzing=False)


def card_states(history: Iterable[Answer]) -> dict[str, Card]:
    """Each reviewed card's FSRS state after replaying its answers in the order they were given."""
    by_card: dict[str, list[Answer]] = defaultdict(list)
    for answer in history:
        by_card[answer.card].append(answer)
    states = {}
    for card, given in by_card.items():
        state = Card(card_id=1)
        for answer in sorted(given, key=lambda answer: answer.answered_at):
            state, _ = scheduler().review_card(
                state, Rating.Good if answer.correct else Rating.Again, answer.answered_at
            )
        states[card] = state
    return states


def due_cards(history: Iterable[Answer], now: dt.datetime) -> set[str]:
    """Cards already studied whose next review has come (new cards are not 'due')."""
    return {card for card, state in card_states(history).items() if state.due <= now}


def learned_cards(history: Iterable[Answer]) -> set[str]:
    """Cards past their learning steps, on intervals of a day or more."""
    return {card for card, state in card_states(history).items() if state.state == State.Review}
