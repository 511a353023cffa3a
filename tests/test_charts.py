from __future__ import annotations

import math

import pytest

from lib import charts
from lib.osteogenic import osteogenic_index, split_osteogenic_index


def test_worked_example_from_turner_and_robling():
    assert osteogenic_index(4, 50) == pytest.approx(15.7, abs=0.05)
    assert split_osteogenic_index(4, 50, 2) == pytest.approx(26.1, abs=0.05)


def test_splitting_never_lowers_the_index():
    for bouts in range(1, 6):
        assert split_osteogenic_index(3, 60, bouts + 1) > split_osteogenic_index(3, 60, bouts)


def test_negative_inputs_are_refused():
    with pytest.raises(ValueError):
        osteogenic_index(-1, 10)
    with pytest.raises(ValueError):
        split_osteogenic_index(2, 10, 0)


def test_impact_chart_has_every_activity_and_a_description(catalog):
    spec = charts.impact_forces_chart(catalog.impact_forces).to_dict()
    assert spec["description"]
    text = charts.describe_impact_forces(catalog.impact_forces)
    for record in catalog.impact_forces:
        assert record["activity"] in text


def test_trial_chart_says_group_results_not_forecast(catalog):
    spec = charts.trial_results_chart(catalog.trials).to_dict()
    assert "not a forecast" in spec["title"]["subtitle"]
    assert "not a forecast" in charts.describe_trial_results(catalog.trials)


def test_osteogenic_frame_matches_the_formula():
    frame = charts.osteogenic_index_frame(4.0, 50)
    assert list(frame["index"]) == [round(split_osteogenic_index(4.0, 50, b), 1) for b in range(1, 5)]
    assert math.isclose(frame["index"][0], 15.7)
