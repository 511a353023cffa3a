"""Planner findings M2 and M1 of the sixth physiotherapist read (/work/handoff/s6/physio/review-f.md), with the
lead's policy: a novice with low bone mass learns the hip hinge before it is loaded (M2), and a high faller's
one-hand loaded squat or hinge at a counter is not heavy lifting, so it needs no clearance (M1).
Each test fails on the plans that read saw; the property tests run over every profile and plan shape."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lib.catalog import default_catalog
from lib.handout_week import plan_lines
from lib.plan_usable import EQUIPMENT_SETS, EXTERNAL_LOADS
from lib.planner import SESSION_MINUTES, Plan, build_plan
from lib.profiles import CHOICES, Profile
from lib.safety import assess
from lib.safety_rules import LOW_BONE_MASS

CATALOG = default_catalog()
EXERCISES = CATALOG.exercises_by_id
TECHNIQUE_FIRST = CATALOG.planner["technique_first"]
DRILL = "hip-hinge-drill"
AXIAL = "axial lower body"
LOWER_BODY = ("squat", "hinge", "lunge")


def _loaded(exercise_id: str) -> bool:
    """Done with an external load (one that lists "none", a lunge, is done at body weight by whoever has none)."""
    equipment = set(EXERCISES[exercise_id]["equipment"])
    return "none" not in equipment and bool(equipment & EXTERNAL_LOADS)


def _loaded_hinges(plan: Plan):
    hinge = plan.sessions["exercise_id"].map(lambda found: EXERCISES[found]["pattern"] == "hinge")
    return plan.sessions[hinge & plan.sessions["exercise_id"].map(_loaded)]


def _phase_weeks(plan: Plan, phase: str) -> list[int]:
    return list(plan.weeks.loc[plan.weeks["phase"] == phase, "week"])


novice_low_bone_mass = st.builds(
    Profile,
    **{name: st.sampled_from(values) for name, values in CHOICES.items()}
    | {
        "bone": st.sampled_from([bone for bone in CHOICES["bone"] if bone in LOW_BONE_MASS]),
        "experience": st.just("novice"),
    },
)
shapes = {
    "sessions_per_week": st.sampled_from([2, 3]),
    "months": st.integers(3, 24),
    "session_minutes": st.sampled_from(SESSION_MINUTES),
    "equipment": st.sampled_from(list(EQUIPMENT_SETS)),
}


@given(st.builds(build_plan, novice_low_bone_mass, **shapes))
@settings(max_examples=80, deadline=None)
def test_f_m2_a_novice_with_low_bone_mass_learns_the_hinge_before_it_is_loaded(plan):
    """No loaded hinge in weeks 1-4 (the whole foundation); where the plan loads the hinge later, the dowel drill
    stands in session B's hinge slot in the foundation, and the week before the first loaded hinge holds one check."""
    hinges = _loaded_hinges(plan)
    assert "foundation" not in set(hinges["phase"])
    assert min(_phase_weeks(plan, "foundation")) == 1 and max(_phase_weeks(plan, "foundation")) >= 4
    if hinges.empty:
        return
    foundation_b = plan.sessions[
        (plan.sessions["phase"] == "foundation") & (plan.sessions["session"] == "B") & (plan.sessions["block"] == AXIAL)
    ]
    assert list(foundation_b["exercise_id"]) == [DRILL]
    first_hinge_week = plan.weeks.loc[plan.weeks["phase"].isin(set(hinges["phase"])), "week"].min()
    reviews = plan.weeks.set_index("week")["review"]
    check = (
        CATALOG.planner["after_vertebral_fracture"]["review"]
        if plan.profile.vertebral_fracture
        else (TECHNIQUE_FIRST["review"])
    )
    assert check in reviews[first_hinge_week]
    assert [week for week, review in reviews.items() if TECHNIQUE_FIRST["review"] in review] == (
        [] if plan.profile.vertebral_fracture else [first_hinge_week]
    )
    assert sum(TECHNIQUE_FIRST["review"] in line for line in plan_lines(plan)) == (not plan.profile.vertebral_fracture)


