"""The daily home work of a plan, phase by phase (used by lib/planner.py): the balance drills of a daily
balance dose, the daily back-extensor habit, and the work the sessions had no time for.
"""

from __future__ import annotations

import pandas as pd

from lib.plan_picks import POSTURE_BLOCK, candidates
from lib.plan_sessions import daily_frequency, own_dose
from lib.plan_usable import PHASES
from lib.profiles import Profile
from lib.safety_rules import LOW_BONE_MASS, in_words


def _slot_dose(slot: dict) -> str:
    return f"{slot['sets']} x {slot['reps']} at effort {slot['effort']}" if slot["sets"] is not None else slot["reps"]


def _moved_home(moved: list[dict], balance_at_home: bool) -> list[dict]:
    """Home rows for the work the sessions had no time for, on the days of those sessions; balance moved home
    is already in a daily balance target's list."""
    days: dict[tuple[str, str], list[dict]] = {}
    for slot in moved:
        if not (balance_at_home and slot["block"] == "balance"):
            days.setdefault((slot["phase"], slot["exercise_id"]), []).append(slot)
    rows = []
    for slots in days.values():
        letters = in_words([slot["session"] for slot in slots])
        when = f"the day of session {letters}" if len(slots) == 1 else f"the days of sessions {letters}"
        rows.append(
            {
                "phase": slots[0]["phase"],
                "block": slots[0]["block"],
                "exercise_id": slots[0]["exercise_id"],
                "exercise": slots[0]["exercise"],
                "modification": slots[0]["modification"],
                "move_on_when": slots[0]["move_on_when"],
                "dose": f"on {when} (no time for it in the session): {_slot_dose(slots[0])}",
                "daily": False,
            }
        )
    return rows


def _daily_from_sessions(usable: list[dict], slots: list[dict]) -> list[dict]:
    """Per phase, a daily home row for the first session drill whose own dose is daily ('once or twice a day'):
    the session row says only what one go holds (physio review B12)."""
    by_id = {row["id"]: row for row in usable}
    rows: dict[str, dict] = {}
    for slot in slots:
        frequency = daily_frequency(by_id[slot["exercise_id"]]) if slot["dose_kind"] == "own" else ""
        if frequency and slot["block"] == POSTURE_BLOCK and slot["phase"] not in rows:
            rows[slot["phase"]] = {
                "phase": slot["phase"],
                "block": slot["block"],
                "exercise_id": slot["exercise_id"],
                "exercise": slot["exercise"],
                "modification": slot["modification"],
                "move_on_when": "",
                "dose": f"{frequency}: {slot['reps'][:1].lower()}{slot['reps'][1:]}",
                "daily": True,
            }
    return list(rows.values())


def home_work(
    usable: list[dict], slots: list[dict], moved: list[dict], profile: Profile, daily_balance: dict[str, str]
) -> pd.DataFrame:
    """Daily home work per phase: the phase's balance drills (from the sessions' slots, or moved home from
    them), and back-extensor work where bone mass is low; then the work the sessions had no time for.

    `daily_balance` holds each phase's daily balance words when the plan's balance dose is daily."""
    balance_at_home = bool(daily_balance)
    rows = []
    balance = {(slot["phase"], slot["exercise_id"]): slot for slot in slots + moved if slot["block"] == "balance"}
    by_phase = sorted(balance.values(), key=lambda slot: PHASES.index(slot["phase"]))
    for slot in by_phase if balance_at_home else ():
        rows.append(
            {
                "phase": slot["phase"],
                "block": "balance",
                "exercise_id": slot["exercise_id"],
                "exercise": slot["exercise"],
                "modification": slot["modification"],
                "move_on_when": slot["move_on_when"],
                "dose": daily_balance[slot["phase"]],
                "daily": True,
            }
        )
    extensors = candidates(usable, ("back-extensor",), "spine", False)
    if profile.fragility in LOW_BONE_MASS and extensors:
        daily = extensors[0]  # the easiest: a daily habit, not a training load
        dose = "every day: " + own_dose(daily).removeprefix("Daily, ").removeprefix("Daily or most days, ")
        rows += [
            {
                "phase": phase,
                "block": POSTURE_BLOCK,
                "exercise_id": daily["id"],
                "exercise": daily["name"],
                "modification": daily["modification"],
                "move_on_when": "",
                "dose": dose,
                "daily": True,
            }
            for phase in PHASES
        ]
    habit = {row["phase"] for row in rows if row["block"] == POSTURE_BLOCK}  # one daily back habit is enough
    rows += [row for row in _daily_from_sessions(usable, slots + moved) if row["phase"] not in habit]
    planned = {(row["phase"], row["exercise_id"]) for row in rows}
    rows += [row for row in _moved_home(moved, balance_at_home) if (row["phase"], row["exercise_id"]) not in planned]
    return pd.DataFrame(
        rows, columns=["phase", "block", "exercise_id", "exercise", "modification", "move_on_when", "dose", "daily"]
    )
