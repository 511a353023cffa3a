"""The handout's "Your exercises" for a client with a plan: the whole week-1 plan, each with the plan's own dose.

Public API::

    from lib.handout_plan import plan_exercises
    plan_exercises(plan, catalog)  # every week-1 session exercise (session A's first) and the home work
    later_lifts(plan, catalog, words)  # 'From week 9: ...' for each loaded lift with a change that comes later
    drill_first(caution, plan, profile, assessed, catalog, words)  # a swap held back for a technique drill first

Nothing here chooses: the list is the plan's first phase (plan.sessions) and its home work (plan.home),
in the plan's order, each once, each dose in the plan's own words and figures (physio review B, finding 4).
"""

from __future__ import annotations

import pandas as pd

from lib.catalog import Catalog
from lib.drawings import exercise_strip_svg
from lib.plan_usable import EXTERNAL_LOADS, technique_first
from lib.planner import Plan
from lib.profiles import Profile
from lib.safety_rules import in_words

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


def _session_doses(slots: pd.DataFrame, week_one: pd.Series, impact_words: str, changes: bool) -> list[str]:
    """'Sessions A-C: 5 minutes', one line per distinct dose, with the plan's modification when it has one and
    `changes` asks for it."""
    by_dose: dict[str, list[str]] = {}
    for _, slot in slots.iterrows():
        dose = slot_dose(slot, week_one, impact_words)
        if changes and slot["modification"]:
            dose += f". {slot['modification']}"
        by_dose.setdefault(dose, []).append(slot["session"])
    return [f"{_where(sorted(set(letters)))}: {dose}" for dose, letters in by_dose.items()]


def _home_doses(rows: pd.DataFrame, daily_balance: str | None, changes: bool) -> list[str]:
    """Each home row's dose; a daily balance drill's as `daily_balance` says it, when given (physio review D6: the
    balance box gives the day's minutes once); with its modification when `changes` asks for it."""
    return [
        "at home, "
        + (daily_balance if daily_balance and row["block"] == "balance" and row["daily"] else row["dose"])
        + (f". {row['modification']}" if changes and row["modification"] else "")
        for _, row in rows.iterrows()
    ]


def _doses(
    in_sessions: pd.DataFrame, at_home: pd.DataFrame, week_one: pd.Series, impact_words: str, daily_balance: str | None
) -> str:
    """The exercise's week-1 doses in sessions and at home. A change every one of them shares is said once, at the
    end (physio review L, H1: a stance's counter after the sessions' dose and again after the home dose)."""
    changes = [*in_sessions["modification"], *at_home["modification"]]
    shared = changes[0] if changes[0] and len(set(changes)) == 1 else ""
    doses = "; ".join(
        [
            *_session_doses(in_sessions, week_one, impact_words, changes=not shared),
            *_home_doses(at_home, daily_balance, changes=not shared),
        ]
    )
    return f"{doses}. {shared}" if shared else doses


def _sentence(text: str, upper: bool = True) -> str:
    return (text[:1].upper() if upper else text[:1].lower()) + text[1:]


def plan_exercises(plan: Plan, catalog: Catalog, daily_balance: str | None = None) -> list[dict]:
    """Every exercise of the plan's week-1 sessions (session A's first), then its first phase's home work; a daily
    balance drill's home dose in the words `daily_balance` when given (else the plan's own).

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
        doses = _doses(in_sessions, at_home, week_one, impact_words, daily_balance)
        records.append(
            {
                "id": exercise_id,
                "name": first["exercise"],
                "pattern": exercise["pattern"],
                "cues": list(exercise["cues"]),
                "dose": _sentence(doses),
                "drawing": exercise_strip_svg(exercise_id),
                "sessions": sorted(set(in_sessions["session"])),
                "home": not at_home.empty,
            }
        )
    return records


def _sheet_name(slot: pd.Series, catalog: Catalog, names: dict) -> str:
    """The planned lift's name as the sheet gives it: a change to another hold renames it (physio review E, L3: a
    'goblet squat' is two-handed; the faller's planned version is one-handed at a counter)."""
    own_changes = catalog.exercise(slot["exercise_id"]).get("modifications", {})
    for key, renamed in names.items():
        if (
            slot["exercise_id"] in renamed
            and slot["modification"]
            and own_changes.get(key, "\0") in slot["modification"]
        ):
            return renamed[slot["exercise_id"]]
    return slot["exercise"]


def later_lifts(plan: Plan, catalog: Catalog, words: dict) -> list[str]:
    """One line for each loaded lift with a change that the plan brings in after its first phase, with its week,
    sessions and its change (physio review E, M1: the sheet lists week 1 only, and these changes are
    safety conditions: a hand on a counter, a physiotherapist's agreement); then a line for each later phase that
    moves it into or out of a session, with what it replaces or what replaces it (physio review H, L4: 'in sessions
    B and C: kettlebell deadlift' while session C turned to the squat in week 27, unsaid)."""
    sessions = plan.sessions
    first = sessions.loc[sessions["phase"] == FIRST_PHASE, "exercise_id"]
    starts = plan.weeks.groupby("phase")["week"].min()
    later = sessions[
        ~sessions["exercise_id"].isin(first) & (sessions["modification"] != "") & (sessions["dose_kind"] == "strength")
    ]
    lines = []
    for exercise_id, slots in later.groupby("exercise_id", sort=False):
        if not set(catalog.exercise(exercise_id)["equipment"]) & EXTERNAL_LOADS:
            continue
        slot = slots.iloc[0]
        lines.append(
            _later_line(
                words, catalog, starts[slot["phase"]], set(slots.loc[slots["phase"] == slot["phase"], "session"]), slot
            )
            + _heavy_lead_in(plan.weeks, slot, words["heavy_lead_in"])
        )
        lines += [
            _later_line(words, catalog, starts[phase], {letter}, new, replacing=True)
            for phase, letter, new in _moves(plan, slots)
        ]
    return list(dict.fromkeys(lines))  # a lift moving into a session is another moving out of it


