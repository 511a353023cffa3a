"""The eighth physiotherapist read (/work/handoff/s6/physio/review-h.md), its Medium: a novice whose plan holds the
loaded hinge back until her technique is checked is not told 'INSTEAD: Kettlebell deadlift' in week 1."""

from __future__ import annotations

import pytest

from lib.handout import build_handout
from lib.planner import build_plan
from lib.profiles import Profile


def instead_of_rounded_back_lifting(profile: Profile, kit: str) -> str:
    handout = build_handout(profile, build_plan(profile, 3, 12, 45, kit))
    return next(caution["instead"] for caution in handout.cautions if caution["name"] == "Rounded-back lifting")


@pytest.mark.parametrize("kit", ["bands and dumbbells", "full gym"])
def test_h_m1_a_novice_learning_the_hinge_is_offered_the_drill_first_and_the_lift_after_the_check(kit):
    instead = instead_of_rounded_back_lifting(Profile(bone="osteoporosis", clearance=True), kit)
    assert instead.startswith("Hip-hinge drill")
    assert "after a technique check" in instead


def test_h_m1_a_trained_client_is_offered_the_lift_itself():
    trained = Profile(bone="osteoporosis", experience="trained", clearance=True)
    # The plan's own week-1 hinge lift, dosed on the front: not the kettlebell deadlift, which the plan never schedules,
    # with its own 2-3 sets beside the plan's week-1 1 set (physio review N, N1 and N2).
    assert instead_of_rounded_back_lifting(trained, "full gym") == "Romanian deadlift with dumbbells"
