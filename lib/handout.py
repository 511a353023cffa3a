"""What the client handout says: for one profile, every word of the sheet, chosen once per click.

Public API::

    from lib.handout import build_handout, clean_first_name
    handout = build_handout(profile, plan, first_name="Ann", start=date)  # the whole sheet's content
    clean_first_name("Łucja")         # the name if it is plainly a name the handout's font prints, else ''

build_handout assesses the profile once and holds all client wording: its own fixed words from
data/handout.yaml, the choices of exercises and cautions from lib/handout_choices.py. lib/handout_pdf.py
only lays it out, showing as many of each ranked list as fit.
Written for a reader with about twelve years of schooling: short sentences, every term explained.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from lib.profile_guidance import describe
from lib.catalog import PROJECT_ROOT, Catalog, _check_sources, _source_lists, default_catalog
from lib.handout_choices import (
    MAX_BALANCE_SUGGESTIONS,
    MAX_CAUTIONS,
    balance_suggestions,
    first_impact,
    gloss,
    handout_cautions,
    handout_exercises,
    with_support,
)
from lib.handout_font import prints
from lib.handout_instead import sheet_insteads
from lib.handout_plan import later_lifts, later_moves, sentence_case
from lib.handout_week import aerobic_line, balance_daily, balance_lines, note_lines, plan_lines
from lib.plan_notes import stand_in_note
from lib.plan_usable import EQUIPMENT_SETS
from lib.planner import Plan, next_monday, session_dates
from lib.profiles import Profile
from lib.safety import Guidance, assess, profile_guidance
from lib.safety_rules import in_words
from lib.validation import load_validated

WORDING_FILE = PROJECT_ROOT / "data" / "handout.yaml"
SCHEDULE_WEEKS = 2  # the pattern repeats every week: two rows show that without crowding the page
NAME_MARKS = " -'"  # besides letters
MAX_NAME_LENGTH = 40
AEROBIC_EXAMPLE = "brisk-walking"  # the aerobic line names it: its change for the profile goes with it


def clean_first_name(name: str) -> str:
    """The name if it is plainly a name, else ''.

    Plainly a name: letters (any alphabet the handout's font prints: Latin, Greek, Cyrillic), spaces,
    hyphens and apostrophes, with a letter among them; at most 40 characters.
    """
    name = unicodedata.normalize("NFC", name.replace("\u2019", "'")).strip()
    if (
        len(name) > MAX_NAME_LENGTH
        or not any(c.isalpha() for c in name)
        or not all(c.isalpha() or c in NAME_MARKS for c in name)
        or not prints(name)
    ):
        return ""
    return " ".join(name.split())


# --- The whole sheet -----------------------------------------------------------------------------


def load_handout_words(path: Path, references: dict) -> dict:
    """data/handout.yaml, checked against its schema and the sources (a DataError names file, entry and field)."""
    words = load_validated(path, "handout")
    for entry, keys in _source_lists(words):
        _check_sources(path, entry, "sources", keys, references)
    _check_sources(path, "source_notes", "(key)", words["source_notes"], references)
    return words


@dataclass(frozen=True)
class Handout:
    """Everything the client handout says, built once per click; lib/handout_pdf.py only lays it out.

    The ranked lists (cautions, balance_suggestions, each exercise's cues) hold more than a page may take:
    the layout shows as many as fit, best first.
    """

    words: dict  # data/handout.yaml: the sheet's headings, labels and fixed lines
    title: str  # with the client's first name when one was given
    starting: str  # the first session's date in words, or ''
    about: str
    exercises: list[dict]  # handout_exercises records
    cautions: list[dict]  # handout_cautions records, most relevant first
    moving_safely: list[str]
    after_fall: list[str]  # only for a client who cannot get up from the floor or is at a high risk of falling
    schedule: list[tuple[str, list[str]]]  # with a plan: (week label, the session letter or '' for each weekday)
    first_week: str  # with a plan, its first schedule row in one line (where the table would cost the reasons); else ''
    aerobic: str  # with a plan, its aerobic dose (and a faller's walking set-up), above the week lines; else ''
    week_lines: list[str]  # with a plan, the plan in a few lines; without, how often and the guidance
    harder_moves: str  # the week line naming the plan's later arm, back and trunk moves ('' if none): it gives way
    notes_first: int  # how many week lines (the plan's notes: the all-clear first) go before the aerobic line
    balance_suggestions: list[str]  # without a plan: balance drills, best first
    balance_lines: list[str]  # after the suggestions; the last is the advice (with a plan, its dose) to stress
    balance_heading: str  # 'every day', unless the plan keeps its balance work to the sessions
    source_keys: tuple[tuple[str, ...], tuple[str, ...]]  # cited before and after the cautions' own sources
    source_names: dict[str, tuple[str, str]]  # by key: (name on the sheet, link)

    def sources(self, cautions_shown: list[dict]) -> list[tuple[str, str]]:
        """(name, link) of each source behind what the sheet shows, in order of first use."""
        before, after = self.source_keys
        keys = [*before, *(key for caution in cautions_shown for key in caution["sources"])]
        if not cautions_shown:
            keys += self.words["no_cautions"]["sources"]
        return [self.source_names[key] for key in dict.fromkeys([*keys, *after])]


def _schedule(
    plan: Plan, start: dt.date | None, weekdays: tuple[int, ...] | None, words: dict
) -> list[tuple[str, list[str]]]:
    """The first weeks as rows of weekday cells holding session letters (dates only if a start was given)."""
    days = session_dates(plan, start or next_monday(dt.date.today()), weekdays)
    rows = []
    for week in range(1, SCHEDULE_WEEKS + 1):
        letters = {day.weekday(): letter for day, letter, number in days if number == week}
        monday = next(day for day, _, number in days if number == week)  # the week's first session day
        label = (words["week_label_dated"] if start else words["week_label"]).format(week=week, monday=monday)
        rows.append((label, [letters.get(weekday, "") for weekday in range(7)]))
    return rows


def _week_in_words(row: tuple[str, list[str]], words: dict) -> str:
    """A schedule row in one line: 'Week 1 (5 Jan): session A on Mon, B on Wed and C on Fri.'"""
    label, letters = row
    phrase = words["week_in_words"]
    days = [
        phrase["day"].format(letter=letter, weekday=weekday)
        for letter, weekday in zip(letters, words["weekday_names"])
        if letter
    ]
    return phrase["line"].format(week=label, days=in_words(days))


def _walking_change(assessed: list[dict]) -> str:
    """Brisk walking's change for this profile (a faller's set-up), or '' when it needs none."""
    walking = next(row for row in assessed if row["id"] == AEROBIC_EXAMPLE)
    return walking["modification"] if walking["status"] == "modify" else ""


def _plan_notes(plan: Plan, impact_words: dict, walking_change: str) -> list[str]:
    """plan.notes; a faller's no-impact note without its walking set-up when the aerobic line carries it."""
    stand_in = impact_words["stand_in"]  # heel raises in place of impact (lib/planner.py, physio review F, L5)
    after_fracture = impact_words["after_vertebral_fracture"]
    shorter = {
        impact_words["walking_with_falls"]: impact_words["with_falls_on_sheet"],
        after_fracture["walking_with_falls"]: after_fracture["none"],
        stand_in_note(plan.profile, stand_in, with_falls=True): stand_in_note(plan.profile, stand_in, with_falls=False),
    }
    return [shorter.get(note, note) if walking_change else note for note in plan.notes]


def _week_lines(
    plan: Plan | None,
    guidance: dict[str, Guidance],
    words: dict,
    notes: list[str],
    catalog: Catalog,
    daily: bool,
    impact: list[dict],
) -> list[str]:
    """With a plan, the plan in a few lines; without, how often (with the impact exercise's, where one is listed:
    physio review Z, M2) and the guidance lines."""
    if plan is not None:
        later = [
            *later_lifts(plan, catalog, words["later_lifts"]),
            *later_moves(plan, catalog, words["later_moves"], words["later_lifts"]),
        ]
        return [*plan_lines(plan, notes), *later]
    labelled = [
        label + gloss(guidance[topic].advice) for topic, label in words["guidance_labels"].items() if topic in guidance
    ]
    how_often = words["how_often" if daily else "how_often_training_days"]
    if impact:
        name = sentence_case(impact[0]["name"], upper=False)
        how_often = words["first_impact"]["how_often"].format(line=how_often, name=name)
    return [how_often, *labelled]


def _low_z_sources(plan: Plan, planner: dict) -> list[str]:
    """The sources of a low Z-score's two plan notes, which every such plan prints: the doctor's review of the cause
    (or its clearance), then fuelling (review Lo10: the fuel line was the one advice line unsourced)."""
    if plan.profile.bone != "low_for_age":
        return []
    low_z = planner["low_for_age"]
    return [*low_z["sources"], *low_z["fuel"]["sources"]]


def _source_keys(
    plan: Plan | None, guidance: dict[str, Guidance], words: dict, fall_lines: bool, planner: dict, impact: bool
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The sources of what the sheet says before its cautions, and after them (`impact`: whether a sheet without a
    plan lists its first impact exercise)."""
    if plan is None:
        before = [key for topic in words["guidance_labels"] if topic in guidance for key in guidance[topic].sources]
        before += words["first_impact"]["sources"] if impact else []
    else:
        before = [
            *words["plan_sources"],
            *(words["heavy_sources"] if plan.heavy else []),
            *_low_z_sources(plan, planner),
        ]
    after = [
        *words["moving_safely"]["sources"],
        *(words["after_fall"]["sources"] if fall_lines else []),
        # With a plan the sheet prints the plan's one-line dose, not the guidance's line and its "more helps" (cited
        # to sherrington2017, a line on the tightest sheets): it cites what it prints (physio review V, Lo10).
        *(guidance["Balance"].sources if plan is None else planner["balance_dose"]["sources"]),
        *words["stop"]["sources"],
    ]
    return tuple(before), tuple(after)


def _source_names(keys: list[str], catalog: Catalog, words: dict) -> dict[str, tuple[str, str]]:
    """Each source's author-year name, with the handout's note where the year alone could mislead."""
    names = {}
    for key in keys:
        reference = catalog.references[key]
        note = words["source_notes"].get(key)
        names[key] = (f"{reference.short} {note}" if note else reference.short, reference.link)
    return names


def _after_fall_lines(profile: Profile, lines: dict) -> list[str]:
    """Stay put if hurt; the get-up steps only for a client who can get down to the floor and up again."""
    return [lines["hurt"], lines["get_up"] if profile.floor_transfers else lines["no_floor"], lines["alarm"]]


def needs_fall_lines(profile: Profile) -> bool:
    """A client who cannot get up from the floor, or falls often, is told what to do after a fall."""
    return not profile.floor_transfers or profile.falls == "high"


def build_handout(
    profile: Profile,
    plan: Plan | None = None,
    first_name: str = "",
    catalog: Catalog | None = None,
    start: dt.date | None = None,
    weekdays: tuple[int, ...] | None = None,
) -> Handout:
    """The client handout's content for one profile (and plan): the profile is assessed once, here.

    The schedule puts the sessions on `weekdays` (0 is Monday; by default the planner's usual days). A caution's
    safer swap needs no more than the plan's kit (without a plan, the kit is not known: any).
    """
    catalog = catalog or default_catalog()
    words = load_handout_words(WORDING_FILE, catalog.references)
    kit = EQUIPMENT_SETS[plan.equipment] if plan is not None else None
    assessed = assess(profile, catalog, kit).to_dict("records")  # a swap needs nothing the client lacks
    guidance = {item.topic: item for item in profile_guidance(profile, catalog)}
    training_day = words["training_day_drill"] if plan is None and not balance_daily(plan, profile) else {}
    impact = [] if plan is not None else first_impact(profile, catalog, assessed, words["first_impact"])
    exercises = with_support(
        [
            *handout_exercises(profile, plan, catalog, assessed, words["daily_balance"], training_day.get("front", "")),
            *impact,
        ],
        profile,
        catalog,
        words["fragile_support"],
    )
    cautions = sheet_insteads(
        handout_cautions(profile, catalog, MAX_CAUTIONS, assessed),
        plan,
        profile,
        assessed,
        catalog,
        words["instead"],
        {exercise["id"] for exercise in exercises},
        words["later_lifts"]["names"],
    )
    name = clean_first_name(first_name)
    first_day = session_dates(plan, start, weekdays)[0][0] if plan is not None and start else start
    suggestions = (
        []
        if plan is not None
        else balance_suggestions(
            profile,
            catalog,
            [exercise["id"] for exercise in exercises],
            MAX_BALANCE_SUGGESTIONS,
            assessed,
            training_day.get("suggestion", ""),
        )
    )
    balance = balance_lines(plan, suggestions, guidance)
    fall_lines = needs_fall_lines(profile)
    walking_change = _walking_change(assessed)
    aerobic = "" if plan is None else aerobic_line(plan, words["aerobic"], walking_change)
    notes = [] if plan is None else _plan_notes(plan, catalog.planner["impact"], walking_change)
    schedule = _schedule(plan, start, weekdays, words) if plan is not None else []
    source_keys = _source_keys(plan, guidance, words, fall_lines, catalog.planner, bool(impact))
    every_key = [
        *source_keys[0],
        *(key for caution in cautions for key in caution["sources"]),
        *words["no_cautions"]["sources"],
        *source_keys[1],
    ]
    return Handout(
        words=words,
        title=words["title"] + (f", {name}" if name else ""),
        starting=words["starting"].format(day=first_day) if first_day else "",
        about=words["about"] + describe(profile),
        exercises=exercises,
        cautions=cautions,
        moving_safely=list(words["moving_safely"]["lines"]),
        after_fall=_after_fall_lines(profile, words["after_fall"]) if fall_lines else [],
        schedule=schedule,
        first_week=_week_in_words(schedule[0], words) if schedule else "",
        aerobic=aerobic,
        week_lines=_week_lines(plan, guidance, words, notes, catalog, balance_daily(plan, profile), impact),
        harder_moves=next(iter(later_moves(plan, catalog, words["later_moves"], words["later_lifts"])), "")
        if plan is not None
        else "",
        notes_first=0 if plan is None else len(note_lines(plan, notes)),
        balance_suggestions=balance[: len(suggestions)],
        balance_lines=balance[len(suggestions) :],
        balance_heading=words["headings"]["balance" if balance_daily(plan, profile) else "balance_in_sessions"],
        source_keys=source_keys,
        source_names=_source_names(list(dict.fromkeys(every_key)), catalog, words),
    )
