"""The plan in a few lines for the client handout's back page: its notes, weeks, reviews, heavy sets, impacts and
aerobic minutes, and the balance box (split from lib/handout_choices.py, which chooses the exercises and cautions).

Public API::

    from lib.handout_week import plan_lines, note_lines, aerobic_line, balance_lines, balance_daily
    plan_lines(plan)  # the plan's notes, then its week lines
"""

from __future__ import annotations

import pandas as pd

from lib.balance_dose import dose_kind
from lib.catalog import default_catalog
from lib.handout_plan import sentence_case, with_changes
from lib.plan_weeks import impact_move_words, impact_moves
from lib.planner import DELOAD_EVERY, Plan
from lib.profiles import Profile
from lib.safety import Guidance
from lib.safety_rules import in_words


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
    what comes first on the sheet, before even the aerobic line. Week 1's booked visit names the week's moves for a
    physiotherapist to check, and the front gives each one's change beside its dose: the tightest sheet lost a
    caution's reason to them (physio review Y, M3)."""
    week_one = set(plan.weeks.loc[plan.weeks["week"] == 1, "review"])
    return list(
        dict.fromkeys(
            note if note in week_one else _with_planned_changes(note, plan)
            for note in (plan.notes if notes is None else notes)
        )
    )


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
            f"Heavy sets ({heavy.lower()}) {_heavy_weeks(weeks)}: a load you can lift about 6 times with good form, "
            "set by your coach, and only with your coach present."
        )
    if weeks["impacts_per_session"].max() > 0:  # with none, plan.notes says so
        lines.append(_impact_line(plan, default_catalog().planner["impact"]["moves"]))
    return list(dict.fromkeys(lines))  # a week-1 review can repeat a note


def _heavy_weeks(weeks: pd.DataFrame) -> str:
    """'from week 21, after weeks 14-20 learning the lift at 3 x 8': the heavy sets' first week, and the lighter weeks
    of their phase before it (physio review V, M1: the line gave a 6-repetition load with no week, above the week-5
    lines)."""
    heavy = weeks[weeks["intensity_pct_1rm"].notna()].iloc[0]
    lead_in = weeks[(weeks["phase"] == heavy["phase"]) & (weeks["week"] < heavy["week"])]
    if lead_in.empty:
        return f"from week {heavy['week']}"
    first = lead_in.iloc[0]
    return (
        f"from week {heavy['week']}, after weeks {first['week']}-{lead_in['week'].max()} learning the lift at "
        f"{first['sets']} x {first['reps']}"
    )


def _impact_line(plan: Plan, words: dict) -> str:
    """Each counted impact move with its change, the week it comes in and its own count, as the weeks grid holds it:
    a new move starts again low (physio review Y, M1: low jumps from week 9 read as 50 a session at once)."""
    counted = plan.sessions[plan.sessions["dose_kind"] == "impacts"]
    changes = dict(zip(counted["exercise"], counted["modification"]))
    moves = [
        impact_move_words(
            move, with_changes([(move.dated(sentence_case(move.name, upper=False)), changes[move.name])]), words
        )
        for move in impact_moves(plan.weeks)
    ]
    return words["sheet"].format(moves="; ".join(moves))


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
