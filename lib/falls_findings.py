"""The falls-risk tests read against their cut-offs (data/screening.yaml `tests`): Timed Up and Go, the
30-second chair stand, the 4-stage balance test, the Stay Independent checklist, falls in the last year and
fear of falling. Each bears on the profile's `falls` field.
"""

from __future__ import annotations

from collections.abc import Sequence

from lib.finding import Finding, near_cutoff, spec_finding


def tug_finding(seconds: float, data: dict) -> Finding:
    test = data["tests"]["tug"]
    cutoff = test["at_risk_from"]
    at_risk = seconds >= cutoff
    borderline = near_cutoff(seconds, cutoff, test["borderline"])
    meaning = (test["at_risk"] if at_risk else test["not_at_risk"]) + " " + test["caution"]
    reason = f"{seconds:g} s is {'at or over' if at_risk else 'under'} the {cutoff:g} s cut-off"
    cut = f"at risk from {cutoff:g} s"
    return spec_finding(
        test, "tug_s", f"{seconds:g} s", cut, meaning, reason, sets="falls", decides=at_risk, borderline=borderline
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
    value = f"{count:g} stands"
    if age is None or sex is None:
        return spec_finding(test, "chair_stands_30s", value, "", test["needs_age_and_sex"], "not read")
    band = chair_stand_norm(age, sex, data)
    if band is None:
        return spec_finding(test, "chair_stands_30s", value, "", test["no_norm"], "no norm for this age")
    low, high = band["ages"]
    norm = band[sex]
    at_risk = count < norm
    borderline = near_cutoff(count, norm, test["borderline"])
    meaning = test["at_risk"] if at_risk else test["not_at_risk"]
    reason = (
        f"{value} is {'under' if at_risk else 'at or over'} the norm of {norm} for a {sex} client aged {low}-{high}"
    )
    cut = f"at risk under {norm} ({sex}, {low}-{high})"
    return spec_finding(
        test, "chair_stands_30s", value, cut, meaning, reason, sets="falls", decides=at_risk, borderline=borderline
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
    cut = f"at risk if {test['stances'][stance]} held under {hold:g} s"
    return spec_finding(
        test, "balance_stances_s", value, cut, meaning, reason, sets="falls", decides=at_risk, borderline=borderline
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
    value, cut = f"{score} of 14 points", f"at risk from {cutoff} points"
    return spec_finding(
        test, "stay_independent", value, cut, meaning, reason, sets="falls", decides=at_risk, borderline=borderline
    )


def falls_history_finding(count: int, injured: bool, data: dict) -> Finding:
    test = data["tests"]["falls_history"]
    at_risk = count >= test["at_risk_from"]
    meaning = test["at_risk"] + (f" {test['injured']}" if injured else "") if at_risk else test["not_at_risk"]
    value = f"{count:g} fall" + ("" if count == 1 else "s") + (", injured" if injured and at_risk else "")
    cut = f"at risk from {test['at_risk_from']} fall"
    return spec_finding(
        test, "falls_past_year", value, cut, meaning, f"{value} reported", sets="falls", decides=at_risk
    )


def fear_finding(afraid: bool, data: dict) -> Finding:
    test = data["tests"]["fear_of_falling"]
    meaning = test["at_risk"] if afraid else test["not_at_risk"]
    reason = "reported" if afraid else "none reported"
    return spec_finding(
        test,
        "fear_of_falling",
        "yes" if afraid else "no",
        "any fear counts",
        meaning,
        reason,
        sets="falls",
        decides=afraid,
    )
