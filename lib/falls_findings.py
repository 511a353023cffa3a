"""The falls-risk tests read against their cut-offs (data/screening.yaml `tests`): Timed Up and Go, the
30-second chair stand, the 4-stage balance test, the Stay Independent checklist, falls in the last year and
fear of falling. Each bears on the profile's `falls` field.
"""

from __future__ import annotations

from collections.abc import Sequence

from lib.finding import Finding, near_cutoff, with_borderline


def tug_finding(seconds: float, data: dict) -> Finding:
    test = data["tests"]["tug"]
    cutoff = test["at_risk_from"]
    at_risk = seconds >= cutoff
    borderline = near_cutoff(seconds, cutoff, test["borderline"])
    meaning = (test["at_risk"] if at_risk else test["not_at_risk"]) + " " + test["caution"]
    reason = f"{seconds:g} s is {'at or over' if at_risk else 'under'} the {cutoff:g} s cut-off"
    return Finding(
        "tug_s",
        test["name"],
        f"{seconds:g} s",
        f"at risk from {cutoff:g} s",
        with_borderline(meaning, borderline),
        tuple(test["sources"]),
        reason,
        "falls",
        at_risk,
        borderline,
    )


def chair_stand_norm(age: float | None, sex: str | None, data: dict) -> dict | None:
    """The age band's row of the chair-stand norms, or None outside the published ages."""
    if age is None or sex is None:
        return None
    for band in data["tests"]["chair_stand"]["norms"]:
        low, high = band["ages"]
        if low <= age <= high:
            return band
    return None


def chair_stand_finding(count: int, age: float | None, sex: str | None, data: dict) -> Finding:
    test = data["tests"]["chair_stand"]
    value, sources = f"{count:g} stands", tuple(test["sources"])
    if age is None or sex is None:
        return Finding("chair_stands_30s", test["name"], value, "", test["needs_age_and_sex"], sources, "not read")
    band = chair_stand_norm(age, sex, data)
    if band is None:
        return Finding("chair_stands_30s", test["name"], value, "", test["no_norm"], sources, "no norm for this age")
    low, high = band["ages"]
    norm = band[sex]
    at_risk = count < norm
    borderline = near_cutoff(count, norm, test["borderline"])
    meaning = test["at_risk"] if at_risk else test["not_at_risk"]
    reason = (
        f"{value} is {'under' if at_risk else 'at or over'} the norm of {norm} for a {sex} client aged {low}-{high}"
    )
    return Finding(
        "chair_stands_30s",
        test["name"],
        value,
        f"at risk under {norm} ({sex}, {low}-{high})",
        with_borderline(meaning, borderline),
        sources,
        reason,
        "falls",
        at_risk,
        borderline,
    )


def balance_finding(held: tuple[float, ...], data: dict) -> Finding:
    test = data["tests"]["balance"]
    stance = test["key_stance"]
    hold = test["hold_s"]
    seconds = held[stance]
    at_risk = seconds < hold
    borderline = near_cutoff(seconds, hold, test["borderline"]) and at_risk
    value = ", ".join(f"{name} {time:g} s" for name, time in zip(test["stances"], held))
    meaning = test["at_risk"] if at_risk else test["not_at_risk"]
    reason = f"{test['stances'][stance]} stance held {seconds:g} s, {'under' if at_risk else 'reaching'} the {hold:g} s needed"
    return Finding(
        "balance_stances_s",
        test["name"],
        value,
        f"at risk if {test['stances'][stance]} held under {hold:g} s",
        with_borderline(meaning, borderline),
        tuple(test["sources"]),
        reason,
        "falls",
        at_risk,
        borderline,
    )


def stay_independent_score(answers: Sequence[bool], data: dict) -> int:
    return sum(item["points"] for item, yes in zip(data["tests"]["stay_independent"]["items"], answers) if yes)


def stay_independent_finding(answers: tuple[bool, ...], data: dict) -> Finding:
    test = data["tests"]["stay_independent"]
    score, cutoff = stay_independent_score(answers, data), test["at_risk_from"]
    at_risk = score >= cutoff
    borderline = near_cutoff(score, cutoff, test["borderline"])
    meaning = test["at_risk"] if at_risk else test["not_at_risk"]
    reason = f"{score} points is {'at or over' if at_risk else 'under'} the {cutoff}-point cut-off"
    return Finding(
        "stay_independent",
        test["name"],
        f"{score} of 14 points",
        f"at risk from {cutoff} points",
        with_borderline(meaning, borderline),
        tuple(test["sources"]),
        reason,
        "falls",
        at_risk,
        borderline,
    )


def falls_history_finding(count: int, injured: bool, data: dict) -> Finding:
    test = data["tests"]["falls_history"]
    at_risk = count >= test["at_risk_from"]
    meaning = test["at_risk"] + (f" {test['injured']}" if injured else "") if at_risk else test["not_at_risk"]
    value = f"{count:g} fall" + ("" if count == 1 else "s") + (", injured" if injured and at_risk else "")
    return Finding(
        "falls_past_year",
        test["name"],
        value,
        f"at risk from {test['at_risk_from']} fall",
        meaning,
        tuple(test["sources"]),
        f"{value} reported",
        "falls",
        at_risk,
    )


def fear_finding(afraid: bool, data: dict) -> Finding:
    test = data["tests"]["fear_of_falling"]
    return Finding(
        "fear_of_falling",
        test["name"],
        "yes" if afraid else "no",
        "any fear counts",
        test["at_risk"] if afraid else test["not_at_risk"],
        tuple(test["sources"]),
        "reported" if afraid else "none reported",
        "falls",
        afraid,
    )
