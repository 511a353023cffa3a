"""What a plan says before its weeks (its notes), and the first-phase gate a low Z-score keeps to until a doctor's
review (physio review B7); lib/planner.py builds the plan that uses them, data/planner.yaml holds their words."""

from __future__ import annotations

import re

import pandas as pd

from lib.plan_usable import PHASES
from lib.profiles import Profile
from lib.safety_rules import FALLS_HEAVY_RULE, NO_FLOOR_HEAVY_RULE

# Where the guidance asks for medical clearance before starting, the plan says it too until it is given.
NEEDS_CLEARANCE_FIRST = ("osteoporosis", "vertebral_fracture")
# An exercise's own effort range, as data/exercises.yaml gives it in a dose ("at an effort of 5-8 out of 10").
OWN_EFFORT = re.compile(r"at an effort of \d+-(\d+) out of 10")


def gate_effort(weeks: pd.DataFrame) -> int:
    """The most effort of the first phase, which a low Z-score's gate keeps to until the doctor's review."""
    return int(weeks.loc[weeks["phase"] == PHASES[0], "effort"].max())


def within_the_gate(slots: list[dict], effort: int, words: str) -> list[dict]:
    """The slots, with a first-phase own dose whose effort range goes past the gate's effort saying the gate's
    (physio review O, Lo1: heel raises "at an effort of 5-8" under "effort up to 5")."""
    return [
        slot | {"reps": OWN_EFFORT.sub(words.format(effort=effort), slot["reps"])}
        if slot["phase"] == PHASES[0] and any(int(top) > effort for top in OWN_EFFORT.findall(slot["reps"]))
        else slot
        for slot in slots
    ]


def _first_phase_gate(weeks: pd.DataFrame, sessions: pd.DataFrame, words: dict) -> str:
    """The most a client does until the doctor's review, in the first phase's own figures (physio review B7)."""
    first = weeks[weeks["phase"] == PHASES[0]]
    impact = sessions[(sessions["phase"] == PHASES[0]) & (sessions["dose_kind"] == "impacts")]
    impact_words = (
        ""
        if impact.empty
        else words["gate_impact"].format(
            exercise=impact["exercise"].iloc[0].lower(), impacts=first["impacts_per_session"].max()
        )
    )
    return words["gate"].format(last_week=first["week"].max(), effort=gate_effort(weeks), impact=impact_words)


def low_z_gate(profile: Profile) -> bool:
    """A low Z-score without clearance: the first phase is the most the client does until a doctor's review (B7)."""
    return profile.bone == "low_for_age" and not profile.clearance


def _heavy_once_cleared(profile: Profile, table: pd.DataFrame) -> bool:
    """Not cleared, and the table offers the heavy lifts once cleared (modified, not avoided)."""
    return not profile.clearance and bool((table["heavy"] & (table["status"] == "modify")).any())


def _every_heavy_row(table: pd.DataFrame, held_back_by) -> bool:
    """Whether the table has heavy lifts and held_back_by(rule ids) holds for each of their rows."""
    heavy_rules = table.loc[table["heavy"], "rules"]
    return bool(len(heavy_rules)) and all(held_back_by(rules) for rules in heavy_rules)


def _heavy_waits_for_training(table: pd.DataFrame) -> bool:
    """The falls rule holds every heavy lift back until the client is trained as well as cleared (physio review S,
    M1): her note names that, not her coach's later say."""
    return _every_heavy_row(table, lambda rules: FALLS_HEAVY_RULE in rules)


def stand_in_note(profile: Profile, stand_in: dict, with_falls: bool) -> str:
    """Heel raises in place of landings, with the reason there are none (physio review S, Lo1): painful joints,
    whatever the kit, or else no step in the kit for the step-down landing."""
    reason = stand_in["reasons"]["painful_joints" if profile.joint_limits else "no_step"]
    return stand_in["words_with_falls" if with_falls else "words"].format(reason=reason)


def _no_impact_words(profile: Profile, impact_words: dict) -> dict:
    """The no-impact note's words; after a spine fracture without the no-jumping its first note says already (physio
    review S's nit: two no-jumping lines on one sheet)."""
    return impact_words["after_vertebral_fracture"] if profile.vertebral_fracture else impact_words


