"""Review T (docs/reviews/review-t.md): without floor transfers, the heavy-lift advice names the floor as one gate among
the others, keeping the riders the same client with floor transfers is told (M1); "About you" does not call a client
cleared for heavy lifting while her heavy sets wait for floor practice (Lo1)."""

from __future__ import annotations

import dataclasses

import pytest

from lib.handout import build_handout
from lib.profiles import all_profiles
from lib.safety import assess
from tests.support.guidance import guidance_on

NO_FLOOR = [profile for profile in all_profiles() if not profile.floor_transfers]
# What a heavy set needs besides clearance, as the strength line says it to a client with floor transfers.
RIDERS = ("inside a rack", "month or more of technique work")


@pytest.mark.parametrize("profile", NO_FLOOR, ids=str)
def test_t_m1_without_floor_transfers_the_heavy_advice_keeps_every_rider_its_twin_hears(profile):
    with_floor = guidance_on(dataclasses.replace(profile, floor_transfers=True), "Strength").advice
    without = guidance_on(profile, "Strength").advice
    for rider in RIDERS:
        if rider in with_floor:
            assert rider in without, (rider, without)


@pytest.mark.parametrize("profile", [profile for profile in NO_FLOOR if profile.clearance], ids=str)
def test_t_lo1_about_you_never_says_cleared_for_heavy_lifting_when_every_heavy_lift_waits(profile):
    table = assess(profile)
    heavy = table[table["heavy"]]
    about = build_handout(profile).about
    if (heavy["status"] == "avoid").all():
        assert "cleared for supervised heavy lifting" not in about, about
