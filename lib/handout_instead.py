"""A caution's INSTEAD as the sheet can keep it: something the client can do now, with its dose.

Public API::

    from lib.handout_instead import sheet_insteads
    sheet_insteads(cautions, plan, profile, assessed, catalog, words, listed, lift_names)  # each INSTEAD fitted

lib/handout_choices.py picks each caution's safer swap from the assessment; this module fits that swap to the sheet:
a loaded lift held back for a technique check names the drill first (physio reviews H, M1 and I, M2); on a plan
sheet, a swap the plan starts after week 1 names what the client does until then and the week the swap comes
(reviews K, L4 and M, Lo4), and a swap the plan never schedules gives way to the plan's week-1 move of its block,
which a longer plan might have held back (review N, N1), unless that move trains something else: then the swap
with the week the plan brings it in, or no INSTEAD (review Q, Lo5: a back extension for the wood chop); and a move
the sheet lists nowhere carries its own dose (reviews K, L2 and J, L7).
"""

from __future__ import annotations

import re

import pandas as pd

from lib.catalog import Catalog
from lib.handout_choices import first_clause, swap_change
from lib.handout_plan import first_home, later_loaded, sentence_case, sheet_name, short_name
from lib.plan_picks import AXIAL_PATTERNS, TEMPLATES
from lib.plan_usable import ASSESSMENT_STAND_IN, EQUIPMENT_SETS, loaded_technique_lift
from lib.planner import Plan
from lib.profiles import Profile

FIRST_PHASE = "foundation"


def _first_weeks(plan: Plan) -> dict[str, int]:
    """The week each exercise of the plan (sessions or home work) first comes in."""
    starts = plan.phase_starts()
    both = pd.concat([plan.sessions[["exercise_id", "phase"]], plan.home[["exercise_id", "phase"]]])
    return both.assign(week=both["phase"].map(starts)).groupby("exercise_id")["week"].min().to_dict()


def held_back(exercise_id: str, plan: Plan) -> int | None:
    """The week the plan first holds this exercise, when that is after week 1, the week the sheet gives; else None.
    An INSTEAD must not give such a move from now (physio reviews K, L4: a lift held to a review; M, Lo4: a lift or
    trunk move the plan starts later with no review)."""
    week = _first_weeks(plan).get(exercise_id)
    return week if week is not None and week > 1 else None


def _held_back_for_drill(swap: dict, plan: Plan | None, profile: Profile, catalog: Catalog) -> dict | None:
    """The drill (name, change) to offer before a caution's swap, when that swap is the loaded lift held back for a
    technique check: by the plan where there is one, else by the planner's own rule (technique_first); None if not."""
    technique = catalog.planner["technique_first"]
    if not loaded_technique_lift(catalog.exercises_by_id[swap["id"]], catalog):
        return None
    if plan is None:
        # Every novice learns the hinge on the drill first, whatever her bone density (physio review W, Lo2: a
        # normal-bone novice's sheet listed the drill but swapped in the loaded lift; the Spine guidance teaches the
        # hinge to normal bone too). A plan holds the drill in the lift's place only with low bone mass
        # (technique_first). A spine fracture's swap carries the physiotherapist's check in its own change already.
        if profile.experience != "novice" or profile.vertebral_fracture:
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
    lift = sentence_case(swap["name"], upper=False)
    week = plan is not None and held_back(swap["id"], plan)
    line = (words["line_with_week"] if week else words["line"]).format(drill=drill["name"], lift=lift, week=week)
    if drill["modification"]:
        change = drill["modification"].split(";")[0].rstrip(".") + "."  # its first clause: the set-up is on the front
        line = words["with_change"].format(line=line, change=sentence_case(change, upper=False))
    return caution | {"instead": line}


def _doable_now(row: dict, plan: Plan) -> bool:
    """Recommended (or to be changed) for the client, with nothing the plan's kit lacks."""
    needs = set(row["equipment"]) - {"none"}
    return row["status"] in ("recommended", "modify") and needs <= EQUIPMENT_SETS[plan.equipment]


