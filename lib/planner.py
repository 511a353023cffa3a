"""Turn a risk profile into a periodised program of 2-3 sessions a week, week by week.

Public API::

    from lib.planner import build_plan
    plan = build_plan(profile, sessions_per_week=3, months=12)
    plan.notes     # lines to show before the plan: a review to have first, fuelling, no impact work
    plan.weeks     # one row per week: phase, deload, effort, %1RM, sets, reps, impacts and their move, review, balance,
                   # aerobic minutes
    plan.sessions  # one row per exercise slot in each session template, per phase, with its own dose
    plan.home      # daily home work per phase: balance, and back-extensor work where bone mass is low
    plan.balance_dose.words  # the one balance dose, as the guidance says it (lib/balance_dose.py)
    plan.aerobic   # the weeks' aerobic dose: .start and .target minutes a week, .by_week, .intensity
    plan.walking_setup  # with a high risk of falling, how to walk safely; '' otherwise
    plan.habitual_impact  # a trained client whose assessment recommends jogging: running she does counts; else ''

lib/plan_weeks.py sets the week-by-week dose and its sources; lib/plan_usable.py says which exercises a
plan may hold, lib/plan_picks.py picks each session block's exercise from them, lib/plan_sessions.py doses the
slots and fits them into the session's minutes, lib/plan_home.py gives the home work, lib/plan_notes.py the notes
before the plan; data/planner.yaml holds the planner's progression rules and words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from lib.balance_dose import BalanceDose, balance_dose
from lib.catalog import Catalog, default_catalog
from lib.exercise_names import sentence_case, short_name
from lib.plan_home import home_work
from lib.plan_notes import gate_effort, habitual_impact, low_z_gate, plan_notes, within_the_gate
from lib.plan_picks import AXIAL_BLOCK, POSTURE_BLOCK, TEMPLATES, balance_ladder
from lib.plan_sessions import SLOT_COLUMNS, phase_sessions, slot_minutes
from lib.plan_usable import EQUIPMENT_SETS, EQUIPMENT_WORDS, EXTERNAL_LOADS, PHASES, usable_exercises
from lib.plan_weeks import (
    DELOAD_EVERY,
    HEAVY_PCT_1RM,
    MAX_EFFORT,
    AerobicDose,
    aerobic_dose,
    component_minutes,
    heavy_start,
    main_lift_dose,
    moved_balance_minutes,
    plan_weeks,
    week_count,
)
from lib.profiles import Profile
from lib.safety import assess, impact_ceiling

__all__ = [
    "DEFAULT_WEEKDAYS",
    "DELOAD_EVERY",
    "EQUIPMENT_SETS",
    "EQUIPMENT_WORDS",
    "HEAVY_PCT_1RM",
    "MAX_EFFORT",
    "PHASES",
    "POSTURE_BLOCK",
    "SESSION_MINUTES",
    "Plan",
    "build_plan",
    "session_dates",
    "session_grid",
    "spare_time_note",
    "week_count",
    "week_starts",
]

SESSION_MINUTES = (30, 45, 60)


@dataclass(frozen=True)
class Plan:
    profile: Profile
    sessions_per_week: int
    months: int
    session_minutes: int  # every session's blocks fit in these minutes
    equipment: str  # the kit, a key of EQUIPMENT_SETS: every exercise the plan or its handout names needs no more
    heavy: bool  # whether some phase's sessions hold LIFTMOR-style heavy sets
    impact_ceiling: str
    notes: tuple[str, ...]  # what comes before the plan: a medical review first, fuelling, no impact work
    weeks: pd.DataFrame
    sessions: pd.DataFrame
    home: pd.DataFrame  # home work per phase: block, exercise, modification (empty if none), move_on_when, dose, daily
    balance_dose: BalanceDose  # the one balance dose; .words says it as the guidance does (lib/balance_dose.py)
    aerobic: AerobicDose  # the weeks' aerobic minutes: first, last, the week they reach it, intensity
    walking_setup: str  # with a high risk of falling, how to walk safely (whether or not the plan has impact); else ''
    habitual_impact: str  # for a trained client whose assessment recommends jogging: running she does counts; else ''

    def phase_starts(self) -> pd.Series:
        """Each phase's first week, by phase name."""
        return self.weeks.groupby("phase")["week"].min()


