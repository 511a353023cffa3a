"""Which exercises a plan may hold for a profile and kit, each with every change the plan prints
(used by lib/plan_picks.py, which fills the session templates with them).

A plan holds only exercises `assess` recommends for the profile, or marks "modify" solely to keep
support within reach (PLANNABLE_MODIFICATIONS), printed with that modification, or, from a later phase,
a "modify" exercise whose change a review or clearance has met (data/planner.yaml, phase_unlocks).
"""

from __future__ import annotations

import dataclasses
import re

import pandas as pd

from lib.catalog import Catalog
from lib.profiles import Profile
from lib.safety import impact_ceiling
from lib.safety_rules import IMPACT_LEVELS, LOW_BONE_MASS

PHASES = ("foundation", "build", "strength", "maintenance")
# What each kit holds. "none" is what every home has (a chair, a wall); a step or box is kit.
HOUSEHOLD = frozenset({"none", "chair", "wall"})
EQUIPMENT_SETS = {
    "none": HOUSEHOLD,
    "bands and dumbbells": HOUSEHOLD | {"step", "band", "dumbbell", "kettlebell"},
    "full gym": HOUSEHOLD | {"step", "band", "dumbbell", "kettlebell", "bench", "barbell", "machine", "bar"},
}
# What each kit holds, in words beside its name on the Planner (physio review L, M2: "bands and dumbbells" plans a
# kettlebell and a step, which its name does not promise).
EQUIPMENT_WORDS = {
    "none": "a chair and a wall",
    "bands and dumbbells": "adds a step, bands, dumbbells and a kettlebell",
    "full gym": "adds benches, barbells with a rack, machines and a pull-up bar",
}
HOME_KIT = EQUIPMENT_SETS["bands and dumbbells"]  # kit a client may keep at home ("at_home": doable with it)
EXTERNAL_LOADS = frozenset({"band", "dumbbell", "kettlebell", "barbell", "machine"})
# A "modify" exercise is planned only when every deciding rule asks for one of these changes, which the
# client can always make (a counter at fingertip reach; a knee bend only as deep, or a pull from a height, that does
# not hurt; a folded towel under the knees: physio reviews F, L4, L, M1 and L, Lo4; a barbell inside the rack a full
# gym holds, its safety bars set, until getting down to the floor and up again is safe: physio review X, M2) and the
# plan prints in the cell beside the dose.
PLANNABLE_MODIFICATIONS = frozenset(
    {"support-within-reach", "shallow-knee", "pain-free-height", "padded-knees", "caught-before-the-floor"}
)
SUPPORT_IN_REACH = "support-within-reach"  # needs a hand free for the support
SHALLOW_KNEE = "shallow-knee"  # painful joints: the knee bend only as deep as does not hurt (painful-joints-deep-knee)
# The assessment's own stand-in for a lift held back until a review, "(until then, sit-to-stand and the drill)": a plan
# row whose unlock gives the plan's own stand-in drops it, so the row names one (physio review R, Lo8).
ASSESSMENT_STAND_IN = re.compile(r" \(until then, [^)]*\)")


def _regression_depth(exercise_id: str, exercises: dict[str, dict]) -> int:
    depth, seen, current = 0, set(), exercises[exercise_id]["regression"]
    while current and current not in seen:
        seen.add(current)
        depth, current = depth + 1, exercises[current]["regression"]
    return depth


def plannable(row: dict, rules_by_id: dict[str, dict]) -> bool:
    """Recommended, or "modify" only for changes the plan can print and the client make (support in reach only
    with a hand free to hold it)."""
    if row["status"] == "recommended":
        return True
    changes = {rules_by_id[rule_id].get("modification") for rule_id in row["rules"]}
    return (
        row["status"] == "modify"
        and changes <= PLANNABLE_MODIFICATIONS
        and (row["hands_free"] or SUPPORT_IN_REACH not in changes)
    )


def books_balance_check(profile: Profile) -> bool:
    """Whether the plan books the physiotherapist's balance check (data/planner.yaml falls_review, physio review C4):
    at a high risk of falling, where passing it opens moderate impact, which it does only where the same profile at a
    low risk of falling would have it (not with painful joints or a spine fracture)."""
    at_low_risk = impact_ceiling(dataclasses.replace(profile, falls="low"))
    return profile.falls == "high" and IMPACT_LEVELS.index(at_low_risk) >= IMPACT_LEVELS.index("moderate")


