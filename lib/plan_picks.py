"""Which exercise fills each block of a session template, phase by phase (used by lib/plan_sessions.py, which
gives each its dose and fits the blocks into the session's minutes).

The session templates (A: squat, B: hinge, C: lunge, each with a push, a pull and back-extensor or posture work)
take their exercises from what lib/plan_usable.py allows the profile and kit, easiest first in the foundation and
harder phase by phase; a trained client gets work that can reach the target effort (a faller's leg work starts
with support all the same), heavy lifts come only where they are planned, and the impact and balance blocks follow
their own ladders (data/planner.yaml).
"""

from __future__ import annotations

from lib.catalog import Catalog
from lib.plan_usable import EXTERNAL_LOADS, PHASES, opened_by_a_check, overhead, usable_in
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
# A faller's leg work rests on a squat done with support, the lunge (a harder balance task) beside or after it: her
# squat block keeps a squat even where none reaches a trained client's effort (physio reviews P Lo5, Q M2).
FALLERS_BASE = ("squat",)
PUSH_BLOCK = "upper body push"
# After the first phase, session B presses forward wherever its push would be an ordinary overhead press, the lead-in
# to the heavy press included, so that a week keeps a chest press beside the overhead press (physio review Q, Lo7:
# the overhead press had taken the band chest press's place in every session). A heavy press stays where it is
# planned (LIFTMOR: deadlift, back squat and overhead press twice a week, no forward press), and week 1 as it was.
HORIZONTAL_PRESS_SESSION = "B"
BALANCE_CIRCUIT = 2  # drills in a session's balance block (2-4 is a usual circuit), sharing its balance minutes


def reaches_the_effort(row: dict) -> bool:
    """Whether a trained client can reach the target effort: a load (the kit's, or with no kit a household one: physio
    review Y, M4, where a trained client's only leg move was a body-weight lunge for a year), or a body-weight move
    past the beginner level, unless painful joints cut it short (lib/plan_usable.py)."""
    loaded = bool(set(row["equipment"]) & EXTERNAL_LOADS) or row["household_load"]
    return (loaded or row["level"] != "beginner") and not row["cut_short"]


def _kinder(rows: list[dict]) -> list[dict]:
    """Rows that painful joints do not cut short, when there are some: the moves the assessment marks kind to painful
    joints (a sit-to-stand to a pain-free seat, with its backpack) come before a lunge made short and shallow, which
    loads a painful front knee in deep flexion and cannot reach the effort anyway (physio review U, M3)."""
    return [row for row in rows if not row["cut_short"]] or rows


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
    return pick(candidates, phase)


def impact_exercise(usable: list[dict], ceiling: str, phase: str, catalog: Catalog) -> dict | None:
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


def balance_circuit(ladder: list[dict], phase: str, trained: bool) -> list[dict]:
    """A short circuit of BALANCE_CIRCUIT drills, each at its own dose, sliding one level harder each phase.

    The window moves up the ladder, so each level (a supported tandem stance, say) is practised before
    the level that builds on it (a heel-to-toe walk).
    """
    size = min(BALANCE_CIRCUIT, len(ladder))
    first = min(PHASES.index(phase) + int(trained), len(ladder) - size)
    return ladder[first : first + size]


def phase_balance(ladder: list[dict], phase: str, trained: bool) -> list[dict]:
    """The phase's balance drills: the circuit of the ladder's climb, where a drill a check opens (lib/plan_usable.py
    opened_by_a_check) takes no rung; from its phase on it takes the easiest drill's place, so the circuit keeps its
    size (physio review Z, M3)."""
    opened = usable_in([row for row in ladder if opened_by_a_check(row)], phase)
    circuit = balance_circuit([row for row in ladder if not opened_by_a_check(row)], phase, trained)
    return (circuit + opened)[len(opened) :]


def pick(candidates: list[dict], phase: str, trained: bool = False) -> dict | None:
    """Foundation takes the easiest, build the middle, strength and maintenance the hardest.

    A trained client starts one step on: the middle in the foundation, the hardest from the build.
    """
    if not candidates:
        return None
    middle, hardest = (len(candidates) - 1) // 2, len(candidates) - 1
    position = {"foundation": middle if trained else 0, "build": hardest if trained else middle}.get(phase, hardest)
    return candidates[position]


def _starts_supported(profile: Profile, block: str, phase: str) -> bool:
    """A faller's leg work in the first phase, picked as a novice's whatever her experience: the supported sit-to-stand
    and split squat, the reverse lunge (a harder balance task) after them (physio reviews P Lo5, Q M2)."""
    return block == AXIAL_BLOCK and profile.falls == "high" and phase == PHASES[0]


def _needs_the_effort(profile: Profile, block: str, phase: str) -> bool:
    """Whether a block's pick must reach a trained client's target effort: not the posture work, nor a start with
    support."""
    trained = profile.experience == "trained"
    return trained and block != POSTURE_BLOCK and not _starts_supported(profile, block, phase)


