"""The screening's URL parameters: what each may hold, and the link that opens a screening already filled in.

Shared by the screening page and Client cases (whose links go through the screening). Multiselects bound to
the URL carry the label they show, so those parameters hold labels, not ids.
"""

from __future__ import annotations

from typing import Any

from lib.screening import DXA_SITES, SEXES
from lib.urlstate import Param, choice, number_between
from pages.components.common import catalog
from pages.components.profile_form import PROFILE_PARAMS

DATA = catalog().screening
# URL key -> screen() argument, for each number the form takes (limits from data/screening.yaml)
NUMBERS = {"age": "age", "tug": "tug_s", "chair": "chair_stands_30s", "falls_n": "falls_past_year",
           "t_score": "t_score", "z_score": "z_score", "height_loss": "height_loss_cm",
           "occiput_wall": "occiput_to_wall_cm"}
BALANCE_KEYS = ("bal_together", "bal_semi", "bal_tandem", "bal_one")
CHECKLIST = [item["text"] for item in DATA["tests"]["stay_independent"]["items"]]
RISK_FACTORS = {factor["id"]: factor["label"] for factor in DATA["risk_factors"] if "derived" not in factor}
FRACTURE_SITES = DATA["bone"]["fractures"]["sites"]
YES_NO = ("yes", "no")


def _number_param(name: str) -> Param:
    """A number in the input's range; a whole number where the input counts (stands, falls, years)."""
    spec = DATA["inputs"][name]
    in_range = number_between(*spec["range"])
    if not float(spec["step"]).is_integer():
        return in_range
    return Param(lambda value: in_range.check(value) and float(value).is_integer())


SCREENING_PARAMS: dict[str, Param] = {
    **{key: _number_param(name) for key, name in NUMBERS.items()},
    **{key: _number_param("balance_stances_s") for key in BALANCE_KEYS},
    "sex": choice(SEXES), "fall_hurt": choice([True, False]), "fear": choice(YES_NO), "floor": choice(YES_NO),
    "si": choice(CHECKLIST, repeatable=True), "si_asked": choice([True, False]),
    "site": choice(DXA_SITES), "frac": choice(FRACTURE_SITES.values(), repeatable=True),
    "risk": choice(RISK_FACTORS.values(), repeatable=True),
    "joints": PROFILE_PARAMS["joints"], "exp": PROFILE_PARAMS["exp"], "cleared": PROFILE_PARAMS["cleared"],
}


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def screening_query_params(values: dict[str, Any]) -> dict[str, str | list[str]]:
    """The URL parameters that open the screening page with these screen() arguments (defaults left out)."""
    params: dict[str, str | list[str]] = {key: f"{values[name]:g}" for key, name in NUMBERS.items()
                                          if values.get(name) is not None}
    for key, held in zip(BALANCE_KEYS, values.get("balance_stances_s") or ()):
        params[key] = f"{held:g}"
    if values.get("stay_independent") is not None:
        params["si_asked"] = "true"
        params["si"] = [text for text, yes in zip(CHECKLIST, values["stay_independent"]) if yes]
    simple = {"sex": values.get("sex"), "site": values.get("dxa_site"),
              "exp": values.get("experience") if values.get("experience") == "trained" else None}
    params |= {key: value for key, value in simple.items() if value}
    for key, name in (("fear", "fear_of_falling"), ("floor", "floor")):
        if values.get(name) is not None:
            params[key] = _yes_no(values[name])
    for key, name in (("fall_hurt", "fall_injured"), ("joints", "joint_limits"), ("cleared", "clearance")):
        if values.get(name):
            params[key] = "true"
    if values.get("fractures"):
        params["frac"] = [FRACTURE_SITES[site] for site in values["fractures"]]
    if values.get("risk_factors"):
        params["risk"] = [RISK_FACTORS[factor] for factor in values["risk_factors"]]
    return {key: value for key, value in params.items() if value != []}
