"""Apply the safety rules (data/safety_rules.yaml) to the exercise library for a profile.

Public API::

    from lib.safety import assess
    table = assess(profile)  # one row per exercise: status, reason, sources, safer swap

Every decision carries the rules that made it, in plain words, with their sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from lib.catalog import Catalog, default_catalog
from lib.profiles import Profile

STATUSES = ("recommended", "modify", "avoid")  # in rising order of restriction
IMPACT_LEVELS = ("none", "low", "moderate", "high")
NO_RULE_REASON = "Suits this profile: none of the safety rules restricts it."
# A movement that triggers no rule on any axis, used to probe what a profile allows.
NEUTRAL_EXERCISE = {
    "impact": "none", "spinal_flexion": "none", "rotation": "none", "fall_demand": "low",
    "heavy": False, "level": "beginner", "pattern": "impact",
}


@dataclass(frozen=True)
class Decision:
    status: str
    reasons: tuple[str, ...]
    rule_ids: tuple[str, ...]
    sources: tuple[str, ...]


def _matches(conditions: dict[str, list], facts: dict[str, Any]) -> bool:
    return all(facts[field] in allowed for field, allowed in conditions.items())


def rules_for(profile: Profile, rules: tuple[dict, ...]) -> list[dict]:
    """The rules whose `when` matches the profile and whose `unless` does not."""
    facts = profile.as_dict()
    return [
        rule for rule in rules
        if _matches(rule["when"], facts) and not ("unless" in rule and _matches(rule["unless"], facts))
    ]


def decide(exercise: dict[str, Any], profile_rules: list[dict]) -> Decision:
    """The strictest status any matching rule gives, with every rule at that status as the reason."""
    matching = [rule for rule in profile_rules if _matches(rule["exercise"], exercise)]
    if not matching:
        return Decision("recommended", (NO_RULE_REASON,), (), tuple(exercise.get("sources", ())))
    status = max((rule["status"] for rule in matching), key=STATUSES.index)
    deciding = [rule for rule in matching if rule["status"] == status]
    sources = tuple(dict.fromkeys(key for rule in deciding for key in rule["sources"]))
    return Decision(
        status,
        tuple(rule["reason"] for rule in deciding),
        tuple(rule["id"] for rule in deciding),
        sources,
    )


def impact_ceiling(profile: Profile, catalog: Catalog | None = None) -> str:
    """The highest impact category that no rule makes the profile avoid."""
    profile_rules = rules_for(profile, (catalog or default_catalog()).rules)
    allowed = [
        level for level in IMPACT_LEVELS
        if decide(NEUTRAL_EXERCISE | {"impact": level}, profile_rules).status != "avoid"
    ]
    return allowed[-1]


def _safer_swap(exercise_id: str, status_by_id: dict[str, str], catalog: Catalog) -> str | None:
    """Follow the library's `alternative` links until one is not avoided for this profile."""
    seen = {exercise_id}
    candidate = catalog.exercise(exercise_id)["alternative"]
    while candidate is not None and candidate not in seen:
        if status_by_id[candidate] != "avoid":
            return candidate
        seen.add(candidate)
        candidate = catalog.exercise(candidate)["alternative"]
    return None


def assess(profile: Profile, catalog: Catalog | None = None) -> pd.DataFrame:
    """One row per exercise: its status for this profile, why, on what sources, and the safer swap."""
    catalog = catalog or default_catalog()
    profile_rules = rules_for(profile, catalog.rules)
    decisions = {exercise["id"]: decide(exercise, profile_rules) for exercise in catalog.exercises}
    status_by_id = {exercise_id: decision.status for exercise_id, decision in decisions.items()}
    rows = []
    for exercise in catalog.exercises:
        decision = decisions[exercise["id"]]
        swap = _safer_swap(exercise["id"], status_by_id, catalog) if decision.status == "avoid" else None
        rows.append({
            "id": exercise["id"],
            "name": exercise["name"],
            "status": decision.status,
            "reason": " ".join(decision.reasons),
            "rules": list(decision.rule_ids),
            "sources": list(decision.sources),
            "swap_id": swap,
            "swap_name": catalog.exercise(swap)["name"] if swap else None,
            **{field: exercise[field] for field in (
                "pattern", "impact", "spinal_flexion", "rotation", "fall_demand", "heavy",
                "supervision", "level", "equipment", "sites", "loading", "dose",
            )},
        })
    return pd.DataFrame(rows)


IMPACT_CEILING_WORDS = {
    "none": "no impact: seated, lying or supported work only",
    "low": "up to low impact: brisk walking, marching, heel raises and step-ups (about 1-2 x body weight)",
    "moderate": "up to moderate impact: stamping, jogging, low jumps and hops (about 2-4 x body weight)",
    "high": "high impact can be built up to: jumps and drop landings (over 4 x body weight)",
}