def _stand_in(swap_id: str, plan: Plan, rows: dict[str, dict], catalog: Catalog) -> str | None:
    """What the client does until a held-back swap comes: its easier version (its regression, data/exercises.yaml)
    where the plan has it from week 1. Else, and first for a swap the plan never schedules (a longer plan may hold it
    back: physio review N, N1), the move the plan's first phase holds in the swap's block, in sessions or at home:
    the plan's own pick of that kind of move for her (review H, M1: a trained client is offered a lift, not a drill)."""
    easier = catalog.exercises_by_id[swap_id]["regression"]
    easier = (
        easier if easier in rows and _doable_now(rows[easier], plan) and _from_week_one(easier, plan, catalog) else None
    )
    sessions = plan.sessions
    later = sessions[sessions["exercise_id"] == swap_id]
    if later.empty:  # never scheduled: the block its pattern goes in
        block, letters = _block_of(catalog.exercises_by_id[swap_id]["pattern"])
    elif easier:
        return easier
    else:
        block, letters = later["block"].iloc[0], set(later.loc[later["phase"] == later["phase"].iloc[0], "session"])
    first = sessions[(sessions["phase"] == FIRST_PHASE) & (sessions["block"] == block)]
    first = first.sort_values("session", key=lambda letter: ~letter.isin(letters), kind="stable")  # its sessions' first
    home = first_home(plan)
    found = [*first["exercise_id"], *home.loc[home["block"] == block, "exercise_id"]]  # short sessions: the home work
    return found[0] if found else easier


def _from_week_one(exercise_id: str, plan: Plan, catalog: Catalog) -> bool:
    """Whether the sheet may give this move from now: the plan holds it from week 1, or it is the technique drill,
    a first-phase drill wherever a plan holds it. A move the plan never schedules is not: a longer plan for the same
    client may hold it to a later phase or a review (physio review N, N1)."""
    return _first_weeks(plan).get(exercise_id) == 1 or exercise_id == catalog.planner["technique_first"]["drill"]


def _block_of(pattern: str) -> tuple[str, set[str]]:
    """The session block that carries a movement pattern, and the sessions whose template gives it that pattern
    (lib.plan_picks.TEMPLATES); impact and balance are blocks of their own in every session."""
    found = [
        (block, letter)
        for letter, blocks in TEMPLATES.items()
        for block, patterns in blocks.items()
        if pattern in patterns
    ]
    if not found:
        return pattern, set(TEMPLATES)
    return found[0][0], {letter for _, letter in found}


def _named(exercise_id: str, rows: dict[str, dict], profile: Profile, catalog: Catalog) -> str:
    """The exercise's name with the change the client makes to it (lib.handout_choices.swap_change)."""
    change = swap_change(rows[exercise_id], profile, catalog)
    name = rows[exercise_id]["name"]
    return f"{name}: {sentence_case(change, upper=False)}" if change else name


def _with_dose(instead: str, exercise_id: str, dosed: set[str], catalog: Catalog, words: dict) -> str:
    """The INSTEAD with the exercise's own dose (data/exercises.yaml) when the sheet gives none yet (`dosed`): the
    client knows how much (physio review K, L2: 'INSTEAD: Hip-hinge drill' on a plan sheet that never schedules it).
    Adds the exercise to `dosed`: a second INSTEAD naming it needs no second dose (the sheet has no room to spare)."""
    if exercise_id in dosed:
        return instead
    dosed.add(exercise_id)
    dose = first_clause(catalog.exercises_by_id[exercise_id]["dose"]).split(",")[0]  # without how often: room
    # Without its effort too: the plan's weeks set the effort (physio review M, Lo2: 'effort of 5-8' beside a low
    # Z-score's 'effort up to 5 until the doctor's review').
    dose = re.sub(r" at an effort of [^,;.]*", "", dose)
    return words["with_dose"].format(instead=instead.rstrip("."), dose=sentence_case(dose))


def sheet_insteads(
    cautions: list[dict],
    plan: Plan | None,
    profile: Profile,
    assessed: list[dict],
    catalog: Catalog,
    words: dict,
    listed: set[str],
    lift_names: dict,
) -> list[dict]:
    """The cautions, each with its INSTEAD fitted to the sheet (`listed`: the ids of the exercises the sheet lists
    with a dose; `lift_names`: data/handout.yaml later_lifts.names, the planned lifts the sheet renames), in order: a dose an INSTEAD gives is on the sheet for the next ones, and on a plan sheet a move an
    earlier INSTEAD gave in full is named 'as above' (its set-up and dose again cost a full sheet its caution reasons)."""
    dosed, fitted, leads = set(listed), [], set()
    for caution in cautions:
        done, lead = _sheet_instead(caution, plan, profile, assessed, catalog, words, dosed, lift_names)
        if plan is not None and lead is not None and lead in leads:
            done = caution | {"instead": words["as_above"].format(name=short_name(done["instead"]))}
        leads.add(lead)
        fitted.append(done)
    return fitted


