"""Files a user can download: CSV that opens cleanly in any spreadsheet, an iCalendar file."""

from __future__ import annotations

import datetime as dt
import uuid

import pandas as pd
from icalendar import Calendar, Event

from lib.profile_guidance import describe
from lib.planner import Plan, session_dates, week_starts
from lib.profiles import Profile

# Every CSV says whose list it is: the profile in words, on each row, named in the file's own style.
PROFILE_COLUMN = "for_profile"

ASSESSMENT_COLUMNS = {
    "name": "Exercise",
    "status": "Status",
    "reason": "Why",
    "modification": "How to modify",
    "swap_name": "Safer swap",
    "dose": "Dose",
    "impact": "Impact",
    "pattern": "Pattern",
    "sources": "Sources",
    PROFILE_COLUMN: "For profile",  # this file's columns are labelled for reading, not snake_case
}


def assessment_csv(table: pd.DataFrame, profile: Profile) -> str:
    """The Safe options list as CSV, list cells joined with '; ', with the profile it is for."""
    frame = table.assign(**{PROFILE_COLUMN: describe(profile)})[list(ASSESSMENT_COLUMNS)].copy()
    frame["sources"] = frame["sources"].map("; ".join)
    frame[["modification", "swap_name"]] = frame[["modification", "swap_name"]].fillna("")
    return frame.rename(columns=ASSESSMENT_COLUMNS).to_csv(index=False)


def plan_weeks_csv(plan: Plan, start: dt.date, weekdays: tuple[int, ...] | None = None) -> str:
    """The week-by-week plan, each week with the date it starts, and the profile it is for. The review's words stay;
    its kinds (lib/plan_weeks.py) are the code's own names, for the handout to read."""
    weeks = plan.weeks.drop(columns="review_kinds")
    weeks.insert(1, "week_starts", [day.isoformat() for day in week_starts(plan, start, weekdays)])
    weeks[PROFILE_COLUMN] = describe(plan.profile)
    return weeks.to_csv(index=False)


def plan_sessions_csv(plan: Plan) -> str:
    sessions = plan.sessions.copy()
    sessions[PROFILE_COLUMN] = describe(plan.profile)
    return sessions.to_csv(index=False)


def session_exercises(plan: Plan, letter: str, phase: str) -> str:
    """What one session holds in one phase, block by block: 'Goblet squat (2 x 12); Wall push-up (2 x 12)'."""
    slots = plan.sessions[(plan.sessions["session"] == letter) & (plan.sessions["phase"] == phase)]
    return "; ".join(
        f"{row.exercise} ({row.sets} x {row.reps})" if pd.notna(row.sets) else f"{row.exercise} ({row.reps})"
        for row in slots.itertuples()
    )


FIXED_STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)  # no creation time inside: the file is the plan
DEFAULT_TIME = dt.time(9)


def plan_ics(
    plan: Plan,
    start: dt.date,
    session_minutes: int,
    weekdays: tuple[int, ...] | None = None,
    at: dt.time = DEFAULT_TIME,
    calendar_id: str | None = None,
) -> bytes:
    """A calendar file with one event per session, from the start date (opens in any calendar app).

    Event UIDs carry `calendar_id` (a fresh random one by default), so they are globally unique
    (RFC 5545): two clients' plans starting the same day never replace each other's events.
    """
    calendar_id = calendar_id or uuid.uuid4().hex
    calendar = Calendar()
    calendar.add("prodid", "-//Bone Loading Lab//program//EN")
    calendar.add("version", "2.0")
    weeks = plan.weeks.set_index("week")
    for day, letter, week in session_dates(plan, start, weekdays):
        row = weeks.loc[week]
        begins = dt.datetime.combine(day, at)
        event = Event()
        event.add("uid", f"{day.isoformat()}-{letter}-{calendar_id}@bone-loading-lab")
        event.add("dtstamp", FIXED_STAMP)
        event.add("dtstart", begins)
        event.add("dtend", begins + dt.timedelta(minutes=session_minutes))
        event.add(
            "summary",
            f"Bone training: session {letter} (week {week}, {row['phase']}{', lighter week' if row['deload'] else ''})",
        )
        review = f"{row['review']} " if row["review"] else ""
        event.add(
            "description",
            f"{review}{session_exercises(plan, letter, row['phase'])}. "
            f"This week: main lifts {row['sets']} x {row['reps']} at effort {row['effort']}/10; "
            f"{row['impacts_per_session']} impacts. Education, not medical advice.",
        )
        calendar.add_component(event)
    return calendar.to_ical()
