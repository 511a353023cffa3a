"""lib.screening: a profile from the screening, every cut-off edge (just under, at, just over), flags and cases."""

from __future__ import annotations

import pytest
from hypothesis import given

from lib.profiles import Profile
from lib.screening import FLAG_COLUMNS, VALUE_WORDS, screen
from lib.screening_findings import FINDING_COLUMNS
from lib.study import case_profile
from tests.screening_helpers import ISSUE_EXAMPLE, valid_screening_arguments


def finding(screening, key):
    rows = screening.findings[screening.findings["key"] == key]
    assert len(rows) == 1, key
    return rows.iloc[0]


def test_issue_example_derives_the_profile_with_a_trace_per_field():
    s = screen(**ISSUE_EXAMPLE)
    assert s.profile == Profile(bone="osteoporosis", vertebral_fracture=True, falls="high")
    assert list(s.findings.columns) == FINDING_COLUMNS
    assert list(s.flags.columns)[:4] == FLAG_COLUMNS
    assert s.traces["falls"].startswith(
        "Risk of falling: high, because Timed Up and Go: 13.5 s is at or over the 12 s cut-off"
    )
    assert "(CDC 2017; Barry 2014)" in s.traces["falls"]
    assert s.traces["vertebral_fracture"].startswith("Vertebral fracture: yes")
    assert set(s.traces) == {
        "bone",
        "vertebral_fracture",
        "falls",
        "joint_limits",
        "experience",
        "clearance",
        "floor_transfers",
    }


def test_nothing_entered_gives_the_default_profile_and_says_so():
    s = screen()
    assert s.profile == Profile()
    assert "(the default)" in s.traces["bone"] and "(the default)" in s.traces["falls"]
    assert not s.flags["present"].any()


def falls_of(**kwargs) -> str:
    return screen(**kwargs).profile.falls


@pytest.mark.parametrize(("seconds", "falls"), [(11.9, "low"), (12, "high"), (12.1, "high")])
def test_tug_cut_off_12_s(seconds, falls):
    assert falls_of(tug_s=seconds) == falls


@pytest.mark.parametrize(("seconds", "borderline"), [(10.9, False), (11, True), (13, True), (13.1, False)])
def test_tug_borderline_within_one_second(seconds, borderline):
    s = screen(tug_s=seconds)
    assert finding(s, "tug_s")["borderline"] == borderline
    assert ("Borderline" in finding(s, "tug_s")["meaning"]) == borderline


def test_chair_stand_norms_every_band_and_sex(catalog):
    for band in catalog.screening["tests"]["chair_stand"]["norms"]:
        for age in band["ages"]:
            for sex in ("female", "male"):
                norm = band[sex]
                assert falls_of(age=age, sex=sex, chair_stands_30s=norm - 1) == "high", (age, sex)
                assert falls_of(age=age, sex=sex, chair_stands_30s=norm) == "low", (age, sex)
                assert falls_of(age=age, sex=sex, chair_stands_30s=norm + 1) == "low", (age, sex)


@pytest.mark.parametrize("age", [59, 95])
def test_chair_stand_outside_the_norms_sets_nothing(age):
    s = screen(age=age, sex="female", chair_stands_30s=0)
    assert s.profile.falls == "low" and finding(s, "chair_stands_30s")["sets"] == ""
    assert "norm" in finding(s, "chair_stands_30s")["meaning"]


def test_chair_stand_needs_age_and_sex():
    s = screen(chair_stands_30s=3)
    assert s.profile.falls == "low" and "age and sex" in finding(s, "chair_stands_30s")["meaning"]


@pytest.mark.parametrize(("tandem", "falls"), [(9, "high"), (10, "low"), (11, "low")])
def test_balance_tandem_10_s(tandem, falls):
    assert falls_of(balance_stances_s=(10, 10, tandem, 0)) == falls


@pytest.mark.parametrize(("points", "falls"), [(3, "low"), (4, "high"), (5, "high")])
def test_stay_independent_4_points(points, falls):
    answers = [False, False] + [True] * points + [False] * (10 - points)  # the 1-point items
    assert falls_of(stay_independent=answers) == falls


def test_stay_independent_first_two_items_score_two():
    assert (
        finding(screen(stay_independent=[True, True] + [False] * 10), "stay_independent")["value"] == "4 of 14 points"
    )


@pytest.mark.parametrize(("count", "falls"), [(0, "low"), (1, "high"), (2, "high")])
def test_a_fall_in_the_last_year(count, falls):
    assert falls_of(falls_past_year=count) == falls


@pytest.mark.parametrize(("afraid", "falls"), [(False, "low"), (True, "high")])
def test_fear_of_falling(afraid, falls):
    assert falls_of(fear_of_falling=afraid) == falls


@pytest.mark.parametrize(
    ("t", "bone"),
    [
        (-0.9, "normal"),
        (-1.0, "normal"),
        (-1.1, "osteopenia"),
        (-2.4, "osteopenia"),
        (-2.5, "osteoporosis"),
        (-2.6, "osteoporosis"),
    ],
)
def test_t_score_who_thresholds(t, bone):
    assert screen(t_score=t).profile.bone == bone