def _technique_check_phase(sessions: pd.DataFrame, profile: Profile, catalog: Catalog) -> str:
    """The first phase that loads the technique-first drill's pattern after a phase held the drill, whose first week
    holds the technique check (data/planner.yaml, technique_first); '' when there is none, or after a spine fracture,
    whose physiotherapist review opens that phase already."""
    first, exercises = catalog.planner["technique_first"], catalog.exercises_by_id
    if profile.vertebral_fracture or not (sessions["exercise_id"] == first["drill"]).any():
        return ""
    loaded = sessions["exercise_id"].map(
        lambda found: (
            exercises[found]["pattern"] == first["pattern"]
            and bool(set(exercises[found]["equipment"]) & EXTERNAL_LOADS)
        )
    )
    return next((phase for phase in PHASES if phase in set(sessions.loc[loaded, "phase"])), "")


def _squat_check_phase(sessions: pd.DataFrame, profile: Profile, catalog: Catalog) -> str:
    """The first phase that holds a novice's barbell squat, whose first week holds the squat check (data/planner.yaml,
    squat_check: physio review V, M6); '' for a trained client, or a plan without it."""
    holds = sessions.loc[sessions["exercise_id"] == catalog.planner["squat_check"]["lift"], "phase"]
    return next((phase for phase in PHASES if phase in set(holds)), "") if profile.experience == "novice" else ""


def _phase_plan(sessions: pd.DataFrame, technique_check: str, squat_check: str) -> dict[str, dict]:
    """Per phase: the heavy lifts its sessions hold, the counted impact move they hold ('' for none), whether it opens
    with the technique check or the squat check, and its lower-body moves by their short names inside a sentence (in
    session order: what a physiotherapist checks at a visit that opens the phase)."""
    plan = {}
    for phase in PHASES:
        slots = sessions[sessions["phase"] == phase]
        counted = slots.loc[(slots["block"] == "impact") & (slots["dose_kind"] == "impacts"), "exercise"]
        lower_body = slots.loc[slots["block"] == AXIAL_BLOCK, "exercise"]
        plan[phase] = {
            "heavy_lifts": list(dict.fromkeys(slots.loc[slots["heavy"].astype(bool), "exercise"])),
            "impact_move": counted.iloc[0] if not counted.empty else "",
            "technique_check": phase == technique_check,
            "squat_check": phase == squat_check,
            "lower_body": list(dict.fromkeys(sentence_case(short_name(name), upper=False) for name in lower_body)),
        }
    return plan


