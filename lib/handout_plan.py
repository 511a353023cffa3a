"""The handout's "Your exercises" for a client with a plan: the whole week-1 plan, each with the plan's own dose.

Public API::

    from lib.handout_plan import plan_exercises
    plan_exercises(plan, catalog)  # every week-1 session exercise (session A's first) and the home work
    later_lifts(plan, catalog, words)  # 'From week 9: ...' for each loaded lift with a change that comes later
    later_moves(plan, catalog, words, lift_words)  # 'Harder moves: from week 5, push-up, walking lunge (in place of ...'

Nothing here chooses: the list is the plan's first phase (plan.sessions) and its home work (plan.home),
in the plan's order, each once, each dose in the plan's own words and figures (physio review B, finding 4).
"""

from __future__ import annotations

import re

import pandas as pd

from lib.catalog import Catalog
from lib.drawings import exercise_strip_svg
from lib.exercise_names import sentence_case, short_name
from lib.plan_picks import AXIAL_BLOCK
from lib.plan_usable import EXTERNAL_LOADS
from lib.planner import Plan
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


def first_home(plan: Plan) -> pd.DataFrame:
    """The first phase's home work: on the sheet with week 1."""
    return plan.home[plan.home["phase"] == FIRST_PHASE]


def plan_exercises(plan: Plan, catalog: Catalog, daily_balance: str | None = None) -> list[dict]:
    """Every exercise of the plan's week-1 sessions (session A's first), then its first phase's home work; a daily
    balance drill's home dose in the words `daily_balance` when given (else the plan's own).

    Records as lib.handout_choices.handout_exercises gives them: id, name, pattern, cues, dose,
    drawing, sessions; and home (whether the plan's home work holds it).
    """
    slots = plan.sessions[plan.sessions["phase"] == FIRST_PHASE].sort_values("session", kind="stable")
    home = first_home(plan)
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
                "dose": with_line_cue(sentence_case(doses), exercise),
                "drawing": exercise_strip_svg(exercise_id),
                "sessions": sorted(set(in_sessions["session"])),
                "home": not at_home.empty,
            }
        )
    return records


def sheet_name(slot: pd.Series, catalog: Catalog, names: dict) -> str:
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


def later_loaded(plan: Plan, catalog: Catalog) -> pd.DataFrame:
    """The slots of the loaded lifts with a change that the plan brings in after its first phase, and of the lifts
    between the first phase and one of those in its session: each has its own line on the sheet (later_lifts; review
    O, M Lo5: 'heavy barbell back squat (in place of the dumbbell squat)' skipped the moderate barbell squat of weeks
    5-23)."""
    sessions = plan.sessions
    first = sessions.loc[sessions["phase"] == FIRST_PHASE, "exercise_id"]
    loaded = sessions["exercise_id"].map(lambda found: bool(set(catalog.exercise(found)["equipment"]) & EXTERNAL_LOADS))
    later = sessions[~sessions["exercise_id"].isin(first) & (sessions["dose_kind"] == "strength") & loaded]
    changed = later[later["modification"] != ""]
    order = {phase: number for number, phase in enumerate(dict.fromkeys(plan.weeks["phase"]))}
    step_between = [
        (
            (changed["session"] == slot.session)
            & (changed["block"] == slot.block)
            & (changed["phase"].map(order) > order[slot.phase])
        ).any()
        for slot in later.itertuples()
    ]
    return later[
        (later["modification"] != "")
        | pd.Series(step_between, index=later.index, dtype=bool)
        | _after_the_drill(later, sessions, catalog)
    ]


def _after_the_drill(later: pd.DataFrame, sessions: pd.DataFrame, catalog: Catalog) -> pd.Series:
    """Whether each later slot takes the place of the technique drill in its session (data/planner.yaml
    technique_first): the loaded hinge a technique check opens has a line of its own, as a faller's does (physio
    review V, Lo4: a novice's kettlebell deadlift sat inside a 90-word harder-moves line)."""
    drill = sessions.loc[sessions["exercise_id"] == catalog.planner["technique_first"]["drill"], ["session", "block"]]
    drilled = set(drill.itertuples(index=False, name=None))
    return pd.Series(
        [(slot.session, slot.block) in drilled for slot in later.itertuples()], index=later.index, dtype=bool
    )


