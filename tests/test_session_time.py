"""Every session's content fits its minutes (issue #10, physio review A finding 11), and the balance dose a
session prints agrees with the minutes the week table gives."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings

from lib.balance_dose import balance_dose
from lib.catalog import PROJECT_ROOT, default_catalog
from lib.plan_picks import HEAVY_BLOCKS, POSTURE_BLOCK, TEMPLATES
from lib.plan_sessions import slot_minutes
from lib.plan_usable import EQUIPMENT_SETS
from lib.planner import PHASES, SESSION_MINUTES, build_plan, session_grid
from lib.profiles import Profile, all_profiles
from tests.test_planner import plans

TIME = default_catalog().planner["session_time"]
KITS = list(EQUIPMENT_SETS)
MINUTES_DOSE = re.compile(r"^(\d+) minutes$")


def balance_target(profile: Profile) -> bool:
    return balance_dose(profile).kind == "daily"


def check_sessions_fit_and_balance_adds_up(plan) -> None:
    """Each session's blocks take at most its minutes; a session's balance drills print minutes, and the week
    table's in-session balance is their sum; a session without time for balance sends its drills home, and without
    a daily balance target the week's balance is the sessions' minutes plus what moved home."""
    for phase, slots in plan.sessions.groupby("phase"):
        for letter, session in slots.groupby("session"):
            taken = sum(slot_minutes(slot, TIME) for slot in session.to_dict("records"))
            assert taken <= plan.session_minutes, (phase, letter, taken)
        balance = slots[slots["block"] == "balance"]
        assert balance["reps"].str.fullmatch(MINUTES_DOSE.pattern).all(), phase
        printed = sum(int(MINUTES_DOSE.match(reps)[1]) for reps in balance["reps"])
        weeks = plan.weeks[plan.weeks["phase"] == phase]
        assert (weeks["minutes_balance"] == printed).all(), phase
        home = plan.home[(plan.home["phase"] == phase) & (plan.home["block"] == "balance")]
        without = set(slots["session"]) - set(balance["session"])
        assert home.empty == (not without and not balance_target(plan.profile)), phase
        if balance_target(plan.profile):
            assert (weeks["balance_minutes"] >= printed).all(), phase
        else:
            moved = len(without) * TIME["balance_most"]  # a training day's minutes, moved home whole
            assert (weeks["balance_minutes"] == printed + moved).all(), phase


@pytest.mark.parametrize("sessions_per_week", [2, 3])
@pytest.mark.parametrize("minutes", SESSION_MINUTES)
def test_every_profile_session_length_and_phase_fits_its_minutes(minutes, sessions_per_week):
    """Every profile, each with one of the kits in turn (3 months hold all four phases)."""
    for position, profile in enumerate(all_profiles()):
        plan = build_plan(profile, sessions_per_week, 3, minutes, KITS[position % len(KITS)])
        assert set(plan.sessions["phase"]) == set(PHASES)
        check_sessions_fit_and_balance_adds_up(plan)


@given(plans)
@settings(max_examples=60)
def test_any_plan_length_and_kit_fits_its_minutes(plan):
    check_sessions_fit_and_balance_adds_up(plan)


def test_the_review_case_30_minutes_with_heavy_lifts_holds_one_heavy_lift_and_sends_balance_and_back_work_home():
    """Physio review A #11: osteopenia, trained, cleared, 30 minutes. LIFTMOR's 30 minutes held the lifts and
    jumping chin-ups only (watson2018); here one heavy lift a session, the impacts and one upper-body lift."""
    plan = build_plan(Profile(bone="osteopenia", experience="trained", clearance=True), 3, 12, 30, "full gym")
    strength = plan.sessions[plan.sessions["phase"] == "strength"]
    for letter, session in strength.groupby("session"):
        assert session["heavy"].sum() <= 1, letter
        assert not {"balance", POSTURE_BLOCK} & set(session["block"]), letter
    assert strength.loc[strength["session"] == "A", "heavy"].any()
    home = plan.home[plan.home["phase"] == "strength"]
    assert {"balance", POSTURE_BLOCK} <= set(home["block"])
    moved = home[home["dose"].str.contains("(no time for it in the session)", regex=False)]
    assert set(moved["exercise_id"]) >= {"prone-superman"}
    assert moved["dose"].str.startswith("on the day").all()  # of session A, or of sessions A, B and C


def test_at_45_minutes_both_heavy_lifts_fit_and_at_60_balance_gets_its_minutes_too():
    profile = Profile(bone="osteopenia", experience="trained", clearance=True)
    for minutes, balance in ((45, set()), (60, {"5 minutes"})):
        plan = build_plan(profile, 3, 12, minutes, "full gym")
        session_a = plan.sessions[(plan.sessions["phase"] == "strength") & (plan.sessions["session"] == "A")]
        assert set(session_a.loc[session_a["heavy"], "block"]) == set(HEAVY_BLOCKS)
        assert set(session_a.loc[session_a["block"] == "balance", "reps"]) == balance


def test_the_session_table_prints_each_balance_drill_with_its_minutes():
    """The review's 'Up to about 20 minutes' of tai-chi inside a 30-minute session: now the minutes it has."""
    plan = build_plan(Profile(bone="osteoporosis", falls="high"), 3, 12, 60, "none")
    cells = [session_grid(plan, letter).loc["balance", "strength"] for letter in "ABC"]
    assert all(re.search(r"\(\d+ minutes\)", cell) and "Up to about 20 minutes" not in cell for cell in cells)
    in_sessions = sum(int(n) for cell in cells for n in re.findall(r"\((\d+) minutes\)", cell))
    assert plan.weeks.drop_duplicates("phase").set_index("phase").loc["strength", "minutes_balance"] == in_sessions


