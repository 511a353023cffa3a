"""Turn a risk profile into a periodised program of 2-3 sessions a week, week by week.

Public API::

    from lib.planner import build_plan
    plan = build_plan(profile, sessions_per_week=3, months=12)
    plan.weeks     # one row per week: phase, deload, effort, %1RM, sets, reps, impacts, balance, aerobic minutes
    plan.sessions  # one row per exercise slot in each session template, per phase, with its own dose
    plan.home      # daily home work per phase: balance, and back-extensor work where bone mass is low

The doses come from the guidelines: Too Fit To Fracture and Strong, Steady and Straight
(8-12 reps at an effort of 5-8 out of 10, progressing toward 3 x 8; about 50 impacts;
about 2 hours of balance and 150 minutes of aerobic activity a week, moderate after a
spine fracture; daily back-extensor work) and, only for a cleared and supervised client
after at least four weeks of technique work, LIFTMOR (5 x 5 above 80-85 % of 1RM).
A plan holds only exercises `assess` recommends for the profile, or marks "modify" solely to keep
support within reach (PLANNABLE_MODIFICATIONS), printed with that modification; in its bone blocks
only those that build bone; each keeps its own kind of dose (data/exercises.yaml, dose_kind).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from lib.catalog import Catalog, default_catalog
from lib.profiles import Profile
from lib.safety import IMPACT_LEVELS, LOW_BONE_MASS, assess, impact_ceiling
from lib.vocabulary import LEVELS, words

WEEKS_PER_MONTH = 52 / 12
DELOAD_EVERY = 5  # a lighter week every 5th week: inside the 4-6 week cadence coaches use
FOUNDATION_WEEKS = {"novice": 8, "trained": 4}  # LIFTMOR began with a month of technique work; novices get longer
MIN_FOUNDATION_WEEKS = 4  # never less than a month of technique work before the build
PHASES = ("foundation", "build", "strength", "maintenance")
HEAVY_PHASES = ("strength", "maintenance")
TARGET_IMPACTS = 50  # ROS: about 50 impacts a session is the usual advice (uncertain)
BALANCE_START, BALANCE_TARGET = 60, 120  # minutes a week, building toward TFTF's ~2 hours
AEROBIC_START, AEROBIC_TARGET = 60, 150  # minutes a week, building toward TFTF's 150 (the start is the planner's own)
TARGET_BY_WEEK = 16  # balance and aerobic targets reached by week 16 (or the plan's last week)
HEAVY_PCT_1RM = (80, 85)  # LIFTMOR: 5 x 5 above 80-85 % 1RM
MAX_EFFORT = 8  # TFTF: effort 5-8 out of 10 for the 8-12 repetition dose
# 5 reps at 80 % of 1RM is close to an 8-repetition maximum; at 85 % it is a 5-6 repetition maximum: near the limit.
HEAVY_EFFORT = {80: 8, 85: 9}
EQUIPMENT_SETS = {
    "none": frozenset({"none", "chair", "wall", "step"}),
    "bands and dumbbells": frozenset({"none", "chair", "wall", "step", "band", "dumbbell", "kettlebell", "bench"}),
    "full gym": frozenset({"none", "chair", "wall", "step", "band", "dumbbell", "kettlebell", "bench", "barbell", "machine", "bar"}),
}
SESSION_MINUTES = (30, 45, 60)
POSTURE_BLOCK = "back extensors and posture"
# Which pattern carries each block, per session template; push/pull alternate for variety.
TEMPLATES = {
    "A": {"axial lower body": ("squat",), "upper body push": ("push",), "upper body pull": ("pull",), POSTURE_BLOCK: ("back-extensor",)},
    "B": {"axial lower body": ("hinge",), "upper body push": ("push",), "upper body pull": ("pull",), POSTURE_BLOCK: ("posture",)},
    "C": {"axial lower body": ("lunge",), "upper body push": ("push",), "upper body pull": ("pull",), POSTURE_BLOCK: ("back-extensor", "trunk")},
}
HEAVY_BLOCKS = ("axial lower body", "upper body push")  # LIFTMOR: deadlift, back squat and overhead press
HEAVY_SESSIONS = ("A", "B")  # LIFTMOR trained twice a week; a third session keeps the 8-12 repetition dose
AXIAL_FALLBACK = ("squat", "hinge")  # when no lunge suits the profile (painful knees), session C squats or hinges
# Share of a session's minutes per component (the impact share goes to balance when impact is not allowed).
MINUTE_SHARES = {"warm-up": 0.1, "axial": 0.3, "upper body": 0.25, "impact": 0.1, "balance": 0.15, "posture": 0.1}
# A "modify" exercise is planned only when every deciding rule asks for one of these changes, which the
# client can always make (a counter at fingertip reach) and the plan prints in the cell beside the dose.
PLANNABLE_MODIFICATIONS = frozenset({"support-within-reach"})
BALANCE_CIRCUIT = 2  # drills in a session's balance block (2-4 is a usual circuit), each at its own dose
FALL_DEMANDS = words("fall_demand")


@dataclass(frozen=True)
class Plan:
    profile: Profile
    sessions_per_week: int
    months: int
    heavy: bool  # whether some phase's sessions hold LIFTMOR-style heavy sets
    impact_ceiling: str
    weeks: pd.DataFrame
    sessions: pd.DataFrame
    home: pd.DataFrame  # daily home work per phase: block, exercise, modification (empty if none), dose


def week_count(months: int) -> int:
    return round(months * WEEKS_PER_MONTH)


def phase_lengths(total_weeks: int, experience: str) -> dict[str, int]:
    """Foundation first (at least four weeks, longer for novices), then build, strength and maintenance."""
    foundation = min(FOUNDATION_WEEKS[experience], max(MIN_FOUNDATION_WEEKS, total_weeks // 4))
    remaining = total_weeks - foundation
    build = max(1, round(remaining * 0.4))
    strength = max(1, round(remaining * 0.35))
    return {"foundation": foundation, "build": build, "strength": strength, "maintenance": remaining - build - strength}


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
        return {"sets": 5, "reps": 5, "effort": HEAVY_EFFORT[percent], "intensity_pct_1rm": percent}
    effort = round(_progress(7, MAX_EFFORT, position, length)) if phase == "strength" else 7
    return {"sets": 3, "reps": 8, "effort": effort, "intensity_pct_1rm": None}


def _impacts(phase: str, position: int, length: int, ceiling: str, most: int) -> int:
    """Impacts a session: building toward about 50, never more than the phase's impact exercise allows."""
    if ceiling == "none" or most == 0:
        return 0
    start, end = {"foundation": (10, 20), "build": (20, TARGET_IMPACTS)}.get(phase, (TARGET_IMPACTS, TARGET_IMPACTS))
    return min(most, int(5 * round(_progress(start, end, position, length) / 5)))