def _daily_balance_words(weeks: pd.DataFrame, balance: BalanceDose, planner: dict) -> dict[str, str]:
    """Per phase, a daily balance dose's home words with that phase's minutes a day ({} without a daily dose)."""
    if balance.kind != "daily":
        return {}
    a_day = (weeks["balance_minutes"] // 7).groupby(weeks["phase"], sort=False).agg(["min", "max"])
    return {
        phase: planner["balance_dose"]["home"].format(minutes=low if low == high else f"{low}-{high}")
        for phase, (low, high) in a_day.iterrows()
    }


def build_plan(
    profile: Profile,
    sessions_per_week: int = 3,
    months: int = 12,
    session_minutes: int = 45,
    equipment: str = "full gym",
    catalog: Catalog | None = None,
) -> Plan:
    """A periodised program for the profile; see lib/plan_weeks.py for where each dose comes from."""
    if sessions_per_week not in (2, 3):
        raise ValueError("sessions_per_week must be 2 or 3")
    if not 3 <= months <= 24:
        raise ValueError("months must be from 3 to 24")
    if session_minutes not in SESSION_MINUTES or equipment not in EQUIPMENT_SETS:
        raise ValueError(f"session_minutes must be one of {SESSION_MINUTES}; equipment one of {list(EQUIPMENT_SETS)}")
    catalog = catalog or default_catalog()
    ceiling = impact_ceiling(profile, catalog)
    table = assess(profile, catalog)
    usable = usable_exercises(table, EQUIPMENT_SETS[equipment], profile, catalog)
    ladder = balance_ladder(usable, profile, catalog)
    # Heavy lifts only where the plan has room for their month of technique before their heavy weeks (D3).
    heavy_room = heavy_start(week_count(months), profile.experience) is not None
    heavy_allowed = profile.fragility != "vertebral_fracture" and heavy_room

    def lift_dose(phase: str, heavy: bool) -> dict:
        return main_lift_dose(phase, 0, 1, heavy)  # the phase's first week; the grid shows the weeks' range

    slots, moved = [], []
    for phase in PHASES:
        in_sessions, home = phase_sessions(
            usable,
            ladder,
            sessions_per_week,
            session_minutes,
            phase,
            heavy_allowed,
            ceiling,
            profile,
            catalog,
            lift_dose,
        )
        slots, moved = slots + in_sessions, moved + home
    sessions = pd.DataFrame(slots, columns=SLOT_COLUMNS)
    sessions["sets"] = sessions["sets"].astype("Int64")
    sessions["effort"] = sessions["effort"].astype("Int64")
    # The daily fall-prevention target is not for a fit client at low risk of falling (physio reviews #13, A14).
    balance = balance_dose(profile, catalog)
    weeks = plan_weeks(
        profile,
        sessions_per_week,
        months,
        _phase_plan(
            sessions,
            _technique_check_phase(sessions, profile, catalog),
            _squat_check_phase(sessions, profile, catalog),
        ),
        component_minutes(sessions, catalog.planner["session_time"]),
        moved_balance_minutes(moved),
        balance,
        catalog.planner,
    )
    if low_z_gate(profile):  # the doses the gated first phase prints keep to the gate (the reps are text only)
        words = catalog.planner["low_for_age"]["gate_own_effort"]
        slots, moved = (within_the_gate(group, gate_effort(weeks), words) for group in (slots, moved))
        sessions["reps"] = [slot["reps"] for slot in slots]
    return Plan(
        profile=profile,
        sessions_per_week=sessions_per_week,
        months=months,
        session_minutes=session_minutes,
        equipment=equipment,
        heavy=bool(weeks["intensity_pct_1rm"].notna().any()),
        impact_ceiling=ceiling,
        notes=plan_notes(profile, table, weeks, sessions, catalog.planner, ceiling),
        weeks=weeks,
        sessions=sessions,
        home=home_work(usable, slots, moved, profile, _daily_balance_words(weeks, balance, catalog.planner)),
        balance_dose=balance,
        aerobic=aerobic_dose(weeks),
        walking_setup=catalog.planner["impact"]["walking_setup"] if profile.falls == "high" else "",
        habitual_impact=habitual_impact(profile, table, catalog.planner["impact"]["habitual"]),
    )


def spare_time_note(plan: Plan, catalog: Catalog | None = None) -> str:
    """What the Planner says when the longest session leaves spare_time.at_least minutes or more of the chosen
    length unused (data/planner.yaml, spare_time: physio review F, L1); '' otherwise."""
    planner = (catalog or default_catalog()).planner
    minutes = plan.sessions.apply(lambda slot: slot_minutes(slot, planner["session_time"]), axis=1)
    used = int(minutes.groupby([plan.sessions["session"], plan.sessions["phase"]]).sum().max())
    spare = planner["spare_time"]
    return (
        spare["words"].format(used=used, minutes=plan.session_minutes)
        if plan.session_minutes - used >= spare["at_least"]
        else ""
    )


DEFAULT_WEEKDAYS = {2: (0, 3), 3: (0, 2, 4)}  # Mon/Thu for two a week, Mon/Wed/Fri for three (0 is Monday)


def next_monday(today: dt.date) -> dt.date:
    """The first Monday after today: a plan with no start date of its own starts then."""
    return today + dt.timedelta(days=(7 - today.weekday()) % 7 or 7)


def session_dates(
    plan: Plan, start: dt.date, weekdays: tuple[int, ...] | None = None
) -> list[tuple[dt.date, str, int]]:
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
    """The range of the weeks' dose, as the week table gives it: '1-2 x 12 at effort 5', or the heavy lifts' words."""
    ordinary = weeks[~weeks["deload"]] if (~weeks["deload"]).any() else weeks
    if ordinary["intensity_pct_1rm"].notna().all():
        percent = _span(ordinary["intensity_pct_1rm"].astype(int))
        words = default_catalog().planner["heavy_lift"]["dose"].format(percent=percent)
        return f"{_span(ordinary['sets'])} x {_span(ordinary['reps'])}, {words}"
    reps = ordinary["reps"]
    reps_text = str(reps.iloc[0]) if reps.nunique() == 1 else f"{reps.iloc[0]}-{reps.iloc[-1]}"
    return f"{_span(ordinary['sets'])} x {reps_text} at effort {_span(ordinary['effort'])}"


def _heavy_dose(weeks: pd.DataFrame, heavy_weeks: pd.DataFrame) -> str:
    """The heavy lifts' dose; heavy sets begin only after a deload, so earlier weeks of the phase say theirs first."""
    first_heavy = heavy_weeks["week"].min()
    before = weeks[weeks["week"] < first_heavy]
    if before.empty:
        return _weeks_dose(heavy_weeks)
    return f"{_weeks_dose(before)} to week {first_heavy - 1}; then {_weeks_dose(heavy_weeks)}"


def _phase_doses(weeks: pd.DataFrame) -> dict[str, str | None]:
    """A phase's doses, worked out once: its strength dose, its heavy lifts' (None without heavy weeks), its impacts."""
    heavy_weeks = weeks[weeks["intensity_pct_1rm"].notna()]
    ordinary = weeks[~weeks["deload"]] if (~weeks["deload"]).any() else weeks
    impacts = default_catalog().planner["impact"]["cell"].format(impacts=_span(ordinary["impacts_per_session"]))
    return {
        "strength": _weeks_dose(weeks),
        "heavy": None if heavy_weeks.empty else _heavy_dose(weeks, heavy_weeks),
        "impacts": impacts,
    }


def _slot_dose(slot, phase_doses: dict[str, str | None]) -> str:
    """A strength slot follows its phase's weeks, except a lighter lift beside heavy ones, which keeps its 3 x 8;
    an impact slot gives the phase's impacts in each session."""
    if slot.dose_kind == "impacts":
        return phase_doses["impacts"]
    if slot.dose_kind != "strength":
        return slot.reps
    if phase_doses["heavy"] is None:
        return phase_doses["strength"]
    return phase_doses["heavy"] if slot.heavy else f"{slot.sets} x {slot.reps} at effort {slot.effort}"


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
    dose_columns = plan.weeks[["week", "deload", "sets", "reps", "effort", "intensity_pct_1rm", "impacts_per_session"]]
    doses = {phase: _phase_doses(weeks) for phase, weeks in dose_columns.groupby(plan.weeks["phase"])}
    cells: dict[str, dict[str, list[str]]] = {}
    for slot in slots.itertuples():
        what = f"{slot.exercise} ({_slot_dose(slot, doses[slot.phase])})"
        cells.setdefault(slot.block, {}).setdefault(slot.phase, []).append(
            what
            + (f". {slot.modification}" if slot.modification else "")
            + (f" {slot.move_on_when}" if slot.move_on_when else "")
        )
    grid = pd.DataFrame(
        {phase: {block: "; ".join(by_phase.get(phase, [])) for block, by_phase in cells.items()} for phase in PHASES}
    )
    grid.index.name, grid.columns.name = "block", "phase"
    return grid.reindex(list(cells))
