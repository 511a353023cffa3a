"""What each session template holds, phase by phase (used by lib/planner.py; the home work: lib/plan_home.py).

A plan holds only the exercises lib/plan_usable.py allows the profile and kit; in its bone blocks
only those that build bone; each keeps its own kind of dose (data/exercises.yaml, dose_kind), except balance
drills, which get the minutes their session has for them.
The planner's own progression rules and words (the balance levels and when to move on, the cap
after a vertebral fracture, stand-ins for a bench, the minutes each block takes) live in data/planner.yaml.
Every session's blocks fit its minutes (fit_session): what does not fit is made lighter, moved home or left out.
"""

from __future__ import annotations

import re


from lib.catalog import Catalog
from lib.plan_usable import EXTERNAL_LOADS, PHASES, technique_step, usable_in
from lib.profiles import Profile
from lib.safety_rules import IMPACT_LEVELS
from lib.vocabulary import LEVELS

HEAVY_PHASES = ("strength", "maintenance")
TARGET_IMPACTS = 50  # ROS: about 50 impacts a session is the usual advice (uncertain)
POSTURE_BLOCK = "back extensors and posture"
AXIAL_BLOCK = "axial lower body"
# Which pattern carries each block, per session template; push/pull alternate for variety.
TEMPLATES = {
    "A": {
        AXIAL_BLOCK: ("squat",),
        "upper body push": ("push",),
        "upper body pull": ("pull",),
        POSTURE_BLOCK: ("back-extensor",),
    },
    "B": {
        AXIAL_BLOCK: ("hinge",),
        "upper body push": ("push",),
        "upper body pull": ("pull",),
        POSTURE_BLOCK: ("posture",),
    },
    "C": {
        AXIAL_BLOCK: ("lunge",),
        "upper body push": ("push",),
        "upper body pull": ("pull",),
        POSTURE_BLOCK: ("back-extensor", "trunk"),
    },
}
HEAVY_BLOCKS = (AXIAL_BLOCK, "upper body push")  # LIFTMOR: deadlift, back squat and overhead press
LEAD_IN_PHASE = PHASES[PHASES.index(HEAVY_PHASES[0]) - 1]  # the phase before the heavy ones: their technique
HEAVY_SESSIONS = ("A", "B")  # LIFTMOR trained twice a week; a third session keeps the 8-12 repetition dose
AXIAL_PATTERNS = ("squat", "hinge", "lunge")  # when a block's own pattern has nothing that suits, another axial one
BALANCE_CIRCUIT = 2  # drills in a session's balance block (2-4 is a usual circuit), sharing its balance minutes
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


def reaches_the_effort(row: dict) -> bool:
    """Whether a trained client can reach the target effort: a load, or a body-weight move past the beginner level."""
    return bool(set(row["equipment"]) & EXTERNAL_LOADS) or row["level"] != "beginner"


def candidates(usable: list[dict], patterns: tuple[str, ...], benefit: str, heavy: bool) -> list[dict]:
    """A block's exercises, easiest first (by level, then steps from the easiest version); heavy ones only if asked."""
    chosen = [
        row for row in usable if row["pattern"] in patterns and row["benefit"] == benefit and row["heavy"] == heavy
    ]
    return sorted(chosen, key=lambda row: (LEVELS.index(row["level"]), row["depth"]))


def _impact_candidates(usable: list[dict], ceiling: str) -> list[dict]:
    """Counted impact exercises from low up to the profile's ceiling, gentlest first.

    Only those whose own dose reaches the session's usual count, so the impacts never fall when a
    harder exercise comes in (tuck jumps stop at 10 a session).
    """
    top = IMPACT_LEVELS.index(ceiling)
    chosen = [
        row
        for row in usable
        if row["dose_kind"] == "impacts"
        and 0 < IMPACT_LEVELS.index(row["impact"]) <= top
        and (row["impacts_max"] or 0) >= TARGET_IMPACTS
    ]
    return sorted(chosen, key=lambda row: (IMPACT_LEVELS.index(row["impact"]), row["depth"]))


def _impact_pick(candidates: list[dict], phase: str) -> dict | None:
    """The foundation starts low or moderate, high impact comes later; impact rises, never falls, phase by phase."""
    if phase == "foundation":
        candidates = [row for row in candidates if row["impact"] != "high"]
    return _pick(candidates, phase)


