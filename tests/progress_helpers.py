"""Shared by the study-progress tests: a clock moved by hand, a database URL, and row counts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import create_engine, func, select

from lib.progress.store import answers, exams, learners

DAY_ONE = dt.datetime(2031, 3, 17, 9, 0, tzinfo=dt.timezone.utc)


class Clock:
    """A clock the test moves forward by hand."""

    def __init__(self, start: dt.datetime = DAY_ONE) -> None:
        self.moment = start

    def __call__(self) -> dt.datetime:
        return self.moment

    def advance(self, **interval) -> None:
        self.moment += dt.timedelta(**interval)


def sqlite_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'progress.sqlite3'}"


def row_counts(url: str) -> dict[str, int]:
    with create_engine(url).connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar()
            for table in (learners, answers, exams)
        }
