"""What goes on the client handout for one profile: which exercises, cautions and balance work, in plain words.

Public API::

    from lib.handout_choices import handout_exercises, handout_cautions, balance_lines, plan_lines
    handout_exercises(profile, plan)  # the exercises the handout recommends, as plain records
    handout_cautions(profile)         # what it says to avoid or change, with the safer swap, most relevant first

Each takes the profile's assessment as `assessed` when the caller has one (lib/handout.py build_handout
assesses once per handout). Written for a reader with about twelve years of schooling.
"""

from __future__ import annotations

import re

import pandas as pd

from lib.balance_dose import dose_kind
from lib.catalog import Catalog, default_catalog
from lib.drawings import exercise_strip_svg
from lib.handout_caution_order import one_per_reason, pick_cautions, rank_by_concern
from lib.handout_plan import plan_exercises, with_changes
from lib.plan_usable import plannable
from lib.planner import DELOAD_EVERY, Plan
from lib.profiles import Profile
from lib.safety import Guidance, assess
from lib.safety_rules import in_words
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


def _record(row: dict, catalog: Catalog, training_day_dose: str) -> dict:
    """The exercise as the sheet gives it without a plan: its own dose (a training-day balance client's balance
    drills at `training_day_dose`), then its change."""
    exercise = catalog.exercise(row["id"])
    on_training_days = training_day_dose and row["pattern"] == "balance"
    dose = training_day_dose[:1].upper() + training_day_dose[1:] if on_training_days else first_clause(exercise["dose"])
    return {
        "id": row["id"],
        "name": row["name"],
        "pattern": row["pattern"],
        "cues": list(exercise["cues"]),
        "dose": _with_change(dose, row),
        "drawing": exercise_strip_svg(row["id"]),
        "sessions": [],
        "home": False,
    }


def _with_change(dose: str, row: dict) -> str:
    """The dose, then the change the assessment asks of this exercise, if any (physio review L, H1: a stance's counter
    only in a cue, which a full sheet cuts)."""
    return f"{dose}. {row['modification'].rstrip('.')}" if row["modification"] else dose  # the line adds its stop


def _assessed(profile: Profile, catalog: Catalog, assessed: list[dict] | None) -> list[dict]:
    """The profile's assessment as records: the one build_handout made, or a new one."""
    return assess(profile, catalog).to_dict("records") if assessed is None else assessed


def training_day_ladder(profile: Profile, catalog: Catalog) -> list[str] | None:
    """For a client whose balance dose is per training day (lib/balance_dose.py), the planner's balance ladder from
    the rung her plan starts on (data/planner.yaml balance_start: seated and held drills are too easy to challenge
    her; physio review F, L2); None for a daily dose."""
    if dose_kind(profile) != "sessions":
        return None
    ladder = [rung["exercise"] for rung in catalog.planner["balance_ladder"]]
    return ladder[ladder.index(catalog.planner["balance_start"][profile.falls]) :]


