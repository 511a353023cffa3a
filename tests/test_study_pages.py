"""The study pages in AppTest: asking for an answer, unanswered exam questions, multi-answer feedback,
flashcards by lesson, the paper-number field, and saved progress over two simulated days."""

from __future__ import annotations


import pytest
from streamlit.proto.LabelVisibility_pb2 import LabelVisibility
from streamlit.util import calc_hash

from lib.charts import BAND_STEP, lesson_scores_chart
from lib.progress.store import ProgressStore
from lib.questions import review_answer
from lib.study import exam_paper, score_exam
from tests.apptest_helpers import all_text, app, open_page
from tests.progress_helpers import Clock, row_counts, sqlite_url

LABEL_COLLAPSED = LabelVisibility.LabelVisibilityOptions.COLLAPSED
PAPER_SEED = "1"  # a ten-question paper with two 'choose all that apply' questions


def button(at, label: str):
    return next(item for item in at.button if item.label == label)


def goto(at, url_path: str):
    """Another page in the same browser session (session state kept)."""
    at._page_hash = calc_hash(url_path)  # noqa: SLF001 - see tests/apptest_helpers.open_page
    return at.run()


def metrics(at) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


# --------------------------------------------------------------------------- #17, Study


def test_check_answer_with_nothing_chosen_asks_for_an_answer_and_counts_nothing():
    at = open_page("study-practice")
    button(at, "Check answer").click().run()
    assert "Choose an answer first" in " ".join(warning.value for warning in at.warning)
    assert not at.success and not at.error  # the answer is not given away
    assert metrics(at)["Right so far"] == "0 of 0"
    assert [item.label for item in at.button if item.label in ("Check answer", "Next question")] == ["Check answer"]


def test_an_exam_with_unanswered_questions_warns_before_scoring(catalog):
    at = open_page("study-exam", {"seed": PAPER_SEED, "length": "10"})
    first = exam_paper(catalog.questions, 10, int(PAPER_SEED))[0]
    at.radio(key=f"exam-{PAPER_SEED}-{first['id']}").set_value(first["options"][0])
    button(at, "Finish and score").click().run()
    warning = " ".join(item.value for item in at.warning)
    assert "9 of 10 questions have no answer" in warning and "question 2, 3" in warning
    assert "Score" not in metrics(at)
    button(at, "Score it anyway").click().run()
    assert metrics(at)["Score"].endswith("%)") and not at.exception


def test_multi_answer_feedback_follows_the_options_and_marks_each_tick(catalog):
    paper = exam_paper(catalog.questions, 10, int(PAPER_SEED))
    number, multi = next((number, q) for number, q in enumerate(paper) if q["kind"] == "multiple")
    wrong = next(option for option in multi["options"] if option not in multi["answer"])
    at = open_page("study-exam", {"seed": PAPER_SEED, "length": "10"})
    at.checkbox(key=f"exam-{PAPER_SEED}-{multi['id']}-{multi['options'].index(wrong)}").check()
    button(at, "Finish and score").click().run()
    button(at, "Score it anyway").click().run()
    in_order = [option for option in multi["options"] if option in multi["answer"]]
    assert f"The right answers: {'; '.join(in_order)}" in " ".join(error.value for error in at.error)
    text = all_text(at)
    assert f"{wrong}: **you ticked it, but it is not right**" in text
    assert all(f"{option}: **right, and you left it unticked**" in text for option in in_order)


def test_review_answer_lists_in_option_order():
    question = {"options": ["a", "b", "c", "d"], "answer": ["d", "a"]}
    review = review_answer(question, ["c", "d"])
    assert (review.right, review.wrongly_chosen, review.missed) == (("a", "d"), ("c",), ("a",))


def test_flashcards_can_be_filtered_by_lesson(catalog):
    lesson = catalog.lessons[2]
    terms = {term["term"] for term in catalog.glossary if term["lesson"] == lesson.slug}
    at = open_page("study-flashcards", {"topics": lesson.title})
    seen = set()
    for _ in range(len(terms)):
        seen.add(at.header[0].value)
        button(at, "Next").click().run()
    assert seen == terms and f"of {len(terms)}" in all_text(at)


def test_choosing_lessons_starts_their_deck_at_its_first_card(catalog):
    # usertest 3: after Next, choosing a lesson opened its deck at "Card 2 of 10".
    at = open_page("study-flashcards")
    button(at, "Next").click().run()
    assert "Card 2 of" in all_text(at)
    at.multiselect(key="topics").select(catalog.lessons[2].slug).run()
    assert "Card 1 of" in all_text(at)