def later_lifts(plan: Plan, catalog: Catalog, words: dict) -> list[str]:
    """One line for each loaded lift with a change that the plan brings in after its first phase, with its week,
    sessions and its change (physio review E, M1: the sheet lists week 1 only, and these changes are
    safety conditions: a hand on a counter, a physiotherapist's agreement); then a line for each later phase that
    moves it into or out of a session. Each line names what it replaces in each session (physio review H, L4:
    'in sessions B and C: kettlebell deadlift' while session C turned to the squat in week 27, unsaid; review M, Lo3:
    a faller's walking lunge said nothing of the sit-to-stand and reverse lunge it takes the place of)."""
    starts = plan.phase_starts()
    entries = []  # (week, sessions, slot, what follows the line)
    for _, slots in later_loaded(plan, catalog).groupby("exercise_id", sort=False):
        slot = slots.iloc[0]
        # Every session that holds the lift from its phase, not only those where later_loaded keeps it (review Q, Lo7:
        # session B's band chest press went unnamed where B moved on to a body-weight press later).
        held = plan.sessions[
            (plan.sessions["exercise_id"] == slot["exercise_id"]) & (plan.sessions["phase"] == slot["phase"])
        ]
        letters = set(held["session"])
        entries.append((starts[slot["phase"]], letters, slot, _heavy_lead_in(plan.weeks, slot, words["heavy_lead_in"])))
        entries += [(starts[phase], {letter}, new, "") for phase, letter, new in _moves(plan, slots)]
    lines = [
        _later_line(words, catalog, week, letters, slot, _replaced(plan, catalog, words, week, slot, letters)) + lead_in
        for week, letters, slot, lead_in in entries
    ]
    return list(dict.fromkeys(lines))  # a lift moving into a session is another moving out of it


def _replaced(
    plan: Plan,
    catalog: Catalog,
    words: dict,
    week: int,
    slot: pd.Series,
    letters: set[str],
) -> dict[str, str]:
    """For each of the slot's sessions, the move of its block that session held the week before `week`, as the sheet
    names it, when it is another move: what the client stops doing there (physio review M, Lo3; review R, Lo1: the
    move the plan held, which the sheet names now that every later leg move has its place on it)."""
    phase_before = plan.weeks.loc[plan.weeks["week"] == week - 1, "phase"].iloc[0]
    sessions = plan.sessions
    held = sessions[(sessions["phase"] == phase_before) & (sessions["block"] == slot["block"])]
    replaced = {}
    for letter in sorted(letters):
        there = held[held["session"] == letter]
        if not there.empty and there.iloc[0]["exercise_id"] != slot["exercise_id"]:
            # The front names week 1's moves by the plan's names; a later line by the hold it renames.
            name = (
                there.iloc[0]["exercise"]
                if phase_before == FIRST_PHASE
                else sheet_name(there.iloc[0], catalog, words["names"])
            )
            replaced[letter] = sentence_case(short_name(name), upper=False)
    return replaced


def _later_line(
    words: dict, catalog: Catalog, week: int, letters: set[str], slot: pd.Series, replaced: dict[str, str]
) -> str:
    """'From week 9, in sessions B and C: kettlebell deadlift. <its change> <its line cue>', with the lifts it takes
    the place of in its sessions (`replaced`): '(in place of the sit-to-stand)', or each with its session when they
    differ."""
    name = _in_place_of(words, sentence_case(sheet_name(slot, catalog, words["names"]), upper=False), replaced, letters)
    where = sentence_case(_where(sorted(letters)), upper=False)
    olds = set(replaced.values())
    change = _one_stand_in(slot["modification"], words["stand_ins"], olds.pop() if len(olds) == 1 else "")
    change = with_line_cue(change, catalog.exercise(slot["exercise_id"]))
    return words["line"].format(week=week, where=where, name=name, change=change).strip()


