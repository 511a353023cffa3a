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

Every cut-off, meaning and source is data (data/screening.yaml). The arguments are checked in
lib.screening_inputs, each result is read against its cut-off in lib.screening_findings (with
lib.falls_findings and lib.bone_findings), and this module turns those findings into the profile, a trace
per field, and the risk-factor flags. Risk factors are shown one by one and never added up into a
probability (FRAX's model is not public: see the data's `frax.why_not`). Nothing about the client is
stored or logged here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from lib.catalog import Catalog, default_catalog
from lib.finding import Finding
from lib.profiles import EXPERIENCE_LEVELS, Profile, classify_t_score, classify_z_score
from lib.screening_findings import findings_frame, read_results
from lib.screening_inputs import (
    DXA_SITES,
    SEXES,
    check_balance,
    check_checklist,
    check_choice,
    check_many,
    check_number,
    fracture_sites,
    risk_factor_ids,
)

FLAG_COLUMNS = ["risk_factor", "present", "changes", "source"]


@dataclass(frozen=True)
class Screening:
    profile: Profile
    findings: pd.DataFrame
    flags: pd.DataFrame
    traces: dict[str, str]
    inputs: dict[str, Any] = field(default_factory=dict)  # the validated arguments that were given


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
    vertebral_why = (
        spine[0].because(references)
        if spine
        else "no spine fracture, and not several fragility fractures, was reported"
    )
    joint_limits, experience, clearance = inputs["joint_limits"], inputs["experience"], inputs["clearance"]
    floor = inputs["floor"] is not False  # not checked: the profile's default (floor work allowed)
    profile = Profile(
        bone=bone,
        vertebral_fracture=vertebral,
        falls=falls,
        joint_limits=joint_limits,
        experience=experience,
        clearance=clearance,
        floor_transfers=floor,
    )
    traces = {
        "bone": _trace(labels["bone"], bone, bone_why),
        "vertebral_fracture": _trace(labels["vertebral_fracture"], vertebral, vertebral_why),
        "falls": _trace(labels["falls"], falls, falls_why),
        "joint_limits": _trace(labels["joint_limits"], joint_limits, "it was reported so"),
        "experience": _trace(labels["experience"], experience, "it was reported so"),
        "clearance": _trace(labels["clearance"], clearance, "it was reported so"),
        "floor_transfers": _trace(
            labels["floor_transfers"],
            floor,
            "it was checked so" if inputs["floor"] is not None else "it was not checked (the default)",
        ),
    }
    return profile, traces


def _derived_flag(condition: dict, inputs: dict) -> bool:
    """A flag read from what was entered: an age from a threshold, or a sex."""
    if "age_from" in condition:
        return inputs["age"] is not None and inputs["age"] >= condition["age_from"]
    return inputs["sex"] == condition["sex"]


def _flags(inputs: dict, data: dict) -> pd.DataFrame:
    rows = [
        {
            "risk_factor": factor["label"],
            "present": _derived_flag(factor["derived"], inputs)
            if "derived" in factor
            else factor["id"] in inputs["risk_factors"],
            "changes": factor["changes"],
            "source": list(factor["sources"]),
            "id": factor["id"],
        }
        for factor in data["risk_factors"]
    ]
    return pd.DataFrame(rows, columns=[*FLAG_COLUMNS, "id"])


def screen(
    *,
    age: int | None = None,
    sex: str | None = None,
    tug_s: float | None = None,
    chair_stands_30s: int | None = None,
    balance_stances_s: Sequence[float] | None = None,
    falls_past_year: int | None = None,
    fall_injured: bool = False,
    fear_of_falling: bool | None = None,
    stay_independent: Sequence[bool] | None = None,
    t_score: float | None = None,
    z_score: float | None = None,
    dxa_site: str | None = None,
    fractures: Iterable[str] | None = None,
    height_loss_cm: float | None = None,
    occiput_to_wall_cm: float | None = None,
    risk_factors: Iterable[str] | None = None,
    joint_limits: bool = False,
    experience: str = "novice",
    clearance: bool = False,
    floor: bool | None = None,
    catalog: Catalog | None = None,
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
        "age": check_number("age", age, data),
        "sex": check_choice("sex", sex, SEXES),
        "tug_s": check_number("tug_s", tug_s, data),
        "chair_stands_30s": check_number("chair_stands_30s", chair_stands_30s, data),
        "balance_stances_s": check_balance(balance_stances_s, data),
        "falls_past_year": check_number("falls_past_year", falls_past_year, data),
        "fall_injured": check_choice("fall_injured", fall_injured, (False, True), optional=False),
        "fear_of_falling": check_choice("fear_of_falling", fear_of_falling, (False, True)),
        "stay_independent": check_checklist(stay_independent, data),
        "t_score": check_number("t_score", t_score, data),
        "z_score": check_number("z_score", z_score, data),
        "dxa_site": check_choice("dxa_site", dxa_site, DXA_SITES),
        "fractures": check_many("fractures", fractures, fracture_sites(data)),
        "height_loss_cm": check_number("height_loss_cm", height_loss_cm, data),
        "occiput_to_wall_cm": check_number("occiput_to_wall_cm", occiput_to_wall_cm, data),
        "risk_factors": check_many("risk_factors", risk_factors, risk_factor_ids(data)),
        "joint_limits": check_choice("joint_limits", joint_limits, (False, True), optional=False),
        "experience": check_choice("experience", experience, EXPERIENCE_LEVELS, optional=False),
        "clearance": check_choice("clearance", clearance, (False, True), optional=False),
        "floor": check_choice("floor", floor, (False, True)),
    }
    findings = read_results(inputs, data)
    profile, traces = _derive(findings, inputs, data, catalog.references)
    given = {key: value for key, value in inputs.items() if value not in (None, ())}
    return Screening(profile, findings_frame(findings), _flags(inputs, data), traces, given)