def _later_line(
    words: dict, catalog: Catalog, week: int, letters: set[str], slot: pd.Series, replacing: bool = False
) -> str:
    """'From week 9, in sessions B and C: kettlebell deadlift. <its change>'; `replacing`: saying it takes the place
    of the session's earlier lift."""
    name = _sentence(_sheet_name(slot, catalog, words["names"]), upper=False)
    if replacing:
        name = words["in_place_of"].format(name=name)
    where = _sentence(_where(sorted(letters)), upper=False)
    return words["line"].format(week=week, where=where, name=name, change=slot["modification"]).strip()


def _moves(plan: Plan, slots: pd.DataFrame) -> list[tuple[str, str, pd.Series]]:
    """(phase, session, the slot's new row) wherever a later phase moves this lift into a session or out
    of one it keeps elsewhere (a lift that leaves the plan altogether is the plan moving on, its successor's own line)."""
    sessions = plan.sessions
    phases = list(dict.fromkeys(plan.weeks["phase"]))
    held_phases = list(dict.fromkeys(slots["phase"]))
    moves = []
    for before, after in zip(phases[phases.index(held_phases[0]) :], phases[phases.index(held_phases[0]) + 1 :]):
        held, holds = (set(slots.loc[slots["phase"] == phase, "session"]) for phase in (before, after))
        if not holds:
            break
        for letter in sorted(held ^ holds):
            block = slots["block"].iloc[0]
            in_slot = sessions[(sessions["session"] == letter) & (sessions["block"] == block)]
            old, new = (in_slot[in_slot["phase"] == phase] for phase in (before, after))
            if not old.empty and not new.empty:
                moves.append((after, letter, new.iloc[0]))
    return moves


def _heavy_lead_in(weeks: pd.DataFrame, slot: pd.Series, words: str) -> str:
    """For a heavy lift whose phase opens with lighter weeks, those weeks' dose and the week its heavy sets start:
    the sheet must not put 5 x 5 where the plan still has 3 x 8 (physio review G, M1)."""
    if not slot["heavy"]:
        return ""
    phase = weeks[weeks["phase"] == slot["phase"]]
    heavy = phase[phase["intensity_pct_1rm"].notna()]
    lead_in = phase[phase["week"] < heavy["week"].min()] if not heavy.empty else phase
    if lead_in.empty:
        return ""
    first = lead_in.iloc[0]
    return " " + words.format(
        first=first["week"],
        last=lead_in["week"].max(),
        sets=first["sets"],
        reps=first["reps"],
        effort=first["effort"],
        heavy=heavy["week"].min(),
    )


def _held_back_for_drill(swap: dict, plan: Plan | None, profile: Profile, catalog: Catalog) -> dict | None:
    """The drill (name, change) to offer before a caution's swap, when that swap is the loaded lift held back for a
    technique check: by the plan where there is one, else by the planner's own rule (technique_first); None if not."""
    technique = catalog.planner["technique_first"]
    if swap["pattern"] != technique["pattern"]:
        return None
    if plan is None:
        # A spine fracture's swap carries the physiotherapist's check in its own change already.
        loaded = bool(set(catalog.exercises_by_id[swap["id"]]["equipment"]) & EXTERNAL_LOADS)
        if not (technique_first(profile) and loaded and not profile.vertebral_fracture):
            return None
        drill = catalog.exercises_by_id[technique["drill"]]
        # A high faller's drill keeps one hand on a counter, as her plan's does (physio review H, L1).
        falls_change = (
            drill.get("modifications", {}).get(technique["falls_high"], "") if profile.falls == "high" else ""
        )
        return {"name": drill["name"], "modification": falls_change}
    first = plan.sessions[plan.sessions["phase"] == FIRST_PHASE]
    drills = first[first["exercise_id"] == technique["drill"]]
    if drills.empty or swap["id"] in set(first["exercise_id"]):
        return None
    return {"name": drills.iloc[0]["exercise"], "modification": drills.iloc[0]["modification"]}


def drill_first(
    caution: dict, plan: Plan | None, profile: Profile, assessed: list[dict], catalog: Catalog, words: dict
) -> dict:
    """A caution whose safer swap is a loaded lift held back until a technique check names the technique drill
    first: on a plan sheet, the drill the plan holds in its place (physio review H, M1: 'INSTEAD: Kettlebell
    deadlift' on a sheet whose plan starts it after the hip-hinge check); on a sheet without a plan, the drill the
    planner would start this client on (review I, M2)."""
    swap = next((row for row in assessed if row["id"] == caution.get("swap_id")), None)
    drill = swap and _held_back_for_drill(swap, plan, profile, catalog)
    if not drill:
        return caution
    line = words["line"].format(drill=drill["name"], lift=_sentence(swap["name"], upper=False))
    if drill["modification"]:
        change = drill["modification"].split(";")[0].rstrip(".") + "."  # its first clause: the set-up is on the front
        line = words["with_change"].format(line=line, change=_sentence(change, upper=False))
    return caution | {"instead": line}
