"""Screen a client: standard functional tests and risk factors, read against published cut-offs, set the profile.

Public API::

    from lib.screening import screen
    s = screen(age=72, sex="female", tug_s=13.5, chair_stands_30s=8, balance_stances_s=(10, 10, 6, 0),
               falls_past_year=1, fear_of_falling=True, t_score=-2.7, fractures=["spine"],
               experience="novice", clearance=False)
    s.profile    # lib.profiles.Profile
    s.findings   # DataFrame: measure, value, cutoff, meaning, sets, source (+ key, borderline)
    s.flags      # DataFrame: risk_factor, present, changes, source
    s.traces     # {profile field: "high, because ..."}

Every cut-off, meaning and source is data (data/screening.yaml); this module only compares. Risk factors
are shown one by one and never added up into a probability (FRAX's model is not public: see the data's
`frax.why_not`). Nothing about the client is stored or logged here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from lib.catalog import Catalog, default_catalog
from lib.profiles import EXPERIENCE_LEVELS, Profile, classify_t_score, classify_z_score

SEXES = ("female", "male")
DXA_SITES = ("spine", "hip", "forearm")
FINDING_COLUMNS = ["measure", "value", "cutoff", "meaning", "sets", "source", "key", "borderline"]
FLAG_COLUMNS = ["risk_factor", "present", "changes", "source"]
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


@dataclass(frozen=True)
class Screening:
    profile: Profile
    findings: pd.DataFrame
    flags: pd.DataFrame
    traces: dict[str, str]
    inputs: dict[str, Any] = field(default_factory=dict)  # the validated arguments that were given


# --- Checking the arguments ----------------------------------------------------------------------


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def allowed_range(name: str, data: dict) -> str:
    spec = data["inputs"][name]
    low, high = spec["range"]
    unit = f" {spec['unit']}" if spec["unit"] else ""
    whole = "a whole number" if float(spec["step"]).is_integer() else "a number"
    return f"{whole} from {low:g} to {high:g}{unit}"


def _check_number(name: str, value: Any, data: dict) -> float | None:
    """The value if it lies in the input's range; ValueError naming the argument and the range otherwise."""
    if value is None:
        return None
    spec = data["inputs"][name]
    low, high = spec["range"]
    whole = float(spec["step"]).is_integer()
    if not _is_number(value) or not low <= value <= high or (whole and not float(value).is_integer()):
        raise ValueError(f"{name} ({spec['label']}) must be {allowed_range(name, data)}")
    return value


def _check_choice(name: str, value: Any, allowed: Iterable, optional: bool = True) -> Any:
    allowed = tuple(allowed)
    if (value is None and optional) or (value in allowed and type(value) is type(allowed[0])):
        return value
    raise ValueError(f"{name} must be one of {', '.join(map(str, allowed))}" + (" (or None)" if optional else ""))


def _check_many(name: str, values: Iterable | None, allowed: Iterable[str]) -> tuple[str, ...]:
    allowed = tuple(allowed)
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    chosen = tuple(values)
    for value in chosen:
        if value not in allowed:
            raise ValueError(f"{name} may hold only {', '.join(allowed)}")
    return tuple(dict.fromkeys(chosen))


def _check_balance(value: Sequence | None, data: dict) -> tuple[float, ...] | None:
    if value is None:
        return None
    stances = data["tests"]["balance"]["stances"]
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__") or len(value) != len(stances):
        raise ValueError(f"balance_stances_s must hold {len(stances)} times, one per stance ({', '.join(stances)}), "
                         f"each {allowed_range('balance_stances_s', data)}")
    return tuple(_check_number("balance_stances_s", seconds, data) for seconds in value)


def _check_checklist(value: Sequence | None, data: dict) -> tuple[bool, ...] | None:
    if value is None:
        return None
    items = data["tests"]["stay_independent"]["items"]
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__") or len(value) != len(items) \
            or not all(isinstance(answer, bool) for answer in value):
        raise ValueError(f"stay_independent must hold {len(items)} yes/no answers (True or False), one per question")
    return tuple(value)


