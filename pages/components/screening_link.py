"""The link that opens the screening already filled in, and the labels its multiselects put in links.

Shared by the screening page and Client cases (whose links go through the screening). What each URL
parameter may hold is declared in pages/components/page_params.py.
"""

from __future__ import annotations

from typing import Any

from lib.profiles import Profile
from pages.components.page_params import (
    BALANCE_KEYS,
    PROFILE_FIELDS_ON_SCREENING,
    SCREENING_NUMBERS,
    checklist_questions,
    fracture_site_labels,
    risk_factor_labels,
)
from pages.components.profile_form import profile_query_params

CHECKLIST = checklist_questions()
RISK_FACTORS = risk_factor_labels()
FRACTURE_SITES = fracture_site_labels()


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def screening_query_params(values: dict[str, Any]) -> dict[str, str | list[str]]:
    """The URL parameters that open the screening page with these screen() arguments (defaults left out)."""
    params: dict[str, str | list[str]] = {
        key: f"{values[name]:g}" for key, name in SCREENING_NUMBERS.items() if values.get(name) is not None
    }
    for key, held in zip(BALANCE_KEYS, values.get("balance_stances_s") or ()):
        params[key] = f"{held:g}"
    if values.get("stay_independent") is not None:
        params["si_asked"] = "true"
        params["si"] = [text for text, yes in zip(CHECKLIST, values["stay_independent"]) if yes]
    simple = {"sex": values.get("sex"), "dxa_site": values.get("dxa_site")}
    params |= {key: value for key, value in simple.items() if value}
    for key, name in (("fear", "fear_of_falling"), ("floor", "floor")):
        if values.get(name) is not None:
            params[key] = _yes_no(values[name])
    if values.get("fall_injured"):
        params["fall_hurt"] = "true"
    # The profile's own fields, as a profile's link writes them (defaults left out).
    asked = {field: values[field] for field in PROFILE_FIELDS_ON_SCREENING if values.get(field) is not None}
    params |= profile_query_params(Profile(**asked))
    if values.get("fractures"):
        params["frac"] = [FRACTURE_SITES[site] for site in values["fractures"]]
    if values.get("risk_factors"):
        params["risk"] = [RISK_FACTORS[factor] for factor in values["risk_factors"]]
    return {key: value for key, value in params.items() if value != []}
