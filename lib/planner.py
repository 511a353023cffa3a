"""Turn a risk profile into a periodised program of 2-3 sessions a week, week by week.

Public API::

    from lib.planner import build_plan
    plan = build_plan(profile, sessions_per_week=3, months=12)
    plan.weeks     # one row per week: phase, deload, effort, %1RM, sets, reps, impacts, balance
    plan.sessions  # one row per exercise slot in each session template, per phase

The doses come from the guidelines: Too Fit To Fracture and Strong, Steady and Straight
(8-12 reps at an effort of 5-8 out of 10, progressing toward 3 x 8; about 50 impacts;
about 2 hours of balance a week) and, only for a cleared and supervised client after
the technique foundation, LIFTMOR (5 x 5 above 80-85 % of one-repetition maximum).
Exercises come only from what `assess` does not mark `avoid` for the profile.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from lib.catalog import Catalog, default_catalog
from lib.profiles import Profile
from lib.safety import IMPACT_LEVELS, assess, impact_ceiling

WEEKS_PER_MONTH = 52 / 12
DELOAD_EVERY = 5  # a lighter week every 5th week: inside the 4-6 week cadence coaches use
FOUNDATION_WEEKS = {"novice": 8, "trained": 4}  # LIFTMOR began with a month of technique work; novices get longer
PHASES = ("foundation", "build", "strength", "maintenance")
TARGET_IMPACTS = 50  # ROS: about 50 impacts a session is the usual advice (uncertain)
BALANCE_START, BALANCE_TARGET = 60, 120  # minutes a week, building toward TFTF's ~2 hours
HEAVY_PCT_1RM = (80, 85)  # LIFTMOR: 5 x 5 above 80-85 % 1RM
MAX_EFFORT = 8  # TFTF: effort 5-8 out of 10
EQUIPMENT_SETS = {
    "none": frozenset({"none", "chair", "wall", "step"}),
    "bands and dumbbells": frozenset({"none", "chair", "wall", "step", "band", "dumbbell", "kettlebell", "bench"}),
    "full gym": frozenset({"none", "chair", "wall", "step", "band", "dumbbell", "kettlebell", "bench", "barbell", "machine", "bar"}),
}
SESSION_MINUTES = (30, 45, 60)
# Which pattern carries each block, per session template; push/pull alternate for variety.
TEMPLATES = {
    "A": {"axial lower body": ("squat",), "upper body push": ("push",), "upper body pull": ("pull",), "back extensors and posture": ("back-extensor",)},
    "B": {"axial lower body": ("hinge",), "upper body push": ("push",), "upper body pull": ("pull",), "back extensors and posture": ("posture",)},
    "C": {"axial lower body": ("lunge",), "upper body push": ("push",), "upper body pull": ("pull",), "back extensors and posture": ("back-extensor", "trunk")},
}
# Share of a session's minutes per component (the impact share goes to balance when impact is not allowed).
MINUTE_SHARES = {"warm-up": 0.1, "axial": 0.3, "upper body": 0.25, "impact": 0.1, "balance": 0.15, "posture": 0.1}
LEVELS = ("beginner", "intermediate", "advanced")


@dataclass(frozen=True)
class Plan:
    profile: Profile
    sessions_per_week: int
    months: int
    heavy: bool  # whether the strength phase uses LIFTMOR-style heavy sets
    impact_ceiling: str
    weeks: pd.DataFrame
    sessions: pd.DataFrame


def week_count(months: int) -> int:
    return round(months * WEEKS_PER_MONTH)


def phase_lengths(total_weeks: int, experience: str) -> dict[str, int]:
    """Foundation first (longer for novices), then build, strength and maintenance."""
    foundation = min(FOUNDATION_WEEKS[experience], max(2, total_weeks // 4))
    remaining = total_weeks - foundation
    build = max(1, round(remaining * 0.4))
    strength = max(1, round(remaining * 0.35))
    return {"foundation": foundation, "build": build, "strength": strength, "maintenance": remaining - build - strength}


def allows_heavy(profile: Profile, table: pd.DataFrame) -> bool:
    """LIFTMOR-style lifting: cleared and supervised, no vertebral fracture, and the rules allow it."""
    heavy_status = set(table.loc[table["heavy"], "status"])
    return profile.clearance and profile.fragility != "vertebral_fracture" and bool(heavy_status - {"avoid"})


def _progress(start: float, end: float, position: int, length: int) -> float:
    return start if length <= 1 else start + (end - start) * position / (length - 1)


def _main_lift_dose(phase: str, position: int, length: int, heavy: bool) -> dict:
    """Sets, reps, effort and %1RM of the main lifts for one (non-deload) week."""
    if phase == "foundation":
        return {"sets": 1 if position < length / 2 else 2, "reps": 12, "effort": 5, "intensity_pct_1rm": None}
    if phase == "build":
        return {"sets": round(_progress(2, 3, position, length)), "reps": [12, 10, 8][min(2, 3 * position // length)],
                "effort": round(_progress(5, 7, position, length)), "intensity_pct_1rm": None}
    if heavy:
        percent = HEAVY_PCT_1RM[1] if phase == "strength" and position >= length / 2 else HEAVY_PCT_1RM[0]
        return {"sets": 5, "reps": 5, "effort": MAX_EFFORT, "intensity_pct_1rm": percent}
    effort = round(_progress(7, MAX_EFFORT, position, length)) if phase == "strength" else 7
    return {"sets": 3, "reps": 8, "effort": effort, "intensity_pct_1rm": None}


def _impacts(phase: str, position: int, length: int, ceiling: str) -> int:
    if ceiling == "none":
        return 0
    start, end = {"foundation": (10, 20), "build": (20, TARGET_IMPACTS)}.get(phase, (TARGET_IMPACTS, TARGET_IMPACTS))
    return int(5 * round(_progress(start, end, position, length) / 5))


def _deload(dose: dict) -> dict:
    """A lighter week: one set fewer, two points less effort, no heavy percentages, half the impacts."""
    return dose | {
        "sets": max(1, dose["sets"] - 1), "reps": max(dose["reps"], 8), "effort": max(4, dose["effort"] - 2),
        "intensity_pct_1rm": None, "impacts_per_session": dose["impacts_per_session"] // 2,
    }


def _weeks(profile: Profile, sessions_per_week: int, months: int, heavy: bool, ceiling: str,
           session_minutes: int) -> pd.DataFrame:
    total = week_count(months)
    lengths = phase_lengths(total, profile.experience)
    rows, week = [], 1
    for phase in PHASES:
        for position in range(lengths[phase]):
            dose = _main_lift_dose(phase, position, lengths[phase], heavy)
            dose["impacts_per_session"] = _impacts(phase, position, lengths[phase], ceiling)
            deload = week % DELOAD_EVERY == 0
            if deload:
                dose = _deload(dose)
            balance = round(_progress(BALANCE_START, BALANCE_TARGET, week - 1, max(2, total * 2 // 3)))
            rows.append({
                "week": week, "month": min(months, int((week - 1) // WEEKS_PER_MONTH) + 1), "phase": phase,
                "deload": deload, "sessions": sessions_per_week, **dose,
                "balance_minutes": min(BALANCE_TARGET, balance),
                **_component_minutes(session_minutes, sessions_per_week, ceiling),
            })
            week += 1
    frame = pd.DataFrame(rows)
    frame["intensity_pct_1rm"] = frame["intensity_pct_1rm"].astype("Float64")
    return frame


def _component_minutes(session_minutes: int, sessions_per_week: int, ceiling: str) -> dict[str, int]:
    """Estimated minutes a week per component, from the session length (for the stacked chart)."""
    shares = dict(MINUTE_SHARES)
    if ceiling == "none":
        shares["balance"] += shares.pop("impact")
    return {f"minutes_{name.replace(' ', '_').replace('-', '_')}": round(share * session_minutes * sessions_per_week)
            for name, share in shares.items()}


def _regression_depth(exercise_id: str, exercises: dict[str, dict]) -> int:
    depth, seen, current = 0, set(), exercises[exercise_id]["regression"]
    while current and current not in seen:
        seen.add(current)
        depth, current = depth + 1, exercises[current]["regression"]
    return depth


def _usable(table: pd.DataFrame, equipment: frozenset[str], exercises: dict[str, dict]) -> list[dict]:
    """Exercises the profile may do with this equipment, as plain records (fast to filter per block)."""
    return [
        row | {"depth": _regression_depth(row["id"], exercises)}
        for row in table.to_dict("records")
        if row["status"] != "avoid" and set(row["equipment"]) <= equipment
    ]


def _candidates(usable: list[dict], patterns: tuple[str, ...], heavy: bool) -> list[dict]:
    """Allowed exercises for a block, easiest first (by level, then steps from the easiest version)."""
    chosen = [row for row in usable if row["pattern"] in patterns and (heavy or not row["heavy"])]
    return sorted(chosen, key=lambda row: (LEVELS.index(row["level"]), row["depth"]))


def _impact_candidates(usable: list[dict], ceiling: str) -> list[dict]:
    """Impact exercises from low up to the profile's ceiling, gentlest first."""
    top = IMPACT_LEVELS.index(ceiling)
    chosen = [row for row in usable if row["pattern"] == "impact" and 0 < IMPACT_LEVELS.index(row["impact"]) <= top]
    return sorted(chosen, key=lambda row: (IMPACT_LEVELS.index(row["impact"]), row["depth"]))