# --- Reading each result against its cut-off -----------------------------------------------------


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
    return Finding("tug_s", test["name"], f"{seconds:g} s", f"at risk from {cutoff:g} s", _with_borderline(meaning, borderline),
                   tuple(test["sources"]), reason, "falls", at_risk, borderline)


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
    reason = f"{value} is {'under' if at_risk else 'at or over'} the norm of {norm} for a {sex} client aged {low}-{high}"
    return Finding("chair_stands_30s", test["name"], value, f"at risk under {norm} ({sex}, {low}-{high})",
                   _with_borderline(meaning, borderline), sources, reason, "falls", at_risk, borderline)


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
    return Finding("balance_stances_s", test["name"], value, f"at risk if {test['stances'][stance]} held under {hold:g} s",
                   _with_borderline(meaning, borderline), tuple(test["sources"]), reason, "falls", at_risk, borderline)


def stay_independent_score(answers: Sequence[bool], data: dict) -> int:
    return sum(item["points"] for item, yes in zip(data["tests"]["stay_independent"]["items"], answers) if yes)


def _stay_independent(answers: tuple[bool, ...], data: dict) -> Finding:
    test = data["tests"]["stay_independent"]
    score, cutoff = stay_independent_score(answers, data), test["at_risk_from"]
    at_risk = score >= cutoff
    borderline = _near(score, cutoff, test["borderline"])
    meaning = test["at_risk"] if at_risk else test["not_at_risk"]
    reason = f"{score} points is {'at or over' if at_risk else 'under'} the {cutoff}-point cut-off"
    return Finding("stay_independent", test["name"], f"{score} of 14 points", f"at risk from {cutoff} points",
                   _with_borderline(meaning, borderline), tuple(test["sources"]), reason, "falls", at_risk, borderline)


def _falls_history(count: int, injured: bool, data: dict) -> Finding:
    test = data["tests"]["falls_history"]
    at_risk = count >= test["at_risk_from"]
    meaning = test["at_risk"] + (f" {test['injured']}" if injured else "") if at_risk else test["not_at_risk"]
    value = f"{count:g} fall" + ("" if count == 1 else "s") + (", injured" if injured and at_risk else "")
    return Finding("falls_past_year", test["name"], value, f"at risk from {test['at_risk_from']} fall",
                   meaning, tuple(test["sources"]), f"{value} reported", "falls", at_risk)


def _fear(afraid: bool, data: dict) -> Finding:
    test = data["tests"]["fear_of_falling"]
    return Finding("fear_of_falling", test["name"], "yes" if afraid else "no", "any fear counts",
                   test["at_risk"] if afraid else test["not_at_risk"], tuple(test["sources"]),
                   "reported" if afraid else "none reported", "falls", afraid)


def _site(site: str | None) -> str:
    return f" ({site})" if site else ""


def _t_score(t: float, age: float | None, site: str | None, data: dict) -> Finding:
    spec = data["bone"]["t_score"]
    category = classify_t_score(t)
    borderline = any(_near(t, cutoff, spec["borderline"]) for cutoff in (-1.0, -2.5))
    meaning = spec["meanings"][category]
    if age is not None and age < data["bone"]["z_score"]["applies_under"]:
        meaning += " " + spec["under_50"]
    return Finding("t_score", spec["name"], f"{t:.1f}{_site(site)}", "normal from -1.0; osteoporosis at -2.5 or lower",
                   _with_borderline(meaning, borderline), tuple(spec["sources"]), f"{t:.1f} is {category} by the WHO thresholds",
                   "bone", category != "normal", borderline)