# Who each of data/planner.yaml's phase_unlocks is for.
UNLOCK_PROFILES = {
    "vertebral_fracture": lambda profile: profile.vertebral_fracture,
    # Clearance is for heavy lifting, not a one-hand moderate load at a counter (physio review F, M1). After a spine
    # fracture too (physio review J, L5: else a trained faller's only loaded lift, the hinge, filled every session):
    # her loaded hinge still waits for its physiotherapist, as its spine-fracture change is not one this unlock meets.
    "high_falls": lambda profile: profile.falls == "high",
    # The balance ladder holds the easier version first (eyes-open stance), physio review D7.
    "low_falls": lambda profile: profile.falls == "low",
    "balance_check": books_balance_check,
}


def technique_first(profile: Profile) -> bool:
    """A novice with low bone mass learns the hip hinge before it is loaded (data/planner.yaml, technique_first)."""
    return profile.experience == "novice" and profile.fragility in LOW_BONE_MASS


def loaded_technique_lift(exercise: dict, catalog: Catalog) -> bool:
    """A loaded lift of the technique-first pattern (a loaded hinge): what the drill comes before
    (data/planner.yaml, technique_first). `exercise`: a catalog entry or an assessment row."""
    pattern = catalog.planner["technique_first"]["pattern"]
    return exercise["pattern"] == pattern and bool(set(exercise["equipment"]) & EXTERNAL_LOADS)


def _drill_first_in(row: dict, profile: Profile, catalog: Catalog) -> str:
    """The phase that holds the technique-first drill in place of this row (a loaded hinge, for a novice with low
    bone mass); '' for every other row and profile."""
    drilled = technique_first(profile) and loaded_technique_lift(row, catalog)
    return catalog.planner["technique_first"]["phase"] if drilled else ""


def _unlock(row: dict, profile: Profile, catalog: Catalog) -> dict | None:
    """The phase unlock (data/planner.yaml) that lets the plan hold this row from a later phase, if any."""
    for unlock in catalog.planner["phase_unlocks"]:
        if (
            unlock["exercise"] == row["id"]
            and UNLOCK_PROFILES[unlock["profile"]](profile)
            and _answers(unlock, row, catalog.rules_by_id)
        ):
            return unlock
    return None


def _answers(unlock: dict, row: dict, rules_by_id: dict[str, dict]) -> bool:
    """Whether the unlock answers every rule that decides the row: a "modify" row's changes, or an "avoid" row's
    rules, each one it lifts (the balance check's)."""
    if row["status"] == "avoid":
        return set(row["rules"]) <= set(unlock.get("lifts", []))
    return row["status"] == "modify" and all(
        rules_by_id[rule_id].get("modification") in unlock["changes"] for rule_id in row["rules"]
    )


def opened_by_a_check(row: dict) -> bool:
    """Whether a usable row is one the assessment avoids for now, which a check opens (phase_unlocks' `lifts`)."""
    return row["status"] == "avoid"


def _opened_set_up(row: dict, unlock: dict | None, catalog: Catalog) -> str:
    """An opened row's set-up in one sentence: its own words for the unlock's changes (single-leg stance's counter,
    hands hovering), then the unlock's (once the check allows it, and the fallback until then); '' for other rows."""
    if unlock is None or not opened_by_a_check(row):
        return ""
    own = catalog.exercises_by_id[row["id"]]["modifications"]
    return f"{' '.join(own[change] for change in unlock['changes']).rstrip('.')}, {unlock['words']}"


def _kit_change(row: dict, equipment: frozenset[str], stand_ins: dict[str, str]) -> str | None:
    """'' when the kit holds what the exercise needs; a stand-in's words when only a bench is missing; else None.

    An exercise listing "none" can be done with no kit (a reverse lunge, with dumbbells when there are some).
    """
    needs = set() if "none" in row["equipment"] else set(row["equipment"])
    if needs <= equipment:
        return ""
    if needs - equipment == {"bench"} and row["id"] in stand_ins:
        return stand_ins[row["id"]]
    return None


def way_to_progress(exercise_id: str, equipment: frozenset[str], profile: Profile, catalog: Catalog) -> str:
    """How a body-weight lift keeps progressing toward the effort its dose asks: at a high risk of falling, with no
    external load in the kit, its harder form with a hand on support (physio review X, M4; with a load in the kit her
    later phases load the squat, one weight in one hand); else a dumbbell with dumbbells in the kit (physio review W,
    Lo8), a household load with no external load in it (C8)."""
    planner = catalog.planner
    if profile.falls == "high":
        return "" if equipment & EXTERNAL_LOADS else planner["harder_with_support"].get(exercise_id, "")
    if "dumbbell" in equipment:
        return planner["dumbbell_load"].get(exercise_id, "")
    return "" if equipment & EXTERNAL_LOADS else household_load(exercise_id, equipment, profile, catalog)