def _sheet_instead(
    caution: dict,
    plan: Plan | None,
    profile: Profile,
    assessed: list[dict],
    catalog: Catalog,
    words: dict,
    dosed: set[str],
    lift_names: dict,
) -> tuple[dict, str | None]:
    """The caution with its INSTEAD fitted to the sheet (`dosed`: the ids of the exercises the sheet gives a dose
    for so far), and the id of the move it leads with (None for a change): the drill first (drill_first); on a plan sheet, for a swap the plan starts after week 1, what the
    client does until then and the swap's week (physio review K, L4: 'INSTEAD: Kettlebell deadlift' beside 'stay in
    the first phase (weeks 1-4)'); for a swap she does now, the plan's later lift of the avoided exercise's pattern
    with its week (_coming_lift); and a move the sheet lists nowhere with its own dose."""
    fitted = drill_first(caution, plan, profile, assessed, catalog, words["drill_first"])
    if fitted is not caution:
        return fitted, catalog.planner["technique_first"]["drill"]
    if plan is None or caution["status"] != "avoid" or not caution["swap_id"]:
        return fitted, caution["swap_id"] if caution["status"] == "avoid" else None
    now, dosed_id, lead = _swap_on_plan(caution, plan, profile, assessed, catalog, words, dosed, lift_names)
    if dosed_id is None:
        return caution | {"instead": now}, lead
    return caution | {
        "instead": _with_dose(_opened_later(now, caution, plan, words["held_back"]), dosed_id, dosed, catalog, words)
    }, lead


def _swap_on_plan(
    caution: dict,
    plan: Plan,
    profile: Profile,
    assessed: list[dict],
    catalog: Catalog,
    words: dict,
    dosed: set[str],
    lift_names: dict,
) -> tuple[str, str | None, str | None]:
    """What an avoided move's INSTEAD gives on a plan sheet, before its dose: (the words, the id whose dose it takes or
    None for words that take none, the id it leads with)."""
    swap_id = caution["swap_id"]
    rows = {row["id"]: row for row in assessed}
    week = held_back(swap_id, plan)
    from_now = _from_week_one(swap_id, plan, catalog)
    stand_in = _stand_in(swap_id, plan, rows, catalog) if not from_now else None
    never = words["held_back"]["none_in_plan"].get(caution["id"])  # session 12's note: the wood chop
    if stand_in is None and never and not trains_the_same(caution["id"], swap_id, catalog):
        return never, None, None  # kit 'none': the assessment's swap, a back extension, for a twist
    if stand_in is None:
        coming = _coming_lift(caution["id"], swap_id, plan, catalog, lift_names)
        now = _then(caution["instead"], *coming, plan, catalog, words["held_back"]) if coming else caution["instead"]
        return now, swap_id, swap_id
    if not trains_the_same(stand_in, swap_id, catalog):  # physio review Q, Lo5: a back extension for a wood chop
        later = week and _when((swap_id, rows[swap_id]["name"]), week, plan, catalog, words["held_back"])
        return (words["held_back"]["none_yet"].format(later=later) if later else never), None, None
    now = _named(stand_in, rows, profile, catalog)
    if swap_id in set(later_loaded(plan, catalog)["exercise_id"]):  # a lift with its own line: when it comes
        between = _steps_before(swap_id, stand_in, plan, catalog, lift_names)
        now = _then_each(now, between, (swap_id, rows[swap_id]["name"]), week, plan, catalog, words["held_back"])
    return now, stand_in, stand_in


def _opened_later(now: str, caution: dict, plan: Plan, words: dict) -> str:
    """'{now} (from week {week}: {lift} {set-up})' where the plan holds the avoided move itself later, once a check
    opens it (data/planner.yaml phase_unlocks' `lifts`; physio review Z, M3: single-leg stance, "too big a balance
    challenge for now", from the week after the balance check); `now` unchanged for every other caution."""
    week = held_back(caution["id"], plan)
    if week is None:
        return now
    planned = pd.concat([plan.sessions, plan.home])
    change = planned.loc[planned["exercise_id"] == caution["id"], "modification"].iloc[0]
    return words["opened"].format(
        now=now.rstrip("."),
        week=week,
        lift=sentence_case(caution["name"].split(",")[0], upper=False),
        set_up=sentence_case(ASSESSMENT_STAND_IN.sub("", change).rstrip("."), upper=False),
    )


def _when(lift: tuple[str, str], week: int, plan: Plan, catalog: Catalog, words: dict) -> str:
    """'{lift} from week {week}', or '..., after <the review>' naming the review of that week the lift (id, name)
    waits for (data/handout.yaml instead.held_back; physio review V, Lo2: 'after the review' where the week's only
    check was of the hip hinge, not the squat it named)."""
    review = _review_waited_for(lift[0], week, plan, catalog)
    name = sentence_case(lift[1], upper=False)
    if not review:
        return words["later"].format(lift=name, week=week)
    return words["after_review"].format(lift=name, week=week, review=words["reviews"][review])


