"""The screening form's results, each read against its cut-off (data/screening.yaml) in the form's order:
what it means, its source, whether it is borderline, and which profile field it bears on. The falls tests are
read in lib.falls_findings, the bone results in lib.bone_findings, the answers taken as reported here.
lib.screening turns the findings into the profile.
"""

from __future__ import annotations

import pandas as pd

from lib.bone_findings import (
    fracture_findings,
    height_loss_finding,
    occiput_to_wall_finding,
    t_score_finding,
    z_score_finding,
)
from lib.falls_findings import (
    balance_finding,
    chair_stand_finding,
    falls_history_finding,
    fear_finding,
    stay_independent_finding,
    tug_finding,
)
from lib.finding import Finding, spec_finding

FINDING_COLUMNS = ["measure", "value", "cutoff", "meaning", "sets", "source", "key", "borderline"]


def read_results(inputs: dict, data: dict) -> list[Finding]:
    """Every result that was entered, read against its cut-off, in the order of the form."""
    age, t = inputs["age"], inputs["t_score"]
    readers = [
        ("tug_s", lambda value: tug_finding(value, data)),
        ("chair_stands_30s", lambda value: chair_stand_finding(value, age, inputs["sex"], data)),
        ("balance_stances_s", lambda value: balance_finding(value, data)),
        ("stay_independent", lambda value: stay_independent_finding(value, data)),
        ("falls_past_year", lambda value: falls_history_finding(value, inputs["fall_injured"], data)),
        ("fear_of_falling", lambda value: fear_finding(value, data)),
        ("t_score", lambda value: t_score_finding(value, age, inputs["dxa_site"], data)),
        ("z_score", lambda value: z_score_finding(value, age, inputs["dxa_site"], data)),
        ("height_loss_cm", lambda value: height_loss_finding(value, t, data)),
        ("occiput_to_wall_cm", lambda value: occiput_to_wall_finding(value, data)),
        ("floor", lambda value: _floor(value, data)),
    ]
    findings = []
    for key, read in readers:
        if inputs[key] is not None:
            findings.append(read(inputs[key]))
    if inputs["fractures"]:
        findings.extend(fracture_findings(inputs["fractures"], age, data))
    findings.append(_yes_no("joint_limits", inputs["joint_limits"], "joint_limits", data))
    findings.append(_experience(inputs["experience"], data))
    findings.append(_yes_no("clearance", inputs["clearance"], "clearance", data))
    return findings


def _yes_no(key: str, answer: bool, sets: str, data: dict) -> Finding:
    spec = data["other"][key]
    meaning = spec["if_yes"] if answer else spec["if_no"]
    return spec_finding(
        spec, key, "yes" if answer else "no", "as reported", meaning, "as reported", sets=sets, decides=answer
    )


def _experience(level: str, data: dict) -> Finding:
    spec = data["other"]["experience"]
    trained = level == "trained"
    return spec_finding(
        spec, "experience", level, "as reported", spec[level], "as reported", sets="experience", decides=trained
    )


def _floor(can: bool, data: dict) -> Finding:
    spec = data["other"]["floor"]
    meaning = spec["if_yes"] if can else spec["if_no"]
    return spec_finding(
        spec,
        "floor",
        "yes" if can else "no",
        "as checked",
        meaning,
        "as checked",
        sets="floor_transfers",
        decides=not can,
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
