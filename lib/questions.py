"""One question of the bank (data/questions.yaml, validated by lib.catalog): its kind, whether an
answer is right, and what to say about an answer. Exams and practice build on these (lib.study).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable


def question_kind(question: dict[str, Any]) -> str:
    """The question's kind; case questions leave it out, and several answers make it 'multiple'."""
    return question.get("kind") or ("multiple" if len(question["answer"]) > 1 else "single")


def is_correct(question: dict[str, Any], chosen: Iterable[str]) -> bool:
    """Right only when the chosen options are exactly the correct ones."""
    return set(chosen) == set(question["answer"])


@dataclass(frozen=True)
class AnswerReview:
    """Feedback on one answer, every list in the options' order."""

    right: tuple[str, ...]  # the correct options
    wrongly_chosen: tuple[str, ...]  # chosen, but not correct
    missed: tuple[str, ...]  # correct, but not chosen


def _in_option_order(question: dict[str, Any], options: set[str]) -> tuple[str, ...]:
    return tuple(option for option in question["options"] if option in options)


def review_answer(question: dict[str, Any], chosen: Iterable[str]) -> AnswerReview:
    picked, answer = set(chosen), set(question["answer"])
    return AnswerReview(
        right=_in_option_order(question, answer),
        wrongly_chosen=_in_option_order(question, picked - answer),
        missed=_in_option_order(question, answer - picked),
    )
