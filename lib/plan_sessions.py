"""What each session template holds, phase by phase, at what dose (used by lib/planner.py; the home work:
lib/plan_home.py). lib/plan_picks.py chooses each block's exercise; this module gives each its dose and fits the
blocks into the session's minutes.

Each exercise keeps its own kind of dose (data/exercises.yaml, dose_kind), except balance drills, which get the
minutes their session has for them. The minutes each block takes live in data/planner.yaml (session_time).
Every session's blocks fit its minutes (fit_session): what does not fit is made lighter, moved home or left out.
"""

from __future__ import annotations

import re

from lib.catalog import Catalog
from lib.plan_picks import (
    AXIAL_BLOCK,
    HEAVY_BLOCKS,
    HEAVY_PHASES,
    HEAVY_SESSIONS,
    HORIZONTAL_PRESS_SESSION,
    LEAD_IN_PHASE,
    POSTURE_BLOCK,
    PUSH_BLOCK,
    TEMPLATES,
    block_pick,
    hinge_slot,
    home_version,
    impact_exercise,
    lead_in_lift,
    phase_balance,
    pick,
)
from lib.plan_usable import overhead, technique_step
from lib.profiles import Profile

HOME_BLOCKS = ("balance", POSTURE_BLOCK)  # blocks that move to the home list when a session has no time for them
UPPER_BODY_BLOCKS = ("upper body push", "upper body pull")  # at home in a version with no kit when there is no time
SLOT_COLUMNS = [
    "session",
    "block",
    "phase",
    "exercise_id",
    "exercise",
    "status",
    "modification",
    "move_on_when",
    "dose_kind",
    "heavy",
    "sets",
    "reps",
    "effort",
]


OWN_DOSE_FREQUENCY = re.compile(
    r"^(Daily|Daily or most days), |,? (2-3 days a week|most days|once or twice a day)( or more)?$"
)
# A frequency of own dose that is daily or near it, as the home list says it (physio review B12).
DAILY_FREQUENCIES = {
    "Daily": "every day",
    "Daily or most days": "every day or most days",
    "most days": "most days",
    "once or twice a day": "once or twice a day",
}
# A balance drill's share of the day's balance work: the week table gives the balance minutes instead.
BALANCE_SHARE = re.compile(
    r",? (as )?(part of|counting toward|building toward) about .* balance work a (day|week)( \(.*\))?$"
)


def own_dose(exercise: dict) -> str:
    """The exercise's own dose up to its first semicolon, without how often (the plan says when), 'reps' spelled out."""
    first = exercise["dose"].split(";")[0].strip().rstrip(".")
    return re.sub(r"\breps\b", "repetitions", OWN_DOSE_FREQUENCY.sub("", BALANCE_SHARE.sub("", first)))


def daily_frequency(exercise: dict) -> str:
    """How often the exercise's own dose says to do it, when that is daily or near it ('' when not):
    a session holds one go of it, the home list the rest."""
    found = OWN_DOSE_FREQUENCY.search(exercise["dose"].split(";")[0].strip().rstrip("."))
    if found is None or found[3]:
        return ""
    return DAILY_FREQUENCIES.get(found[1] or found[2], "")


def _slot(session: str, block: str, phase: str, exercise: dict, sets=None, reps: str = "", effort=None) -> dict:
    return {
        "session": session,
        "block": block,
        "phase": phase,
        "exercise_id": exercise["id"],
        "exercise": exercise["name"],
        "status": exercise["status"],
        "modification": exercise["modification"],
        "move_on_when": exercise.get("move_on_when", ""),
        "dose_kind": exercise["dose_kind"],
        "heavy": exercise["heavy"],
        "sets": sets,
        "reps": reps or own_dose(exercise),
        "effort": effort,
    }


def slot_minutes(slot: dict, time: dict) -> int:
    """The minutes one slot takes in a session (data/planner.yaml, session_time); a balance drill's are its dose."""
    if slot["block"] == "balance":
        return int(slot["reps"].split()[0])
    if slot["block"] == "warm-up":
        return time["warm_up"]
    if slot["heavy"]:
        return time["heavy_lift"]
    if slot["block"] == AXIAL_BLOCK:  # a technique-first drill keeps the lift's minutes: the phases fit alike
        return time["strength"]
    return {"strength": time["strength"], "impacts": time["impact"]}.get(slot["dose_kind"], time["drill"])


def _keep_order(session: str, time: dict, balance_first: bool) -> list[str]:
    """The blocks in the order a session keeps them; session B keeps its pull before its push, so that a week
    of short sessions still holds both. A faller, whose balance takes its minutes first, keeps the push and
    pull before impact: impact replaces no resistance work (TFTF; physio review C2)."""
    order = list(time["keep_first"])
    if balance_first:
        order.remove("impact")
        order.insert(order.index("upper body pull") + 1, "impact")
    if session == "B":
        push, pull = order.index("upper body push"), order.index("upper body pull")
        order[push], order[pull] = order[pull], order[push]
    return order


