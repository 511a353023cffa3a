"""The week-by-week dose of a plan: phases, main-lift dose, deloads, impacts, minutes (used by lib/planner.py).

The doses come from the guidelines: Too Fit To Fracture and Strong, Steady and Straight
(8-12 reps at an effort of 5-8 out of 10, progressing toward 3 x 8; about 50 impacts;
about 2 hours of balance and 150 minutes of moderate aerobic activity a week; daily
back-extensor work) and, only for a cleared and supervised client after at least four weeks
of technique work, LIFTMOR (5 x 5 above 80-85 % of 1RM).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.plan_picks import HEAVY_PHASES, POSTURE_BLOCK, TARGET_IMPACTS
from lib.plan_sessions import slot_minutes
from lib.plan_usable import PHASES, books_balance_check

WEEKS_PER_MONTH = 52 / 12
DELOAD_EVERY = 5  # a lighter week every 5th week: inside the 4-6 week cadence coaches use
FOUNDATION_WEEKS = {"novice": 8, "trained": 4}  # LIFTMOR began with a month of technique work; novices get longer
MIN_FOUNDATION_WEEKS = 4  # never less than a month of technique work before the build
# A trained client's build: a month from 2 x 12 to 3 x 8, however long the plan (physio review X, M1: at 40 % of the
# rest it kept her below what she already lifts until week 19 of 52, and her heavy sets as late as a novice's). LIFTMOR
# (DOMAIN section 5) began 5 x 5 after a month of technique work; the freed weeks go to the strength phase.
TRAINED_BUILD_WEEKS = 4
AEROBIC_START, AEROBIC_TARGET = 60, 150  # minutes a week, building toward TFTF's 150 (the start is the planner's own)
AEROBIC_INTENSITY = "moderate"  # TFTF and the profile guidance: moderate, such as brisk walking
TARGET_BY_WEEK = 16  # the aerobic target reached by week 16 (or the plan's last week); balance: lib/balance_dose.py
# Each heavy lift's own weeks at 3 x 8 before its first 5 x 5 (ROS and TFTF: a month or more of technique work;
# physio reviews D3 and G: the standing press itself, not only its seated dumbbell version).
HEAVY_LEARNING_WEEKS = 4
HEAVY_PCT_1RM = (80, 85)  # LIFTMOR: 5 x 5 above 80-85 % 1RM
MAX_EFFORT = 8  # TFTF: effort 5-8 out of 10 for the 8-12 repetition dose
# 5 reps at 80 % of 1RM is close to an 8-repetition maximum; at 85 % it is a 5-6 repetition maximum: near the limit.
HEAVY_EFFORT = {80: 8, 85: 9}
# Heavy weeks at the lower %1RM before the higher one: the first heavy sessions find the working load, never at the
# top of the band (physio review U, M2: six-month plans opened at 85 %, effort 9). The app's own step, as the reviewer
# asked: "move to 85 % only after two or more heavy weeks".
HEAVY_WEEKS_AT_LOWER = 2
# The session's blocks as the minutes chart groups them.
COMPONENT_OF_BLOCK = {
    "warm-up": "warm_up",
    "axial lower body": "axial",
    "upper body push": "upper_body",
    "upper body pull": "upper_body",
    "impact": "impact",
    "balance": "balance",
    POSTURE_BLOCK: "posture",
}
COMPONENTS = ("warm_up", "axial", "upper_body", "impact", "balance", "posture")


@dataclass(frozen=True)
class AerobicDose:
    """The weeks' aerobic minutes as a handout says them: from `start` a week, building to `target` by `by_week`."""

    start: int
    target: int
    by_week: int
    intensity: str


def aerobic_dose(weeks: pd.DataFrame) -> AerobicDose:
    minutes = weeks["aerobic_minutes"]
    target = int(minutes.iloc[-1])
    return AerobicDose(
        start=int(minutes.iloc[0]),
        target=target,
        by_week=int(weeks.loc[minutes == target, "week"].min()),
        intensity=weeks["aerobic_intensity"].iloc[0],
    )