def with_line_cue(change: str, exercise: dict) -> str:
    """The change (or a week-1 dose), then the exercise's line cue (data/exercises.yaml) as its next sentence where it
    has one: a line that brings in a lift whose cards are on no page gives the one cue it needs (physio review W, M3: a
    loaded hinge came in with only the bell's height), and so does a week-1 dose, which the printed sheet keeps when it
    drops every card (review Y, M2: the hinge done from the first session had no cue on paper)."""
    cue = exercise.get("line_cue", "")
    if change and cue:
        change = change.rstrip(".") + "."
    return " ".join(part for part in (change, cue) if part)


def _in_place_of(words: dict, name: str, replaced: dict[str, str], letters: set[str] | None = None) -> str:
    """The name with the moves it takes the place of (`replaced`, by session): '(in place of the sit-to-stand)', or
    each with its session when they differ or some of its sessions (`letters`) replace nothing."""
    if replaced and len(set(replaced.values())) == 1 and (letters is None or set(replaced) == letters):
        olds = words["replaced"].format(old=next(iter(replaced.values())))
    elif replaced:
        olds = in_words([words["replaced_in"].format(old=old, letter=letter) for letter, old in replaced.items()])
    else:
        return name
    # A name's own brackets become a comma's, so that 'in place of' has the only ones (physio review W, Lo3:
    # 'dumbbell squat (weights at the sides) (in place of the goblet squat)').
    return words["in_place_of"].format(name=re.sub(r" \(([^()]*)\)$", r", \1", name), olds=olds)


def _one_stand_in(change: str, stand_ins: dict[str, str], old: str) -> str:
    """The change without the stand-ins that name moves the sheet may not schedule (data/handout.yaml
    later_lifts.stand_ins; physio review J, L5): it keeps the first phase's own lift in the held-back lift's place,
    by its name (`old`) where the line replaces one lift (review O, nits: 'keep to the step-up')."""
    for generic, kept in stand_ins.items():
        if old or "{old}" not in kept:
            change = change.replace(generic, kept.format(old=old))
    return change


