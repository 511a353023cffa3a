"""Review W (docs/reviews/review-w.md), a physiotherapist's read of four profiles no earlier review had used.

M1: the sit-to-stand's cue told every client to "fold the arms when ready", a faller included, beside her change
"A hand on the armrests or a counter to steady you". The cue now keeps the hands on the support for a faller."""

from __future__ import annotations

import pytest

from lib.handout import build_handout
from lib.profiles import all_profiles

FALLERS = [profile for profile in all_profiles() if profile.falls == "high"]


@pytest.mark.parametrize("profile", FALLERS, ids=str)
def test_w_m1_no_cue_on_a_fallers_sheet_tells_her_to_let_go_of_her_support(profile):
    for exercise in build_handout(profile).exercises:
        for cue in exercise["cues"]:
            if "fold the arms" in cue:
                assert "low risk of falling" in cue, (exercise["id"], cue)
