"""Each screening result read against its cut-off (data/screening.yaml): what it means, its source,
whether it is borderline, and which profile field it bears on. lib.screening turns these into the profile.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from lib.profiles import classify_t_score, classify_z_score

FINDING_COLUMNS = ["measure", "value", "cutoff", "meaning", "sets", "source", "key", "borderline"]
# Two fragility fractures or more count with a spine fracture (the profile's own definition of the field).
SEVERAL_FRACTURES = 2


@dataclass(frozen=True)
class Finding:
    """One result read against its cut-off, and whether it pushed a profile field off its default."""

    key: str  # the screen() argument it reads
    measure: str
    value: str
    cutoff: str
    meaning: str
    source: tuple[str, ...]
    reason: str  # the result against its cut-off in a phrase, for the profile's trace
    sets: str = ""  # the profile field this result bears on, or ""
    decides: bool = False  # True when it moves `sets` away from the default (falls high, bone lower, ...)
    borderline: bool = False

    def because(self, references: dict) -> str:
        cited = "; ".join(references[key].short for key in self.source)
        return f"{self.measure}: {self.reason}" + (f" ({cited})" if cited else "")


def _near(value: float, cutoff: float, margin: float) -> bool:
    return abs(value - cutoff) <= margin + 1e-9


def _with_borderline(meaning: str, borderline: bool) -> str:
    return f"Borderline: close to the cut-off, so a retest could fall either side. {meaning}" if borderline else meaning


def _tug(seconds: float, data: dict) -> Finding:
    test = data["tests"]["tug"]
    cutoff = test["at_risk_from"]
    at_risk = seconds >= cutoff
    borderline = _near(seconds, cutoff, test["borderline"])
    meaning = (test["at_risk"] if at_risk else test["not_at_risk"]) + " " + test["caution"]
    reason = f"{seconds:g} s is {'at or over' if at_risk else 'under'} the {cutoff:g} s cut-off"
    return Finding(
        "tug_s",
        test["name"],
        f"{seconds:g} s",
        f"at risk from {cutoff:g} s",
        _with_borderline(meaning, borderline),
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


def _chair_stand(count: int, age: float | None, sex: str | None, data: dict) -> Finding:
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
    borderline = _near(count, norm, test["borderline"])
    meaning = test["at_risk"] if at_risk else test["not_at_risk"]
    reason = (
        f"{value} is {'under' if at_risk else 'at or over'} the norm of {norm} for a {sex} client aged {low}-{high}"
    )
    return Finding(
        "chair_stands_30s",
        test["name"],
        value,
        f"at risk under {norm} ({sex}, {low}-{high})",
        _with_borderline(meaning, borderline),
        sources,
        reason,
        "falls",
        at_risk,
        borderline,
    )


def _balance(held: tuple[float, ...], data: dict) -> Finding:
    test = data["tests"]["balance"]
    stance = test["key_stance"]
    hold = test["hold_s"]
    seconds = held[stance]
    at_risk = seconds < hold
    borderline = _near(seconds, hold, test["borderline"]) and at_risk
    value = ", ".join(f"{name} {time:g} s" for name, time in zip(test["stances"], held))
    meaning = test["at_risk"] if at_risk else test["not_at_risk"]
    reason = f"{test['stances'][stance]} stance held {seconds:g} s, {'under' if at_risk else 'reaching'} the {hold:g} s needed"
    return Finding(
        "balance_stances_s",
        test["name"],
        value,
        f"at risk if {test['stances'][stance]} held under {hold:g} s",
        _with_borderline(meaning, borderline),
        tuple(test["sources"]),
        reason,
        "falls",
        at_risk,
        borderline,
    )


def stay_independent_score(answers: Sequence[bool], data: dict) -> int:
    return sum(item["points"] for item, yes in zip(data["tests"]["stay_independent"]["items"], answers) if yes)


def _stay_independent(answers: tuple[bool, ...], data: dict) -> Finding:
    test = data["tests"]["stay_independent"]
    score, cutoff = stay_independent_score(answers, data), test["at_risk_from"]
    at_risk = score >= cutoff
    borderline = _near(score, cutoff, test["borderline"])
    meaning = test["at_risk"] if at_risk else test["not_at_risk"]
    reason = f"{score} points is {'at or over' if at_risk else 'under'} the {cutoff}-point cut-off"
    return Finding(
        "stay_independent",
        test["name"],
        f"{score} of 14 points",
        f"at risk from {cutoff} points",
        _with_borderline(meaning, borderline),
        tuple(test["sources"]),
        reason,
        "falls",
        at_risk,
        borderline,
    )


def _falls_history(count: int, injured: bool, data: dict) -> Finding:
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


def _fear(afraid: bool, data: dict) -> Finding:
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


def _site(site: str | None) -> str:
    return f" ({site})" if site else ""


def _t_score(t: float, age: float | None, site: str | None, data: dict) -> Finding:
    spec = data["bone"]["t_score"]
    category = classify_t_score(t)
    borderline = any(_near(t, cutoff, spec["borderline"]) for cutoff in (-1.0, -2.5))
    meaning = spec["meanings"][category]
    if age is not None and age < data["bone"]["z_score"]["applies_under"]:
        meaning += " " + spec["under_50"]
    return Finding(
        "t_score",
        spec["name"],
        f"{t:.1f}{_site(site)}",
        "normal from -1.0; osteoporosis at -2.5 or lower",
        _with_borderline(meaning, borderline),
        tuple(spec["sources"]),
        f"{t:.1f} is {category} by the WHO thresholds",
        "bone",
        category != "normal",
        borderline,
    )


def _z_score(z: float, age: float | None, site: str | None, data: dict) -> Finding:
    spec = data["bone"]["z_score"]
    cutoff = spec["below_from"]
    value, cut = (
        f"{z:.1f}{_site(site)}",
        f"below the expected range at {cutoff:.1f} or lower, under {spec['applies_under']}",
    )
    if age is not None and age >= spec["applies_under"]:
        return Finding(
            "z_score", spec["name"], value, cut, spec["not_used"], tuple(spec["sources"]), "not used from 50"
        )
    below = classify_z_score(z) == "low_for_age"
    borderline = _near(z, cutoff, spec["borderline"])
    meaning = spec["below"] if below else spec["within"]
    reason = f"{z:.1f} is {'at or below' if below else 'above'} {cutoff:.1f}, {'below' if below else 'within'} the expected range for age"
    return Finding(
        "z_score",
        spec["name"],
        value,
        cut,
        _with_borderline(meaning, borderline),
        tuple(spec["sources"]),
        reason,
        "bone",
        below,
        borderline,
    )


def _fractures(sites: tuple[str, ...], age: float | None, data: dict) -> list[Finding]:
    spec = data["bone"]["fractures"]
    names = ", ".join(spec["sites"][site] for site in sites)
    sources = tuple(spec["sources"])
    findings = []
    clinical = [site for site in sites if site in spec["clinical_osteoporosis_sites"]]
    old_enough = age is None or age >= spec["clinical_from_age"]
    if clinical and old_enough:
        clinical_names = ", ".join(spec["sites"][site] for site in clinical)
        findings.append(
            Finding(
                "fractures",
                spec["name"],
                names,
                f"hip, spine, upper arm or pelvis after 40, from age {spec['clinical_from_age']}",
                spec["clinical"],
                sources,
                f"a low-trauma {clinical_names} fracture after 40 counts as osteoporosis, whatever the T-score",
                "bone",
                True,
            )
        )
    if "spine" in sites:
        findings.append(
            Finding(
                "fractures",
                spec["name"],
                spec["sites"]["spine"],
                "reported",
                spec["spine"],
                sources,
                "a spine fracture reported",
                "vertebral_fracture",
                True,
            )
        )
    elif len(sites) >= SEVERAL_FRACTURES:
        findings.append(
            Finding(
                "fractures",
                spec["name"],
                names,
                f"{SEVERAL_FRACTURES} sites or more",
                spec["several"],
                sources,
                f"{len(sites)} fragility fractures reported",
                "vertebral_fracture",
                True,
            )
        )
    if not findings:
        findings.append(Finding("fractures", spec["name"], names, "", spec["other"], sources, f"{names} reported"))
    return findings


def _height_loss(cm: float, t: float | None, data: dict) -> Finding:
    spec = data["bone"]["height_loss"]
    over = cm > spec["over_cm"]
    borderline = _near(cm, spec["over_cm"], spec["borderline"])
    if not over:
        meaning = spec["under"]
    else:
        meaning = spec["over"] if t is not None and t < -1.0 else spec["over_without_t"]
    return Finding(
        "height_loss_cm",
        spec["name"],
        f"{cm:g} cm",
        f"more than {spec['over_cm']:g} cm",
        _with_borderline(meaning, borderline),
        tuple(spec["sources"]),
        f"{cm:g} cm",
        borderline=borderline,
    )


def _occiput_to_wall(cm: float, data: dict) -> Finding:
    spec = data["bone"]["occiput_to_wall"]
    at_or_over = cm >= spec["from_cm"]
    return Finding(
        "occiput_to_wall_cm",
        spec["name"],
        f"{cm:g} cm",
        f"{spec['from_cm'] * 10:g} mm or more",
        spec["at_or_over"] if at_or_over else spec["under"],
        tuple(spec["sources"]),
        f"{cm:g} cm",
    )


def _yes_no(key: str, answer: bool, sets: str, data: dict) -> Finding:
    spec = data["other"][key]
    return Finding(
        key,
        spec["name"],
        "yes" if answer else "no",
        "as reported",
        spec["if_yes"] if answer else spec["if_no"],
        tuple(spec.get("sources", ())),
        "as reported",
        sets,
        answer,
    )


def read_results(inputs: dict, data: dict) -> list[Finding]:
    """Every result that was entered, read against its cut-off, in the order of the form."""
    age, t = inputs["age"], inputs["t_score"]
    readers = [
        ("tug_s", lambda value: _tug(value, data)),
        ("chair_stands_30s", lambda value: _chair_stand(value, age, inputs["sex"], data)),
        ("balance_stances_s", lambda value: _balance(value, data)),
        ("stay_independent", lambda value: _stay_independent(value, data)),
        ("falls_past_year", lambda value: _falls_history(value, inputs["fall_injured"], data)),
        ("fear_of_falling", lambda value: _fear(value, data)),
        ("t_score", lambda value: _t_score(value, age, inputs["dxa_site"], data)),
        ("z_score", lambda value: _z_score(value, age, inputs["dxa_site"], data)),
        ("height_loss_cm", lambda value: _height_loss(value, t, data)),
        ("occiput_to_wall_cm", lambda value: _occiput_to_wall(value, data)),
        ("floor", lambda value: _floor(value, data)),
    ]
    findings = []
    for key, read in readers:
        if inputs[key] is not None:
            findings.append(read(inputs[key]))
    if inputs["fractures"]:
        findings.extend(_fractures(inputs["fractures"], age, data))
    findings.append(_yes_no("joint_limits", inputs["joint_limits"], "joint_limits", data))
    findings.append(_experience(inputs["experience"], data))
    findings.append(_yes_no("clearance", inputs["clearance"], "clearance", data))
    return findings


def _experience(level: str, data: dict) -> Finding:
    spec = data["other"]["experience"]
    return Finding(
        "experience",
        spec["name"],
        level,
        "as reported",
        spec[level],
        (),
        "as reported",
        "experience",
        level == "trained",
    )


def _floor(can: bool, data: dict) -> Finding:
    spec = data["other"]["floor"]
    return Finding(
        "floor",
        spec["name"],
        "yes" if can else "no",
        "as checked",
        spec["if_yes"] if can else spec["if_no"],
        tuple(spec["sources"]),
        "as checked",
        "floor_transfers",
        not can,
    )


def findings_frame(findings: list[Finding]) -> pd.DataFrame:
    rows = [
        {
            "measure": f.measure,
            "value": f.value,
            "cutoff": f.cutoff,
            "meaning": f.meaning,
            "sets": f.sets,
            "source": list(f.source),
            "key": f.key,
            "borderline": f.borderline,
        }
        for f in findings
    ]
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)