def test_every_question_shows_its_prompt_as_text_of_one_size(catalog):
    # A radio's label is small widget type while a 'choose all that apply' prompt was body text: one style,
    # which also stays readable (not greyed) once the options are locked after checking.
    at = open_page("study-exam", {"seed": PAPER_SEED, "length": "10"})
    paper = exam_paper(catalog.questions, 10, int(PAPER_SEED))
    shown = [markdown.value for markdown in at.markdown]
    assert all(question["prompt"] in shown for question in paper)
    assert at.radio and all(radio.proto.label_visibility.value == LABEL_COLLAPSED for radio in at.radio)


def test_letters_typed_as_the_paper_number_get_a_field_message_not_the_link_notice():
    at = open_page("study-exam", {"seed": "42", "length": "10"})
    prompts = [radio.label for radio in at.radio]
    at.text_input(key="seed").input("abc").run()
    assert "“abc” is not a whole number from 1 to 9999" in " ".join(error.value for error in at.error)
    assert not at.warning  # the odd-link notice is for links, not for typing
    assert at.text_input(key="seed").value == "42" and at.query_params["seed"] == "42"
    assert [radio.label for radio in at.radio] == prompts  # the same paper
    at.text_input(key="seed").input("43").run()
    assert not at.error and [radio.label for radio in at.radio] != prompts


def test_a_new_visit_puts_its_paper_number_in_the_link():
    # The page says "the seed is in the link": a copied or bookmarked address must give the same paper.
    at = open_page("study-exam")
    shown = at.text_input(key="seed").value
    assert shown.isdigit() and at.query_params["seed"] == shown


def test_an_odd_paper_number_in_the_link_still_gets_the_link_notice():
    at = open_page("study-exam", {"seed": "abc"})
    assert "`seed`" in at.warning[0].value and not at.error
    assert at.text_input(key="seed").value.isdigit() and at.radio  # a paper of its own is shown


def test_the_lesson_chart_gives_every_bar_room_for_its_name(catalog):
    titles = {lesson.slug: lesson.title for lesson in catalog.lessons}
    result = score_exam(exam_paper(catalog.questions, 30, 7), {})
    spec = lesson_scores_chart(result.by_lesson, titles).to_dict()
    assert spec["height"] == {"step": BAND_STEP} and BAND_STEP >= 24
    assert spec["layer"][0]["encoding"]["y"]["axis"]["labelOverlap"] is False


def test_the_lesson_chart_ticks_the_score_at_quarters(catalog):
    # One tick per 5 % ran "95" into "100" in presenter type.
    result = score_exam(exam_paper(catalog.questions, 10, 7), {})
    spec = lesson_scores_chart(result.by_lesson, {lesson.slug: lesson.title for lesson in catalog.lessons}).to_dict()
    assert spec["layer"][0]["encoding"]["x"]["axis"]["values"] == [0, 25, 50, 75, 100]


# --------------------------------------------------------------------------- #15, saved progress


@pytest.fixture
def database(tmp_path, monkeypatch):
    """The app's progress database in a temporary folder, on a clock the test moves."""
    url = sqlite_url(tmp_path)
    monkeypatch.setenv("BONE_LOADING_LAB_DATABASE_URL", url)
    clock = Clock()
    monkeypatch.setattr("lib.progress.store.utc_now", clock)
    return url, clock, tmp_path


def answer_practice_question(at, right: bool, catalog) -> list[str]:
    """Answer the question on screen right or wrong, check it and move on; the notices shown on checking."""
    by_prompt = {question["prompt"]: question for question in catalog.questions}
    radios = [radio for radio in at.radio if radio.label in by_prompt]
    if radios:
        question = by_prompt[radios[0].label]
        options = [o for o in question["options"] if (o in question["answer"]) == right]
        radios[0].set_value(options[0])
    else:
        question = next(q for q in catalog.questions if q["prompt"] in all_text(at))
        for number, option in enumerate(question["options"]):
            if (option in question["answer"]) == right:
                next(box for box in at.checkbox if box.label == option).check()
    button(at, "Check answer").click().run()
    notices = [warning.value for warning in at.warning]
    button(at, "Next question").click().run()
    return notices


def test_without_a_code_nothing_is_written(database, catalog):
    url, _, folder = database
    at = open_page("study-practice")
    answer_practice_question(at, True, catalog)
    assert metrics(at)["Right so far"] == "1 of 1"
    assert not list(folder.iterdir())
    assert "Not saved" in " ".join(link.proto.label for link in at.get("page_link"))


