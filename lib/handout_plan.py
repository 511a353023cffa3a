"""The handout's "Your exercises" for a client with a plan: the whole week-1 plan, each with the plan's own dose.

Public API::

    from lib.handout_plan import plan_exercises
    plan_exercises(plan, catalog)  # every week-1 session exercise (session A's first) and the home work

Nothing here chooses: the list is the plan's first phase (plan.sessions) and its home work (plan.home),
in the plan's order, each once, each dose in the plan's own words and figures (physio review B, finding 4).
"""

from __future__ import annotations

import pandas as pd

from lib.catalog import Catalog
from lib.drawings import exercise_strip_svg
from lib.planner import Plan
from lib.safety import in_words

FIRST_PHASE = "foundation"  # week 1 is in the plan's first phase


def _where(letters: list[str]) -> str:
    """'Session A', 'Sessions A and C', 'Sessions A-C' (three consecutive sessions)."""
    if len(letters) > 2:
        return f"Sessions {letters[0]}-{letters[-1]}"
    return f"Session{'s' if len(letters) > 1 else ''} {in_words(letters)}"


def slot_dose(slot: pd.Series, week_one: pd.Series, impact_words: str) -> str:
    """A session slot's week-1 dose: sets, repetitions and effort; the week's impacts; or the slot's own words."""
    if slot["dose_kind"] == "impacts":
        return impact_words.format(impacts=week_one["impacts_per_session"]).split(";")[0]
    if slot["dose_kind"] != "strength":
        return str(slot["reps"])
    sets = f"{slot['sets']} set{'s' if slot['sets'] > 1 else ''}"
    if pd.isna(slot["effort"]):
        return f"{sets} of {slot['reps']}"
    return f"{sets} of {slot['reps']} at effort {slot['effort']} out of 10 in week 1"


def _session_doses(slots: pd.DataFrame, week_one: pd.Series, impact_words: str) -> list[str]:
    """'Sessions A-C: 5 minutes', one line per distinct dose, with the plan's modification when it has one."""
    by_dose: dict[str, list[str]] = {}
    for _, slot in slots.iterrows():
        dose = slot_dose(slot, week_one, impact_words)
        if slot["modification"]:
            dose += f". {slot['modification']}"
        by_dose.setdefault(dose, []).append(slot["session"])
    return [f"{_where(sorted(set(letters)))}: {dose}" for dose, letters in by_dose.items()]


def _home_doses(rows: pd.DataFrame) -> list[str]:
    return [
        f"at home, {row['dose']}" + (f". {row['modification']}" if row["modification"] else "")
        for _, row in rows.iterrows()
    ]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def plan_exercises(plan: Plan, catalog: Catalog) -> list[dict]:
    """Every exercise of the plan's week-1 sessions (session A's first), then its first phase's home work.

    Records as lib.handout_choices.handout_exercises gives them: id, name, pattern, cues, dose,
    drawing, sessions; and home (whether the plan's home work holds it).
    """
    slots = plan.sessions[plan.sessions["phase"] == FIRST_PHASE].sort_values("session", kind="stable")
    home = plan.home[plan.home["phase"] == FIRST_PHASE]
    week_one = plan.weeks.iloc[0]
    impact_words = catalog.planner["impact"]["cell"]
    records = []
    for exercise_id in dict.fromkeys([*slots["exercise_id"], *home["exercise_id"]]):
        in_sessions = slots[slots["exercise_id"] == exercise_id]
        at_home = home[home["exercise_id"] == exercise_id]
        exercise = catalog.exercise(exercise_id)
        first = in_sessions.iloc[0] if not in_sessions.empty else at_home.iloc[0]
        doses = [*_session_doses(in_sessions, week_one, impact_words), *_home_doses(at_home)]
        records.append(
            {
                "id": exercise_id,
                "name": first["exercise"],
                "pattern": exercise["pattern"],
                "cues": list(exercise["cues"]),
                "dose": _sentence("; ".join(doses)),
                "drawing": exercise_strip_svg(exercise_id),
                "sessions": sorted(set(in_sessions["session"])),
                "home": not at_home.empty,
            }
        )
    return records
