"""What a profile needs, topic by topic, in plain words with the guideline behind each line.

The words live in data/safety_wording.yaml (`guidance`); this module picks the cases of each topic that fit the
profile, reading the strength line from how the safety rules treat a heavy lift for it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from lib.balance_dose import balance_dose, dose_kind
from lib.catalog import Catalog, default_catalog
from lib.profiles import Profile
from lib.safety_rules import (
    FALLS_HEAVY_RULE,
    LOW_BONE_MASS,
    NEUTRAL_EXERCISE,
    NO_FLOOR_HEAVY_RULE,
    Decision,
    decide,
    impact_ceiling,
    rules_for,
    unique_in_order,
)

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
# The strength line for a heavy lift under modify, by the change asked for, the first that applies: waiting for
# clearance first, so a client not yet cleared is never told less than the table says (physio review P, M1); then
# the falls set-up, whose line also keeps the month of technique work, so a faller new to training hears the rack and
# the coach a trained faller hears (physio review S, Lo2); any other change: the technique-first line, which asks for
# no clearance a cleared client already has.
HEAVY_CASE_BY_MODIFICATION = {
    "after-clearance": "heavy_after_clearance",
    "support-within-reach": "heavy_with_support",
    "technique-first": "heavy_technique_first",
}


@dataclass(frozen=True)
class Guidance:
    topic: str
    advice: str
    sources: tuple[str, ...]


def _heavy_decision(profile: Profile, rules: tuple[dict, ...]) -> Decision:
    """How the rules treat a supervised heavy lift for this profile."""
    return decide(NEUTRAL_EXERCISE | HEAVY_LIFT, rules_for(profile, rules))


def _strength_case(profile: Profile, rules: tuple[dict, ...]) -> str:
    """Which strength line fits: read from how the rules treat a supervised heavy lift for this profile."""
    if profile.fragility == "vertebral_fracture":
        return "vertebral_fracture"
    heavy = _heavy_decision(profile, rules)
    if FALLS_HEAVY_RULE in heavy.rule_ids:  # clearance alone does not open them (physio review S, M1)
        return "heavy_avoided_with_falls" if profile.floor_transfers else "heavy_avoided_with_falls_no_floor"
    # The floor rule leaves out osteoporosis not yet cleared, whose heavy rows wait for clearance already, so the
    # table gives its dose once; her advice names the floor gate her cleared twin meets (physio review U, M4).
    cleared_twin = _heavy_decision(dataclasses.replace(profile, clearance=True), rules)
    if NO_FLOOR_HEAVY_RULE in heavy.rule_ids + cleared_twin.rule_ids:
        return "heavy_no_floor_with_falls" if profile.falls == "high" else "heavy_no_floor"
    if heavy.status == "modify":
        keys = {rule["modification"] for rule in rules if rule["id"] in heavy.rule_ids}
        return next((case for key, case in HEAVY_CASE_BY_MODIFICATION.items() if key in keys), "heavy_technique_first")
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


def _guidance_cases(profile: Profile, rules: tuple[dict, ...]) -> dict[str, tuple[str, ...]]:
    """The cases of each topic in data/safety_wording.yaml that fit the profile (none: the topic is left out)."""
    return {
        "Impact": ("any",),
        "Strength": (_strength_case(profile, rules),),
        "Balance": (_balance_case(profile),),
        "Aerobic": ("vertebral_fracture" if profile.fragility == "vertebral_fracture" else "any",),
        "Spine": ("low_bone_mass" if profile.fragility in LOW_BONE_MASS else "normal",),
        "Floor": () if profile.floor_transfers else ("no_floor_transfers",),
        "Clearance": _clearance_cases(profile),
        "Red flags": ("any",),
    }


def _ceiling_case(profile: Profile, ceiling: str) -> str:
    """The key of the ceiling's words: high impact with osteoporosis only with the coach present, with other low bone
    mass coached at first; until floor transfers are safe, moderate impact is the ceiling and is done beside a counter."""
    if ceiling == "high" and profile.fragility == "osteoporosis":
        return "high_osteoporosis"
    if ceiling == "high" and profile.bone in LOW_BONE_MASS:
        return "high_low_bone_mass"
    if ceiling == "moderate" and not profile.floor_transfers:
        return "moderate_no_floor"
    return ceiling


def _ceiling_words(profile: Profile, catalog: Catalog) -> str:
    """The impact ceiling's words (_ceiling_case); a low Z-score not yet cleared keeps the plan's first-phase impact
    until a doctor has looked for its cause."""
    ceiling = impact_ceiling(profile, catalog)
    words = catalog.wording["impact_ceiling"]
    ceiling_words = words[_ceiling_case(profile, ceiling)]
    if ceiling == "low":
        ceiling_words = f"{ceiling_words}. {_low_because(profile, catalog, words['low_because'])}"
    if profile.fragility == "low_for_age" and not profile.clearance and ceiling not in ("none", "low"):
        return words["until_cause_checked"].format(ceiling=ceiling_words)
    return ceiling_words


def _low_because(profile: Profile, catalog: Catalog, because: dict[str, str]) -> str:
    """Why impact stops at low: the words of the first rule in `because` that makes moderate impact avoid."""
    deciding = decide(NEUTRAL_EXERCISE | {"impact": "moderate"}, rules_for(profile, catalog.rules)).rule_ids
    return next(words for rule_id, words in because.items() if rule_id in deciding)


def describe(profile: Profile, catalog: Catalog | None = None) -> str:
    """The profile in plain words, for "About you" on a client sheet, the summary card and the exports
    (data/safety_wording.yaml about_you)."""
    catalog = catalog or default_catalog()
    words = catalog.wording["about_you"]
    parts = [
        words["bone"][profile.bone],
        *([words["vertebral_fracture"]] if profile.vertebral_fracture else []),
        words["falls"][profile.falls],
        *([words["joint_limits"]] if profile.joint_limits else []),
        words["experience"][profile.experience],
        _clearance_words(profile, catalog.rules, words["clearance"]),
        *([] if profile.floor_transfers else [words["no_floor"]]),
    ]
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."  # not str.capitalize(), which lower-cases the Z of "Z-score"


def _clearance_words(profile: Profile, rules: tuple[dict, ...], words: dict) -> str:
    """Cleared or not; a cleared client is called cleared for heavy lifting only where no rule holds every heavy
    lift back (the rules that decide a supervised heavy lift for her, as _strength_case reads them)."""
    if profile.vertebral_fracture:
        return words["vertebral_fracture"]["cleared" if profile.clearance else "not_cleared"]
    if not profile.clearance:
        return words["not_cleared"]
    holding = _heavy_decision(profile, rules).rule_ids
    return next((text for rule_id, text in words["cleared_but"].items() if rule_id in holding), words["cleared"])


def profile_guidance(profile: Profile, catalog: Catalog | None = None) -> list[Guidance]:
    """What this profile needs, topic by topic, in plain words with the guideline behind each line.

    Where several cases of a topic fit, their lines are joined into the topic's one item.
    """
    catalog = catalog or default_catalog()
    cases = _guidance_cases(profile, catalog.rules)
    ceiling = _ceiling_words(profile, catalog)
    balance = balance_dose(profile, catalog)
    guidance = []
    for topic in catalog.wording["guidance"]:
        fitting = [topic["cases"][case] for case in cases[topic["topic"]]]
        if fitting:
            lines = [case["advice"].format(impact_ceiling=ceiling, balance_dose=balance.words) for case in fitting]
            advice = " ".join(line[:1].upper() + line[1:] for line in lines)
            guidance.append(
                Guidance(topic["topic"], advice, unique_in_order(key for case in fitting for key in case["sources"]))
            )
    return guidance