def _z_score(z: float, age: float | None, site: str | None, data: dict) -> Finding:
    spec = data["bone"]["z_score"]
    cutoff = spec["below_from"]
    value, cut = f"{z:.1f}{_site(site)}", f"below the expected range at {cutoff:.1f} or lower, under {spec['applies_under']}"
    if age is not None and age >= spec["applies_under"]:
        return Finding("z_score", spec["name"], value, cut, spec["not_used"], tuple(spec["sources"]), "not used from 50")
    below = classify_z_score(z) == "low_for_age"
    borderline = _near(z, cutoff, spec["borderline"])
    meaning = spec["below"] if below else spec["within"]
    reason = f"{z:.1f} is {'at or below' if below else 'above'} {cutoff:.1f}, {'below' if below else 'within'} the expected range for age"
    return Finding("z_score", spec["name"], value, cut, _with_borderline(meaning, borderline), tuple(spec["sources"]),
                   reason, "bone", below, borderline)


def _fractures(sites: tuple[str, ...], age: float | None, data: dict) -> list[Finding]:
    spec = data["bone"]["fractures"]
    names = ", ".join(spec["sites"][site] for site in sites)
    sources = tuple(spec["sources"])
    findings = []
    clinical = [site for site in sites if site in spec["clinical_osteoporosis_sites"]]
    old_enough = age is None or age >= spec["clinical_from_age"]
    if clinical and old_enough:
        clinical_names = ", ".join(spec["sites"][site] for site in clinical)
        findings.append(Finding("fractures", spec["name"], names, f"hip, spine, upper arm or pelvis after 40, from age {spec['clinical_from_age']}",
                                spec["clinical"], sources, f"a low-trauma {clinical_names} fracture after 40 counts as osteoporosis, whatever the T-score", "bone", True))
    if "spine" in sites:
        findings.append(Finding("fractures", spec["name"], spec["sites"]["spine"], "reported", spec["spine"], sources,
                                "a spine fracture reported", "vertebral_fracture", True))
    elif len(sites) >= SEVERAL_FRACTURES:
        findings.append(Finding("fractures", spec["name"], names, f"{SEVERAL_FRACTURES} sites or more", spec["several"], sources,
                                f"{len(sites)} fragility fractures reported", "vertebral_fracture", True))
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
    return Finding("height_loss_cm", spec["name"], f"{cm:g} cm", f"more than {spec['over_cm']:g} cm",
                   _with_borderline(meaning, borderline), tuple(spec["sources"]), f"{cm:g} cm", borderline=borderline)


def _occiput_to_wall(cm: float, data: dict) -> Finding:
    spec = data["bone"]["occiput_to_wall"]
    at_or_over = cm >= spec["from_cm"]
    return Finding("occiput_to_wall_cm", spec["name"], f"{cm:g} cm", f"{spec['from_cm'] * 10:g} mm or more",
                   spec["at_or_over"] if at_or_over else spec["under"], tuple(spec["sources"]), f"{cm:g} cm")


def _yes_no(key: str, answer: bool, sets: str, data: dict) -> Finding:
    spec = data["other"][key]
    return Finding(key, spec["name"], "yes" if answer else "no", "as reported",
                   spec["if_yes"] if answer else spec["if_no"], tuple(spec.get("sources", ())), "as reported", sets, answer)


# --- From findings to the profile ----------------------------------------------------------------


def _bone(findings: list[Finding], t_score: float | None, z_score: float | None, references: dict) -> tuple[str, str]:
    """The bone level and why: a clinical fracture diagnosis (from 50) first; under 50 a Z-score (ISCD);
    otherwise the T-score (WHO); otherwise the default."""
    fracture = next((f for f in findings if f.key == "fractures" and f.sets == "bone" and f.decides), None)
    if fracture is not None:
        return "osteoporosis", fracture.because(references)
    z_finding = next((f for f in findings if f.key == "z_score" and f.sets == "bone"), None)
    if z_finding is not None:
        return classify_z_score(z_score), z_finding.because(references)
    if t_score is not None:
        t_finding = next(f for f in findings if f.key == "t_score")
        return classify_t_score(t_score), t_finding.because(references)
    return "normal", "no T-score or qualifying fracture was entered (the default)"