def fit_session(
    session: str,
    options: dict[str, list[dict]],
    balance: list[dict],
    minutes: int,
    time: dict,
    balance_first: bool = False,
    at_home: dict[str, dict] | None = None,
) -> tuple[list[dict], list[dict]]:
    """(the session's slots, the slots moved home): the blocks kept in their order of importance while they fit,
    each block's first option that fits (a heavy lift, then its ordinary lift); the balance drills share the
    minutes left, in steps of `balance_drill` up to `balance_most`, or move home when even one step does not fit.

    `balance_first` (a high risk of falling) keeps one step per balance drill in the session before any other
    block is fitted: balance comes first for fallers (Strong, Steady and Straight; Sherrington 2019), and
    supervised, not only at home.

    `at_home` holds, per upper-body block, a version with no kit: a push or pull that does not fit is done at home
    on the session's day, so each is trained on two days a week (TFTF, ROS; physio review D4)."""
    at_home = at_home or {}
    reserved = time["balance_drill"] * len(balance) if balance_first else 0
    kept, moved, used = {}, [], reserved
    for block in _keep_order(session, time, balance_first):
        fitting = [slot for slot in options.get(block, []) if used + slot_minutes(slot, time) <= minutes]
        if fitting:
            kept[block] = fitting[0]
            used += slot_minutes(fitting[0], time)
        elif block in HOME_BLOCKS and block in options:
            moved.append(options[block][-1])
        elif block in at_home:
            moved.append(at_home[block])
    slots = [kept[block] for block in options if block in kept]
    step = time["balance_drill"]
    each = min(time["balance_most"], minutes - used + reserved) // max(1, len(balance)) // step * step
    if each >= step:
        slots += [drill | {"reps": f"{each} minutes"} for drill in balance]
    else:  # at home on the session's day, the minutes the session would have given them
        at_home = max(step, time["balance_most"] // max(1, len(balance)) // step * step)
        moved += [drill | {"reps": f"{at_home} minutes"} for drill in balance]
    return slots, moved


def phase_sessions(
    usable: list[dict],
    ladder: list[dict],
    sessions_per_week: int,
    session_minutes: int,
    phase: str,
    heavy_allowed: bool,
    ceiling: str,
    profile: Profile,
    catalog: Catalog,
    lift_dose,
) -> tuple[list[dict], list[dict]]:
    """(every slot of every session template in one phase, the slots moved home for want of time);
    `lift_dose(phase, heavy)` gives a strength slot's dose."""
    time = catalog.planner["session_time"]
    warm_up = pick(
        [
            row
            for row in usable
            if row["dose_kind"] == "minutes" and row["impact"] == "low" and row["benefit"] == "bone"
        ],
        "foundation",
    )
    impact = impact_exercise(usable, ceiling, phase, catalog)
    balance = phase_balance(ladder, phase, profile.experience == "trained")
    impact_dose = catalog.planner["impact"]["cell"].format(impacts="the week's impacts")
    rows, moved = [], []
    for session in list(TEMPLATES)[:sessions_per_week]:
        options: dict[str, list[dict]] = {}
        if warm_up is not None:
            options["warm-up"] = [_slot(session, "warm-up", phase, warm_up, reps=f"{time['warm_up']} minutes")]
        for block in TEMPLATES[session]:
            heavy = heavy_allowed and phase in HEAVY_PHASES and block in HEAVY_BLOCKS and session in HEAVY_SESSIONS
            lead_in = heavy_allowed and phase == LEAD_IN_PHASE and block in HEAVY_BLOCKS and session in HEAVY_SESSIONS
            picks = [
                (lead_in and lead_in_lift(usable, session, block, phase, profile, catalog))
                or (hinge_slot(session, block, catalog) and technique_step(usable, phase, profile, catalog))
                or block_pick(usable, session, block, phase, heavy, profile, catalog)
            ]
            if picks[0] is not None and picks[0]["heavy"]:  # the ordinary lift, should the heavy one not fit
                picks.append(block_pick(usable, session, block, phase, False, profile, catalog))
            options[block] = [
                _strength_or_own_slot(session, block, phase, chosen, lift_dose)
                for chosen in picks
                if chosen is not None
            ]
        if impact is not None:
            counted = impact["dose_kind"] == "impacts"
            options["impact"] = [_slot(session, "impact", phase, impact, reps=impact_dose if counted else "")]
        slots, home = fit_session(
            session,
            {block: found for block, found in options.items() if found},
            [_slot(session, "balance", phase, drill) for drill in balance],
            session_minutes,
            time,
            balance_first=profile.falls == "high",
            at_home={
                block: _strength_or_own_slot(session, block, phase, chosen, lift_dose)
                for block in UPPER_BODY_BLOCKS
                if (chosen := home_version(usable, session, block, phase, profile, catalog)) is not None
            },
        )
        rows += slots
        moved += home
    return _forward_press_kept(rows, usable, phase, profile, catalog, lift_dose), moved


def _forward_press_kept(
    rows: list[dict], usable: list[dict], phase: str, profile: Profile, catalog: Catalog, lift_dose
) -> list[dict]:
    """After a spine fracture, sessions whose every push would be an overhead press press forward instead, as session
    B would (physio review V, Lo5: a rounded upper back tends to be made up for by arching the low back overhead, and
    where session B's push did not fit the overhead press took the band chest press's place, the sessions' only
    forward press). Swapped in, never added: the sessions' minutes stay."""
    exercises = catalog.exercises_by_id
    pushes = [slot for slot in rows if slot["block"] == PUSH_BLOCK]
    if (
        not profile.vertebral_fracture
        or not pushes
        or not all(overhead(exercises[slot["exercise_id"]]) for slot in pushes)
    ):
        return rows
    forward = block_pick(usable, HORIZONTAL_PRESS_SESSION, PUSH_BLOCK, phase, False, profile, catalog)
    if forward is None or overhead(forward):
        return rows
    return [
        _strength_or_own_slot(slot["session"], PUSH_BLOCK, phase, forward, lift_dose) if slot in pushes else slot
        for slot in rows
    ]


def _strength_or_own_slot(session: str, block: str, phase: str, chosen: dict, lift_dose) -> dict:
    """A strength exercise at the phase's lift dose (heavy for a heavy lift), anything else at its own dose."""
    if chosen["dose_kind"] != "strength":
        return _slot(session, block, phase, chosen)
    dose = lift_dose(phase, chosen["heavy"])
    return _slot(session, block, phase, chosen, dose["sets"], str(dose["reps"]), dose["effort"])
