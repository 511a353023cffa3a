"""The exercise library as a reader browses it: search, and what each preset profile is told about an exercise.

Public API::

    from lib.library import search_exercises, profile_verdicts
    search_exercises(catalog.exercises, "squat")       # exercises whose name, summary or cues mention it
    profile_verdicts()["sit-up"]                       # the presets that avoid or modify it, and why
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from lib.catalog import Catalog, default_catalog
from lib.profiles import PRESET_LABELS, PRESETS
from lib.safety import assess


@dataclass(frozen=True)
class Verdict:
    """What one preset profile is told about one exercise, with the rules' reason and sources."""

    profile: str  # the preset's label
    status: str  # modify or avoid
    reason: str
    sources: tuple[str, ...]


def search_exercises(exercises: Iterable[dict], text: str) -> list[dict]:
    """Exercises whose name, id, summary or cues contain the text (case-insensitive), in library order."""
    needle = text.strip().lower()
    return [
        exercise
        for exercise in exercises
        if needle in " ".join([exercise["name"], exercise["id"], exercise["summary"], *exercise["cues"]]).lower()
    ]


def profile_verdicts(catalog: Catalog | None = None) -> dict[str, tuple[Verdict, ...]]:
    """For every exercise, the preset profiles (lib.profiles.PRESETS) that avoid or modify it, and why."""
    catalog = catalog or default_catalog()
    verdicts: dict[str, list[Verdict]] = {exercise["id"]: [] for exercise in catalog.exercises}
    for key, profile in PRESETS.items():
        for row in assess(profile, catalog).to_dict("records"):
            if row["status"] != "recommended":
                verdicts[row["id"]].append(
                    Verdict(PRESET_LABELS[key], row["status"], row["reason"], tuple(row["sources"]))
                )
    return {exercise_id: tuple(found) for exercise_id, found in verdicts.items()}