def household_load(exercise_id: str, equipment: frozenset[str], profile: Profile, catalog: Catalog) -> str:
    """The household load (data/planner.yaml) a body-weight lift takes with no external load in the kit, at a low risk
    of falling (the load fills both hands); else ''."""
    if profile.falls == "high" or equipment & EXTERNAL_LOADS:
        return ""
    return catalog.planner["household_load"].get(exercise_id, "")


def _assessment_change(row: dict, equipment: frozenset[str], catalog: Catalog) -> str:
    """The assessment's change, in the words for a kit without dumbbells where it sets dumbbells aside (data/planner.yaml
    kit_without_dumbbells; physio review Y, M4: "Without dumbbells" on a plan with no kit)."""
    if "dumbbell" in equipment or not row["modification_rule"]:
        return row["modification"]
    change = catalog.rules_by_id[row["modification_rule"]].get("modification")
    return catalog.planner["kit_without_dumbbells"].get(row["id"], {}).get(change, row["modification"])


def _asks(row: dict, modification: str, catalog: Catalog) -> bool:
    """Whether one of the row's deciding rules asks for this change."""
    rules_by_id = catalog.rules_by_id
    return any(rules_by_id[rule_id].get("modification") == modification for rule_id in row["rules"])


def _asks_already(words: str, change: str) -> bool:
    """Whether the assessment's change already asks for what these words ask, read up to their first choice ('Squat
    to a box' of 'Squat to a box or chair seat behind you.'), so the line says it once (physio review P, Lo2)."""
    return words.split(" or ")[0].rstrip(".").lower() in change.lower()


def overhead(row: dict) -> bool:
    """Whether a push loads the spine from above (an overhead press) rather than pressing forward."""
    return row["pattern"] == "push" and "axial" in row["loading"]


def _plan_change(row: dict, profile: Profile, catalog: Catalog) -> str:
    """The planner's own set-up for this exercise and profile (data/planner.yaml), beside the assessment's change:
    a heavy lift's coach, the cap after a vertebral fracture and the physiotherapist's first look at an overhead press
    after one, a pain-free knee bend with painful joints, the technique-first drill's own one-hand set-up for a
    faller."""
    planner = catalog.planner
    # A heavy lift's coach, unless the assessment's own change already says so in these words (physio review M, Lo1);
    # a change that only has a coach spotting still gets them (test_16: every heavy row needs the coach present).
    coach_present = planner["heavy_lift"]["modification"].rstrip(".")
    changes = (
        [planner["heavy_lift"]["modification"]] if row["heavy"] and coach_present not in row["modification"] else []
    )
    drill = planner["technique_first"]
    if profile.falls == "high" and row["id"] == drill["drill"]:
        changes.append(catalog.exercises_by_id[row["id"]]["modifications"][drill["falls_high"]])
    if profile.vertebral_fracture and row["id"] in planner["after_vertebral_fracture"]["lower_body_cap"]:
        cap = planner["after_vertebral_fracture"]["lower_body_cap"][row["id"]]
        changes.append("" if _asks_already(cap, row["modification"]) else cap)
    if profile.vertebral_fracture and overhead(row):
        changes.append(planner["after_vertebral_fracture"]["overhead_first"])
    changes += pain_free_knee_bend(row, profile, catalog)
    return " ".join(change for change in changes if change)


def pain_free_knee_bend(row: dict, profile: Profile, catalog: Catalog) -> list[str]:
    """With painful joints, a squat's or lunge's pain rule (data/planner.yaml painful_joints): the knee bend kept
    pain-free, unless the assessment's own pain-free change says it already, and how much pain is acceptable; else
    none. The plan prints it and so does the sheet without a plan (physio review W, M4)."""
    painful = catalog.planner["painful_joints"]
    if not profile.joint_limits or row["pattern"] not in painful["knee_bend"]:
        return []
    rack = painful["settles_in_a_rack"]
    return [
        "" if _asks(row, SHALLOW_KNEE, catalog) else painful["knee_bend"][row["pattern"]],
        rack["words"] if row["id"] in rack["exercises"] else painful["settles"][row["pattern"]],
    ]


