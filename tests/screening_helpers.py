"""What several screening test files share: a worked example, a fixed today, and every valid argument set."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

TODAY = dt.date(2026, 11, 29)
ISSUE_EXAMPLE = {
    "age": 72,
    "sex": "female",
    "tug_s": 13.5,
    "chair_stands_30s": 8,
    "balance_stances_s": (10, 10, 6, 0),
    "falls_past_year": 1,
    "fear_of_falling": True,
    "t_score": -2.7,
    "fractures": ["spine"],
    "experience": "novice",
    "clearance": False,
}

# Any screen() arguments within their ranges (each may be left out).
valid_screening_arguments = st.fixed_dictionaries(
    {},
    optional={
        "age": st.integers(18, 120),
        "sex": st.sampled_from(["female", "male"]),
        "tug_s": st.floats(1, 300),
        "chair_stands_30s": st.integers(0, 60),
        "balance_stances_s": st.tuples(*[st.integers(0, 60)] * 4),
        "falls_past_year": st.integers(0, 50),
        "fear_of_falling": st.booleans(),
        "stay_independent": st.lists(st.booleans(), min_size=12, max_size=12),
        "t_score": st.floats(-6, 4),
        "z_score": st.floats(-6, 4),
        "fractures": st.lists(st.sampled_from(["hip", "spine", "humerus", "pelvis", "wrist", "other"]), unique=True),
        "height_loss_cm": st.floats(0, 30),
        "occiput_to_wall_cm": st.floats(0, 30),
        "risk_factors": st.lists(st.sampled_from(["smoking", "alcohol", "red_s"]), unique=True),
        "joint_limits": st.booleans(),
        "experience": st.sampled_from(["novice", "trained"]),
        "clearance": st.booleans(),
        "floor": st.booleans(),
    },
)