def _review_waited_for(lift_id: str, week: int, plan: Plan, catalog: Catalog) -> str:
    """The kind of the week's review (lib/plan_weeks.py) that the lift waits for: a physiotherapist's review after a
    spine fracture or a doctor's review opens everything of its phase, the hinge and squat checks their own lifts, a
    balance check or floor practice no lift; '' for none."""
    opens = {
        "spine_review": True,
        "doctor_review": True,
        "hinge_check": loaded_technique_lift(catalog.exercises_by_id[lift_id], catalog),
        "squat_check": lift_id == catalog.planner["squat_check"]["lift"],
    }
    kinds = plan.weeks.loc[plan.weeks["week"] == week, "review_kinds"].iloc[0].split()
    return next((kind for kind in kinds if opens.get(kind)), "")


def _then(now: str, lift: tuple[str, str], week: int, plan: Plan, catalog: Catalog, words: dict) -> str:
    """'{now} ({lift} from week {week})': what the client does now, then the plan's lift (id, name) that takes its
    place; '{now}, then ...' where `now` ends in brackets of its own (physio review W, Lo3: 'Sit-to-stand from a chair
    (supported) (goblet squat from week 27)')."""
    now = now.rstrip(".")
    return words["steps" if now.endswith(")") else "line"].format(
        now=now, later=_when(lift, week, plan, catalog, words)
    )


def _then_each(
    now: str,
    between: list[tuple[str, int]],
    lift: tuple[str, str],
    week: int,
    plan: Plan,
    catalog: Catalog,
    words: dict,
) -> str:
    """'{now}, then {move} from week {week}; {lift} from week {week}': what the client does now, then each move the
    plan brings into its place (`between`, by name and week), without brackets in brackets (physio review V, Lo3); the
    last, the swap (id, name), with the review it waits for."""
    later = "; ".join(
        [
            *(words["later"].format(lift=sentence_case(name, upper=False), week=at) for name, at in between),
            _when(lift, week, plan, catalog, words),
        ]
    )
    return words["steps"].format(now=now.rstrip("."), later=later)


def _steps_before(swap_id: str, stand_in: str, plan: Plan, catalog: Catalog, names: dict) -> list[tuple[str, int]]:
    """(name, week) of each move the plan holds in the swap's block and first session between week 1's move
    (`stand_in`) and the swap: physio review V, Lo3, the INSTEAD went from the sit-to-stand to the week-15 barbell squat
    while the plan held the box squat from week 7."""
    sessions = plan.sessions
    swap = sessions[sessions["exercise_id"] == swap_id].iloc[0]
    starts = plan.phase_starts()
    there = sessions[(sessions["block"] == swap["block"]) & (sessions["session"] == swap["session"])]
    steps, named = [], {stand_in, swap_id}
    for _, slot in there.iterrows():
        if 1 < starts[slot["phase"]] < starts[swap["phase"]] and slot["exercise_id"] not in named:
            named.add(slot["exercise_id"])
            steps.append((short_name(sheet_name(slot, catalog, names)), int(starts[slot["phase"]])))
    return steps


def trains_the_same(exercise_id: str, other_id: str, catalog: Catalog) -> bool:
    """Whether a stand-in trains what the swap it stands in for trains: the same movement pattern, or two leg patterns
    (lib/plan_picks.py AXIAL_PATTERNS, which the planner itself lets stand in for each other)."""
    patterns = {catalog.exercises_by_id[found]["pattern"] for found in (exercise_id, other_id)}
    return len(patterns) == 1 or patterns <= set(AXIAL_PATTERNS)


def _coming_lift(
    avoided_id: str, swap_id: str, plan: Plan, catalog: Catalog, names: dict
) -> tuple[tuple[str, str], int] | None:
    """The plan's first later lift of the avoided exercise's pattern with its own line on the sheet (not the swap),
    (its id and name as the sheet names it) and its week: what the client moves on to from the swap (physio review R, Lo7: the barbell
    squat's INSTEAD stayed the sit-to-stand while the plan gave the one-hand dumbbell squat at a counter later)."""
    pattern = catalog.exercises_by_id[avoided_id]["pattern"]
    later = later_loaded(plan, catalog)
    later = later.loc[
        [found != swap_id and catalog.exercises_by_id[found]["pattern"] == pattern for found in later["exercise_id"]]
    ]
    if later.empty:
        return None
    week = later["phase"].map(plan.phase_starts())
    slot = later.loc[week.idxmin()]
    return (slot["exercise_id"], sentence_case(sheet_name(slot, catalog, names), upper=False)), int(week.min())