def _falls(findings: list[Finding], references: dict) -> tuple[str, str]:
    falls = [finding for finding in findings if finding.sets == "falls"]
    signs = [finding for finding in falls if finding.decides]
    if signs:
        return "high", "; ".join(finding.because(references) for finding in signs)
    if falls:
        return "low", "no fall-risk sign in: " + ", ".join(finding.measure for finding in falls)
    return "low", "no fall-risk test or question was entered (the default)"


VALUE_WORDS = {"low_for_age": "below the expected range for age"}  # profile values that read badly as they are


def _trace(label: str, value: Any, because: str) -> str:
    shown = ("yes" if value else "no") if isinstance(value, bool) else VALUE_WORDS.get(value, value)
    return f"{label}: {shown}, because {because}"


def _derive(findings: list[Finding], inputs: dict, data: dict, references: dict) -> tuple[Profile, dict[str, str]]:
    labels = data["profile_fields"]
    bone, bone_why = _bone(findings, inputs["t_score"], inputs["z_score"], references)
    falls, falls_why = _falls(findings, references)
    spine = [finding for finding in findings if finding.sets == "vertebral_fracture" and finding.decides]
    vertebral = bool(spine)
    vertebral_why = spine[0].because(references) if spine else "no spine fracture, and not several fragility fractures, was reported"
    joint_limits, experience, clearance = inputs["joint_limits"], inputs["experience"], inputs["clearance"]
    floor = inputs["floor"] is not False  # not checked: the profile's default (floor work allowed)
    profile = Profile(bone=bone, vertebral_fracture=vertebral, falls=falls, joint_limits=joint_limits,
                      experience=experience, clearance=clearance, floor_transfers=floor)
    traces = {
        "bone": _trace(labels["bone"], bone, bone_why),
        "vertebral_fracture": _trace(labels["vertebral_fracture"], vertebral, vertebral_why),
        "falls": _trace(labels["falls"], falls, falls_why),
        "joint_limits": _trace(labels["joint_limits"], joint_limits, "it was reported so"),
        "experience": _trace(labels["experience"], experience, "it was reported so"),
        "clearance": _trace(labels["clearance"], clearance, "it was reported so"),
        "floor_transfers": _trace(labels["floor_transfers"], floor,
                                  "it was checked so" if inputs["floor"] is not None else "it was not checked (the default)"),
    }
    return profile, traces


def _derived_flag(condition: dict, inputs: dict) -> bool:
    """A flag read from what was entered: an age from a threshold, or a sex."""
    if "age_from" in condition:
        return inputs["age"] is not None and inputs["age"] >= condition["age_from"]
    return inputs["sex"] == condition["sex"]


def _flags(inputs: dict, data: dict) -> pd.DataFrame:
    rows = [{"risk_factor": factor["label"],
             "present": _derived_flag(factor["derived"], inputs) if "derived" in factor else factor["id"] in inputs["risk_factors"],
             "changes": factor["changes"], "source": list(factor["sources"]), "id": factor["id"]}
            for factor in data["risk_factors"]]
    return pd.DataFrame(rows, columns=[*FLAG_COLUMNS, "id"])


def _findings_frame(findings: list[Finding]) -> pd.DataFrame:
    rows = [{"measure": f.measure, "value": f.value, "cutoff": f.cutoff, "meaning": f.meaning,
             "sets": f.sets, "source": list(f.source), "key": f.key, "borderline": f.borderline} for f in findings]
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def risk_factor_ids(data: dict) -> tuple[str, ...]:
    """The risk factors a user ticks (age and sex flags are read from those fields instead)."""
    return tuple(factor["id"] for factor in data["risk_factors"] if "derived" not in factor)


def fracture_sites(data: dict) -> tuple[str, ...]:
    return tuple(data["bone"]["fractures"]["sites"])