@pytest.mark.parametrize(("z", "bone"), [(-1.9, "normal"), (-2.0, "low_for_age"), (-2.1, "low_for_age")])
def test_z_score_under_50_at_or_below_minus_2_is_not_normal(z, bone):
    s = screen(age=49, z_score=z, t_score=0.0)  # under 50 the Z-score decides, not the T-score (ISCD)
    assert finding(s, "z_score")["sets"] == "bone"
    assert s.profile.bone == bone
    assert ("not normal" in finding(s, "z_score")["meaning"]) == (bone == "low_for_age")
    assert s.traces["bone"].startswith(
        "Bone density: " + ("below the expected range for age" if bone != "normal" else "normal")
    )


@pytest.mark.parametrize(("age", "used"), [(49, True), (50, False), (51, False)])
def test_z_score_counts_only_under_50(age, used):
    assert (finding(screen(age=age, z_score=-3.0), "z_score")["sets"] == "bone") == used


@pytest.mark.parametrize(("age", "bone"), [(49, "normal"), (50, "osteoporosis"), (51, "osteoporosis")])
def test_hip_fracture_is_osteoporosis_from_50_whatever_the_t_score(age, bone):
    assert screen(age=age, t_score=0.5, fractures=["hip"]).profile.bone == bone


@pytest.mark.parametrize("site", ["hip", "spine", "humerus", "pelvis"])
def test_clinical_fracture_sites_outrank_the_t_score(site):
    s = screen(age=70, t_score=-0.5, fractures=[site])
    assert s.profile.bone == "osteoporosis" and "Morin 2023" in s.traces["bone"]


def test_wrist_fracture_alone_leaves_bone_to_the_t_score_and_vf_off():
    s = screen(age=68, t_score=-2.7, fractures=["wrist"])
    assert s.profile == Profile(bone="osteoporosis")


@pytest.mark.parametrize(("sites", "vertebral"), [(["wrist"], False), (["wrist", "other"], True), (["spine"], True)])
def test_spine_or_several_fractures_set_the_vertebral_field(sites, vertebral):
    assert screen(age=70, fractures=sites).profile.vertebral_fracture == vertebral


@pytest.mark.parametrize(("cm", "over"), [(3.5, False), (4, False), (4.5, True)])
def test_height_loss_over_4_cm(cm, over):
    row = finding(screen(height_loss_cm=cm, t_score=-1.5), "height_loss_cm")
    assert ("image the spine" in row["meaning"]) == over and row["sets"] == ""


@pytest.mark.parametrize(("cm", "flagged"), [(0, False), (0.5, True), (1, True)])
def test_occiput_to_wall_from_5_mm(cm, flagged):
    assert ("No guideline" in finding(screen(occiput_to_wall_cm=cm), "occiput_to_wall_cm")["meaning"]) == flagged


@pytest.mark.parametrize(("floor", "transfers"), [(None, True), (True, True), (False, False)])
def test_floor_check_sets_floor_transfers(floor, transfers):
    s = screen(floor=floor)
    assert s.profile.floor_transfers == transfers
    assert ("(the default)" in s.traces["floor_transfers"]) == (floor is None)


def test_risk_factors_are_flags_never_a_probability(catalog):
    s = screen(risk_factors=["smoking", "glucocorticoids"])
    assert set(s.flags.loc[s.flags["present"], "id"]) == {"smoking", "glucocorticoids"}
    assert len(s.flags) == len(catalog.screening["risk_factors"])
    assert s.profile == Profile()  # flags change no profile field
    assert all(sources for sources in s.flags["source"])


@given(valid_screening_arguments)
def test_any_valid_screening_gives_a_profile_traced_field_by_field(values):
    s = screen(**values)
    for field_name, trace in s.traces.items():
        shown = getattr(s.profile, field_name)
        words = ("yes" if shown else "no") if isinstance(shown, bool) else VALUE_WORDS.get(shown, shown)
        assert f": {words}, because " in trace
    assert s.findings["cutoff"].map(lambda text: isinstance(text, str)).all()
    # falls high exactly when some finding on falls decided it
    assert (s.profile.falls == "high") == ("because" in s.traces["falls"] and "no fall-risk" not in s.traces["falls"])


def test_every_case_with_screening_values_gets_its_profile_through_the_screening(catalog):
    screened = [case for case in catalog.cases if "screening" in case]
    assert len(screened) >= 11
    for case in screened:
        assert screen(**case["screening"]).profile == case_profile(case), case["id"]


@pytest.mark.parametrize(("age", "present"), [(49, False), (50, True), (51, True)])
def test_age_flag_from_50_is_read_from_the_age(age, present):
    flags = screen(age=age).flags.set_index("id")
    assert flags.loc["age_50_plus", "present"] == present


def test_sex_flag_is_read_from_the_sex_and_cannot_be_ticked():
    assert screen(sex="female").flags.set_index("id").loc["female", "present"]
    assert not screen(sex="male").flags.set_index("id").loc["female", "present"]
    with pytest.raises(ValueError, match="^risk_factors"):
        screen(risk_factors=["female"])


def test_the_balance_test_has_its_drawing(catalog):
    assert catalog.screening["drawings"]["balance"].lstrip().startswith("<svg")
