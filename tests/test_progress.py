"""Study progress: codes, the store (SQLite and a real PostgreSQL), FSRS schedules and readiness."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import pytest
from sqlalchemy import create_engine

from lib.progress.codes import code_bits, code_key, new_code, normalize_code, word_list
from lib.progress.readiness import StudyTip, overall_readiness, readiness_by_lesson, study_next
from lib.progress.schedule import due_cards, learned_cards, question_card, term_card
from lib.progress.store import Answer, ProgressStore, StorageUnavailable, UnknownCode, database_url, upgrade_schema
from tests.postgres_server import PostgresServer, require_postgres
from tests.progress_helpers import DAY_ONE, Clock, row_counts, sqlite_url

# --------------------------------------------------------------------------- codes


def test_codes_are_random_words_hard_to_guess():
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    assert code_bits() >= 44
    assert all(normalize_code(code) == code for code in codes)


def test_a_typed_code_is_read_whatever_its_case_and_separators():
    code = new_code()
    assert normalize_code("  " + code.upper().replace("-", " ") + " ") == code
    assert normalize_code(code.rsplit("-", 1)[0]) is None  # a word short
    assert normalize_code(code.replace(code.split("-")[0], "zzzz")) is None  # not from the list
    assert len(code_key(code)) == 64 and code not in code_key(code)
    assert len(word_list()) == 2048


# --------------------------------------------------------------------------- the store


def test_nothing_is_written_until_a_code_is_started(tmp_path):
    store = ProgressStore(sqlite_url(tmp_path / "data"))
    assert not (tmp_path / "data").exists()
    code = store.start()
    assert (tmp_path / "data" / "progress.sqlite3").exists()
    assert store.knows(code) and not store.knows(new_code())


def test_the_database_never_holds_the_code_itself(tmp_path):
    store = ProgressStore(sqlite_url(tmp_path))
    code = store.start()
    assert code.encode() not in (tmp_path / "progress.sqlite3").read_bytes()


def test_forget_leaves_no_row_and_spares_other_learners(tmp_path):
    url = sqlite_url(tmp_path)
    store = ProgressStore(url)
    mine, theirs = store.start(), store.start()
    for code in (mine, theirs):
        store.record_answers(code, [Answer("question:q-bone-01", True)])
        store.record_exam(code, 42, [Answer("question:q-bone-02", False)])
    store.forget(mine)
    assert row_counts(url) == {"learners": 1, "answers": 2, "exams": 1}
    assert not store.knows(mine)
    with pytest.raises(UnknownCode):
        store.answers(mine)
    with pytest.raises(UnknownCode):  # a session still holding the forgotten code does not bring it back
        store.record_answers(mine, [Answer("question:q-bone-01", True)])
    store.forget(theirs)
    assert row_counts(url) == {"learners": 0, "answers": 0, "exams": 0}


def test_the_url_comes_from_the_environment_then_secrets_then_the_data_directory(tmp_path):
    assert database_url({"BONE_LOADING_LAB_DATABASE_URL": "postgresql://x/y"}, "sqlite:///s") == "postgresql://x/y"
    assert database_url({}, "sqlite:///s") == "sqlite:///s"
    assert database_url({"XDG_DATA_HOME": str(tmp_path)}) == f"sqlite:///{tmp_path}/bone-loading-lab/progress.sqlite3"
    assert database_url({"HOME": "/home/ann"}).endswith("/.local/share/bone-loading-lab/progress.sqlite3")


def test_an_upgrade_keeps_the_progress_already_saved(tmp_path):
    url = sqlite_url(tmp_path)
    store = ProgressStore(url)
    code = store.start()
    store.record_answers(code, [Answer("question:q-bone-01", True)])
    engine = create_engine(url)
    with engine.begin() as connection:  # as a newer release would on start-up
        upgrade_schema(connection)
        version = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert version == "0001"
    assert [answer.card for answer in ProgressStore(url).answers(code)] == ["question:q-bone-01"]


@pytest.mark.parametrize("damage", ["corrupt", "read-only", "missing"])
def test_an_unusable_database_raises_storage_unavailable(tmp_path, damage):
    path = tmp_path / "progress.sqlite3"
    if damage == "corrupt":
        path.write_bytes(b"this is not a database" * 100)
        url = f"sqlite:///{path}"
    elif damage == "read-only":
        sqlite3.connect(path).close()  # an empty file, opened read-only (root ignores file modes)
        url = f"sqlite:///file:{path}?mode=ro&uri=true"
    else:
        (tmp_path / "blocked").write_text("a file where the data folder should be")
        url = f"sqlite:///{tmp_path / 'blocked' / 'progress.sqlite3'}"
    with pytest.raises(StorageUnavailable):
        ProgressStore(url).start()


def hammer(store: ProgressStore, code: str, tag: str, threads: int = 8, answers_each: int = 25) -> None:
    """Many sessions answering under one code at the same moment, each answer its own transaction."""
    start = threading.Barrier(threads)
    failures = []

    def session(number: int) -> None:
        start.wait()
        try:
            for position in range(answers_each):
                store.record_answers(code, [Answer(f"question:{tag}{number}-{position}", position % 2 == 0)])
        except Exception as error:  # noqa: BLE001 - reported by the test below
            failures.append(error)

    workers = [threading.Thread(target=session, args=(number,)) for number in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert not failures, failures
    saved = [answer.card for answer in store.answers(code) if answer.card.startswith(f"question:{tag}")]
    assert sorted(saved) == sorted(f"question:{tag}{n}-{p}" for n in range(threads) for p in range(answers_each))


def test_concurrent_sessions_never_lose_an_answer_on_sqlite(tmp_path):
    url = sqlite_url(tmp_path)
    code = ProgressStore(url).start()
    stores = [ProgressStore(url), ProgressStore(url)]  # two processes' stores, each shared by its sessions
    together = [threading.Thread(target=hammer, args=(store, code, tag)) for store, tag in zip(stores, "ab")]
    for thread in together:
        thread.start()
    for thread in together:
        thread.join()
    assert len(stores[0].answers(code)) == 2 * 8 * 25


@pytest.mark.parametrize(
    ("environment", "outcome"), [({"CI": "1"}, pytest.fail.Exception), ({}, pytest.skip.Exception)]
)
def test_a_missing_postgresql_fails_in_ci_and_skips_elsewhere(monkeypatch, environment, outcome):
    for name in ("CI", "REQUIRE_BROWSER"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("tests.postgres_server.postgres_bin", lambda: None)
    with pytest.raises(outcome, match="PostgreSQL not found"):
        require_postgres()


@pytest.fixture(scope="module")
def postgres():
    server = PostgresServer(require_postgres())
    yield server
    server.stop()


def test_concurrent_sessions_never_lose_an_answer_on_postgresql(postgres):
    stores = [ProgressStore(postgres.url) for _ in range(2)]  # two replicas migrating and writing together
    code = stores[0].start()
    both = [threading.Thread(target=hammer, args=(store, code, tag, 6, 20)) for store, tag in zip(stores, "ab")]
    for thread in both:
        thread.start()
    for thread in both:
        thread.join()
    assert len(stores[1].answers(code)) == 2 * 6 * 20
    stores[1].forget(code)
    assert row_counts(postgres.url) == {"learners": 0, "answers": 0, "exams": 0}


# --------------------------------------------------------------------------- schedule and readiness


def test_a_wrong_answer_brings_a_card_back_sooner_than_a_right_one():
    right = [Answer("question:a", True, DAY_ONE), Answer("question:a", True, DAY_ONE + dt.timedelta(minutes=15))]
    wrong = right[:1] + [Answer("question:a", False, DAY_ONE + dt.timedelta(minutes=15))]
    next_day = DAY_ONE + dt.timedelta(days=1, hours=1)
    assert "question:a" in learned_cards(right) and "question:a" not in due_cards(
        right, DAY_ONE + dt.timedelta(hours=1)
    )
    assert "question:a" in due_cards(wrong, DAY_ONE + dt.timedelta(hours=1))
    assert due_cards([], next_day) == set()  # cards never studied are new, not due


def test_readiness_counts_the_last_recent_answer_per_question(catalog):
    bank = [q for q in catalog.questions if q["lesson"] == catalog.questions[0]["lesson"]]
    first, second = bank[0], bank[1]
    history = [
        Answer(question_card(first), False, DAY_ONE),
        Answer(question_card(first), True, DAY_ONE + dt.timedelta(hours=1)),
        Answer(question_card(second), True, DAY_ONE),
        Answer(question_card(second), False, DAY_ONE + dt.timedelta(hours=1)),
    ]
    [row] = readiness_by_lesson(bank, history, DAY_ONE + dt.timedelta(hours=2))
    assert (row.questions, row.answered, row.ready) == (len(bank), 2, 1)
    assert row.percent == round(100 / len(bank))
    [later] = readiness_by_lesson(bank, history, DAY_ONE + dt.timedelta(days=31))
    assert later.ready == later.answered == 0  # older than 30 days: not ready any more


def test_study_next_points_first_at_sections_answered_wrong_in_the_weakest_lesson(catalog):
    wrong = catalog.questions[0]
    history = [Answer(question_card(q), True, DAY_ONE) for q in catalog.questions if q["lesson"] != wrong["lesson"]]
    history.append(Answer(question_card(wrong), False, DAY_ONE))
    tips = study_next(catalog.questions, history, DAY_ONE + dt.timedelta(hours=1))
    assert (tips[0].lesson, tips[0].section, tips[0].wrong) == (wrong["lesson"], wrong["section"], 1)
    assert all(tip.lesson == wrong["lesson"] for tip in tips)


@pytest.mark.parametrize(
    ("wrong", "unanswered", "reason"),
    [
        (2, 1, "2 questions answered wrong, 1 not answered lately"),
        (1, 0, "1 question answered wrong"),
        (0, 1, "1 question not answered lately"),
    ],
)
def test_a_study_tip_says_why_in_words(wrong, unanswered, reason):
    assert StudyTip("faq", "Section", wrong, unanswered).reason == reason


def test_over_two_days_a_learner_returns_with_the_code_and_sees_due_cards_and_readiness_move(tmp_path, catalog):
    """The issue's 'done when', without the browser: save, come back the next day with the code."""
    clock = Clock()
    url = sqlite_url(tmp_path)
    bank = catalog.questions
    code = ProgressStore(url, clock).start()
    first_session = ProgressStore(url, clock)
    assert overall_readiness(readiness_by_lesson(bank, first_session.answers(code), clock())) == 0
    for question in bank[:10]:
        first_session.record_answers(code, [Answer(question_card(question), question is not bank[0])])
        clock.advance(minutes=1)
    first_session.record_answers(code, [Answer(term_card(catalog.glossary[0]), True, source="flashcard")])
    day_one = overall_readiness(readiness_by_lesson(bank, first_session.answers(code), clock()))
    assert day_one > 0

    clock.advance(days=1)  # the browser was closed; a new process, the same code typed in
    next_day = ProgressStore(url, clock)
    assert next_day.knows(code)
    history = next_day.answers(code)
    due = due_cards(history, clock())
    assert {question_card(q) for q in bank[:10]} | {term_card(catalog.glossary[0])} <= due
    next_day.record_exam(code, 42, [Answer(question_card(q), True) for q in bank[:20]])
    day_two = overall_readiness(readiness_by_lesson(bank, next_day.answers(code), clock()))
    assert day_two > day_one
    assert [(record.correct, record.total) for record in next_day.exams(code)] == [(20, 20)]
    assert not due_cards(next_day.answers(code), clock()) & {question_card(q) for q in bank[:20]}
    next_day.forget(code)
    assert row_counts(url) == {"learners": 0, "answers": 0, "exams": 0}
