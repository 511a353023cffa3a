"""The bone results read against their cut-offs (data/screening.yaml `bone`): DXA T- and Z-scores, fragility
fractures, height loss and the occiput-to-wall distance. They bear on the profile's `bone` and
`vertebral_fracture` fields.
"""

from __future__ import annotations

from lib.finding import Finding, near_cutoff, with_borderline
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
    return Finding(
        "t_score",
        spec["name"],
        f"{t:.1f}{_site(site)}",
        "normal from -1.0; osteoporosis at -2.5 or lower",
        with_borderline(meaning, borderline),
        tuple(spec["sources"]),
        f"{t:.1f} is {category} by the WHO thresholds",
        "bone",
        category != "normal",
        borderline,
    )


def z_score_finding(z: float, age: float | None, site: str | None, data: dict) -> Finding:
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
    borderline = near_cutoff(z, cutoff, spec["borderline"])
    meaning = spec["below"] if below else spec["within"]
    reason = f"{z:.1f} is {'at or below' if below else 'above'} {cutoff:.1f}, {'below' if below else 'within'} the expected range for age"
    return Finding(
        "z_score",
        spec["name"],
        value,
        cut,
        with_borderline(meaning, borderline),
        tuple(spec["sources"]),
        reason,
        "bone",
        below,
        borderline,
    )


def fracture_findings(sites: tuple[str, ...], age: float | None, data: dict) -> list[Finding]:
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


def height_loss_finding(cm: float, t: float | None, data: dict) -> Finding:
    spec = data["bone"]["height_loss"]
    over = cm > spec["over_cm"]
    borderline = near_cutoff(cm, spec["over_cm"], spec["borderline"])
    if not over:
        meaning = spec["under"]
    else:
        meaning = spec["over"] if t is not None and t < -1.0 else spec["over_without_t"]
    return Finding(
        "height_loss_cm",
        spec["name"],
        f"{cm:g} cm",
        f"more than {spec['over_cm']:g} cm",
        with_borderline(meaning, borderline),
        tuple(spec["sources"]),
        f"{cm:g} cm",
        borderline=borderline,
    )


def occiput_to_wall_finding(cm: float, data: dict) -> Finding:
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
