"""What goes on the client handout for one profile: which exercises, cautions and balance work, in plain words.

Public API::

    from lib.handout_choices import handout_exercises, handout_cautions, balance_suggestions
    handout_exercises(profile, plan)  # the exercises the handout recommends, as plain records
    handout_cautions(profile)         # what it says to avoid or change, with the safer swap, most relevant first

The plan's week lines and the balance box are in lib/handout_week.py.

Each takes the profile's assessment as `assessed` when the caller has one (lib/handout.py build_handout
assesses once per handout). Written for a reader with about twelve years of schooling.
"""

from __future__ import annotations

import re

import pandas as pd

from lib.catalog import Catalog, default_catalog
from lib.drawings import exercise_strip_svg
from lib.handout_caution_order import one_per_reason, pick_cautions, rank_by_concern
from lib.handout_plan import plan_exercises
from lib.plan_notes import low_z_gate
from lib.plan_picks import balance_circuit, balance_ladder, impact_exercise
from lib.plan_usable import (
    HOME_KIT,
    HOUSEHOLD,
    PHASES,
    SUPPORT_IN_REACH,
    pain_free_knee_bend,
    plannable,
    usable_exercises,
    way_to_progress,
)
from lib.planner import Plan
from lib.profiles import Profile
from lib.safety import assess, impact_ceiling
from lib.safety_rules import IMPACT_LEVELS
from lib.vocabulary import LEVELS

# --- Words -------------------------------------------------------------------------------------

# Terms in the shared guidance lines that a client may not know, each with a gloss added on first use.
GLOSSES = {
    "one-repetition maximum": "one-repetition maximum (the most you can lift once)",
    "sets of 5 x 5": "heavy sets (5 sets of 5 repetitions)",
    "x body weight": "times your body weight",
    "progressing toward": "building up to",
}

# --- Choosing what goes on the sheet -------------------------------------------------------------

# One exercise per slot, in this order: a balanced set across the movements bone needs.
EXERCISE_SLOTS = (
    ("squat", "lunge"),
    ("hinge",),
    ("push",),
    ("pull",),
    ("balance",),
    ("back-extensor", "posture"),
)
FALLBACK_PATTERNS = ("posture", "trunk", "carry")  # spine-friendly extras when a slot has nothing to offer
MIN_EXERCISES, MAX_EXERCISES = 4, 6
MAX_CAUTIONS = 4
MAX_BALANCE_SUGGESTIONS = 3
FALLERS_SUPPORTED = frozenset({"squat", "lunge", "balance"})  # a faller's slots that start as her plan's first phase


def gloss(text: str) -> str:
    for term, explained in GLOSSES.items():
        text = text.replace(term, explained)
    return text


def first_clause(dose: str) -> str:
    """The dose without its progression note, with 'reps' spelled out."""
    return gloss(re.sub(r"\breps\b", "repetitions", dose.split(";")[0].strip().rstrip(".")))


def _is_home_safe(row: dict, catalog: Catalog) -> bool:
    """Recommended, or changed only as a plan may change it (support in reach, a pain-free depth: printed beside its
    dose), and nothing that needs supervision, heavy loads, bending or twisting the spine."""
    return (
        plannable(row, catalog.rules_by_id)
        and not row["heavy"]
        and not row["supervision"]
        and row["spinal_flexion"] == "none"
        and row["rotation"] == "none"
    )


def _ranked(rows: list[dict], patterns: tuple[str, ...], experience: str) -> list[dict]:
    """Candidates of these patterns, the level that suits the client first."""
    target = "intermediate" if experience == "trained" else "beginner"
    chosen = [row for row in rows if row["pattern"] in patterns]
    return sorted(
        chosen,
        key=lambda row: (row["level"] != target, LEVELS.index(row["level"])),
    )