def test_over_two_days_a_learner_saves_returns_with_the_code_and_sees_due_cards_and_readiness_move(database, catalog):
    url, clock, _ = database
    at = open_page("study-review")
    button(at, "Start saving my progress").click().run()
    code = at.code[0].value
    assert len(code.split("-")) == 5
    goto(at, "study-practice")
    for number in range(6):
        answer_practice_question(at, right=number % 3 != 0, catalog=catalog)
    assert metrics(at)["Right so far"] == "4 of 6"
    goto(at, "study-review")
    day_one = metrics(at)["Overall readiness"]
    assert day_one != "0 %"

    clock.advance(days=1)  # the browser was closed: a new session, the code typed in
    at = open_page("study-review")
    assert not at.code and "Questions due" not in metrics(at)
    at.text_input(key="typed_code").input(code.upper().replace("-", " "))
    button(at, "Continue with my code").click().run()
    assert metrics(at)["Overall readiness"] == day_one
    assert int(metrics(at)["Questions due"]) == 6
    assert code not in all_text(at) and not at.code  # shown once, when it was made
    goto(at, "study-practice")
    at.toggle(key="due").set_value(True).run()
    assert metrics(at)["In this set"] == "6"
    for _ in range(6):
        answer_practice_question(at, right=True, catalog=catalog)
    goto(at, "study-review")
    assert int(metrics(at)["Questions due"]) == 0
    assert int(metrics(at)["Overall readiness"].rstrip(" %")) > int(day_one.rstrip(" %"))

    button(at, "Delete everything saved under my code").click().run()
    assert "deleted" in " ".join(warning.value for warning in at.warning)
    assert row_counts(url) == {"learners": 0, "answers": 0, "exams": 0}


def test_what_to_study_next_links_stay_in_this_tab_and_session(database, catalog):
    # A Markdown link opens a new tab and a fresh session, which has no study code: in-app links instead.
    at = open_page("study-review")
    button(at, "Start saving my progress").click().run()
    goto(at, "study-practice")
    answer_practice_question(at, right=False, catalog=catalog)
    goto(at, "study-review")
    labels = [link.proto.label for link in at.get("page_link")]
    assert any("“" in label for label in labels), labels  # "Lesson title, “Section”"
    assert "answered wrong" in all_text(at)
    assert "](" not in " ".join(markdown.value for markdown in at.markdown)


def test_an_exam_under_a_code_joins_the_history(database, catalog):
    url, clock, _ = database
    at = open_page("study-review")
    button(at, "Start saving my progress").click().run()
    goto(at, "study-exam")  # the default paper: 20 questions
    button(at, "Finish and score").click().run()
    button(at, "Score it anyway").click().run()
    goto(at, "study-review")
    assert at.get("vega_lite_chart") and "0 of 20 (0 %)" in " ".join(str(e.value) for e in at.expander[0].markdown)
    assert row_counts(url)["exams"] == 1 and row_counts(url)["answers"] == 20


def test_a_wrong_code_continues_nothing(database):
    ProgressStore(database[0]).start()
    at = open_page("study-review")
    at.text_input(key="typed_code").input("abandon ability able about above")
    button(at, "Continue with my code").click().run()
    assert "Nothing is saved under this code" in " ".join(warning.value for warning in at.warning)
    assert "Questions due" not in metrics(at)


def test_a_corrupt_database_leaves_the_pages_working_and_says_so_once(tmp_path, monkeypatch, catalog):
    broken = tmp_path / "progress.sqlite3"
    broken.write_bytes(b"not a database at all" * 200)
    monkeypatch.setenv("BONE_LOADING_LAB_DATABASE_URL", f"sqlite:///{broken}")
    at = open_page("study-review")
    button(at, "Start saving my progress").click().run()
    assert "cannot be saved right now" in " ".join(warning.value for warning in at.warning)
    goto(at, "study-practice")
    answer_practice_question(at, True, catalog)
    assert not at.exception and not at.warning and metrics(at)["Right so far"] == "1 of 1"


def test_a_failing_database_mid_session_switches_saving_off_with_one_notice(database, catalog):
    url, _, folder = database
    at = open_page("study-review")
    button(at, "Start saving my progress").click().run()
    (folder / "progress.sqlite3").write_bytes(b"overwritten by something else" * 200)
    goto(at, "study-practice")
    first = answer_practice_question(at, True, catalog)
    second = answer_practice_question(at, True, catalog)
    assert [notice for notice in first if "cannot be saved" in notice] and not second
    assert metrics(at)["Right so far"] == "2 of 2" and not at.exception


def test_the_database_url_can_come_from_streamlit_secrets(tmp_path, monkeypatch):
    monkeypatch.delenv("BONE_LOADING_LAB_DATABASE_URL", raising=False)
    url = sqlite_url(tmp_path)
    at = app()
    at.secrets["progress_database_url"] = url
    at.run()
    goto(at, "study-review")
    button(at, "Start saving my progress").click().run()
    assert at.code and row_counts(url)["learners"] == 1