def _deload(previous: dict, dose: dict) -> dict:
    """A lighter week: last week's sets and reps less one set, two points less effort, no %1RM, half the impacts."""
    return dose | {
        "sets": max(1, previous["sets"] - 1), "reps": previous["reps"], "effort": max(3, previous["effort"] - 2),
        "intensity_pct_1rm": None,
        # half last week's impacts, and never more than this phase's impact exercise allows
        "impacts_per_session": min(previous["impacts_per_session"] // 2, dose["impacts_per_session"]),
    }


def _toward_target(start: int, target: int, week: int, total: int) -> int:
    return round(_progress(start, target, min(week, TARGET_BY_WEEK, total) - 1, min(TARGET_BY_WEEK, total)))


def _weeks(profile: Profile, sessions_per_week: int, months: int, phase_plan: dict[str, dict], ceiling: str,
           session_minutes: int) -> pd.DataFrame:
    total = week_count(months)
    lengths = phase_lengths(total, profile.experience)
    rows, week, previous = [], 1, None
    for phase in PHASES:
        heavy_lifts = phase_plan[phase]["heavy_lifts"]
        for position in range(lengths[phase]):
            dose = _main_lift_dose(phase, position, lengths[phase], bool(heavy_lifts))
            dose["impacts_per_session"] = _impacts(phase, position, lengths[phase], ceiling, phase_plan[phase]["impacts_max"])
            deload = week % DELOAD_EVERY == 0
            if deload:
                dose = _deload(previous or dose, dose)
            previous = dose
            rows.append({
                "week": week, "month": min(months, int((week - 1) // WEEKS_PER_MONTH) + 1), "phase": phase,
                "deload": deload, "sessions": sessions_per_week, **dose,
                "heavy_lifts": ", ".join(heavy_lifts) if dose["intensity_pct_1rm"] is not None else "",
                "balance_minutes": _toward_target(BALANCE_START, BALANCE_TARGET, week, total),
                "aerobic_minutes": _toward_target(AEROBIC_START, AEROBIC_TARGET, week, total),
                "aerobic_intensity": "moderate" if profile.vertebral_fracture or profile.falls == "high" else "moderate or vigorous",
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


def plannable(row: dict, rules_by_id: dict[str, dict]) -> bool:
    """Recommended, or "modify" only to keep support in reach: a change the plan can print and the client make."""
    if row["status"] == "recommended":
        return True
    return row["status"] == "modify" and row["hands_free"] and all(
        rules_by_id[rule_id].get("modification") in PLANNABLE_MODIFICATIONS for rule_id in row["rules"])


def _usable(table: pd.DataFrame, equipment: frozenset[str], catalog: Catalog) -> list[dict]:
    """Plannable exercises for the profile, doable with this equipment, as plain records."""
    exercises, rules_by_id = catalog.exercises_by_id, {rule["id"]: rule for rule in catalog.rules}
    return [
        row | {"depth": _regression_depth(row["id"], exercises), "impacts_max": exercises[row["id"]].get("impacts_max")}
        for row in table.to_dict("records")
        if plannable(row, rules_by_id) and set(row["equipment"]) <= equipment
    ]


def _candidates(usable: list[dict], patterns: tuple[str, ...], benefit: str, heavy: bool) -> list[dict]:
    """A block's exercises, easiest first (by level, then steps from the easiest version); heavy ones only if asked."""
    chosen = [row for row in usable if row["pattern"] in patterns and row["benefit"] == benefit
              and row["heavy"] == heavy]
    return sorted(chosen, key=lambda row: (LEVELS.index(row["level"]), row["depth"]))


def _balance_candidates(usable: list[dict]) -> list[dict]:
    """Balance work from most to least support: supported holds, then stepping and tai-chi style moves."""
    chosen = [row for row in usable if row["benefit"] == "balance"]
    return sorted(chosen, key=lambda row: (FALL_DEMANDS.index(row["fall_demand"]), LEVELS.index(row["level"]), row["depth"]))


def _impact_candidates(usable: list[dict], ceiling: str) -> list[dict]:
    """Counted impact exercises from low up to the profile's ceiling, gentlest first."""
    top = IMPACT_LEVELS.index(ceiling)
    chosen = [row for row in usable if row["dose_kind"] == "impacts" and 0 < IMPACT_LEVELS.index(row["impact"]) <= top]
    return sorted(chosen, key=lambda row: (IMPACT_LEVELS.index(row["impact"]), row["depth"]))


def _balance_circuit(candidates: list[dict], phase: str, trained: bool) -> list[dict]:
    """A short circuit of BALANCE_CIRCUIT drills, each at its own dose, sliding one step harder each phase.

    The window moves through the drills from most to least support, so each level (a supported tandem
    stance, say) is practised before the drill that builds on it (a heel-to-toe walk).
    """
    size = min(BALANCE_CIRCUIT, len(candidates))
    first = min(PHASES.index(phase) + int(trained), len(candidates) - size)
    return candidates[first:first + size]


def _pick(candidates: list[dict], phase: str, trained: bool = False) -> dict | None:
    """Foundation takes the easiest, build the middle, strength and maintenance the hardest.

    A trained client starts one step on: the middle in the foundation, the hardest from the build.
    """
    if not candidates:
        return None
    middle, hardest = (len(candidates) - 1) // 2, len(candidates) - 1
    position = {"foundation": middle if trained else 0, "build": hardest if trained else middle}.get(phase, hardest)
    return candidates[position]


OWN_DOSE_FREQUENCY = re.compile(r"^(Daily|Daily or most days), |,? (2-3 days a week|most days)( or more)?$")
# A balance drill's share of the day's balance work: the week table gives the balance minutes instead.
BALANCE_SHARE = re.compile(r",? (as )?(part of|counting toward|building toward) about .* balance work a (day|week)( \(.*\))?$")


def _own_dose(exercise: dict) -> str:
    """The exercise's own dose up to its first semicolon, without how often (the plan says when), 'reps' spelled out."""
    first = exercise["dose"].split(";")[0].strip().rstrip(".")
    return re.sub(r"\breps\b", "repetitions", OWN_DOSE_FREQUENCY.sub("", BALANCE_SHARE.sub("", first)))


def _slot(session: str, block: str, phase: str, exercise: dict, sets=None, reps: str = "", effort=None) -> dict:
    return {"session": session, "block": block, "phase": phase, "exercise_id": exercise["id"],
            "exercise": exercise["name"], "status": exercise["status"], "modification": exercise["modification"],
            "dose_kind": exercise["dose_kind"],
            "heavy": exercise["heavy"],
            "sets": sets, "reps": reps or _own_dose(exercise), "effort": effort}


def _lift_slot(session: str, block: str, phase: str, exercise: dict, heavy_phase: bool) -> dict:
    """Strength work takes the phase's dose (LIFTMOR's 5 x 5 only for the heavy lifts); other work its own dose."""
    if exercise["dose_kind"] != "strength":
        return _slot(session, block, phase, exercise)
    dose = _main_lift_dose(phase, 0, 1, heavy=heavy_phase and exercise["heavy"])  # the phase's first week
    return _slot(session, block, phase, exercise, dose["sets"], str(dose["reps"]), dose["effort"])


def _block_pick(usable: list[dict], session: str, block: str, phase: str, heavy: bool, trained: bool) -> dict | None:
    """The block's exercise: a heavy lift where heavy work is planned, else the phase's pick of its pattern."""
    patterns = TEMPLATES[session][block]
    benefit = "spine" if block == POSTURE_BLOCK else "bone"
    for allowed in (patterns, AXIAL_FALLBACK if block == "axial lower body" else ()):
        chosen = (heavy and _pick(_candidates(usable, allowed, benefit, True), phase, trained)) or \
            _pick(_candidates(usable, allowed, benefit, False), phase, trained)
        if chosen:
            return chosen
    return None


def _phase_sessions(usable: list[dict], sessions_per_week: int, phase: str, heavy_allowed: bool,
                    ceiling: str, trained: bool) -> list[dict]:
    warm_up = _pick([row for row in usable if row["dose_kind"] == "minutes" and row["impact"] == "low"
                     and row["benefit"] == "bone"], "foundation")
    impact = _pick(_impact_candidates(usable, ceiling), phase)  # impact starts gentle whatever the training
    balance = _balance_circuit(_balance_candidates(usable), phase, trained)
    rows = []
    for session in list(TEMPLATES)[:sessions_per_week]:
        if warm_up is not None:
            rows.append(_slot(session, "warm-up", phase, warm_up, reps="5 minutes"))
        for block in TEMPLATES[session]:
            heavy = heavy_allowed and phase in HEAVY_PHASES and block in HEAVY_BLOCKS and session in HEAVY_SESSIONS
            chosen = _block_pick(usable, session, block, phase, heavy, trained)
            if chosen is not None:
                rows.append(_lift_slot(session, block, phase, chosen, heavy))
        if impact is not None:
            rows.append(_slot(session, "impact", phase, impact, reps=f"the week's impacts, at most {impact['impacts_max']}"))
        rows += [_slot(session, "balance", phase, drill) for drill in balance]
    return rows


def _home(usable: list[dict], sessions: pd.DataFrame, profile: Profile) -> pd.DataFrame:
    """Daily home work per phase: the phase's balance exercise, and back-extensor work where bone mass is low."""
    rows = []
    balance = sessions[sessions["block"] == "balance"].drop_duplicates(["phase", "exercise_id"])
    for slot in balance.itertuples():
        rows.append({"phase": slot.phase, "block": "balance", "exercise_id": slot.exercise_id, "exercise": slot.exercise,
                     "modification": slot.modification,
                     "dose": "every day, in short blocks that make up the week's balance minutes"})
    extensors = _candidates(usable, ("back-extensor",), "spine", False)
    if profile.fragility in LOW_BONE_MASS and extensors:
        daily = extensors[0]  # the easiest: a daily habit, not a training load
        dose = "every day: " + _own_dose(daily).removeprefix("Daily, ").removeprefix("Daily or most days, ")
        rows += [{"phase": phase, "block": POSTURE_BLOCK, "exercise_id": daily["id"], "exercise": daily["name"],
                  "modification": daily["modification"], "dose": dose} for phase in PHASES]
    return pd.DataFrame(rows, columns=["phase", "block", "exercise_id", "exercise", "modification", "dose"])


def _phase_plan(sessions: pd.DataFrame, usable: list[dict]) -> dict[str, dict]:
    """Per phase: the heavy lifts its sessions hold, and the most impacts a session its impact exercise allows."""
    by_id = {row["id"]: row for row in usable}
    plan = {}
    for phase in PHASES:
        ids = list(dict.fromkeys(sessions.loc[sessions["phase"] == phase, "exercise_id"]))
        impacts = [by_id[i]["impacts_max"] for i in ids if by_id[i]["dose_kind"] == "impacts"]
        plan[phase] = {"heavy_lifts": [by_id[i]["name"] for i in ids if by_id[i]["heavy"]],
                       "impacts_max": min(impacts, default=0)}
    return plan


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
    ceiling = impact_ceiling(profile, catalog)
    usable = _usable(assess(profile, catalog), EQUIPMENT_SETS[equipment], catalog)
    heavy_allowed = profile.fragility != "vertebral_fracture"
    sessions = pd.DataFrame([row for phase in PHASES
                             for row in _phase_sessions(usable, sessions_per_week, phase, heavy_allowed, ceiling,
                                                        profile.experience == "trained")])
    sessions["sets"] = sessions["sets"].astype("Int64")
    sessions["effort"] = sessions["effort"].astype("Int64")
    phase_plan = _phase_plan(sessions, usable)
    weeks = _weeks(profile, sessions_per_week, months, phase_plan, ceiling, session_minutes)
    return Plan(
        profile=profile, sessions_per_week=sessions_per_week, months=months,
        heavy=bool(weeks["intensity_pct_1rm"].notna().any()), impact_ceiling=ceiling,
        weeks=weeks, sessions=sessions, home=_home(usable, sessions, profile),
    )


DEFAULT_WEEKDAYS = {2: (0, 3), 3: (0, 2, 4)}  # Mon/Thu for two a week, Mon/Wed/Fri for three (0 is Monday)



def next_monday(today: dt.date) -> dt.date:
    """The first Monday after today: a plan with no start date of its own starts then."""
    return today + dt.timedelta(days=(7 - today.weekday()) % 7 or 7)


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


def _span(values: pd.Series) -> str:
    low, high = values.min(), values.max()
    return str(low) if low == high else f"{low}-{high}"


def _weeks_dose(weeks: pd.DataFrame) -> str:
    """The range of the weeks' dose, as the week table gives it: '1-2 x 12 at effort 5', '5 x 5 at 80-85 % 1RM'."""
    ordinary = weeks[~weeks["deload"]] if (~weeks["deload"]).any() else weeks
    if ordinary["intensity_pct_1rm"].notna().all():
        return f"{_span(ordinary['sets'])} x {_span(ordinary['reps'])} at {_span(ordinary['intensity_pct_1rm'].astype(int))} % 1RM"
    reps = ordinary["reps"]
    reps_text = str(reps.iloc[0]) if reps.nunique() == 1 else f"{reps.iloc[0]}-{reps.iloc[-1]}"
    return f"{_span(ordinary['sets'])} x {reps_text} at effort {_span(ordinary['effort'])}"


def _phase_doses(weeks: pd.DataFrame) -> tuple[str, str | None]:
    """A phase's strength dose, and its heavy lifts' dose if the phase has heavy weeks (else None)."""
    heavy_weeks = weeks[weeks["intensity_pct_1rm"].notna()]
    return _weeks_dose(weeks), (None if heavy_weeks.empty else _weeks_dose(heavy_weeks))


def _slot_dose(slot, phase_doses: tuple[str, str | None]) -> str:
    """A strength slot follows its phase's weeks, except a lighter lift beside heavy ones, which keeps its 3 x 8."""
    if slot.dose_kind != "strength":
        return slot.reps
    ordinary, heavy = phase_doses
    if heavy is None:
        return ordinary
    return heavy if slot.heavy else f"{slot.sets} x {slot.reps} at effort {slot.effort}"


def week_starts(plan: Plan, start: dt.date, weekdays: tuple[int, ...] | None = None) -> list[dt.date]:
    """The Monday of each week of the plan: the week of `start`, or the next if its first session day has passed."""
    first_weekday = min(weekdays or DEFAULT_WEEKDAYS[plan.sessions_per_week])
    monday = start - dt.timedelta(days=start.weekday())
    if start.weekday() > first_weekday:
        monday += dt.timedelta(days=7)  # begin on the first full training week
    return [monday + dt.timedelta(weeks=week - 1) for week in plan.weeks["week"]]


def session_grid(plan: Plan, session: str) -> pd.DataFrame:
    """Blocks down, phases across: what the client does in each phase of one session template, at the weeks' dose."""
    slots = plan.sessions[plan.sessions["session"] == session]
    # Built with plain dictionaries: pandas filtering per slot and a pivot table cost a Planner visitor
    # about 50 ms per new setting (bench/load.py).
    dose_columns = plan.weeks[["deload", "sets", "reps", "effort", "intensity_pct_1rm"]]
    doses = {phase: _phase_doses(weeks) for phase, weeks in dose_columns.groupby(plan.weeks["phase"])}
    cells: dict[str, dict[str, list[str]]] = {}
    for slot in slots.itertuples():
        what = f"{slot.exercise} ({_slot_dose(slot, doses[slot.phase])})"
        cells.setdefault(slot.block, {}).setdefault(slot.phase, []).append(
            what + (f". {slot.modification}" if slot.modification else ""))
    grid = pd.DataFrame({phase: {block: "; ".join(by_phase.get(phase, [])) for block, by_phase in cells.items()}
                         for phase in PHASES})
    grid.index.name, grid.columns.name = "block", "phase"
    return grid.reindex(list(cells))