def _record(row: dict, profile: Profile, catalog: Catalog, training_day_dose: str) -> dict:
    """The exercise as the sheet gives it without a plan: its own dose (a training-day balance client's balance
    drills at `training_day_dose`), then its change, how a body-weight lift grows harder as a plan says
    (_kit_without_a_plan; physio review X, M4: a faller's sit-to-stand asked for effort 8 with no way to get there)
    and, with painful joints, the pain rule a plan gives a squat or lunge (physio review W, M4: the sit-to-stand had
    none on 96 of the 128 painful-joints sheets)."""
    exercise = catalog.exercise(row["id"])
    on_training_days = training_day_dose and row["pattern"] == "balance"
    dose = training_day_dose[:1].upper() + training_day_dose[1:] if on_training_days else first_clause(exercise["dose"])
    changes = [
        row["modification"],
        way_to_progress(row["id"], _kit_without_a_plan(profile), profile, catalog),
        *pain_free_knee_bend(row, profile, catalog),
    ]
    change = " ".join(words for words in changes if words)
    return {
        "id": row["id"],
        "name": row["name"],
        "pattern": row["pattern"],
        "cues": list(exercise["cues"]),
        "dose": _with_change(dose, change),
        "drawing": exercise_strip_svg(row["id"]),
        "sessions": [],
        "home": False,
    }


def _kit_without_a_plan(profile: Profile) -> frozenset[str]:
    """The kit a sheet without a plan writes for, not knowing the client's: at a high risk of falling none, so her
    sit-to-stand gets its harder form, as a plan without a load gives it; else the home kit, whose dumbbell the
    catalog's own dose names ("hold a dumbbell at the chest when 12 feels easy")."""
    return HOUSEHOLD if profile.falls == "high" else HOME_KIT


def _with_change(dose: str, change: str) -> str:
    """The dose, then the change asked of this exercise, if any (physio review L, H1: a stance's counter only in a cue,
    which a full sheet cuts)."""
    return f"{dose}. {change.rstrip('.')}" if change else dose  # the line adds its stop


def _assessed(profile: Profile, catalog: Catalog, assessed: list[dict] | None) -> list[dict]:
    """The profile's assessment as records: the one build_handout made, or a new one."""
    return assess(profile, catalog).to_dict("records") if assessed is None else assessed


def _balance_from(rows: list[dict], profile: Profile, catalog: Catalog) -> list[str] | None:
    """The balance drills the sheet may give: the planner's balance ladder (data/planner.yaml) from where her plan's
    first phase starts, one rung on for a trained client (lib/plan_picks.py balance_circuit), so the sheet starts no
    lower or higher than her plan (physio review R, M1: the heel-to-toe walk a faller's plan gives last was her only
    balance drill; review T, Lo3: a novice at low risk of falling started at the seated reach, her plan at stepping
    practice; review F, L2: seated and held drills are too easy to challenge a training-day client); None without a
    ladder."""
    ladder = [row["id"] for row in balance_ladder(rows, profile, catalog)]
    if not ladder:
        return None
    first_phase = balance_circuit(ladder, PHASES[0], profile.experience == "trained")
    return ladder[ladder.index(first_phase[0]) :]


def _level_for(patterns: tuple[str, ...], profile: Profile) -> str:
    """The experience a slot's pick suits: a faller's leg and balance work start as a novice's, whatever her
    experience, supported, as her plan's first phase does (lib/plan_picks.py _starts_supported; physio review R, M1:
    the reverse lunge was a trained faller's only leg work on this sheet, the heel-to-toe walk her balance)."""
    return "novice" if profile.falls == "high" and FALLERS_SUPPORTED & set(patterns) else profile.experience


def _challenging_enough(rows: list[dict], profile: Profile, catalog: Catalog) -> list[dict]:
    """The rows without the balance drills below where her plan's balance starts (_balance_from)."""
    ladder = _balance_from(rows, profile, catalog)
    return [row for row in rows if ladder is None or row["pattern"] != "balance" or row["id"] in ladder]


