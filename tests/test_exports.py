from __future__ import annotations

import datetime as dt
import io
import re

import pandas as pd
from icalendar import Calendar

from lib.profile_guidance import describe
from lib.exports import PROFILE_COLUMN, plan_ics, plan_sessions_csv, plan_weeks_csv
from lib.planner import PHASES, build_plan, session_grid
from lib.profiles import PRESETS


def test_plan_csvs_read_back_as_tables():
    plan = build_plan(PRESETS["osteopenia"], sessions_per_week=2, months=6)
    weeks = pd.read_csv(io.StringIO(plan_weeks_csv(plan, dt.date(2027, 1, 4))))
    sessions = pd.read_csv(io.StringIO(plan_sessions_csv(plan)))
    assert len(weeks) == len(plan.weeks) and {"week", "phase", "effort", "impacts_per_session"} <= set(weeks.columns)
    assert "review" in weeks.columns and "review_kinds" not in weeks.columns  # words for people, not the code's names
    assert len(sessions) == len(plan.sessions) and {"session", "block", "exercise_id", "sets", "reps"} <= set(
        sessions.columns
    )


def test_calendar_has_one_event_per_session_from_the_start():
    plan = build_plan(PRESETS["vertebral-fracture"], sessions_per_week=3, months=3)
    calendar = Calendar.from_ical(plan_ics(plan, dt.date(2027, 1, 4), 45))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 3 * len(plan.weeks)
    first = min(event.decoded("dtstart") for event in events)
    assert first == dt.datetime(2027, 1, 4, 9, 0)
    assert events[0].decoded("dtend") - events[0].decoded("dtstart") == dt.timedelta(minutes=45)
    assert "not medical advice" in str(events[0]["description"])


def test_plan_csvs_say_whose_plan_they_are_and_date_each_week():
    plan = build_plan(PRESETS["vertebral-fracture"], sessions_per_week=2, months=3)
    weeks = pd.read_csv(io.StringIO(plan_weeks_csv(plan, dt.date(2027, 1, 6))))  # a Wednesday: from the next Monday
    sessions = pd.read_csv(io.StringIO(plan_sessions_csv(plan)))
    assert list(weeks.columns[:2]) == ["week", "week_starts"]
    assert list(weeks["week_starts"][:2]) == ["2027-01-11", "2027-01-18"]
    assert set(weeks[PROFILE_COLUMN]) == set(sessions[PROFILE_COLUMN]) == {describe(plan.profile)}
    for frame in (weeks, sessions):  # one style of column name, the last one too
        assert all(re.fullmatch(r"[a-z0-9_]+", column) for column in frame.columns), list(frame.columns)


def test_calendar_events_name_the_session_exercises():
    plan = build_plan(PRESETS["osteopenia"], sessions_per_week=2, months=3)
    event = Calendar.from_ical(plan_ics(plan, dt.date(2027, 1, 4), 45)).walk("VEVENT")[0]
    first_session = plan.sessions[(plan.sessions["session"] == "A") & (plan.sessions["phase"] == "foundation")]
    assert all(name in str(event["description"]) for name in first_session["exercise"])


def test_calendar_uids_never_clash_between_two_plans_starting_the_same_day():
    plan = build_plan(PRESETS["osteopenia"], sessions_per_week=2, months=3)
    uids = [
        str(event["uid"])
        for _ in range(2)
        for event in Calendar.from_ical(plan_ics(plan, dt.date(2027, 1, 4), 45)).walk("VEVENT")
    ]
    assert len(uids) == len(set(uids)) == 2 * 2 * len(plan.weeks)


def test_calendar_uses_the_chosen_days_and_time():
    plan = build_plan(PRESETS["osteopenia"], sessions_per_week=2, months=3)
    events = Calendar.from_ical(plan_ics(plan, dt.date(2027, 1, 4), 30, weekdays=(1, 4), at=dt.time(18, 30))).walk(
        "VEVENT"
    )
    starts = sorted(event.decoded("dtstart") for event in events)
    assert starts[:2] == [dt.datetime(2027, 1, 5, 18, 30), dt.datetime(2027, 1, 8, 18, 30)]  # Tuesday and Friday


def test_session_grid_has_a_column_per_phase_and_a_row_per_block():
    plan = build_plan(PRESETS["osteopenia"], sessions_per_week=3, months=12)
    grid = session_grid(plan, "A")
    assert list(grid.columns) == list(PHASES)
    assert list(grid.index) == list(dict.fromkeys(plan.sessions.loc[plan.sessions["session"] == "A", "block"]))
    assert (grid != "").all().all()
