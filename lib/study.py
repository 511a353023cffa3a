"""Study mode: reproducible exam papers and their scores, seeded shuffles, client cases and the glossary search.

Questions, glossary terms and client cases are data (data/questions.yaml, data/glossary.yaml,
data/cases.yaml), validated by lib.catalog; one question's own checks are in lib.questions.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, Iterable

import pandas as pd

from lib.profiles import Profile
from lib.questions import is_correct

EXAM_LENGTHS = (10, 20, 30)


def unanswered(paper: Iterable[dict], answers: dict[str, Iterable[str]]) -> list[int]:
    """Question numbers (from 1) of the paper with no option chosen."""
    return [number for number, question in enumerate(paper, start=1) if not list(answers.get(question["id"], ()))]


def exam_paper(questions: Iterable[dict], length: int, seed: int, lessons: Iterable[str] | None = None) -> list[dict]:
    """A random paper of `length` questions; the same seed and lessons always give the same paper."""
    pool = [question for question in questions if not lessons or question["lesson"] in set(lessons)]
    pool.sort(key=lambda question: question["id"])  # independent of file order
    return random.Random(seed).sample(pool, min(length, len(pool)))


def shuffled(items: Iterable[dict], seed: int) -> list[dict]:
    """A seeded shuffle, so practice and flashcards keep their order through reruns."""
    order = list(items)
    random.Random(seed).shuffle(order)
    return order


@dataclass(frozen=True)
class ExamResult:
    correct: int
    total: int
    by_lesson: pd.DataFrame  # lesson, correct, total, percent
    mistakes: tuple[dict, ...]

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.total) if self.total else 0


def score_exam(paper: list[dict], answers: dict[str, Iterable[str]]) -> ExamResult:
    """Score a paper; an unanswered question counts as wrong."""
    marks = [(question, is_correct(question, answers.get(question["id"], ()))) for question in paper]
    frame = pd.DataFrame([{"lesson": question["lesson"], "correct": int(right)} for question, right in marks])
    by_lesson = frame.groupby("lesson", sort=True)["correct"].agg(correct="sum", total="count").reset_index()
    by_lesson["percent"] = (100 * by_lesson["correct"] / by_lesson["total"]).round().astype(int)
    return ExamResult(
        correct=sum(right for _, right in marks),
        total=len(paper),
        by_lesson=by_lesson,
        mistakes=tuple(question for question, right in marks if not right),
    )


def case_profile(case: dict[str, Any]) -> Profile:
    return Profile(**case["profile"])


def _squeezed(text: str) -> str:
    """Lowercase with spaces, hyphens and other punctuation removed: 'Z-score', 'z score' and 'zscore' agree."""
    return "".join(character for character in text.lower() if character.isalnum())


def search_glossary(terms: Iterable[dict], text: str) -> list[dict]:
    """Terms whose name or definition holds the text, ignoring case, spaces and hyphens.

    The term itself comes first, then terms whose name starts with the text, then names that
    contain it, then definitions that mention it; alphabetically within each.
    """
    needle = _squeezed(text)

    def rank(term: dict) -> int | None:
        name = _squeezed(term["term"])
        for position, matches in enumerate(
            (name == needle, name.startswith(needle), needle in name, needle in _squeezed(term["definition"]))
        ):
            if matches:
                return position
        return None

    ranked = [(rank(term), term["term"].lower(), term) for term in terms]
    return [
        term
        for position, _, term in sorted(
            (entry for entry in ranked if entry[0] is not None), key=lambda entry: entry[:2]
        )
    ]