def test_f_m2_review_fs_f4_starts_with_the_drill_and_the_kettlebell_deadlift_in_the_build_phase():
    """F4: osteoporosis, novice, cleared, the kettlebell deadlift in week 1 with no technique step."""
    for equipment in ("bands and dumbbells", "full gym"):
        plan = build_plan(Profile(bone="osteoporosis", clearance=True), 3, 12, 45, equipment)
        session_b = plan.sessions[(plan.sessions["session"] == "B") & (plan.sessions["block"] == AXIAL)]
        assert session_b.set_index("phase").loc["foundation", "exercise_id"] == DRILL
        assert session_b.set_index("phase").loc["build", "exercise_id"] == "kettlebell-deadlift"


@given(
    st.builds(
        build_plan,
        st.builds(
            Profile,
            **{name: st.sampled_from(values) for name, values in CHOICES.items()} | {"experience": st.just("trained")},
        ),
        **shapes,
    )
)
@settings(max_examples=40, deadline=None)
def test_f_m2_a_trained_clients_plan_has_no_technique_step(plan):
    assert DRILL not in set(plan.sessions.loc[plan.sessions["block"] == AXIAL, "exercise_id"])
    assert not plan.weeks["review"].str.contains(TECHNIQUE_FIRST["review"], regex=False).any()


def test_f_m2_a_fallers_drill_keeps_one_hand_on_a_counter():
    """D8: the dowel along the back fills both hands; a faller does the drill side-on to a counter."""
    change = EXERCISES[DRILL]["modifications"][TECHNIQUE_FIRST["falls_high"]]
    plan = build_plan(Profile(bone="osteopenia", falls="high"), 3, 12, 45, "full gym")
    drill = plan.sessions[plan.sessions["exercise_id"] == DRILL]
    assert not drill.empty
    assert drill["modification"].str.contains(change, regex=False).all()
    assert "counter" in change and "one hand" in change


def _usable_loaded_modify(profile: Profile, equipment: str) -> list[str]:
    """Loaded lower-body items the assessment marks "modify" only to keep support within reach (a counter in the
    other hand), that the kit holds: the assessment's own faller-safe loaded versions."""
    rules = {rule["id"]: rule for rule in CATALOG.rules}
    kit = EQUIPMENT_SETS[equipment]
    return [
        row["id"]
        for row in assess(profile, CATALOG).to_dict("records")
        if row["status"] == "modify"
        and row["pattern"] in LOWER_BODY
        and row["benefit"] == "bone"
        and not row["heavy"]
        and _loaded(row["id"])
        and set(row["equipment"]) <= kit
        and all(rules[rule].get("modification") == "support-within-reach" for rule in row["rules"])
    ]


@given(
    st.builds(Profile, **{name: st.sampled_from(values) for name, values in CHOICES.items()}),
    st.sampled_from([2, 3]),
    st.integers(3, 24),
    st.sampled_from(SESSION_MINUTES),
    st.sampled_from(list(EQUIPMENT_SETS)),
)
@settings(max_examples=80, deadline=None)
def test_f_m1_a_usable_loaded_lower_body_modify_item_means_load_by_the_strength_phase(
    profile, sessions_per_week, months, minutes, equipment
):
    if not _usable_loaded_modify(profile, equipment):
        return
    plan = build_plan(profile, sessions_per_week, months, minutes, equipment)
    strength = plan.sessions[(plan.sessions["phase"] == "strength") & (plan.sessions["block"] == AXIAL)]
    assert strength["exercise_id"].map(_loaded).any(), profile


def test_f_m1_review_fs_f1_and_the_uncleared_osteopenic_faller_load_the_legs_from_the_build_phase():
    """F1 (normal bone, high falls, painful joints) and the osteopenic faller: 12 months of body weight in a gym."""
    for profile in (
        Profile(bone="normal", falls="high", joint_limits=True),
        Profile(bone="osteopenia", falls="high", joint_limits=True),
        Profile.from_z_score(-2.3, falls="high", experience="trained"),
    ):
        plan = build_plan(profile, 3, 12, 45, "full gym")
        axial = plan.sessions[plan.sessions["block"] == AXIAL]
        loaded = axial[axial["exercise_id"].map(_loaded)]
        assert {"build", "strength", "maintenance"} <= set(loaded["phase"]), profile
        table = assess(profile).set_index("id")
        for row in loaded.itertuples():  # the one-hand version at a counter, and a painful knee's pain-free depth
            assert row.modification.startswith(table.loc[row.exercise_id, "modification"])
            assert "counter" in row.modification
            if profile.joint_limits and EXERCISES[row.exercise_id]["pattern"] == "squat":
                assert "pain-free" in row.modification
