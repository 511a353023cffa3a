"""The safety assessment: the safety rules (data/safety_rules.yaml) applied to the exercise library for a profile.

Public API::

    from lib.safety import assess, profile_guidance, impact_ceiling, impact_band
    table = assess(profile)  # one row per exercise: status, reason, modification, sources, safer swap
    profile_guidance(profile)  # what the profile needs, topic by topic, with sources
    impact_band(4.9)  # 'high': the app's band for a measured peak force (x body weight)

Every row carries the rules that decided it, in plain words, with their sources (lib.safety_rules matches them:
restrictions first, and nothing is recommended by silence), the safer swap the equipment at hand allows, and how
its impact band was reached. The guidance lines are lib.profile_guidance's. The words live in data/.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pandas as pd

from lib.catalog import Catalog, default_catalog, impact_band
from lib.profile_guidance import Guidance, profile_guidance
from lib.profiles import Profile
from lib.safety_rules import (
    Decision,
    decide,
    impact_ceiling,
    rules_for,
    rules_table,
    unique_in_order,
)

__all__ = [
    "assess",
    "profile_guidance",
    "Guidance",
    "impact_ceiling",
    "impact_band",
    "filter_assessment",
    "rules_table",
    "one_of_each_pattern_first",
]

ROW_TAGS = (
    "pattern",
    "impact",
    "peak_force_bw",
    "spinal_flexion",
    "spinal_extension",
    "rotation",
    "fall_demand",
    "hands_free",
    "deep_knee_bend",
    "floor",
    "kneeling",
    "floor_pull",
    "heavy",
    "barbell",
    "bench_lying",
    "supervision",
    "technique_fault",
    "benefit",
    "dose_kind",
    "level",
    "equipment",
    "sites",
    "loading",
    "dose",
)


def impact_basis(exercise: dict[str, Any], catalog: Catalog) -> str:
    """How the exercise's impact band was reached: its measured force, a measured relative, or the app's bands."""
    words, band = catalog.wording["impact_basis"], exercise["impact"]
    if "peak_force_bw" in exercise:
        return words["measured"].format(
            force=exercise["peak_force_bw"], band=band, measured_in=exercise["peak_force_measured_in"]
        )
    if "banded_like" in exercise:
        relative = catalog.exercise(exercise["banded_like"])
        return words["banded_like"].format(
            band=band,
            relative=relative["name"],
            force=relative["peak_force_bw"],
            measured_in=relative["peak_force_measured_in"],
        )
    return words["none" if band == "none" else "unmeasured"].format(band=band)


def base_class(exercise: dict[str, Any]) -> str:
    """What holds for everyone before any rule: a technique fault, supervised-only work, or an ordinary exercise."""
    if exercise["technique_fault"]:
        return "technique fault"
    return "supervised only" if exercise["supervision"] else "ordinary"


def missing_equipment(needed: list[str], equipment: Iterable[str] | None) -> set[str]:
    """What an exercise needs beyond the equipment at hand (None: anything is at hand; body weight always is)."""
    return set() if equipment is None else set(needed) - {*equipment, "none"}


def doable_with(needed: list[str], equipment: Iterable[str] | None) -> bool:
    return not missing_equipment(needed, equipment)


def _alternatives(exercise_id: str, catalog: Catalog) -> Iterator[str]:
    """The library's chain of `alternative` links from an exercise, in order."""
    seen = {exercise_id}
    candidate = catalog.exercise(exercise_id)["alternative"]
    while candidate is not None and candidate not in seen:
        yield candidate
        seen.add(candidate)
        candidate = catalog.exercise(candidate)["alternative"]


def _safer_swap(
    exercise_id: str, status_by_id: dict[str, str], catalog: Catalog, equipment: Iterable[str] | None
) -> str | None:
    """The first alternative not avoided for this profile that is doable with the equipment at hand.

    Where none is, the one missing the fewest items, the later (simpler) link on a tie: never a kettlebell
    swap for a client without one when a wall drill is as near.
    """
    allowed = [candidate for candidate in _alternatives(exercise_id, catalog) if status_by_id[candidate] != "avoid"]
    if not allowed:
        return None

    def shortfall(position: int) -> tuple[int, int]:
        missing = missing_equipment(catalog.exercise(allowed[position])["equipment"], equipment)
        return (len(missing), position if not missing else -position)  # doable: the first; else the later

    return allowed[min(range(len(allowed)), key=shortfall)]


def _row_sources(exercise: dict[str, Any], decision: Decision) -> list[str]:
    measured = [exercise["peak_force_source"]] if "peak_force_source" in exercise else []
    return list(unique_in_order([*decision.sources, *measured]))


def assess(profile: Profile, catalog: Catalog | None = None, equipment: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per exercise: its status for this profile, why, how to modify it, on what sources, and the safer swap.

    `equipment` is what the client has at hand (body weight always; None: anything, the default): the safer swap
    is then one they can do, wherever the library's chain of alternatives holds one.
    """
    catalog = catalog or default_catalog()
    equipment = None if equipment is None else frozenset(equipment)  # read once per swap, so not a one-pass iterator
    profile_rules = rules_for(profile, catalog.rules)
    decisions = {exercise["id"]: decide(exercise, profile_rules, catalog.wording) for exercise in catalog.exercises}
    status_by_id = {exercise_id: decision.status for exercise_id, decision in decisions.items()}
    rows = []
    for exercise in catalog.exercises:
        decision = decisions[exercise["id"]]
        swap = _safer_swap(exercise["id"], status_by_id, catalog, equipment) if decision.status == "avoid" else None
        rows.append(
            {
                "id": exercise["id"],
                "name": exercise["name"],
                "status": decision.status,
                "reason": " ".join(decision.reasons),
                "modification": decision.modification,  # one instruction; empty when nothing is to change
                "modification_rule": decision.modification_rule,
                "rules": list(decision.rule_ids),
                "sources": _row_sources(exercise, decision),
                "swap_id": swap,
                "swap_name": catalog.exercise(swap)["name"] if swap else None,
                "base": base_class(exercise),
                "impact_basis": impact_basis(exercise, catalog),
                **{field: exercise.get(field) for field in ROW_TAGS},
                **(
                    {"dose": exercise["dose_falls_high"]}
                    if profile.falls == "high" and "dose_falls_high" in exercise
                    else {}
                ),
            }
        )
    return pd.DataFrame(rows)


def filter_assessment(
    table: pd.DataFrame,
    equipment: list[str] | None = None,
    patterns: list[str] | None = None,
    sites: list[str] | None = None,
) -> pd.DataFrame:
    """Rows doable with the equipment at hand, of the chosen patterns, loading the chosen sites.

    An empty or missing filter keeps everything.
    """
    keep = pd.Series(True, index=table.index)
    if equipment:
        keep &= table["equipment"].map(lambda needed: doable_with(needed, equipment))
    if patterns:
        keep &= table["pattern"].isin(patterns)
    if sites:
        keep &= table["sites"].map(lambda loaded: bool(set(loaded) & set(sites)))
    return table[keep]


def one_of_each_pattern_first(table: pd.DataFrame) -> pd.DataFrame:
    """Rows reordered so the first ones cover every movement pattern (a varied first screen)."""
    rank = table.groupby("pattern", sort=False).cumcount()
    return table.assign(_rank=rank).sort_values("_rank", kind="stable").drop(columns="_rank")
