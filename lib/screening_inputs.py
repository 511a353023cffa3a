"""The screen() arguments checked before anything is read: each number within its input's range
(data/screening.yaml), each choice among its options. A bad one raises ValueError naming the argument
and what it may hold, as a form or a CSV reader can show it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

SEXES = ("female", "male")
DXA_SITES = ("spine", "hip", "forearm")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def allowed_range(name: str, data: dict) -> str:
    spec = data["inputs"][name]
    low, high = spec["range"]
    unit = f" {spec['unit']}" if spec["unit"] else ""
    whole = "a whole number" if float(spec["step"]).is_integer() else "a number"
    return f"{whole} from {low:g} to {high:g}{unit}"


def check_number(name: str, value: Any, data: dict) -> float | None:
    """The value if it lies in the input's range; ValueError naming the argument and the range otherwise."""
    if value is None:
        return None
    spec = data["inputs"][name]
    low, high = spec["range"]
    whole = float(spec["step"]).is_integer()
    if not _is_number(value) or not low <= value <= high or (whole and not float(value).is_integer()):
        raise ValueError(f"{name} ({spec['label']}) must be {allowed_range(name, data)}")
    return value


def check_choice(name: str, value: Any, allowed: Iterable, optional: bool = True) -> Any:
    allowed = tuple(allowed)
    if (value is None and optional) or (value in allowed and type(value) is type(allowed[0])):
        return value
    raise ValueError(f"{name} must be one of {', '.join(map(str, allowed))}" + (" (or None)" if optional else ""))


def check_many(name: str, values: Iterable | None, allowed: Iterable[str]) -> tuple[str, ...]:
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


def check_balance(value: Sequence | None, data: dict) -> tuple[float, ...] | None:
    if value is None:
        return None
    stances = data["tests"]["balance"]["stances"]
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__") or len(value) != len(stances):
        raise ValueError(
            f"balance_stances_s must hold {len(stances)} times, one per stance ({', '.join(stances)}), "
            f"each {allowed_range('balance_stances_s', data)}"
        )
    return tuple(check_number("balance_stances_s", seconds, data) for seconds in value)


def check_checklist(value: Sequence | None, data: dict) -> tuple[bool, ...] | None:
    if value is None:
        return None
    items = data["tests"]["stay_independent"]["items"]
    if (
        isinstance(value, (str, bytes))
        or not hasattr(value, "__len__")
        or len(value) != len(items)
        or not all(isinstance(answer, bool) for answer in value)
    ):
        raise ValueError(f"stay_independent must hold {len(items)} yes/no answers (True or False), one per question")
    return tuple(value)


def risk_factor_ids(data: dict) -> tuple[str, ...]:
    """The risk factors a user ticks (age and sex flags are read from those fields instead)."""
    return tuple(factor["id"] for factor in data["risk_factors"] if "derived" not in factor)


def fracture_sites(data: dict) -> tuple[str, ...]:
    return tuple(data["bone"]["fractures"]["sites"])