def handout_exercises(
    profile: Profile,
    plan: Plan | None = None,
    catalog: Catalog | None = None,
    assessed: list[dict] | None = None,
    daily_balance: str | None = None,
    training_day_dose: str = "",
) -> list[dict]:
    """With a plan, the plan's whole week 1 and home work (lib.handout_plan.plan_exercises); without one, four
    to six exercises, one per movement slot, each recommended or changed only as a plan may change it (its change
    after its dose).

    Each record has id, name, pattern, cues, dose (in words), drawing (SVG text: the movement's start and end
    side by side, lib.drawings.exercise_strip_svg), sessions (the plan's session letters that hold it) and
    home (whether the plan's home work holds it). `daily_balance`: how a plan's daily balance drill's home dose reads.
    `training_day_dose`: without a plan, a balance drill's dose for a client whose balance dose is per training day
    (the catalog's doses count toward a daily total; physio review F, L2).
    """
    catalog = catalog or default_catalog()
    if plan is not None:
        return plan_exercises(plan, catalog, daily_balance)
    rows = [row for row in _assessed(profile, catalog, assessed) if _is_home_safe(row, catalog)]
    rows = _challenging_enough(rows, profile, catalog)
    chosen: list[dict] = []
    for patterns in EXERCISE_SLOTS:
        ranked = _ranked(rows, patterns, _level_for(patterns, profile))
        if ranked:
            chosen.append(ranked[0])
    for row in _ranked(rows, FALLBACK_PATTERNS, profile.experience):
        if len(chosen) >= MIN_EXERCISES:
            break
        if row not in chosen:
            chosen.append(row)
    return [
        _faller_set_up(_record(row, profile, catalog, training_day_dose), profile, catalog)
        for row in chosen[:MAX_EXERCISES]
    ]


def _faller_set_up(record: dict, profile: Profile, catalog: Catalog) -> dict:
    """A high faller's technique drill with its one-hand set-up after its dose, as her plan sheet prints it
    (data/planner.yaml technique_first, falls_high; physio review J, L6: the card said nothing of the counter its
    own INSTEAD asked for)."""
    technique = catalog.planner["technique_first"]
    if profile.falls != "high" or record["id"] != technique["drill"]:
        return record
    change = catalog.exercise(record["id"])["modifications"][technique["falls_high"]]
    return record | {"dose": f"{record['dose']}. {change}"}


def with_support(records: list[dict], profile: Profile, catalog: Catalog, drills: dict) -> list[dict]:
    """The exercises, each standing drill of data/handout.yaml `fragile_support` (`drills`) with its support after its
    dose for a client with fragile bones, unless the dose says it already (a faller's change): the first clause of
    its own support-within-reach set-up (physio review W, M2: the counter lived only in a cue, which a long week 1
    gives away)."""
    if profile.fragility not in drills["fragility"]:
        return records
    return [_support_after_dose(record, catalog, drills) for record in records]


def _support_after_dose(record: dict, catalog: Catalog, drills: dict) -> dict:
    if record["pattern"] not in drills["patterns"] and record["id"] not in drills["exercises"]:
        return record
    set_up = catalog.exercise(record["id"]).get("modifications", {}).get(SUPPORT_IN_REACH, "")
    support = set_up.split(";")[0].rstrip(".")
    # Read without case: "Step beside a kitchen counter, ..." (the floor change) says "Beside a kitchen counter, ..."
    # already (physio review Z, Lo1: the dose printed both).
    if not support or support.lower() in record["dose"].lower():
        return record
    return record | {"dose": f"{record['dose'].rstrip('.')}. {support}."}


def first_impact(profile: Profile, catalog: Catalog, assessed: list[dict] | None, words: dict) -> list[dict]:
    """Without a plan, the first rung of the planner's impact ladder for a home with no kit (lib/plan_picks.py
    impact_exercise: stamping) as an exercise record, at data/handout.yaml `first_impact`'s dose (`words`: ROS's about
    50 most days, or a low Z-score's light start until the doctor's review) with its change (physio review Z, M2: the
    sheet named the impact ceiling but no impact exercise and no dose). None below moderate impact: there ROS's advice
    is brisk walking, which the impact line names."""
    ceiling = impact_ceiling(profile, catalog)
    if IMPACT_LEVELS.index(ceiling) < IMPACT_LEVELS.index("moderate"):
        return []
    usable = usable_exercises(pd.DataFrame(_assessed(profile, catalog, assessed)), HOUSEHOLD, profile, catalog)
    rung = impact_exercise(usable, ceiling, PHASES[0], catalog)
    if rung is None or rung["dose_kind"] != "impacts":
        return []
    dose = words["until_cause_checked" if low_z_gate(profile) else "dose"]
    return [
        _record(rung, profile, catalog, "") | {"dose": _with_change(dose[:1].upper() + dose[1:], rung["modification"])}
    ]


def _out_of_reach(row: dict, profile: Profile) -> bool:
    """Floor work for a client who cannot get down to the floor: a caution she has no use for."""
    return row["floor"] and not profile.floor_transfers