def test_two_short_sessions_a_week_still_hold_a_push_and_a_pull():
    """Session B keeps its pull before its push when short of time, so two 30-minute sessions hold both."""
    plan = build_plan(Profile(bone="osteopenia", experience="trained", clearance=True), 2, 12, 30, "full gym")
    for phase, slots in plan.sessions.groupby("phase"):
        assert {"upper body push", "upper body pull"} <= set(slots["block"]), phase


def test_the_blocks_kept_first_name_every_session_block_but_balance():
    blocks = {"warm-up", "impact"} | {block for template in TEMPLATES.values() for block in template}
    assert set(TIME["keep_first"]) == blocks
    assert TIME["balance_most"] % TIME["balance_drill"] == 0
    assert TIME["warm_up"] + TIME["heavy_lift"] <= min(SESSION_MINUTES)  # the heavy lift always fits alone


def test_the_time_costs_say_where_they_come_from():
    """Each figure is either the app's own estimate, said so, or named beside its source (data/planner.yaml)."""
    text = (PROJECT_ROOT / "data" / "planner.yaml").read_text(encoding="utf-8")
    comment = text[text.index("# Minutes each block of a session takes") : text.index("session_time:")]
    for key in ("warm_up", "heavy_lift", "strength", "drill", "impact", "balance_drill"):
        assert f"- {key}:" in comment, key
    assert "app's own estimates" in comment and "watson2018" in comment and "giangregorio2014" in comment


def test_work_moved_home_is_done_on_its_session_day_and_the_calendar_keeps_only_the_daily_items():
    from lib.plan_charts import home_work

    plan = build_plan(Profile(bone="osteopenia", experience="trained", clearance=True), 3, 12, 30, "full gym")
    moved = plan.home[~plan.home["daily"]]
    assert not moved.empty and moved["dose"].str.contains("(no time for it in the session)", regex=False).all()
    daily_first = plan.home[plan.home["daily"] & (plan.home["phase"] == "foundation")]
    assert home_work(plan) == "; ".join(daily_first["exercise"])
    assert not set(home_work(plan).split("; ")) & set(moved.loc[moved["phase"] == "foundation", "exercise"])


@pytest.mark.parametrize("minutes", [30, 45, 60])
@pytest.mark.parametrize("profile", [p for p in all_profiles() if p.falls == "high"][::5], ids=str)
def test_a_high_faller_keeps_balance_in_every_supervised_session_however_short(profile, minutes):
    # Second physiotherapist review, finding B2: at 30 minutes a faller's balance all went home, unsupervised.
    for sessions in (2, 3):
        plan = build_plan(profile, sessions_per_week=sessions, months=6, session_minutes=minutes)
        for (session, phase), slots in plan.sessions.groupby(["session", "phase"]):
            assert (slots["block"] == "balance").any(), (session, phase)
