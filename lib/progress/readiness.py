"""Readiness for the exam, per lesson and overall, and what to study next.

The method, shown on the Review page as READINESS_METHOD: a question counts as ready when the
last answer to it in the past 30 days (practice or exam) was right. A lesson's readiness is the
share of its questions that are ready; overall readiness is that share across the whole bank.
Questions never answered, or last answered more than 30 days ago, count as not ready.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from lib.progress.schedule import QUESTION_PREFIX, due_cards, learned_cards, question_card, term_card
from lib.progress.store import Answer

RECENT = dt.timedelta(days=30)
READINESS_METHOD = (
    "Readiness is the share of the question bank whose last answer in the past 30 days was right, "
    "per lesson and overall. A question you have not answered in 30 days counts as not ready."
)


@dataclass(frozen=True)
class LessonReadiness:
    lesson: str
    questions: int
    answered: int  # answered at least once in the past 30 days
    ready: int

    @property
    def percent(self) -> int:
        return round(100 * self.ready / self.questions) if self.questions else 0


@dataclass(frozen=True)
class StudyTip:
    lesson: str
    section: str
    wrong: int  # questions on it last answered wrong
    unanswered: int

    @property
    def reason(self) -> str:
        """E.g. '2 questions answered wrong, 1 not answered lately'."""
        if self.wrong and self.unanswered:
            return f"{_questions(self.wrong)} answered wrong, {self.unanswered} not answered lately"
        if self.wrong:
            return f"{_questions(self.wrong)} answered wrong"
        return f"{_questions(self.unanswered)} not answered lately"


def _questions(count: int) -> str:
    return f"{count} question" + ("" if count == 1 else "s")


def last_answers(history: Iterable[Answer], now: dt.datetime) -> dict[str, bool]:
    """Whether each question's latest answer in the past 30 days was right."""
    latest: dict[str, Answer] = {}
    for answer in history:
        if answer.card.startswith(QUESTION_PREFIX) and now - RECENT <= answer.answered_at <= now:
            if answer.card not in latest or answer.answered_at >= latest[answer.card].answered_at:
                latest[answer.card] = answer
    return {card: answer.correct for card, answer in latest.items()}


def readiness_by_lesson(
    questions: Iterable[dict], history: Iterable[Answer], now: dt.datetime
) -> list[LessonReadiness]:
    """One row per lesson with questions, in the order lessons first appear in the bank."""
    last = last_answers(history, now)
    counts: dict[str, list[int]] = {}
    for question in questions:
        tally = counts.setdefault(question["lesson"], [0, 0, 0])
        card = question_card(question)
        tally[0] += 1
        tally[1] += card in last
        tally[2] += last.get(card, False)
    return [LessonReadiness(lesson, *tally) for lesson, tally in counts.items()]


def overall_readiness(by_lesson: Iterable[LessonReadiness]) -> int:
    rows = list(by_lesson)
    total = sum(row.questions for row in rows)
    return round(100 * sum(row.ready for row in rows) / total) if total else 0


def study_next(
    questions: Iterable[dict], history: Iterable[Answer], now: dt.datetime, limit: int = 3
) -> list[StudyTip]:
    """Lesson sections behind the weakest lessons: first where answers were wrong, then where none were given."""
    bank = list(questions)
    last = last_answers(history, now)
    weakness = {row.lesson: row.percent for row in readiness_by_lesson(bank, history, now)}
    tips: dict[tuple[str, str], list[int]] = {}
    for question in bank:
        card = question_card(question)
        if last.get(card, False):
            continue
        tally = tips.setdefault((question["lesson"], question["section"]), [0, 0])
        tally[0 if card in last else 1] += 1
    ranked = sorted(tips.items(), key=lambda item: (weakness[item[0][0]], -item[1][0], -item[1][1]))
    return [StudyTip(lesson, section, *tally) for (lesson, section), tally in ranked[:limit]]


def mastery_rows(
    questions: Iterable[dict], terms: Iterable[dict], history: list[Answer], now: dt.datetime, titles: dict[str, str]
) -> list[dict]:
    """Per lesson: readiness, questions answered lately, and its cards (questions and terms) due and learned."""
    bank, glossary = list(questions), list(terms)
    due, learned = due_cards(history, now), learned_cards(history)
    cards_by_lesson: dict[str, set[str]] = {}
    for question in bank:
        cards_by_lesson.setdefault(question["lesson"], set()).add(question_card(question))
    for term in glossary:
        cards_by_lesson.setdefault(term["lesson"], set()).add(term_card(term))
    return [
        {
            "Lesson": titles.get(row.lesson, row.lesson),
            "Readiness (%)": row.percent,
            "Questions answered": f"{row.answered} of {row.questions}",
            "Cards due": len(cards_by_lesson[row.lesson] & due),
            "Cards learned": len(cards_by_lesson[row.lesson] & learned),
        }
        for row in readiness_by_lesson(bank, history, now)
    ]
