"""Study mode: the question bank's integrity, scoring, reproducible papers."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, strategies as st

from lib.profiles import Profile
from lib.safety import assess
from lib.questions import is_correct
from lib.study import case_profile, exam_paper, score_exam, search_glossary, shuffled

QUESTION = {"id": "q", "lesson": "faq", "options": ["a", "b", "c"], "answer": ["b"]}
MULTI = {"id": "m", "lesson": "impact-forces", "options": ["a", "b", "c"], "answer": ["a", "c"], "kind": "multiple"}


def test_bank_covers_every_lesson(catalog):
    per_lesson = Counter(question["lesson"] for question in catalog.questions)
    assert len(catalog.questions) >= 60
    assert {lesson.slug for lesson in catalog.lessons} <= set(per_lesson)
    assert min(per_lesson.values()) >= 5
    assert {"single", "multiple", "true_false", "scenario"} <= {q["kind"] for q in catalog.questions}


def test_every_answer_is_an_option_and_every_link_resolves(catalog):
    for question in catalog.questions + tuple(q for case in catalog.cases for q in case["questions"]):
        assert set(question["answer"]) <= set(question["options"])
        assert all(key in catalog.references for key in question["sources"])
    for record in catalog.questions + catalog.glossary:
        lesson = catalog.lessons_by_slug[record["lesson"]]
        assert record["section"] in lesson.headings()


def test_glossary_and_cases_are_big_enough(catalog):
    assert len(catalog.glossary) >= 50 and len(catalog.cases) >= 8
    for case in catalog.cases:
        assert isinstance(case_profile(case), Profile)


def test_case_answers_never_recommend_what_the_rules_avoid(catalog):
    """A case whose correct answer names an exercise must not name one its profile avoids."""
    for case in catalog.cases:
        avoided = set(assess(case_profile(case)).query("status == 'avoid'")["name"].str.lower())
        for question in case["questions"]:
            for answer in question["answer"]:
                assert answer.lower() not in avoided, (case["id"], answer)


def test_scoring_is_exact():
    assert is_correct(QUESTION, ["b"]) and not is_correct(QUESTION, ["a"]) and not is_correct(QUESTION, [])
    assert is_correct(MULTI, ["c", "a"]) and not is_correct(MULTI, ["a"]) and not is_correct(MULTI, ["a", "b", "c"])


def test_exam_score_counts_right_wrong_and_blank():
    result = score_exam([QUESTION, MULTI], {"q": ["b"]})
    assert (result.correct, result.total, result.percent) == (1, 2, 50)
    assert [mistake["id"] for mistake in result.mistakes] == ["m"]
    assert dict(zip(result.by_lesson["lesson"], result.by_lesson["percent"])) == {"faq": 100, "impact-forces": 0}


@given(st.integers(1, 9999), st.sampled_from([10, 20, 30]))
def test_a_seed_always_gives_the_same_paper(seed, length):
    from lib.catalog import default_catalog

    questions = default_catalog().questions
    first = exam_paper(questions, length, seed)
    assert [q["id"] for q in first] == [q["id"] for q in exam_paper(tuple(reversed(questions)), length, seed)]
    assert len(first) == length == len({q["id"] for q in first})


def test_lesson_filter_and_shuffle(catalog):
    paper = exam_paper(catalog.questions, 10, 7, lessons=["impact-forces"])
    assert {q["lesson"] for q in paper} == {"impact-forces"}
    assert shuffled(range(10), 3) == shuffled(range(10), 3) != list(range(10))


@pytest.mark.parametrize(("text", "expected"), [("osteoblast", "Osteoblast"), ("T-SCORE", "T-score")])
def test_glossary_search_finds_terms(catalog, text, expected):
    assert expected.lower() in [term["term"].lower() for term in search_glossary(catalog.glossary, text)]


def test_glossary_search_ignores_case_spaces_and_hyphens_and_puts_the_term_first(catalog):
    for text in ("z score", "Z-score", "zscore", " Z SCORE "):
        found = search_glossary(catalog.glossary, text)
        assert found and found[0]["term"] == "Z-score", text


def test_glossary_search_ranks_names_before_definitions():
    terms = [
        {"term": "Alpha", "definition": "mentions hinge"},
        {"term": "Hip hinge", "definition": "a movement"},
        {"term": "Hinge", "definition": "a joint"},
    ]
    assert [term["term"] for term in search_glossary(terms, "hinge")] == ["Hinge", "Hip hinge", "Alpha"]
