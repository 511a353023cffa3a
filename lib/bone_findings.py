"""The bone results read against their cut-offs (data/screening.yaml `bone`): DXA T- and Z-scores, fragility
fractures, height loss and the occiput-to-wall distance. They bear on the profile's `bone` and
`vertebral_fracture` fields.
"""

from __future__ import annotations

from lib.finding import Finding, near_cutoff, spec_finding
from lib.profiles import classify_t_score, classify_z_score

# Two fragility fractures or more count with a spine fracture (the profile's own definition of the field).
SEVERAL_FRACTURES = 2


def _site(site: str | None) -> str:
    return f" ({site})" if site else ""


def t_score_finding(t: float, age: float | None, site: str | None, data: dict) -> Finding:
    spec = data["bone"]["t_score"]
    category = classify_t_score(t)
    borderline = any(near_cutoff(t, cutoff, spec["borderline"]) for cutoff in (-1.0, -2.5))
    meaning = spec["meanings"][category]
    if age is not None and age < data["bone"]["z_score"]["applies_under"]:
        meaning += " " + spec["under_50"]
    cut, reason = "normal from -1.0; osteoporosis at -2.5 or lower", f"{t:.1f} is {category} by the WHO thresholds"
    lower = category != "normal"
    return spec_finding(
        spec,
        "t_score",
        f"{t:.1f}{_site(site)}",
        cut,
        meaning,
        reason,
        sets="bone",
        decides=lower,
        borderline=borderline,
    )


def z_score_finding(z: float, age: float | None, site: str | None, data: dict) -> Finding:
    spec = data["bone"]["z_score"]
    cutoff = spec["below_from"]
    value, cut = (
        f"{z:.1f}{_site(site)}",
        f"below the expected range at {cutoff:.1f} or lower, under {spec['applies_under']}",
    )
    if age is not None and age >= spec["applies_under"]:
        return spec_finding(spec, "z_score", value, cut, spec["not_used"], "not used from 50")
    below = classify_z_score(z) == "low_for_age"
    borderline = near_cutoff(z, cutoff, spec["borderline"])
    meaning = spec["below"] if below else spec["within"]
    reason = f"{z:.1f} is {'at or below' if below else 'above'} {cutoff:.1f}, {'below' if below else 'within'} the expected range for age"
    return spec_finding(spec, "z_score", value, cut, meaning, reason, sets="bone", decides=below, borderline=borderline)


def fracture_findings(sites: tuple[str, ...], age: float | None, data: dict) -> list[Finding]:
    spec = data["bone"]["fractures"]
    names = ", ".join(spec["sites"][site] for site in sites)
    findings = []
    clinical = [site for site in sites if site in spec["clinical_osteoporosis_sites"]]
    old_enough = age is None or age >= spec["clinical_from_age"]
    if clinical and old_enough:
        clinical_names = ", ".join(spec["sites"][site] for site in clinical)
        findings.append(
            spec_finding(
                spec,
                "fractures",
                names,
                f"hip, spine, upper arm or pelvis after 40, from age {spec['clinical_from_age']}",
                spec["clinical"],
                f"a low-trauma {clinical_names} fracture after 40 counts as osteoporosis, whatever the T-score",
                sets="bone",
                decides=True,
            )
        )
    if "spine" in sites:
        findings.append(
            spec_finding(
                spec,
                "fractures",
                spec["sites"]["spine"],
                "reported",
                spec["spine"],
                "a spine fracture reported",
                sets="vertebral_fracture",
                decides=True,
            )
        )
    elif len(sites) >= SEVERAL_FRACTURES:
        findings.append(
            spec_finding(
                spec,
                "fractures",
                names,
                f"{SEVERAL_FRACTURES} sites or more",
                spec["several"],
                f"{len(sites)} fragility fractures reported",
                sets="vertebral_fracture",
                decides=True,
            )
        )
    if not findings:
        findings.append(spec_finding(spec, "fractures", names, "", spec["other"], f"{names} reported"))
    return findings


def height_loss_finding(cm: float, t: float | None, data: dict) -> Finding:
    spec = data["bone"]["height_loss"]
    over = cm > spec["over_cm"]
    borderline = near_cutoff(cm, spec["over_cm"], spec["borderline"])
    if not over:
        meaning = spec["under"]
    else:
        meaning = spec["over"] if t is not None and t < -1.0 else spec["over_without_t"]
    cut = f"more than {spec['over_cm']:g} cm"
    return spec_finding(spec, "height_loss_cm", f"{cm:g} cm", cut, meaning, f"{cm:g} cm", borderline=borderline)


def occiput_to_wall_finding(cm: float, data: dict) -> Finding:
    spec = data["bone"]["occiput_to_wall"]
    at_or_over = cm >= spec["from_cm"]
    meaning = spec["at_or_over"] if at_or_over else spec["under"]
    return spec_finding(
        spec, "occiput_to_wall_cm", f"{cm:g} cm", f"{spec['from_cm'] * 10:g} mm or more", meaning, f"{cm:g} cm"
    )