def _high_impact_later(ceiling: str, table: pd.DataFrame, sessions: pd.DataFrame) -> bool:
    """The ceiling is high but the plan's landings stop below it (physio review S, Lo3)."""
    landings = sessions.loc[sessions["dose_kind"] == "impacts", "exercise_id"]
    return ceiling == "high" and not (table.set_index("id").loc[landings, "impact"] == "high").any()


def _heavy_waits_for_the_floor(profile: Profile, table: pd.DataFrame) -> bool:
    """Not cleared, and only the floor rule holds the heavy lifts back: the client `not_yet` speaks to (a trained
    lifter who may already lift heavy), who cannot yet get up from the floor (physio review R, Lo6)."""
    return not profile.clearance and _every_heavy_row(table, lambda rules: rules == [NO_FLOOR_HEAVY_RULE])


def _cleared_heavy_note(profile: Profile, table: pd.DataFrame) -> str:
    """The heavy_lift note of a cleared client whose plan has no heavy weeks: what her heavy sets wait for, the falls
    rule's training first (physio review S, M1), then the floor practice (review R, Lo6), else her coach's say, with a
    faller's reason for it (review W, Lo9)."""
    if _heavy_waits_for_training(table):
        return "until_trained" if profile.floor_transfers else "until_trained_no_floor"
    if not profile.floor_transfers:
        return "after_floor_practice"
    return "later_with_falls" if profile.falls == "high" else "later"


def plan_notes(
    profile: Profile, table: pd.DataFrame, weeks: pd.DataFrame, sessions: pd.DataFrame, wording: dict, ceiling: str
) -> tuple[str, ...]:
    """The lines shown before the plan: a review or clearance to get first, heavy lifting's place, fuelling,
    what stands in for impact work, and what may follow the plan's landings."""
    notes = []
    if not profile.clearance and profile.fragility in NEEDS_CLEARANCE_FIRST:
        # Osteoporosis: beside "no clearance yet for heavy lifting", which clearance this is (physio review V, Lo1).
        clearance = wording["clearance_first"]
        notes.append(clearance["osteoporosis"] if profile.fragility == "osteoporosis" else clearance["words"])
    if profile.vertebral_fracture:
        notes.append(wording["after_vertebral_fracture"]["start"])
    notes += weeks.loc[(weeks["week"] == 1) & (weeks["review"] != ""), "review"].tolist()  # the floor practice (V, M2)
    if profile.bone == "low_for_age":
        words = wording["low_for_age"]
        review = _first_phase_gate(weeks, sessions, words) if low_z_gate(profile) else words["cleared"]
        notes += [review, words["fuel"]["words"]]
    if profile.clearance and not profile.vertebral_fracture and weeks["intensity_pct_1rm"].isna().all():
        notes.append(wording["heavy_lift"][_cleared_heavy_note(profile, table)])
    if _heavy_once_cleared(profile, table):
        notes.append(wording["heavy_lift"]["not_yet"])
    elif _heavy_waits_for_the_floor(profile, table):
        notes.append(wording["heavy_lift"]["not_yet_floor"])
    if (sessions["block"] == "impact").any() and not (sessions["dose_kind"] == "impacts").any():
        # heel raises in its place (physio review F, L5)
        notes.append(stand_in_note(profile, wording["impact"]["stand_in"], with_falls=profile.falls == "high"))
    elif not (sessions["block"] == "impact").any():
        notes.append(
            _no_impact_words(profile, wording["impact"])["walking_with_falls" if profile.falls == "high" else "none"]
        )
    if _high_impact_later(ceiling, table, sessions):
        notes.append(
            wording["impact"]["high_later_osteoporosis" if profile.fragility == "osteoporosis" else "high_later"]
        )
    return tuple(notes)


def habitual_impact(profile: Profile, table: pd.DataFrame, habitual: dict) -> str:
    """Running a trained client may already do counts (physio review D9), where her assessment recommends jogging;
    not while a low Z-score's cause is still unknown. '' otherwise."""
    jogging = table.set_index("id").loc[habitual["exercise"], "status"]
    trained = profile.experience == "trained"
    return habitual["words"] if trained and jogging == "recommended" and not low_z_gate(profile) else ""