def with_changes(named: list[tuple[str, str]], joiner: str = "; ", bracketed: bool = False) -> str:
    """The names in words, each group sharing a change followed by it: a planned "modify" item carries its change
    wherever the sheet names it (physio review C1). Groups in order of first mention, joined by `joiner`; each change
    in brackets when `bracketed` (review O, Lo3: a change with semicolons of its own inside a list they separate)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for name, change in named:
        # A bracketed change after a name with brackets of its own goes inside them, so that name shares it with no
        # other (physio review W, Lo3: 'A (in place of X) and B (for each: ...)' would put two brackets in a row).
        alone = name if bracketed and change and name.endswith(")") else ""
        groups.setdefault((change, alone), []).append(name)
    each = "for each: " if bracketed else "each "
    return joiner.join(
        _with_change(in_words(names), change, each if len(names) > 1 else "", bracketed) if change else in_words(names)
        for (change, _), names in groups.items()
    )


def _with_change(names: str, change: str, each: str, bracketed: bool) -> str:
    """The names, then their change; a bracketed change after one name's own brackets goes inside them, after a
    semicolon (physio review W, Lo3: 'push-up (knees or toes) (kneel on a folded towel ...)')."""
    words = each + sentence_case(change, upper=False).rstrip(".")
    if not bracketed:
        return f"{names}, {words}"
    if names.endswith(")") and not each:
        return f"{names[:-1]}; {words})"
    return f"{names} ({words})"


def later_moves(plan: Plan, catalog: Catalog, words: dict, lift_words: dict) -> list[str]:
    """One line naming, by week, the moves the plan brings in after week 1 that have no line of their own (the blocks
    `words` names), each with its change (physio review K, L1: the plan moved them on, the sheet kept the week-1
    moves): a leg move new to a session with the move that session held the week before (review R, Lo1), and the
    later home moves (review S, Lo5); a move done only with a coach says so (review T, Lo4). None when there are none.
    `lift_words`: data/handout.yaml later_lifts, whose words name what a move replaces."""
    sessions = plan.sessions[plan.sessions["block"].isin(words["blocks"])]
    first = {*sessions.loc[sessions["phase"] == FIRST_PHASE, "exercise_id"], *first_home(plan)["exercise_id"]}
    own_lines = set(later_loaded(plan, catalog)["exercise_id"])
    named_from = dict.fromkeys(first | own_lines, 1)  # the week the sheet names each move from
    starts = plan.phase_starts()
    by_week: dict[int, list[tuple[str, str]]] = {}
    for phase, slots in _new_slots(plan, sessions).groupby("phase", sort=False):
        week = int(starts[phase])
        # A leg move first: its '(in place of ...)' then follows the one move, never a list (physio review Y, Lo4).
        legs_first = slots.sort_values("block", key=lambda blocks: blocks != AXIAL_BLOCK, kind="stable")
        for exercise_id, slot_rows in legs_first.groupby("exercise_id", sort=False):
            if exercise_id in own_lines or (exercise_id in named_from and slot_rows["block"].iloc[0] != AXIAL_BLOCK):
                continue
            named_from.setdefault(exercise_id, week)
            by_week.setdefault(week, []).append(_session_move(plan, catalog, words, lift_words, week, slot_rows))
    weeks = {week: with_changes(moves, bracketed=True) for week, moves in by_week.items()}
    later_home = plan.home[plan.home["block"].isin(words["blocks"]) & (plan.home["phase"] != FIRST_PHASE)]
    for phase, rows in later_home.groupby("phase", sort=False):
        week = int(starts[phase])
        new = rows[rows["exercise_id"].map(lambda found: named_from.get(found, week + 1) > week)]
        named_from.update(dict.fromkeys(new["exercise_id"], week))
        if not new.empty:
            home = [(_named(row, catalog, words), row["modification"]) for _, row in new.iterrows()]
            at_home = words["at_home"].format(moves=with_changes(home, bracketed=True))
            weeks[week] = f"{weeks[week]}, {at_home}" if week in weeks else at_home
    lines = [words["week"].format(week=week, moves=moves) for week, moves in sorted(weeks.items())]
    return [words["line"].format(weeks="; ".join(lines))] if lines else []


def _session_move(
    plan: Plan, catalog: Catalog, words: dict, lift_words: dict, week: int, slot_rows: pd.DataFrame
) -> tuple[str, str]:
    """(name, change) of a move new to the sessions `slot_rows` from `week`: a leg move by its short name as the sheet
    gives it ('barbell back squat', not '... (moderate load)': the building-reserve preset's sheet keeps this line on
    two pages), in place of what those sessions held the week before; an arm, back or trunk move by its own name,
    alone (the page's room)."""
    slot = slot_rows.iloc[0]
    change = with_line_cue(slot["modification"], catalog.exercise(slot["exercise_id"]))
    if slot["block"] != AXIAL_BLOCK:
        return _named(slot, catalog, words), change
    replaced = _replaced(plan, catalog, lift_words, week, slot, set(slot_rows["session"]))
    name = sentence_case(short_name(sheet_name(slot, catalog, lift_words["names"])), upper=False)
    return _in_place_of(lift_words, _named(slot, catalog, words, name), replaced), change


def _new_slots(plan: Plan, sessions: pd.DataFrame) -> pd.DataFrame:
    """The later slots of `sessions` whose move that session never held before: a leg move moving from session C
    into B is new to B (physio review R, Lo1)."""
    order = {phase: number for number, phase in enumerate(dict.fromkeys(plan.weeks["phase"]))}
    earlier = [
        ((sessions["session"] == slot.session) & (sessions["exercise_id"] == slot.exercise_id))
        & (sessions["phase"].map(order) < order[slot.phase])
        for slot in sessions.itertuples()
    ]
    new = [not held.any() for held in earlier]
    return sessions[pd.Series(new, index=sessions.index, dtype=bool) & (sessions["phase"] != FIRST_PHASE)]


def _named(row: pd.Series, catalog: Catalog, words: dict, name: str = "") -> str:
    """The move's name inside a sentence (`name`, else its own), with a coach named where the catalogue asks for
    supervision (physio review T, Lo4: the jumping chin-up with drop landing came in with no coach)."""
    name = name or sentence_case(row["exercise"], upper=False)
    return words["supervised"].format(name=name) if catalog.exercise(row["exercise_id"]).get("supervision") else name


def _moves(plan: Plan, slots: pd.DataFrame) -> list[tuple[str, str, pd.Series]]:
    """(phase, session, the session's new row) wherever a later phase moves this lift into a session or out
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
