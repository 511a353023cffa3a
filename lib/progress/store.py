"""Where study progress is kept: any SQLAlchemy database, SQLite by default.

Answers are only ever added, never updated: two sessions writing under one code at the same
moment each add their own rows, so neither can overwrite the other's answer. Card schedules
and readiness are worked out from these rows (lib/progress/schedule.py, readiness.py).
The schema is created and upgraded by Alembic on first use (migrations/).
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Mapping

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
)
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from lib.progress.codes import code_key, new_code

URL_VARIABLE = "BONE_LOADING_LAB_DATABASE_URL"
APP_DIRECTORY = "bone-loading-lab"
MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"  # Alembic's scripts, at the project root
SQLITE_WAIT_SECONDS = 30  # how long a writer waits for another one's lock before giving up

metadata = MetaData()
learners = Table(
    "learners",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code_key", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
answers = Table(
    "answers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("learner_id", Integer, ForeignKey("learners.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("card", String(200), nullable=False),
    Column("source", String(20), nullable=False),
    Column("correct", Boolean, nullable=False),
    Column("answered_at", DateTime(timezone=True), nullable=False),
)
exams = Table(
    "exams",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("learner_id", Integer, ForeignKey("learners.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("taken_at", DateTime(timezone=True), nullable=False),
    Column("seed", Integer, nullable=False),
    Column("correct", Integer, nullable=False),
    Column("total", Integer, nullable=False),
)


class StorageUnavailable(Exception):
    """The database could not be read or written (missing, read-only, corrupt or unreachable)."""


class UnknownCode(Exception):
    """No progress is saved under this code (mistyped, or forgotten in another session)."""


@dataclass(frozen=True)
class Answer:
    card: str
    correct: bool
    answered_at: dt.datetime | None = None  # the store's clock when None
    source: str = "practice"


@dataclass(frozen=True)
class ExamRecord:
    taken_at: dt.datetime
    seed: int
    correct: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.total) if self.total else 0


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def default_database_url(environ: Mapping[str, str]) -> str:
    """An SQLite file in the user's data directory ($XDG_DATA_HOME, else ~/.local/share)."""
    data_home = Path(environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return f"sqlite:///{data_home / APP_DIRECTORY / 'progress.sqlite3'}"


def database_url(environ: Mapping[str, str] = os.environ, configured: str | None = None) -> str:
    """The environment variable wins, then a configured URL (Streamlit secrets), then the default file."""
    return environ.get(URL_VARIABLE) or configured or default_database_url(environ)


def _as_utc(moment: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes: every stored time is UTC."""
    return moment.replace(tzinfo=dt.timezone.utc) if moment.tzinfo is None else moment.astimezone(dt.timezone.utc)


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": SQLITE_WAIT_SECONDS})

    @event.listens_for(engine, "connect")
    def take_over_transactions(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event below says how to begin

    @event.listens_for(engine, "begin")
    def begin(connection: Connection):
        # A writer takes the write lock first (BEGIN IMMEDIATE): two deferred transactions that both
        # read and then write would deadlock, and SQLite fails one at once instead of waiting.
        immediate = connection.get_execution_options().get("writes", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:" and not parsed.query.get("mode"):
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    return _sqlite_engine(url)


def upgrade_schema(connection: Connection) -> None:
    """Bring the schema to the newest migration; rows already stored are kept."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


class ProgressStore:
    """Study progress under study codes in one database. Every method raises StorageUnavailable
    when the database cannot be used, and UnknownCode for a code with nothing saved under it."""

    def __init__(self, url: str, clock: Callable[[], dt.datetime] | None = None) -> None:
        self.url = url
        self._clock = clock
        self._engine: Engine | None = None
        self._ready = threading.Lock()

    def now(self) -> dt.datetime:
        return (self._clock or utc_now)()

    def _writer(self) -> Connection:
        return self.engine().connect().execution_options(writes=True)

    def engine(self) -> Engine:
        """The engine, created and the schema upgraded on first use only (nothing is written before)."""
        with self._ready:
            if self._engine is None:
                try:
                    engine = make_engine(self.url)
                    with engine.connect().execution_options(writes=True) as connection, connection.begin():
                        upgrade_schema(connection)
                except (SQLAlchemyError, OSError) as error:
                    raise StorageUnavailable(str(error)) from error
                self._engine = engine
            return self._engine

    def _run(self, work: Callable[[Connection], object], writes: bool = False):
        try:
            with self._writer() if writes else self.engine().connect() as connection, connection.begin():
                return work(connection)
        except (SQLAlchemyError, OSError) as error:
            raise StorageUnavailable(str(error)) from error

    @staticmethod
    def _learner_id(connection: Connection, code: str) -> int:
        found = connection.execute(select(learners.c.id).where(learners.c.code_key == code_key(code))).scalar()
        if found is None:
            raise UnknownCode
        return found

    def start(self) -> str:
        """A new study code with an empty record behind it."""
        code = new_code()
        self._run(
            lambda connection: connection.execute(
                insert(learners).values(code_key=code_key(code), created_at=self.now())
            ),
            writes=True,
        )
        return code

    def knows(self, code: str) -> bool:
        def lookup(connection: Connection) -> bool:
            return (
                connection.execute(
                    select(func.count()).select_from(learners).where(learners.c.code_key == code_key(code))
                ).scalar()
                > 0
            )

        return self._run(lookup)

    def record_answers(self, code: str, given: Iterable[Answer]) -> None:
        rows = [
            {
                "card": answer.card,
                "correct": answer.correct,
                "source": answer.source,
                "answered_at": answer.answered_at or self.now(),
            }
            for answer in given
        ]
        if not rows:
            return

        def add(connection: Connection) -> None:
            learner = self._learner_id(connection, code)
            connection.execute(insert(answers), [row | {"learner_id": learner} for row in rows])

        self._run(add, writes=True)

    def record_exam(self, code: str, seed: int, given: list[Answer]) -> None:
        """An exam's score for the history, and each of its answers for the schedule, in one transaction."""
        taken_at = self.now()

        def add(connection: Connection) -> None:
            learner = self._learner_id(connection, code)
            connection.execute(
                insert(exams).values(
                    learner_id=learner,
                    taken_at=taken_at,
                    seed=seed,
                    correct=sum(answer.correct for answer in given),
                    total=len(given),
                )
            )
            connection.execute(
                insert(answers),
                [
                    {
                        "learner_id": learner,
                        "card": answer.card,
                        "correct": answer.correct,
                        "source": "exam",
                        "answered_at": taken_at,
                    }
                    for answer in given
                ],
            )

        self._run(add, writes=True)

    def answers(self, code: str) -> list[Answer]:
        def read(connection: Connection) -> list[Answer]:
            learner = self._learner_id(connection, code)
            rows = connection.execute(
                select(answers).where(answers.c.learner_id == learner).order_by(answers.c.answered_at, answers.c.id)
            )
            return [Answer(row.card, row.correct, _as_utc(row.answered_at), row.source) for row in rows]

        return self._run(read)

    def exams(self, code: str) -> list[ExamRecord]:
        def read(connection: Connection) -> list[ExamRecord]:
            learner = self._learner_id(connection, code)
            rows = connection.execute(
                select(exams).where(exams.c.learner_id == learner).order_by(exams.c.taken_at, exams.c.id)
            )
            return [ExamRecord(_as_utc(row.taken_at), row.seed, row.correct, row.total) for row in rows]

        return self._run(read)

    def forget(self, code: str) -> None:
        """Delete every row saved under the code, at once (one transaction)."""

        def remove(connection: Connection) -> None:
            learner = connection.execute(select(learners.c.id).where(learners.c.code_key == code_key(code))).scalar()
            if learner is None:
                return
            for table in (answers, exams):
                connection.execute(delete(table).where(table.c.learner_id == learner))
            connection.execute(delete(learners).where(learners.c.id == learner))

        self._run(remove, writes=True)