def _cut_short(row: dict, equipment: frozenset[str], catalog: Catalog) -> bool:
    """Whether painful joints make this a short, shallow move with nothing to load it: "modify" for a shallow knee bend
    with no load from the kit ("Step back only a short way and bend the knees a little"), which a trained client cannot
    take to her target effort (physio review U, M3)."""
    return (
        row["status"] == "modify"
        and _asks(row, SHALLOW_KNEE, catalog)
        and not set(row["equipment"]) & equipment & EXTERNAL_LOADS
    )


def _same_move(row: dict, catalog: Catalog) -> str:
    """The easier exercise this row becomes under the change the client sees (data/planner.yaml,
    same_move_when_changed: a faller's walking lunge, on the spot with a hand on a counter, is a reverse lunge);
    '' when the change leaves it its own move."""
    change = catalog.rules_by_id[row["modification_rule"]].get("modification") if row["modification_rule"] else None
    return catalog.planner["same_move_when_changed"].get(row["id"], {}).get(change, "")


def usable_exercises(table: pd.DataFrame, equipment: frozenset[str], profile: Profile, catalog: Catalog) -> list[dict]:
    """Plannable exercises for the profile, doable with this kit, each with every change the plan prints; not one
    whose change makes it the same move as another the plan may hold, which the plan holds under its own name and
    progresses by its dose instead (physio review O, Lo2)."""
    exercises, rules_by_id = catalog.exercises_by_id, catalog.rules_by_id
    home_kit = equipment if equipment <= HOME_KIT else HOUSEHOLD  # a gym's kit stays at the gym
    usable = []
    for row in table.to_dict("records"):
        kit_change = _kit_change(row, equipment, catalog.planner["bench_stand_ins"])
        unlock = None if plannable(row, rules_by_id) else _unlock(row, profile, catalog)
        if kit_change is None or not (unlock or plannable(row, rules_by_id)):
            continue
        own_stand_in = bool(unlock and unlock["words"])
        assessment_change = _assessment_change(row, equipment, catalog)
        opened_set_up = _opened_set_up(row, unlock, catalog)
        changes = [
            ASSESSMENT_STAND_IN.sub("", assessment_change) if own_stand_in else assessment_change,
            opened_set_up,
            kit_change,
            way_to_progress(row["id"], equipment, profile, catalog),
            _plan_change(row, profile, catalog),
            unlock and not opened_set_up and unlock["words"],
        ]
        usable.append(
            row
            | {
                "at_home": _kit_change(row, home_kit, catalog.planner["bench_stand_ins"]) is not None,
                "depth": _regression_depth(row["id"], exercises),
                "impacts_max": exercises[row["id"]].get("impacts_max"),
                "modification": " ".join(change for change in changes if change),
                "from_phase": unlock["from_phase"] if unlock else "",
                "drill_first_in": _drill_first_in(row, profile, catalog),
                "cut_short": _cut_short(row, equipment, catalog),
                "household_load": bool(household_load(row["id"], equipment, profile, catalog)),
            }
        )
    ids = {row["id"] for row in usable}
    return [row for row in usable if _same_move(row, catalog) not in ids]


def usable_in(usable: list[dict], phase: str) -> list[dict]:
    """The rows a phase may hold: an unlocked row only from its phase on (data/planner.yaml, phase_unlocks), and
    a loaded hinge not in the phase that holds its drill in its place (technique_first)."""
    return [
        row
        for row in usable
        if PHASES.index(row["from_phase"] or PHASES[0]) <= PHASES.index(phase) and row["drill_first_in"] != phase
    ]


def technique_step(usable: list[dict], phase: str, profile: Profile, catalog: Catalog) -> dict | None:
    """For a novice with low bone mass (data/planner.yaml, technique_first: physio review F, M2): the drill in the
    hinge slot (session B) of the drill's phase, whether or not the kit can load the hinge later (physio review Z, M4:
    with no kit no plan taught the hinge in a session); then, where the kit holds it, the drill's own progression (the
    kettlebell deadlift) in every later phase, made heavier: the first loaded hinge is the easiest one, and no
    long-lever Romanian deadlift or barbell deadlift follows without a second check (physio review H, L2)."""
    if not technique_first(profile):
        return None
    first = catalog.planner["technique_first"]
    drill_phase = first["phase"]
    later = PHASES[PHASES.index(drill_phase) + 1 :]
    steps = {drill_phase: first["drill"]} | dict.fromkeys(later, catalog.exercises_by_id[first["drill"]]["progression"])
    step = next((row for row in usable_in(usable, phase) if row["id"] == steps.get(phase)), None)
    return step and (step | {"dose": first["dose"]} if step["id"] == first["drill"] else step)
