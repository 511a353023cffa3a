"""Match the safety rules (data/safety_rules.yaml) against a profile and an exercise.

`decide` gives one exercise's status for the rules that apply to a profile, with the rules that made it and
their sources: the strictest restriction (avoid, modify) any matching rule gives; otherwise the positive reasons
it suits the profile. Nothing is recommended by silence. `rules_table` shows the rules as a reviewer reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from lib.catalog import IMPACT_BANDS, Catalog, default_catalog
from lib.profiles import Profile

STATUSES = ("recommended", "modify", "avoid")  # in rising order of restriction
IMPACT_LEVELS = IMPACT_BANDS
RESTRICTIONS = ("modify", "avoid")
LOW_BONE_MASS = ("low_for_age", "osteopenia", "osteoporosis", "vertebral_fracture")
# The rule that holds every heavy lift back for a faller with fragile bones until she is trained as well as cleared
# (physio review S, M1): the guidance and the plan notes name both conditions, never clearance alone.
FALLS_HEAVY_RULE = "fall-risk-fragile-heavy"
# The rule that holds heavy sets back until getting up from the floor has been practised (physio review R, Lo6): the
# guidance and the plan notes give it its own words.
NO_FLOOR_HEAVY_RULE = "no-floor-transfers-heavy"
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
    "kneeling": False,
    "floor_pull": False,
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


def unique_in_order(items) -> tuple:
    """The items without repeats, each where it first came."""
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
    reasons = said_once(deciding)
    if status == "recommended" and wording is not None:
        reasons = (benefit_words(exercise, wording), *reasons)
    strictest = strictest_modify_rule(deciding)
    return Decision(
        status,
        reasons,
        tuple(rule["id"] for rule in deciding),
        unique_in_order(key for rule in deciding for key in rule["sources"]),
        exercise.get("modifications", {}).get(strictest["modification"], "") if strictest else "",
        strictest["id"] if strictest else "",
    )


def said_once(deciding: list[dict]) -> tuple[str, ...]:
    """The deciding rules' reasons, less those another deciding rule already says (`covered_by`): four reasons in a
    row, two of them the same worry, made a jumping chin-up's row hard to read (physio review V, Lo9). Only a reason
    shown covers another: a faller's balance worry stays on a jump when a spine fracture's ban covers her impact rule.
    (lib/catalog.py refuses a rule that covers itself through others.)"""
    by_id = {rule["id"]: rule for rule in deciding}

    def shown(rule: dict) -> bool:
        return not any(shown(by_id[other]) for other in rule.get("covered_by", ()) if other in by_id)

    return tuple(rule["reason"] for rule in deciding if shown(rule))


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