def _pick(candidates: list[dict], phase: str) -> dict | None:
    """Foundation takes the easiest, build the middle, strength and maintenance the hardest.

    Recommended exercises come before those that need a modification.
    """
    pool = [row for row in candidates if row["status"] == "recommended"] or candidates
    if not pool:
        return None
    position = {"foundation": 0, "build": (len(pool) - 1) // 2}.get(phase, len(pool) - 1)
    return pool[position]


def _slot(session: str, block: str, phase: str, exercise: dict, sets: int | None, reps: str) -> dict:
    return {"session": session, "block": block, "phase": phase, "exercise_id": exercise["id"],
            "exercise": exercise["name"], "status": exercise["status"], "sets": sets, "reps": reps}


def _lift_slot(session: str, block: str, phase: str, exercise: dict) -> dict:
    """Main lifts take the phase's dose; LIFTMOR's 5 x 5 applies only to the heavy lifts themselves."""
    if block == "back extensors and posture":
        return _slot(session, block, phase, exercise, 2, "8-10 slow repetitions")
    dose = _main_lift_dose(phase, 0, 1, heavy=exercise["heavy"])
    return _slot(session, block, phase, exercise, dose["sets"], str(dose["reps"]))


def _sessions(usable: list[dict], sessions_per_week: int, heavy: bool, ceiling: str) -> pd.DataFrame:
    warm_up = _pick(_impact_candidates(usable, "low"), "foundation")
    balance = _candidates(usable, ("balance",), heavy=False)
    impact = _impact_candidates(usable, ceiling)
    rows = []
    for session in list(TEMPLATES)[:sessions_per_week]:
        for phase in PHASES:
            if warm_up is not None:
                rows.append(_slot(session, "warm-up", phase, warm_up, None, "5 minutes"))
            for block, patterns in TEMPLATES[session].items():
                lift_heavy = heavy and phase in ("strength", "maintenance") and block == "axial lower body"
                chosen = _pick(_candidates(usable, patterns, lift_heavy), phase)
                if chosen is not None:
                    rows.append(_lift_slot(session, block, phase, chosen))
            for block, candidates, reps in (("impact", impact, "the week's impacts per session"),
                                            ("balance", balance, "8-10 minutes")):
                chosen = _pick(candidates, phase)
                if chosen is not None:
                    rows.append(_slot(session, block, phase, chosen, None, reps))
    frame = pd.DataFrame(rows)
    frame["sets"] = frame["sets"].astype("Int64")
    return frame


def build_plan(
    profile: Profile,
    sessions_per_week: int = 3,
    months: int = 12,
    session_minutes: int = 45,
    equipment: str = "full gym",
    catalog: Catalog | None = None,
) -> Plan:
    """A periodised program for the profile; see the module docstring for where each dose comes from."""
    if sessions_per_week not in (2, 3):
        raise ValueError("sessions_per_week must be 2 or 3")
    if not 3 <= months <= 24:
        raise ValueError("months must be from 3 to 24")
    if session_minutes not in SESSION_MINUTES or equipment not in EQUIPMENT_SETS:
        raise ValueError(f"session_minutes must be one of {SESSION_MINUTES}; equipment one of {list(EQUIPMENT_SETS)}")
    catalog = catalog or default_catalog()
    table = assess(profile, catalog)
    heavy = allows_heavy(profile, table)
    ceiling = impact_ceiling(profile, catalog)
    return Plan(
        profile=profile, sessions_per_week=sessions_per_week, months=months, heavy=heavy, impact_ceiling=ceiling,
        weeks=_weeks(profile, sessions_per_week, months, heavy, ceiling, session_minutes),
        sessions=_sessions(_usable(table, EQUIPMENT_SETS[equipment], catalog.exercises_by_id), sessions_per_week, heavy, ceiling),
    )


DEFAULT_WEEKDAYS = {2: (0, 3), 3: (0, 2, 4)}  # Mon/Thu for two a week, Mon/Wed/Fri for three (0 is Monday)


def session_dates(plan: Plan, start: dt.date, weekdays: tuple[int, ...] | None = None) -> list[tuple[dt.date, str, int]]:
    """(date, session letter, week) for every session, on the given weekdays (by default as DEFAULT_WEEKDAYS)."""
    weekdays = tuple(sorted(weekdays or DEFAULT_WEEKDAYS[plan.sessions_per_week]))
    if len(weekdays) != plan.sessions_per_week:
        raise ValueError(f"choose {plan.sessions_per_week} weekdays, one per session")
    letters = list(TEMPLATES)[: plan.sessions_per_week]
    return [
        (monday + dt.timedelta(days=weekday), letter, week)
        for week, monday in zip(plan.weeks["week"], week_starts(plan, start, weekdays))
        for weekday, letter in zip(weekdays, letters)
    ]


def week_starts(plan: Plan, start: dt.date, weekdays: tuple[int, ...] | None = None) -> list[dt.date]:
    """The Monday of each week of the plan: the week of `start`, or the next if its first session day has passed."""
    first_weekday = min(weekdays or DEFAULT_WEEKDAYS[plan.sessions_per_week])
    monday = start - dt.timedelta(days=start.weekday())
    if start.weekday() > first_weekday:
        monday += dt.timedelta(days=7)  # begin on the first full training week
    return [monday + dt.timedelta(weeks=week - 1) for week in plan.weeks["week"]]


def session_grid(plan: Plan, session: str) -> pd.DataFrame:
    """Blocks down, phases across: what the client does in each phase of one session template."""
    slots = plan.sessions[plan.sessions["session"] == session]
    cells = slots.assign(what=[
        f"{row.exercise} ({row.sets} x {row.reps})" if pd.notna(row.sets) else f"{row.exercise} ({row.reps})"
        for row in slots.itertuples()
    ])
    grid = cells.pivot(index="block", columns="phase", values="what").reindex(columns=list(PHASES))
    return grid.reindex(list(dict.fromkeys(slots["block"]))).fillna("")
