"""The exam keeps the answers given within a session (user test, session 7): leaving the page and coming
back (a link, the menu or Back) shows the paper as it was left.
The browser side: tests/browser/test_usertest_leftovers.py."""

from __future__ import annotations

from lib.questions import question_kind
from lib.study import exam_paper
from tests.apptest_helpers import open_page, select_page

PAPER_SEED = "1"  # a ten-question paper with two 'choose all that apply' questions


def test_answers_given_on_a_paper_are_there_again_after_another_page(catalog):
    paper = exam_paper(catalog.questions, 10, int(PAPER_SEED))
    single = next(question for question in paper if question_kind(question) != "multiple")
    multi = next(question for question in paper if question_kind(question) == "multiple")
    radio, box = f"exam-{PAPER_SEED}-{single['id']}", f"exam-{PAPER_SEED}-{multi['id']}-1"
    at = open_page("study-exam", {"seed": PAPER_SEED, "length": "10"})
    at.radio(key=radio).set_value(single["options"][1])
    at.checkbox(key=box).check().run()

    select_page(at, "study-glossary")
    at.run()
    select_page(at, "study-exam")
    at.run()
    assert at.radio(key=radio).value == single["options"][1]
    assert at.checkbox(key=box).value
    assert not at.exception


def test_answers_stay_with_their_paper(catalog):
    first = exam_paper(catalog.questions, 10, int(PAPER_SEED))[0]
    at = open_page("study-exam", {"seed": PAPER_SEED, "length": "10"})
    at.radio(key=f"exam-{PAPER_SEED}-{first['id']}").set_value(first["options"][0]).run()
    at.text_input(key="seed").set_value("2").run()
    assert all(radio.value is None for radio in at.radio)  # another paper starts blank