def _impact_exercise(usable: list[dict], ceiling: str, phase: str, catalog: Catalog) -> dict | None:
    """The phase's counted impact exercise; where none suits the profile and kit but the ceiling allows low impact
    (no step for a landing, with no kit), data/planner.yaml's stand-in at its own dose (heel raises at a counter:
    physio review F, L5), never counted as impacts."""
    counted = _impact_pick(_impact_candidates(usable, ceiling), phase)
    if counted is not None or IMPACT_LEVELS.index(ceiling) < IMPACT_LEVELS.index("low"):
        return counted
    stand_in = catalog.planner["impact"]["stand_in"]["exercise"]
    return next((row | {"dose_kind": "own"} for row in usable if row["id"] == stand_in), None)


def balance_ladder(usable: list[dict], profile: Profile, catalog: Catalog) -> list[dict]:
    """The profile's balance levels from most support to least (data/planner.yaml), each with when to move on."""
    by_id = {row["id"]: row for row in usable if row["benefit"] == "balance"}
    rungs = catalog.planner["balance_ladder"]
    ids = [rung["exercise"] for rung in rungs]
    start = ids.index(catalog.planner["balance_start"][profile.falls])
    return [
        by_id[rung["exercise"]] | {"move_on_when": rung["move_on_when"]}
        for rung in rungs[start:]
        if rung["exercise"] in by_id
    ]


def _balance_circuit(ladder: list[dict], phase: str, trained: bool) -> list[dict]:
    """A short circuit of BALANCE_CIRCUIT drills, each at its own dose, sliding one level harder each phase.

    The window moves up the ladder, so each level (a supported tandem stance, say) is practised before
    the level that builds on it (a heel-to-toe walk).
    """
    size = min(BALANCE_CIRCUIT, len(ladder))
    first = min(PHASES.index(phase) + int(trained), len(ladder) - size)
    return ladder[first : first + size]


def _pick(candidates: list[dict], phase: str, trained: bool = False) -> dict | None:
    """Foundation takes the easiest, build the middle, strength and maintenance the hardest.

    A trained client starts one step on: the middle in the foundation, the hardest from the build.
    """
    if not candidates:
        return None
    middle, hardest = (len(candidates) - 1) // 2, len(candidates) - 1
    position = {"foundation": middle if trained else 0, "build": hardest if trained else middle}.get(phase, hardest)
    return candidates[position]


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


def _block_candidates(
    usable: list[dict], block: str, patterns: tuple[str, ...], heavy: bool, profile: Profile, catalog: Catalog
) -> list[dict]:
    """The block's candidates: after a vertebral fracture the lower body stops at the capped list; a trained
    client gets only work that can reach the target effort when some exists."""
    benefit = "spine" if block == POSTURE_BLOCK else "bone"
    chosen = candidates(usable, patterns, benefit, heavy)
    if block == AXIAL_BLOCK and profile.vertebral_fracture:
        cap = catalog.planner["after_vertebral_fracture"]["lower_body_cap"]
        chosen = [row for row in chosen if row["id"] in cap]
    if profile.experience == "trained" and benefit == "bone":
        chosen = [row for row in chosen if reaches_the_effort(row)] or chosen
    return [row for row in chosen if row["from_phase"]] or chosen  # what a review or clearance opened comes first


def _hinge_slot(session: str, block: str, catalog: Catalog) -> bool:
    """Whether this block of this session carries the technique-first pattern (the hip hinge, session B)."""
    return block == AXIAL_BLOCK and catalog.planner["technique_first"]["pattern"] in TEMPLATES[session][block]


def _block_pick(
    usable: list[dict], session: str, block: str, phase: str, heavy: bool, profile: Profile, catalog: Catalog
) -> dict | None:
    """The block's exercise: a heavy lift where heavy work is planned, else the phase's pick of its pattern.

    When the pattern offers nothing (or, for a trained client, nothing that reaches the target effort),
    an axial block picks from every axial pattern: with no kit, a trained client lunges.
    """
    trained = profile.experience == "trained"
    own = TEMPLATES[session][block]
    usable = usable_in(usable, phase)
    for patterns in (own, AXIAL_PATTERNS) if block == AXIAL_BLOCK else (own,):
        candidates = (
            heavy and _block_candidates(usable, block, patterns, True, profile, catalog)
        ) or _block_candidates(usable, block, patterns, False, profile, catalog)
        if candidates and (not trained or block == POSTURE_BLOCK or reaches_the_effort(candidates[-1])):
            return _pick(candidates, phase, trained)
    # Nothing reaches a trained client's effort: the easier work still beats a session without the block (C8), and
    # its own pattern first, so the sessions still differ (physio review J, L5: a split squat in every session).
    for patterns in (own, AXIAL_PATTERNS) if block == AXIAL_BLOCK else (own,):
        if candidates := _block_candidates(usable, block, patterns, False, profile, catalog):
            return _pick(candidates, phase, trained)
    return None


