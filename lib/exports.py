"""Files a user can download (CSV that opens cleanly in any spreadsheet, an iCalendar file), and Markdown tables."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from icalendar import Calendar, Event

from lib.planner import Plan, session_dates

ASSESSMENT_COLUMNS = {
    "name": "Exercise", "status": "Status", "reason": "Why", "modification": "How to modify", "swap_name": "Safer swap",
    "dose": "Dose", "impact": "Impact", "pattern": "Pattern", "sources": "Sources",
}


def assessment_csv(table: pd.DataFrame) -> str:
    """The Safe options list as CSV, list cells joined with '; '."""
    frame = table[list(ASSESSMENT_COLUMNS)].copy()
    frame["sources"] = frame["sources"].map("; ".join)
    frame[["modification", "swap_name"]] = frame[["modification", "swap_name"]].fillna("")
    return frame.rename(columns=ASSESSMENT_COLUMNS).to_csv(index=False)


def markdown_table(frame: pd.DataFrame, index_label: str = "") -> str:
    """A small table as Markdown, index first: cheaper to show on every rerun than a dataframe element."""
    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    header = [index_label, *map(str, frame.columns)]
    lines = ["| " + " | ".join(map(cell, header)) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(map(cell, [label, *row])) + " |" for label, row in zip(frame.index, frame.to_numpy())]
    return "\n".join(lines)


def plan_weeks_csv(weeks: pd.DataFrame) -> str:
    return weeks.to_csv(index=False)


def plan_sessions_csv(sessions: pd.DataFrame) -> str:
    return sessions.to_csv(index=False)


FIXED_STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)  # same plan, same file: no creation time inside


def plan_ics(plan: Plan, start: dt.date, session_minutes: int, start_hour: int = 9) -> bytes:
    """A calendar file with one event per session, from the start date (opens in any calendar app)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Bone Loading Lab//program//EN")
    calendar.add("version", "2.0")
    weeks = plan.weeks.set_index("week")
    for day, letter, week in session_dates(plan, start):
        row = weeks.loc[week]
        begins = dt.datetime.combine(day, dt.time(start_hour))
        event = Event()
        event.add("uid", f"{day.isoformat()}-{letter}@bone-loading-lab")
        event.add("dtstamp", FIXED_STAMP)
        event.add("dtstart", begins)
        event.add("dtend", begins + dt.timedelta(minutes=session_minutes))
        event.add("summary", f"Bone training: session {letter} (week {week}, {row['phase']}{', lighter week' if row['deload'] else ''})")
        event.add("description", f"Main lifts {row['sets']} x {row['reps']} at effort {row['effort']}/10; "
                                 f"{row['impacts_per_session']} impacts. Education, not medical advice.")
        calendar.add_component(event)
    return calendar.to_ical()