def _plain_reason(row: dict, rules: dict[str, dict]) -> str:
    """The client's one-line reason (data/safety_rules.yaml, `plain`); a twisting exercise gives the twisting one first."""
    twisting = row["rotation"] == "loaded"
    first = sorted(row["rules"], key=lambda rule: twisting and "twist" not in rules[rule]["plain"].lower())[0]
    return rules[first]["plain"]


def swap_change(swap: dict, profile: Profile, catalog: Catalog) -> str:
    """The change the client makes to the swap: the assessment's when it is "modify" for her too (physio review E, M3:
    a high faller was told 'INSTEAD: Kettlebell deadlift' without its one hand on a counter); else, for a high faller,
    the swap's own change the plan prints for her (data/planner.yaml technique_first, falls_high; physio review H, L1:
    'INSTEAD: Hip-hinge drill' left both her hands on the stick and nothing in reach)."""
    if swap["status"] == "modify":
        return swap["modification"]
    if profile.falls != "high":
        return ""
    own_changes = catalog.exercise(swap["id"]).get("modifications", {})
    change = own_changes.get(catalog.planner["technique_first"]["falls_high"], "")
    return change.split(";")[0].rstrip(".") + "." if change else ""  # its first clause: the full set-up is longer


def _swap(row: dict, rows: list[dict], profile: Profile, catalog: Catalog) -> str | None:
    """The safer swap's name, with the change the client makes to it (if any)."""
    swap = next((other for other in rows if other["id"] == row["swap_id"]), None)
    change = "" if swap is None else swap_change(swap, profile, catalog)
    return f"{row['swap_name']}: {change[:1].lower()}{change[1:]}" if change else row["swap_name"]


def handout_cautions(
    profile: Profile, catalog: Catalog | None = None, places: int = MAX_CAUTIONS, assessed: list[dict] | None = None
) -> list[dict]:
    """Up to four exercises to avoid (or, when none is avoided, to change), most relevant first.

    Most relevant: what daily life asks of the spine (bending to lift, toe touching, twisting), then the
    profile's other concerns; never floor work for a client who cannot get down to the floor (she cannot
    do it anyway), unless nothing else is restricted.
    Each record has id, name, status ('avoid' or 'change'), instead (the safer swap's name or None),
    swap_id (the swap's exercise id, for an avoided one), why (one plain line) and sources.
    """
    catalog = catalog or default_catalog()
    rules = catalog.rules_by_id
    rows = _assessed(profile, catalog, assessed)
    for status in ("avoid", "modify"):
        restricted = [row for row in rows if row["status"] == status]
        if restricted:
            break
    within_reach = [row for row in restricted if not _out_of_reach(row, profile)] or restricted
    ranked = pick_cautions(rank_by_concern(within_reach, profile, rules), len(within_reach))
    picks = one_per_reason(ranked, places, lambda row: _plain_reason(row, rules))
    return [
        {
            "id": row["id"],
            "name": row["name"],
            "status": "avoid" if status == "avoid" else "change",
            "instead": _swap(row, rows, profile, catalog) if status == "avoid" else row["modification"],
            "swap_id": row["swap_id"] if status == "avoid" else None,
            "why": _plain_reason(row, rules),
            "sources": list(row["sources"]),
        }
        for row in picks
    ]


def balance_suggestions(
    profile: Profile,
    catalog: Catalog,
    shown: list[str],
    count: int,
    assessed: list[dict] | None = None,
    training_day_dose: str = "",
) -> list[dict]:
    """Recommended balance exercises not already shown, at the client's level first; for a client whose balance dose
    is per training day, from where her plan's ladder starts, each at `training_day_dose`."""
    rows = [
        row for row in _assessed(profile, catalog, assessed) if _is_home_safe(row, catalog) and row["id"] not in shown
    ]
    balance = ("balance",)
    rows = _ranked(_challenging_enough(rows, profile, catalog), balance, _level_for(balance, profile))
    doses = [
        _with_change(training_day_dose or first_clause(row["dose"]).split(",")[0], row["modification"])
        for row in rows[:count]
    ]
    return [{"name": row["name"], "dose": dose[:1].lower() + dose[1:]} for row, dose in zip(rows, doses)]