def _home_version(
    usable: list[dict], session: str, block: str, phase: str, profile: Profile, catalog: Catalog
) -> dict | None:
    """The block's pick among what can be done at home: with a home kit the sessions' own exercise, so the sheet
    lists nothing new; with a gym's, one that needs no kit (a wall push-up, a towel row)."""
    return _block_pick([row for row in usable if row["at_home"]], session, block, phase, False, profile, catalog)


def _lead_in(
    usable: list[dict], session: str, block: str, phase: str, profile: Profile, catalog: Catalog
) -> dict | None:
    """The heavy lift coming in the next phase's block, in its own lighter version (its regression: the moderate
    barbell squat, the seated dumbbell press), where the plan may hold it: the lift's technique then runs right up
    to its first heavy weeks (LIFTMOR: a month of technique work first; physio review D3)."""
    coming = _block_pick(usable, session, block, HEAVY_PHASES[0], True, profile, catalog)
    if coming is None or not coming["heavy"]:
        return None
    lighter = catalog.exercises_by_id[coming["id"]]["regression"]
    return next((row for row in usable_in(usable, phase) if row["id"] == lighter), None)


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
    on the session's day, so each is trained on two days a week (TFTF, ROS; physio review D4); and the impact
    stand-in (heel raises), which needs no kit, so that a short session does not lose it (physio review J, L2)."""
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
    warm_up = _pick(
        [
            row
            for row in usable
            if row["dose_kind"] == "minutes" and row["impact"] == "low" and row["benefit"] == "bone"
        ],
        "foundation",
    )
    impact = _impact_exercise(usable, ceiling, phase, catalog)
    balance = _balance_circuit(ladder, phase, profile.experience == "trained")
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
                (lead_in and _lead_in(usable, session, block, phase, profile, catalog))
                or (_hinge_slot(session, block, catalog) and technique_step(usable, phase, catalog))
                or _block_pick(usable, session, block, phase, heavy, profile, catalog)
            ]
            if picks[0] is not None and picks[0]["heavy"]:  # the ordinary lift, should the heavy one not fit
                picks.append(_block_pick(usable, session, block, phase, False, profile, catalog))
            options[block] = [
                _strength_or_own_slot(session, block, phase, chosen, lift_dose)
                for chosen in picks
                if chosen is not None
            ]
        at_home = {
            block: _strength_or_own_slot(session, block, phase, chosen, lift_dose)
            for block in UPPER_BODY_BLOCKS
            if (chosen := _home_version(usable, session, block, phase, profile, catalog)) is not None
        }
        if impact is not None:
            counted = impact["dose_kind"] == "impacts"
            options["impact"] = [_slot(session, "impact", phase, impact, reps=impact_dose if counted else "")]
            if not counted:  # the stand-in needs no kit: at home on the session's day (physio review J, L2)
                at_home["impact"] = options["impact"][0]
        slots, home = fit_session(
            session,
            {block: found for block, found in options.items() if found},
            [_slot(session, "balance", phase, drill) for drill in balance],
            session_minutes,
            time,
            balance_first=profile.falls == "high",
            at_home=at_home,
        )
        rows += slots
        moved += home
    return rows, moved


def _strength_or_own_slot(session: str, block: str, phase: str, chosen: dict, lift_dose) -> dict:
    """A strength exercise at the phase's lift dose (heavy for a heavy lift), anything else at its own dose."""
    if chosen["dose_kind"] != "strength":
        return _slot(session, block, phase, chosen)
    dose = lift_dose(phase, chosen["heavy"])
    return _slot(session, block, phase, chosen, dose["sets"], str(dose["reps"]), dose["effort"])