@dataclass(frozen=True)
class Guidance:
    topic: str
    advice: str
    sources: tuple[str, ...]


def _probe_status(profile_rules: list[dict], **exercise: Any) -> str:
    return decide(NEUTRAL_EXERCISE | exercise, profile_rules).status


def profile_guidance(profile: Profile, catalog: Catalog | None = None) -> list[Guidance]:
    """What this profile needs, topic by topic, in plain words with the guideline behind each line."""
    catalog = catalog or default_catalog()
    profile_rules = rules_for(profile, catalog.rules)
    fragile = profile.fragility in ("osteoporosis", "vertebral_fracture")
    heavy = _probe_status(profile_rules, heavy=True)
    strength = {
        "recommended": Guidance("Strength", "8-12 repetitions at an effort of 5-8 out of 10, progressing toward 3 sets of 8; "
                                "supervised sets of 5 x 5 above 80-85 % of one-repetition maximum are an option.",
                                ("giangregorio2014", "brookewavell2022", "watson2018")),
        "modify": Guidance("Strength", "8-12 repetitions at an effort of 5-8 out of 10, progressing toward 3 sets of 8; "
                           "heavy 5 x 5 sets only later, supervised, after a month or more of technique work.",
                           ("giangregorio2014", "brookewavell2022", "watson2018")),
        "avoid": Guidance("Strength", "8-12 repetitions at an effort of 5-8 out of 10, progressing toward 3 sets of 8, "
                          "2-3 days a week; no near-maximal lifting without clearance and supervision.",
                          ("giangregorio2014", "brookewavell2022")),
    }[heavy]
    guidance = [
        Guidance("Impact", IMPACT_CEILING_WORDS[impact_ceiling(profile, catalog)].capitalize() + ".",
                 ("brookewavell2022", "weeks2008")),
        strength,
        Guidance("Balance", "Start here: balance work most days with support within reach, building toward about "
                 "2 hours a week." if profile.falls == "high" else
                 "About 20 minutes a day, roughly 2 hours a week, in short blocks.",
                 ("giangregorio2014", "sherrington2019")),
        Guidance("Spine", "Daily back-extensor and posture work; no loaded or end-range forward bending and no "
                 "loaded twisting: hinge at the hips and turn with the feet." if fragile else
                 "Teach the hip hinge and back-extensor work now; they matter more if bone density falls.",
                 ("sinaki1984", "sinaki2002", "giangregorio2014") if fragile else ("giangregorio2014",)),
    ]
    if fragile:
        supervision = "Medical clearance before starting; qualified supervision for any heavy lifting."
        if profile.fragility == "vertebral_fracture":
            supervision += " A physiotherapist should guide the start after a vertebral fracture."
        guidance.append(Guidance("Clearance", supervision, ("giangregorio2014", "watson2018")))
    guidance.append(Guidance("Red flags", "Stop and refer to a health professional for new acute back pain, "
                             "sudden loss of height, or pain that lasts after exercise.",
                             ("giangregorio2014", "brookewavell2022")))
    return guidance


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
        at_hand = set(equipment) | {"none"}
        keep &= table["equipment"].map(lambda needed: set(needed) <= at_hand)
    if patterns:
        keep &= table["pattern"].isin(patterns)
    if sites:
        keep &= table["sites"].map(lambda loaded: bool(set(loaded) & set(sites)))
    return table[keep]


def _conditions_in_words(conditions: dict[str, list]) -> str:
    return "; ".join(f"{field.replace('_', ' ')}: {' or '.join(str(value).lower() for value in values)}"
                     for field, values in conditions.items())


def rules_table(catalog: Catalog | None = None) -> pd.DataFrame:
    """The rules as a reviewer reads them, one row per rule."""
    return pd.DataFrame([
        {
            "Rule": rule["id"],
            "When the client has": _conditions_in_words(rule["when"]),
            "Unless": _conditions_in_words(rule.get("unless", {})),
            "Exercises with": _conditions_in_words(rule["exercise"]),
            "Status": rule["status"],
            "Why": rule["reason"],
            "Sources": list(rule["sources"]),
        }
        for rule in (catalog or default_catalog()).rules
    ])


def one_of_each_pattern_first(table: pd.DataFrame) -> pd.DataFrame:
    """Rows reordered so the first ones cover every movement pattern (a varied first screen)."""
    rank = table.groupby("pattern", sort=False).cumcount()
    return table.assign(_rank=rank).sort_values("_rank", kind="stable").drop(columns="_rank")
