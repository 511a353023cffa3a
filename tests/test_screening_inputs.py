"""lib.screening's arguments: every impossible number or choice is refused with a message naming the argument."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.screening import screen


BAD_NUMBERS = [
    ("age", 300),
    ("age", 17),
    ("age", 70.5),
    ("tug_s", -1),
    ("tug_s", 0),
    ("tug_s", 301),
    ("chair_stands_30s", 200),
    ("chair_stands_30s", -1),
    ("chair_stands_30s", 8.5),
    ("t_score", 12),
    ("t_score", -7),
    ("z_score", 5),
    ("falls_past_year", 51),
    ("height_loss_cm", -1),
    ("occiput_to_wall_cm", 31),
    ("tug_s", math.nan),
    ("tug_s", math.inf),
    ("tug_s", "13"),
    ("tug_s", True),
]


@pytest.mark.parametrize(("name", "value"), BAD_NUMBERS)
def test_impossible_numbers_name_the_argument_and_the_range(name, value):
    with pytest.raises(ValueError, match=rf"^{name} \(.*\) must be .* from .* to "):
        screen(**{name: value})


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("sex", "other"),
        ("experience", "expert"),
        ("dxa_site", "knee"),
        ("fractures", ["knee"]),
        ("risk_factors", ["coffee"]),
        ("balance_stances_s", (10, 10)),
        ("balance_stances_s", "10,10,10,10"),
        ("balance_stances_s", (10, 10, -1, 0)),
        ("stay_independent", [True] * 11),
        ("stay_independent", [1] * 12),
        ("joint_limits", "yes"),
        ("clearance", 1),
        ("floor", "no"),
        ("fear_of_falling", 0),
    ],
)
def test_impossible_choices_name_the_argument(name, value):
    with pytest.raises(ValueError, match=rf"^{name}"):
        screen(**{name: value})


@given(st.sampled_from(["age", "tug_s", "t_score", "chair_stands_30s"]), st.floats(allow_nan=True, allow_infinity=True))
def test_out_of_range_numbers_always_raise_naming_the_argument(name, value):
    try:
        screen(**{name: value})
    except ValueError as error:
        assert str(error).startswith(name)
