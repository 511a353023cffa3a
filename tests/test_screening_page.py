"""AppTest: the 'Screen a client' page, its links, its odd-link notices, and Client cases' links through it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.screening import screen
from pages.components import site_map
from pages.components.profile_form import profile_query_params
from pages.components.screening_link import screening_query_params
from tests.apptest_helpers import all_text, open_page, profile_needs
from tests.test_screening import ISSUE_EXAMPLE
from tests.test_url_fuzz import HOSTILE, NUMBERS, assert_survives

PAGE = "screen-client"


def links(at) -> dict[str, dict[str, list[str]]]:
    """Each page link's label -> its query parameters."""
    return {link.proto.label: parse_qs(link.proto.query_string) for link in at.get("page_link")}


def as_query(params: dict) -> dict[str, list[str]]:
    return parse_qs(urlencode(params, doseq=True))


def test_empty_screening_shows_the_default_profile_and_why():
    at = open_page(PAGE)
    assert not at.exception
    assert at.title[0].value == "Screen a client"
    text = all_text(at)
    assert "Risk of falling: low, because no fall-risk test or question was entered (the default)" in text
    assert "FRAX" in text and "not medical advice" in text
    assert links(at)["Open Safe options for this profile"] == {}


def test_a_link_reproduces_the_screening_and_its_links_carry_exactly_the_profile():
    profile = screen(**ISSUE_EXAMPLE).profile
    at = open_page(PAGE, screening_query_params(ISSUE_EXAMPLE))
    assert not at.exception and not at.warning
    text = all_text(at)
    assert "Risk of falling: high, because Timed Up and Go: 13.5 s is at or over the 12 s cut-off" in text
    assert "Vertebral fracture: yes" in text
    expected = as_query(profile_query_params(profile) | {"t": "-2.7"})
    assert links(at)["Open Safe options for this profile"] == expected
    assert links(at)["Open the Planner for this profile"] == expected


def test_a_t_score_rides_the_tool_links_only_where_it_implies_the_profiles_bone_level():
    """A hip fracture at 66 makes it osteoporosis; its T-score of -1.8 would read back as osteopenia in the tools."""
    after_a_hip_fracture = {"age": 66, "t_score": -1.8, "fractures": ["hip"]}
    profile = screen(**after_a_hip_fracture).profile
    assert profile.bone == "osteoporosis"
    at = open_page(PAGE, screening_query_params(after_a_hip_fracture))
    assert links(at)["Open the Planner for this profile"] == as_query(profile_query_params(profile))
    scan_only = {"age": 66, "t_score": -1.8}
    at = open_page(PAGE, screening_query_params(scan_only))
    assert links(at)["Open the Planner for this profile"]["t"] == ["-1.8"]


def test_every_finding_shows_its_cut_off_and_a_linked_source():
    at = open_page(PAGE, {"tug": "12.5", "t_score": "-2.4", "age": "66"})
    findings = next(markdown.value for markdown in at.markdown if markdown.value.startswith("- **Timed Up and Go"))
    assert "cut-off: at risk from 12 s" in findings and "borderline" in findings and "https://doi.org/" in findings


def test_entering_a_result_updates_the_profile():
    at = open_page(PAGE)
    at.number_input(key="tug").set_value(14.0).run()
    assert not at.exception
    assert "Risk of falling: high" in all_text(at)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("tug", "-5"),
        ("age", "300"),
        ("chair", "200"),
        ("t_score", "12"),
        ("frac", "knee"),
        ("sex", "<b>x</b>"),
        ("fear", "maybe"),
        ("risk", "coffee"),
    ],
)
def test_an_odd_value_falls_back_with_a_notice_naming_the_setting(key, value):
    at = open_page(PAGE, {key: value})
    assert not at.exception
    assert f"`{key}`" in " ".join(warning.value for warning in at.warning)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(sorted(site_map.SCREENING.params)),
        st.one_of(
            st.sampled_from(NUMBERS),
            st.sampled_from(HOSTILE),
            st.text(max_size=20),
            st.lists(st.sampled_from(NUMBERS + HOSTILE), min_size=2, max_size=3),
        ),
        max_size=6,
    )
)
def test_the_screening_survives_any_link(query):
    assert_survives(PAGE, query)


@pytest.mark.parametrize("key", ["age", "chair", "falls_n", "bal_tandem", "tug", "t_score"])
@pytest.mark.parametrize("value", ["inf", "1e309", "-inf", "nan"])
def test_an_infinite_number_in_the_link_falls_back_with_a_notice(key, value):
    at = open_page(PAGE, {key: value})
    assert not at.exception
    assert f"`{key}`" in " ".join(warning.value for warning in at.warning)


def test_a_fraction_in_a_count_is_named_in_the_notice_and_left_out():
    # The odd value leaves the link before the field reads it (pages/components/common.py), so the
    # field shows nothing rather than a refused value.
    at = open_page(PAGE, {"chair": "8.5"})
    assert not at.exception
    assert "`chair`" in " ".join(warning.value for warning in at.warning)
    assert "8.5" not in " ".join(str(box.value) for box in at.text_input)


def test_a_case_opens_its_screening_and_its_profile_links_agree(catalog):
    case = next(case for case in catalog.cases if case["id"] == "case-walter-frail-falls")
    at = open_page("client-cases", {"case": case["title"]})
    assert not at.exception
    found = links(at)
    assert found["Open this case's screening: each field with its reason"] == as_query(
        screening_query_params(case["screening"])
    )
    assert found["Open Safe options for this profile"] == as_query(
        profile_query_params(screen(**case["screening"]).profile) | {"t": f"{case['screening']['t_score']:.1f}"}
    )
    screening = open_page(PAGE, screening_query_params(case["screening"]))
    assert not screening.warning and "Risk of falling: high" in all_text(screening)


def test_a_low_z_score_reaches_safe_options_through_the_link():
    profile = screen(age=22, z_score=-2.1).profile
    at = open_page("safe-exercises", profile_query_params(profile))
    assert at.selectbox(key="bone").value == "low_for_age" and not at.warning
    assert "below the expected range for age" in profile_needs(at)  # the profile in words, in its advice box