def _challenging_enough(rows: list[dict], profile: Profile, catalog: Catalog) -> list[dict]:
    """The rows without the balance drills below where a training-day client's ladder starts."""
    ladder = training_day_ladder(profile, catalog)
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
        ranked = _ranked(rows, patterns, profile.experience)
        if ranked:
            chosen.append(ranked[0])
    for row in _ranked(rows, FALLBACK_PATTERNS, profile.experience):
        if len(chosen) >= MIN_EXERCISES:
            break
        if row not in chosen:
            chosen.append(row)
    return [
        _faller_set_up(_record(row, catalog, training_day_dose), profile, catalog) for row in chosen[:MAX_EXERCISES]
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
    rows = _ranked(_challenging_enough(rows, profile, catalog), ("balance",), profile.experience)
    doses = [_with_change(training_day_dose or first_clause(row["dose"]).split(",")[0], row) for row in rows[:count]]
    return [{"name": row["name"], "dose": dose[:1].lower() + dose[1:]} for row, dose in zip(rows, doses)]


def _peak_dose(weeks: pd.DataFrame) -> pd.Series:
    """The first ordinary (not lighter) week at the plan's highest effort."""
    ordinary = weeks[~weeks["deload"]]
    return ordinary[ordinary["effort"] == ordinary["effort"].max()].iloc[0]


def aerobic_line(plan: Plan, words: dict, walking_change: str) -> str:
    """The plan's weekly aerobic minutes, first and most and by which week, at its intensity (not vigorous after a
    spine fracture: TFTF), with brisk walking's change when the assessment has one (physio review C3) and, for a
    runner, that her running counts (review D9: plan.habitual_impact)."""
    minutes = plan.weeks["aerobic_minutes"]
    intensity = in_words(list(dict.fromkeys(plan.weeks["aerobic_intensity"])))
    line = words["line"].format(
        intensity=words["after_vertebral_fracture"].format(intensity=intensity)
        if plan.profile.vertebral_fracture
        else intensity,
        first=minutes.iloc[0],
        most=minutes.max(),
        week=plan.weeks.loc[minutes.idxmax(), "week"],
    )
    return " ".join(part for part in (line, walking_change, plan.habitual_impact) if part)


def _with_planned_changes(note: str, plan: Plan) -> str:
    """A plan note, then the change of each planned item it names that the note does not give (physio review C1:
    the low-Z gate names the step-down landing it allows, and the rail goes with it)."""
    planned = pd.concat([plan.sessions, plan.home])[["exercise", "modification"]].drop_duplicates()
    missing = [
        change
        for name, change in planned.itertuples(index=False)
        if change and name.lower() in note.lower() and change.lower().rstrip(".") not in note.lower()
    ]
    return " ".join([note, *dict.fromkeys(missing)])


def note_lines(plan: Plan, notes: list[str] | None = None) -> list[str]:
    """The plan's notes (or `notes`, as the sheet words them), each with the changes of the planned items it names:
    what comes first on the sheet, before even the aerobic line."""
    return list(dict.fromkeys(_with_planned_changes(note, plan) for note in (plan.notes if notes is None else notes)))


def plan_lines(plan: Plan, notes: list[str] | None = None) -> list[str]:
    """The sessions in a few short lines, under the aerobic line: what comes first (the plan's notes, or `notes`
    as the sheet words them), sessions, the starting dose, how it builds, impacts."""
    weeks = plan.weeks
    first, peak = weeks.iloc[0], _peak_dose(weeks)
    reviews = weeks[weeks["review"] != ""]  # a review before week 1 comes first; later ones by their week
    lines = [
        *note_lines(plan, notes),
        *reviews.loc[reviews["week"] == 1, "review"],
        # One line for the sessions' dose: the aerobic and impact lines need the room (physio review C1, C3).
        f"{plan.sessions_per_week} sessions a week (A, B{', C' if plan.sessions_per_week == 3 else ''}): "
        f"{first['sets']} set{'s' if first['sets'] > 1 else ''} of {first['reps']} at effort {first['effort']} in "
        f"week 1, building to {peak['sets']} sets of {peak['reps']} at effort {peak['effort']} by week {peak['week']}; "
        f"every {DELOAD_EVERY}th week is lighter.",
    ]
    lines += _review_lines(reviews[reviews["week"] > 1])
    if plan.heavy:
        # No one-repetition-maximum test for the client: the coach sets the load (physio review #16).
        names = plan.sessions.loc[plan.sessions["heavy"], "exercise"].str.split(",").str[0]  # without ', 5 x 5'
        heavy = in_words(list(dict.fromkeys(names)))
        lines.append(
            f"Heavy sets ({heavy.lower()}): a load you can lift about 6 times with good form, set by your coach, "
            "and only with your coach present."
        )
    impacts = weeks["impacts_per_session"]
    if impacts.max() > 0:  # with none, plan.notes says so
        planned = plan.sessions.loc[plan.sessions["block"] == "impact", ["exercise", "modification"]].drop_duplicates()
        named = with_changes(
            [(name[:1].lower() + name[1:], change) for name, change in planned.itertuples(index=False)]
        )
        lines.append(f"Impacts ({named}): {impacts.iloc[0]} a session, slowly up to about {impacts.max()}.")
    return list(dict.fromkeys(lines))  # a week-1 review can repeat a note


def _review_lines(reviews) -> list[str]:
    """One line for each review, with every week it comes in ("Weeks 9 and 27: ..."): the back page is full."""
    weeks_by_review: dict[str, list[str]] = {}
    for row in reviews.itertuples():
        weeks_by_review.setdefault(row.review, []).append(str(row.week))
    return [
        f"Week{'s' if len(weeks) > 1 else ''} {in_words(weeks)}: {review}" for review, weeks in weeks_by_review.items()
    ]


def _balance_drills(plan: Plan) -> pd.DataFrame:
    """The plan's balance drills by phase: its home circuit, or the sessions' drills when nothing goes home."""
    home = plan.home[plan.home["block"] == "balance"]
    if not home.empty:
        return home
    sessions = plan.sessions[plan.sessions["block"] == "balance"]
    return sessions.drop_duplicates(["phase", "exercise_id"])


def _balance_progression(plan: Plan) -> list[str]:
    """The plan's balance drills: each harder drill and the week it comes in (else the first weeks' drills),
    with the support change of those that have one: the plan's own items and words, nothing else."""
    spans = plan.weeks.groupby("phase", sort=False)["week"].agg(["min", "max"])
    balance = _balance_drills(plan)
    drills = balance.groupby("phase", sort=False)["exercise"].agg(list)
    steps: list[list] = []  # [first week, last week, drills]
    for phase, (first, last) in spans.iterrows():
        if phase in drills and steps and steps[-1][2] == drills[phase]:
            steps[-1][1] = last
        elif phase in drills:
            steps.append([first, last, drills[phase]])
    harder = [
        (name, first)
        for (first, _, current), (_, _, previous) in zip(steps[1:], steps)
        for name in current
        if name not in previous
    ]
    changes = dict(zip(balance["exercise"], balance["modification"]))
    # Week 1's drills are on the front with their dose: the box names them only when nothing harder follows.
    if harder:
        named = with_changes([(f"{name} (week {first})", changes[name]) for name, first in harder], ", then ")
        return [f"Harder drills, each replacing the easiest: {named}."]
    return [f"Drills: {with_changes([(name, changes[name]) for name in steps[0][2]])}."] if steps else []


def balance_daily(plan: Plan | None, profile: Profile) -> bool:
    """Whether balance is advised every day: the plan's balance dose, or without one the profile's."""
    return (plan.balance_dose.kind if plan is not None else dose_kind(profile)) == "daily"


def _balance_dose(plan: Plan) -> str:
    """The plan's one balance dose (lib/balance_dose.py), as the guidance says it."""
    words = plan.balance_dose.words.split(";")[0]
    return f"{words[:1].upper()}{words[1:]}."


def balance_lines(plan: Plan | None, suggestions: list[dict], guidance: dict[str, Guidance]) -> list[str]:
    """Without a plan, suggestions and the guidance; with one, the plan's own drills, then its balance dose (the
    line to stress)."""
    if plan is None:
        return [f"{item['name']}: {item['dose']}." for item in suggestions] + [guidance["Balance"].advice]
    return [*_balance_progression(plan), _balance_dose(plan)]