def screen(
    *, age: int | None = None, sex: str | None = None, tug_s: float | None = None,
    chair_stands_30s: int | None = None, balance_stances_s: Sequence[float] | None = None,
    falls_past_year: int | None = None, fall_injured: bool = False, fear_of_falling: bool | None = None,
    stay_independent: Sequence[bool] | None = None, t_score: float | None = None, z_score: float | None = None,
    dxa_site: str | None = None, fractures: Iterable[str] | None = None, height_loss_cm: float | None = None,
    occiput_to_wall_cm: float | None = None, risk_factors: Iterable[str] | None = None, joint_limits: bool = False,
    experience: str = "novice", clearance: bool = False, floor: bool | None = None, catalog: Catalog | None = None,
) -> Screening:
    """Read a client's results against their cut-offs and derive the exercise profile, with a trace per field.

    No argument is required: a profile field with no result behind it keeps its default, and its trace
    says so. What a profile cannot do without is covered by those defaults (bone normal, falls low, novice,
    no clearance). Some results need others to be read: the chair stand needs `age` (60-94) and `sex`;
    a Z-score counts under 50, so give `age` with it; the fracture rule applies from 50.

    `fractures`: fragility (low-trauma) fractures after 40, by site; `balance_stances_s`: seconds held in
    each of the four stances (0 for a stance not reached); `stay_independent`: the twelve yes/no answers;
    `floor`: can get down to and up from the floor (None: not checked); `None` anywhere means not measured.
    Impossible values raise ValueError naming the argument and its allowed range.
    """
    catalog = catalog or default_catalog()
    data = catalog.screening
    inputs = {
        "age": _check_number("age", age, data),
        "sex": _check_choice("sex", sex, SEXES),
        "tug_s": _check_number("tug_s", tug_s, data),
        "chair_stands_30s": _check_number("chair_stands_30s", chair_stands_30s, data),
        "balance_stances_s": _check_balance(balance_stances_s, data),
        "falls_past_year": _check_number("falls_past_year", falls_past_year, data),
        "fall_injured": _check_choice("fall_injured", fall_injured, (False, True), optional=False),
        "fear_of_falling": _check_choice("fear_of_falling", fear_of_falling, (False, True)),
        "stay_independent": _check_checklist(stay_independent, data),
        "t_score": _check_number("t_score", t_score, data),
        "z_score": _check_number("z_score", z_score, data),
        "dxa_site": _check_choice("dxa_site", dxa_site, DXA_SITES),
        "fractures": _check_many("fractures", fractures, fracture_sites(data)),
        "height_loss_cm": _check_number("height_loss_cm", height_loss_cm, data),
        "occiput_to_wall_cm": _check_number("occiput_to_wall_cm", occiput_to_wall_cm, data),
        "risk_factors": _check_many("risk_factors", risk_factors, risk_factor_ids(data)),
        "joint_limits": _check_choice("joint_limits", joint_limits, (False, True), optional=False),
        "experience": _check_choice("experience", experience, EXPERIENCE_LEVELS, optional=False),
        "clearance": _check_choice("clearance", clearance, (False, True), optional=False),
        "floor": _check_choice("floor", floor, (False, True)),
    }
    findings = _read_results(inputs, data)
    profile, traces = _derive(findings, inputs, data, catalog.references)
    given = {key: value for key, value in inputs.items() if value not in (None, ())}
    return Screening(profile, _findings_frame(findings), _flags(inputs, data), traces, given)


def _read_results(inputs: dict, data: dict) -> list[Finding]:
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
    return Finding("experience", spec["name"], level, "as reported", spec[level], (), "as reported", "experience",
                   level == "trained")


def _floor(can: bool, data: dict) -> Finding:
    spec = data["other"]["floor"]
    return Finding("floor", spec["name"], "yes" if can else "no", "as checked", spec["if_yes"] if can else spec["if_no"],
                   tuple(spec["sources"]), "as checked", "floor_transfers", not can)