def _block_candidates(
    usable: list[dict],
    block: str,
    patterns: tuple[str, ...],
    heavy: bool,
    phase: str,
    profile: Profile,
    catalog: Catalog,
) -> list[dict]:
    """The block's candidates: after a vertebral fracture the lower body stops at the capped list; where the pick
    needs the effort, only work that can reach it when some exists."""
    benefit = "spine" if block == POSTURE_BLOCK else "bone"
    chosen = candidates(usable, patterns, benefit, heavy)
    if block == AXIAL_BLOCK and profile.vertebral_fracture:
        cap = catalog.planner["after_vertebral_fracture"]["lower_body_cap"]
        chosen = [row for row in chosen if row["id"] in cap]
    if _needs_the_effort(profile, block, phase):
        chosen = [row for row in chosen if reaches_the_effort(row)] or _kinder(chosen)
    return [row for row in chosen if row["from_phase"]] or chosen  # what a review or clearance opened comes first


def _suits_the_block(
    patterns: tuple[str, ...], candidates: list[dict], block: str, phase: str, profile: Profile
) -> bool:
    """Whether a block takes its pick from these candidates: where the pick needs the effort, only when some reaches
    it, except a faller's squat (FALLERS_BASE)."""
    if not candidates or not _needs_the_effort(profile, block, phase):
        return bool(candidates)
    return reaches_the_effort(candidates[-1]) or (profile.falls == "high" and patterns == FALLERS_BASE)


def hinge_slot(session: str, block: str, catalog: Catalog) -> bool:
    """Whether this block of this session carries the technique-first pattern (the hip hinge, session B)."""
    return block == AXIAL_BLOCK and catalog.planner["technique_first"]["pattern"] in TEMPLATES[session][block]


def presses_forward(session: str, block: str, phase: str) -> bool:
    """Whether this block presses forward rather than overhead: HORIZONTAL_PRESS_SESSION's push after the first phase."""
    return session == HORIZONTAL_PRESS_SESSION and block == PUSH_BLOCK and phase != PHASES[0]


def _phase_pick(candidates: list[dict], session: str, block: str, phase: str, trained: bool) -> dict:
    """The phase's pick; where the block presses forward and the pick would be an ordinary overhead press, the
    phase's pick among the forward presses instead (same block and dose kind: the session's minutes stay)."""
    chosen = pick(candidates, phase, trained)
    if not presses_forward(session, block, phase) or chosen["heavy"] or not overhead(chosen):
        return chosen
    forward = [row for row in candidates if not overhead(row)]
    return pick(forward, phase, trained) if forward else chosen


def block_pick(
    usable: list[dict], session: str, block: str, phase: str, heavy: bool, profile: Profile, catalog: Catalog
) -> dict | None:
    """The block's exercise: a heavy lift where heavy work is planned, else the phase's pick of its pattern.

    When the pattern offers nothing (or, for a trained client, nothing that reaches the target effort),
    an axial block picks from every axial pattern: with no kit, a trained client's hinge block takes the sit-to-stand
    with its household load or the lunge (a faller keeps her squat).
    """
    trained = profile.experience == "trained" and not _starts_supported(profile, block, phase)
    own = TEMPLATES[session][block]
    usable = usable_in(usable, phase)
    for patterns in (own, AXIAL_PATTERNS) if block == AXIAL_BLOCK else (own,):
        candidates = (
            heavy and _block_candidates(usable, block, patterns, True, phase, profile, catalog)
        ) or _block_candidates(usable, block, patterns, False, phase, profile, catalog)
        if _suits_the_block(patterns, candidates, block, phase, profile):
            return _phase_pick(candidates, session, block, phase, trained)
    # Nothing reaches a trained client's effort: the easier work still beats a session without the block (C8), and
    # its own pattern first, so the sessions still differ (physio review J, L5: a split squat in every session).
    for patterns in (own, AXIAL_PATTERNS) if block == AXIAL_BLOCK else (own,):
        if candidates := _block_candidates(usable, block, patterns, False, phase, profile, catalog):
            return _phase_pick(candidates, session, block, phase, trained)
    return None


def home_version(
    usable: list[dict], session: str, block: str, phase: str, profile: Profile, catalog: Catalog
) -> dict | None:
    """The block's pick among what can be done at home: with a home kit the sessions' own exercise, so the sheet
    lists nothing new; with a gym's, one that needs no kit (a wall push-up, a towel row)."""
    return block_pick([row for row in usable if row["at_home"]], session, block, phase, False, profile, catalog)


def lead_in_lift(
    usable: list[dict], session: str, block: str, phase: str, profile: Profile, catalog: Catalog
) -> dict | None:
    """The heavy lift coming in the next phase's block, in its own lighter version (its regression: the moderate
    barbell squat, the seated dumbbell press), where the plan may hold it: the lift's technique then runs right up
    to its first heavy weeks (LIFTMOR: a month of technique work first; physio review D3)."""
    if presses_forward(session, block, phase):
        return None  # the press's technique work stays in session A: B presses forward (physio review Q, Lo7)
    coming = block_pick(usable, session, block, HEAVY_PHASES[0], True, profile, catalog)
    if coming is None or not coming["heavy"]:
        return None
    lighter = catalog.exercises_by_id[coming["id"]]["regression"]
    return next((row for row in usable_in(usable, phase) if row["id"] == lighter), None)