def week_count(months: int) -> int:
    return round(months * WEEKS_PER_MONTH)


def phase_lengths(total_weeks: int, experience: str) -> dict[str, int]:
    """Foundation first (at least four weeks, longer for novices), then build (at most a month when trained), strength
    and maintenance."""
    foundation = min(FOUNDATION_WEEKS[experience], max(MIN_FOUNDATION_WEEKS, total_weeks // 4))
    remaining = total_weeks - foundation
    build = max(1, round(remaining * 0.4))
    maintenance = remaining - build - max(1, round(remaining * 0.35))
    if experience == "trained":
        build = min(build, TRAINED_BUILD_WEEKS)
    return {
        "foundation": foundation,
        "build": build,
        "strength": remaining - build - maintenance,
        "maintenance": maintenance,
    }


def heavy_start(total_weeks: int, experience: str) -> int | None:
    """The first week of 5 x 5: in the first heavy phase, right after a deload (a fresh week), once that phase has
    given its lifts HEAVY_LEARNING_WEEKS of their own 3 x 8; None when the phase is too short for both (a 3- or
    4-month plan), and the plan then holds no heavy lifts."""
    lengths = phase_lengths(total_weeks, experience)
    first = 1 + sum(lengths[phase] for phase in PHASES[: PHASES.index(HEAVY_PHASES[0])])
    last = first + lengths[HEAVY_PHASES[0]] - 1
    return next(
        (week for week in range(first + HEAVY_LEARNING_WEEKS, last + 1) if (week - 1) % DELOAD_EVERY == 0), None
    )


def _progress(start: float, end: float, position: int, length: int) -> float:
    return start if length <= 1 else start + (end - start) * position / (length - 1)


def main_lift_dose(phase: str, position: int, length: int, heavy: bool, heavy_weeks_before: int = 0) -> dict:
    """Sets, reps, effort and %1RM of the main lifts for one (non-deload) week; heavy_weeks_before: the plan's heavy
    weeks before this one (the higher %1RM only after HEAVY_WEEKS_AT_LOWER of them)."""
    if phase == "foundation":
        return {"sets": 1 if position < length / 2 else 2, "reps": 12, "effort": 5, "intensity_pct_1rm": None}
    if phase == "build":
        return {
            "sets": round(_progress(2, 3, position, length)),
            "reps": [12, 10, 8][min(2, 3 * position // length)],
            "effort": round(_progress(5, 7, position, length)),
            "intensity_pct_1rm": None,
        }
    if heavy:
        top = phase == "strength" and position >= length / 2 and heavy_weeks_before >= HEAVY_WEEKS_AT_LOWER
        percent = HEAVY_PCT_1RM[1] if top else HEAVY_PCT_1RM[0]
        return {"sets": 5, "reps": 5, "effort": HEAVY_EFFORT[percent], "intensity_pct_1rm": percent}
    effort = round(_progress(7, MAX_EFFORT, position, length)) if phase == "strength" else 7
    return {"sets": 3, "reps": 8, "effort": effort, "intensity_pct_1rm": None}


def _impacts(phase: str, position: int, length: int, impact_planned: bool) -> int:
    """Impacts a session: building toward about 50, rising phase by phase, never falling."""
    if not impact_planned:
        return 0
    start, end = {"foundation": (10, 20), "build": (20, TARGET_IMPACTS)}.get(phase, (TARGET_IMPACTS, TARGET_IMPACTS))
    return int(5 * round(_progress(start, end, position, length) / 5))


def _deload(previous: dict, dose: dict) -> dict:
    """A lighter week: last week's dose less one set at the same effort and %1RM, half the impacts.

    At a single set, a third fewer repetitions instead: the week is still lighter at the same effort.
    """
    sets, reps = previous["sets"] - 1, previous["reps"]
    if sets < 1:
        sets, reps = 1, reps * 2 // 3
    return dose | {
        "sets": sets,
        "reps": reps,
        "effort": previous["effort"],
        "intensity_pct_1rm": previous["intensity_pct_1rm"],
        "impacts_per_session": min(previous["impacts_per_session"] // 2, dose["impacts_per_session"]),
    }


def _toward_target(start: int, target: int, week: int, total: int, by_week: int = TARGET_BY_WEEK) -> int:
    return round(_progress(start, target, min(week, by_week, total) - 1, min(by_week, total)))


def _balance_minutes(balance, week: int, total: int, own: int) -> int:
    """The week's balance: a daily dose's minutes every day of the week, or the training days' own."""
    if balance.kind != "daily":
        return own
    return 7 * _toward_target(balance.start, balance.target, week, total, balance.by_week)


def component_minutes(sessions: pd.DataFrame, time: dict) -> dict[str, dict[str, int]]:
    """Minutes a week per component in each phase: what its sessions' blocks take (data/planner.yaml, session_time)."""
    by_phase = {phase: {f"minutes_{name}": 0 for name in COMPONENTS} for phase in PHASES}
    for slot in sessions.to_dict("records"):
        by_phase[slot["phase"]][f"minutes_{COMPONENT_OF_BLOCK[slot['block']]}"] += slot_minutes(slot, time)
    return by_phase


def moved_balance_minutes(moved: list[dict]) -> dict[str, int]:
    """Minutes a week of balance work moved home for want of time in the sessions, per phase."""
    minutes = dict.fromkeys(PHASES, 0)
    for slot in moved:
        if slot["block"] == "balance":
            minutes[slot["phase"]] += int(slot["reps"].split()[0])
    return minutes


def falls_review(profile, wording: dict) -> str:
    """The balance check with the physiotherapist that opens moderate impact to a client at high risk of falling
    (physio review C4), with the ladder's own unsupported stance test, which a pass opens too (physio review Z, M3);
    '' when passing would open no impact (the same profile at low risk of falling would have none: painful joints, a
    spine fracture)."""
    if not books_balance_check(profile):
        return ""
    words = wording["falls_review"]
    rung = next(rung for rung in wording["balance_ladder"] if rung["exercise"] == words["test"])
    return words["opens_impact"].format(test=rung["move_on_when"].removeprefix("Move on when you can ").rstrip("."))


def _reviews(profile, phase: str, position: int, length: int, checks: dict, wording: dict) -> list[tuple[str, str]]:
    """The week's review points, (kind, words) each: for a low Z-score without clearance, the doctor's review that
    opens the second phase (the first phase's gate, physio review B7; with clearance the doctor has already looked,
    C5); a physiotherapist's before each harder phase after a vertebral fracture; the technique check before a
    novice's first loaded hinge, in the same week as any other review (physio review F, M2), and the squat check
    before her first barbell squat (review V, M6); with a high risk of falling, a balance check in the build phase's
    last week where passing it opens moderate impact (C4). `checks`: the phase's technique_check and squat_check."""
    reviews = []
    if position == 0 and profile.vertebral_fracture and phase in ("build", "strength"):
        reviews.append(("spine_review", wording["after_vertebral_fracture"]["review"]))
    if position == 0 and profile.bone == "low_for_age" and not profile.clearance and phase == PHASES[1]:
        reviews.append(("doctor_review", wording["low_for_age"]["gate_review"]))
    if position == 0 and checks["technique_check"]:
        reviews.append(("hinge_check", wording["technique_first"]["review"]))
    if position == 0 and checks["squat_check"]:
        reviews.append(("squat_check", wording["squat_check"]["review"]))
    if position == length - 1 and phase == "build":
        reviews.append(("balance_check", falls_review(profile, wording)))
    return [(kind, words) for kind, words in reviews if words]


def _review_columns(reviews: list[tuple[str, str]]) -> dict[str, str]:
    """A week's review words, and their kinds (which review each is: lib/handout_instead.py names the one that
    gates a lift, review V, Lo2)."""
    return {"review": " ".join(words for _, words in reviews), "review_kinds": " ".join(kind for kind, _ in reviews)}


def _book_floor_practice(profile, rows: list[dict], wording: dict) -> None:
    """Adds the floor practice to week 1's review where the floor gate is closed: from week 1 the sheet tells the
    client not to get up alone after a fall until a physiotherapist has practised it with her, so the practice cannot
    wait for a later visit (physio review X, M5: eight weeks without it at a low risk of falling)."""
    if not profile.floor_transfers:
        _add_review(rows[0], "floor_practice", wording["floor_practice"]["words"])


def _book_balance_rechecks(rows: list[dict], wording: dict) -> None:
    """Adds a balance re-check every `recheck_every` weeks after the balance check, while the plan has weeks left: a
    faller who fails the check gets another chance at what it opens, and one who passes has her balance work checked
    for challenge (physio review Z, M3: one check in 104 weeks)."""
    check = next((row["week"] for row in rows if "balance_check" in row["review_kinds"].split()), None)
    if check is None:
        return
    words = wording["falls_review"]
    for row in rows[check - 1 + words["recheck_every"] :: words["recheck_every"]]:
        _add_review(row, "balance_recheck", words["recheck"].format(week=check))


def _add_review(row: dict, kind: str, words: str) -> None:
    """Adds a review to a week's row, after any it already holds."""
    row["review"] = " ".join(found for found in (row["review"], words) if found)
    row["review_kinds"] = " ".join(found for found in (row["review_kinds"], kind) if found)


def plan_weeks(
    profile,
    sessions_per_week: int,
    months: int,
    phase_plan: dict[str, dict],
    minutes: dict[str, dict[str, int]],
    balance_at_home: dict[str, int],
    balance,
    wording: dict,
) -> pd.DataFrame:
    """One row per week. Heavy weeks begin at heavy_start: after a month of each heavy lift's own 3 x 8, and after a
    deload week, so the first heavy week is a fresh one.

    `balance` is the plan's BalanceDose (lib/balance_dose.py): a daily dose gives the week seven days of it;
    otherwise the week's balance is the sessions' own, with what moved home for want of time."""
    total = week_count(months)
    lengths = phase_lengths(total, profile.experience)
    rows, week, previous = [], 1, None
    first_heavy = heavy_start(total, profile.experience) or total + 1
    for phase in PHASES:
        heavy_lifts = phase_plan[phase]["heavy_lifts"]
        for position in range(lengths[phase]):
            heavy = bool(heavy_lifts) and week >= first_heavy
            dose = main_lift_dose(phase, position, lengths[phase], heavy, week - first_heavy)
            dose["impacts_per_session"] = _impacts(phase, position, lengths[phase], phase_plan[phase]["impact"])
            deload = week % DELOAD_EVERY == 0
            if deload:
                dose = _deload(previous or dose, dose)
            previous = dose
            own_balance = minutes[phase]["minutes_balance"] + balance_at_home[phase]
            rows.append(
                {
                    "week": week,
                    "month": min(months, int((week - 1) // WEEKS_PER_MONTH) + 1),
                    "phase": phase,
                    "deload": deload,
                    "sessions": sessions_per_week,
                    **dose,
                    "heavy_lifts": ", ".join(heavy_lifts) if dose["intensity_pct_1rm"] is not None else "",
                    **_review_columns(_reviews(profile, phase, position, lengths[phase], phase_plan[phase], wording)),
                    "balance_minutes": _balance_minutes(balance, week, total, own_balance),
                    "aerobic_minutes": _toward_target(AEROBIC_START, AEROBIC_TARGET, week, total),
                    "aerobic_intensity": AEROBIC_INTENSITY,
                    **minutes[phase],
                }
            )
            week += 1
    _book_floor_practice(profile, rows, wording)
    _book_balance_rechecks(rows, wording)
    frame = pd.DataFrame(rows)
    frame["intensity_pct_1rm"] = frame["intensity_pct_1rm"].astype("Float64")
    return frame
