"""Apply the safety rules (data/safety_rules.yaml) to the exercise library for a profile.

Public API::

    from lib.safety import assess, profile_guidance, impact_ceiling, impact_band
    table = assess(profile)  # one row per exercise: status, reason, modification, sources, safer swap
    profile_guidance(profile)  # what the profile needs, topic by topic, with sources
    impact_band(4.9)  # 'high': the app's band for a measured peak force (x body weight)

Every decision carries the rules that made it, in plain words, with their sources. Restrictions
(avoid, modify) come first; otherwise an exercise is recommended only when a rule says, positively,
why it suits the profile. Nothing is recommended by silence. The words live in data/.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pandas as pd

from lib.balance_dose import balance_dose, dose_kind
from lib.catalog import IMPACT_BANDS, Catalog, default_catalog, impact_band
from lib.profiles import Profile

__all__ = ["assess", "profile_guidance", "impact_ceiling", "impact_band", "filter_assessment", "rules_table"]

STATUSES = ("recommended", "modify", "avoid")  # in rising order of restriction
IMPACT_LEVELS = IMPACT_BANDS
RESTRICTIONS = ("modify", "avoid")
LOW_BONE_MASS = ("low_for_age", "osteopenia", "osteoporosis", "vertebral_fracture")
# Where no rule confirms an exercise suits a profile it is kept out; tests/test_safety.py checks it never happens.
UNCONFIRMED_REASON = "Not yet reviewed for this profile: no rule confirms it suits it, so it is left out."
# A movement that triggers no restriction on any axis, used to probe what a profile allows.
NEUTRAL_EXERCISE = {
    "impact": "none",
    "spinal_flexion": "none",
    "spinal_extension": "none",
    "rotation": "none",
    "fall_demand": "low",
    "hands_free": True,
    "deep_knee_bend": False,
    "floor": False,
    "heavy": False,
    "barbell": False,
    "bench_lying": False,
    "supervision": False,
    "technique_fault": False,
    "benefit": "bone",
    "level": "beginner",
    "pattern": "impact",
    "dose_kind": "own",
}
# How a near-maximal lift stands (the library's heavy squat, deadlift and overhead press): barbell in both hands,
# asking for steady footing, so the guidance's heavy line hears the fall rules the assessment applies to them.
HEAVY_LIFT = {
    "heavy": True,
    "supervision": True,
    "barbell": True,
    "fall_demand": "moderate",
    "hands_free": False,
    "pattern": "squat",
}
# The strength line for a heavy lift under modify, by the change asked for, the first that applies
# (any other change: the coach line).
HEAVY_CASE_BY_MODIFICATION = {
    "technique-first": "heavy_technique_first",
    "with-a-coach": "heavy_with_a_coach",
    "support-within-reach": "heavy_with_support",
}
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


@dataclass(frozen=True)
class Decision:
    status: str
    reasons: tuple[str, ...]
    rule_ids: tuple[str, ...]
    sources: tuple[str, ...]
    modification: str = ""  # the exercise's own change under the strictest deciding modify rule
    modification_rule: str = ""  # that rule's id


def matches(conditions: dict[str, list], facts: dict[str, Any]) -> bool:
    return all(facts[field] in allowed for field, allowed in conditions.items())


def rules_for(profile: Profile, rules: tuple[dict, ...]) -> list[dict]:
    """The rules whose `when` matches the profile (no `when`: everyone) and whose `unless` does not."""
    facts = profile.as_dict()
    return [
        rule
        for rule in rules
        if matches(rule.get("when", {}), facts) and not ("unless" in rule and matches(rule["unless"], facts))
    ]


def _unique(items) -> tuple:
    return tuple(dict.fromkeys(items))


def in_words(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return " and ".join(filter(None, [", ".join(items[:-1]), *items[-1:]]))


def benefit_words(exercise: dict[str, Any], wording: dict[str, Any]) -> str:
    """What the exercise does for the client, from its own tags: 'Builds bone: ... on the hip and spine.'

    An exercise whose tags would overclaim (a wall push-up loads bone little) says it in its own benefit_words.
    """
    if "benefit_words" in exercise:
        return exercise["benefit_words"]
    loading = [wording["loading"][kind] for kind in exercise["loading"] if kind in ("axial", "muscle-pull", "impact")]
    sites = [wording["sites"][site] for site in exercise["sites"]]
    return wording["benefit"][exercise["benefit"]].format(
        loading=in_words(loading), sites=in_words(sites) or "skeleton"
    )


def decide(exercise: dict[str, Any], profile_rules: list[dict], wording: dict[str, Any] | None = None) -> Decision:
    """The strictest restriction any matching rule gives; otherwise the positive reasons it suits the profile."""
    matching = [rule for rule in profile_rules if matches(rule["exercise"], exercise)]
    restricting = [rule for rule in matching if rule["status"] in RESTRICTIONS]
    if restricting:
        status = max((rule["status"] for rule in restricting), key=STATUSES.index)
        deciding = [rule for rule in restricting if rule["status"] == status]
    else:
        status, deciding = "recommended", [rule for rule in matching if rule["status"] == "recommended"]
    if not deciding:
        return Decision("avoid", (UNCONFIRMED_REASON,), (), tuple(exercise.get("sources", ())))
    reasons = tuple(rule["reason"] for rule in deciding)
    if status == "recommended" and wording is not None:
        reasons = (benefit_words(exercise, wording), *reasons)
    strictest = strictest_modify_rule(deciding)
    return Decision(
        status,
        reasons,
        tuple(rule["id"] for rule in deciding),
        _unique(key for rule in deciding for key in rule["sources"]),
        exercise.get("modifications", {}).get(strictest["modification"], "") if strictest else "",
        strictest["id"] if strictest else "",
    )


def strictest_modify_rule(deciding: list[dict]) -> dict | None:
    """The one modify rule whose change the client is given: several texts at once repeat or contradict each other.

    Each exercise writes its change under the stricter key so that it keeps what the milder ones ask
    (tests/test_physio_assessment.py checks a faller's change always keeps support in reach).
    """
    modifying = [rule for rule in deciding if rule["status"] == "modify"]
    return max(modifying, key=lambda rule: rule["strictness"], default=None)


def impact_ceiling(profile: Profile, catalog: Catalog | None = None) -> str:
    """The highest impact category that no rule makes the profile avoid."""
    profile_rules = rules_for(profile, (catalog or default_catalog()).rules)
    allowed = [
        level
        for level in IMPACT_LEVELS
        if decide(NEUTRAL_EXERCISE | {"impact": level}, profile_rules).status != "avoid"
    ]
    return allowed[-1]


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
    return list(_unique([*decision.sources, *measured]))


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


@dataclass(frozen=True)
class Guidance:
    topic: str
    advice: str
    sources: tuple[str, ...]


def _strength_case(profile: Profile, profile_rules: list[dict]) -> str:
    """Which strength line fits: read from how the rules treat a supervised heavy lift for this profile."""
    if profile.fragility == "vertebral_fracture":
        return "vertebral_fracture"
    heavy = decide(NEUTRAL_EXERCISE | HEAVY_LIFT, profile_rules)
    if heavy.status == "modify":
        keys = {rule["modification"] for rule in profile_rules if rule["id"] in heavy.rule_ids}
        return next((case for key, case in HEAVY_CASE_BY_MODIFICATION.items() if key in keys), "heavy_with_a_coach")
    return {"recommended": "heavy_recommended", "avoid": "heavy_avoided"}[heavy.status]


def _clearance_cases(profile: Profile) -> tuple[str, ...]:
    """Clearance before a fracture's or osteoporosis's training, and, with a low Z-score, the search for its cause.

    A vertebral fracture does not make a bone density below the expected range for age any less a reason to
    look for the cause, so both lines are kept.
    """
    cleared = "_cleared" if profile.clearance else ""  # a cleared client is not asked for clearance again
    fragile = (profile.fragility,) if profile.fragility in ("vertebral_fracture", "osteoporosis") else ()
    low_z = ("low_for_age",) if profile.bone == "low_for_age" else ()
    return tuple(case + cleared for case in (*fragile, *low_z))


def _balance_case(profile: Profile) -> str:
    """The balance line: a high risk of falling starts with support; at low risk, daily work or, for a fit
    client, a shorter challenge on training days (the plan's own balance dose, lib/balance_dose.py)."""
    if profile.falls == "high":
        return "high_fall_risk"
    return "low_fall_risk" if dose_kind(profile) == "daily" else "low_fall_risk_fit"


def _guidance_cases(profile: Profile, profile_rules: list[dict]) -> dict[str, tuple[str, ...]]:
    """The cases of each topic in data/safety_wording.yaml that fit the profile (none: the topic is left out)."""
    return {
        "Impact": ("any",),
        "Strength": (_strength_case(profile, profile_rules),),
        "Balance": (_balance_case(profile),),
        "Aerobic": ("vertebral_fracture" if profile.fragility == "vertebral_fracture" else "any",),
        "Spine": ("low_bone_mass" if profile.fragility in LOW_BONE_MASS else "normal",),
        "Floor": () if profile.floor_transfers else ("no_floor_transfers",),
        "Clearance": _clearance_cases(profile),
        "Red flags": ("any",),
    }


def _ceiling_words_key(profile: Profile, catalog: Catalog) -> str:
    """The impact ceiling's words; high impact with low bone mass is coached at first, as the rules say."""
    ceiling = impact_ceiling(profile, catalog)
    return "high_low_bone_mass" if ceiling == "high" and profile.bone in LOW_BONE_MASS else ceiling


def profile_guidance(profile: Profile, catalog: Catalog | None = None) -> list[Guidance]:
    """What this profile needs, topic by topic, in plain words with the guideline behind each line.

    Where several cases of a topic fit, their lines are joined into the topic's one item.
    """
    catalog = catalog or default_catalog()
    cases = _guidance_cases(profile, rules_for(profile, catalog.rules))
    ceiling = catalog.wording["impact_ceiling"][_ceiling_words_key(profile, catalog)]
    balance = balance_dose(profile, catalog)
    guidance = []
    for topic in catalog.wording["guidance"]:
        fitting = [topic["cases"][case] for case in cases[topic["topic"]]]
        if fitting:
            lines = [case["advice"].format(impact_ceiling=ceiling, balance_dose=balance.words) for case in fitting]
            advice = " ".join(line[:1].upper() + line[1:] for line in lines)
            guidance.append(
                Guidance(topic["topic"], advice, _unique(key for case in fitting for key in case["sources"]))
            )
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
        keep &= table["equipment"].map(lambda needed: doable_with(needed, equipment))
    if patterns:
        keep &= table["pattern"].isin(patterns)
    if sites:
        keep &= table["sites"].map(lambda loaded: bool(set(loaded) & set(sites)))
    return table[keep]


def conditions_in_words(conditions: dict[str, list]) -> str:
    return "; ".join(
        f"{field.replace('_', ' ')}: {' or '.join(str(value).lower() for value in values)}"
        for field, values in conditions.items()
    )


def rules_table(catalog: Catalog | None = None) -> pd.DataFrame:
    """The rules as a reviewer reads them, one row per rule."""
    return pd.DataFrame(
        [
            {
                "Rule": rule["id"],
                "When the client has": conditions_in_words(rule.get("when", {})) or "any profile",
                "Unless": conditions_in_words(rule.get("unless", {})),
                "Exercises with": conditions_in_words(rule["exercise"]),
                "Status": rule["status"],
                "Why": rule["reason"],
                "Sources": list(rule["sources"]),
            }
            for rule in (catalog or default_catalog()).rules
        ]
    )


def one_of_each_pattern_first(table: pd.DataFrame) -> pd.DataFrame:
    """Rows reordered so the first ones cover every movement pattern (a varied first screen)."""
    rank = table.groupby("pattern", sort=False).cumcount()
    return table.assign(_rank=rank).sort_values("_rank", kind="stable").drop(columns="_rank")
