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
from lib.safety_rules import in_words

WEEKS_PER_MONTH = 52 / 12
DELOAD_EVERY = 5  # a lighter week every 5th week: inside the 4-6 week cadence coaches use
FOUNDATION_WEEKS = {"novice": 8, "trained": 4}  # LIFTMOR began with a month of technique work; novices get longer
MIN_FOUNDATION_WEEKS = 4  # never less than a month of technique work before the build
# The build, from 2 x 12 at effort 5 to 3 x 8 at effort 7, lasts as long whatever the plan's length: bone adapts to
# the load, not to the plan chosen. At 40 % of the rest it had kept a novice at effort 5-6 for 36 weeks of a 2-year
# plan and 12 of a 6-month one (physio review Z, M1), and a trained client below what she already lifts until week 19
# of 52 (review X, M1). Trained: a month, as LIFTMOR (DOMAIN section 5) began 5 x 5 after a month of technique work.
# Novices: the 8 weeks a 6-month plan already gave them (so no plan is slower than that one); Osteo-cise's 12-month
# programme (Gianoudis 2012, BMC Musculoskelet Disord 13:78) reached effort 5-8 at 8-12 repetitions from week 9. The
# freed weeks go to the strength phase.
BUILD_WEEKS = {"novice": 8, "trained": 4}
# The strength phase's rise from effort 7 to MAX_EFFORT takes at most as long as a novice's build, for the same reason.
STRENGTH_RISE_WEEKS = BUILD_WEEKS["novice"]
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
FIRST_IMPACTS = 10  # the foundation's first impacts a session, where every new impact move starts again
# A new impact move (a harder landing) climbs back from FIRST_IMPACTS to TARGET_IMPACTS over this many weeks at its
# count: the physiotherapist's practice (physio review Y, M1: a new landing "starts at a few (10-20) and builds over 2-4
# weeks"). No trial or guideline in DOMAIN.md gives the weeks; 10 and 50 are the plan's own start and ROS's figure.
RESTART_WEEKS = 3
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


@dataclass(frozen=True)
class ImpactMove:
    """A counted impact move as the weeks hold it: the week it comes in and its impacts a session then, the most it
    reaches and the first week at that most; `back` when an earlier move had reached that most already (the count
    climbs back after the new move's restart)."""

    name: str
    from_week: int
    first: int
    most: int
    by_week: int
    back: bool

    def dated(self, name: str) -> str:
        """The move's name (as the caller words it) with the week it comes in, unless week 1 (physio review U, M1:
        stamping and low jumps, weeks 9 and 27, read as week-1 moves in one undated list)."""
        return name if self.from_week == 1 else f"{name} from week {self.from_week}"


def impact_moves(weeks: pd.DataFrame) -> list[ImpactMove]:
    """Each counted impact move of the weeks, in order, with its own count."""
    moves, reached = [], 0
    for name, its_weeks in weeks[weeks["impact_move"] != ""].groupby("impact_move", sort=False):
        impacts = its_weeks["impacts_per_session"]
        most = int(impacts.max())
        by_week = int(its_weeks.loc[impacts.idxmax(), "week"])
        moves.append(
            ImpactMove(name, int(its_weeks["week"].iloc[0]), int(impacts.iloc[0]), most, by_week, reached >= most)
        )
        reached = max(reached, most)
    return moves


def impact_move_words(move: ImpactMove, name: str, words: dict) -> str:
    """'<name>: 10 a session, back up to about 50 by week 13', in data/planner.yaml's words (impact.moves)."""
    kind = "steady" if move.most == move.first else "back" if move.back else "rising"
    return words[kind].format(name=name, first=move.first, most=move.most, week=move.by_week)


def week_count(months: int) -> int:
    return round(months * WEEKS_PER_MONTH)


def phase_lengths(total_weeks: int, experience: str) -> dict[str, int]:
    """Foundation first (at least four weeks, longer for novices), then build (at most BUILD_WEEKS), strength and
    maintenance."""
    foundation = min(FOUNDATION_WEEKS[experience], max(MIN_FOUNDATION_WEEKS, total_weeks // 4))
    remaining = total_weeks - foundation
    build = max(1, round(remaining * 0.4))
    maintenance = remaining - build - max(1, round(remaining * 0.35))
    build = min(build, BUILD_WEEKS[experience])
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


def main_lift_dose(
    phase: str, position: int, length: int, heavy: bool, heavy_weeks_before: int = 0, learning_heavy: bool = False
) -> dict:
    """Sets, reps, effort and %1RM of the main lifts for one (non-deload) week; heavy_weeks_before: the plan's heavy
    weeks before this one (the higher %1RM only after HEAVY_WEEKS_AT_LOWER of them); learning_heavy: a week of the
    heavy lifts' own 3 x 8 before their first 5 x 5, which stays at effort 7 (physio review D3)."""
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
    rise = min(length, STRENGTH_RISE_WEEKS)
    rising = phase == "strength" and not learning_heavy
    effort = round(_progress(7, MAX_EFFORT, min(position, rise - 1), rise)) if rising else 7
    return {"sets": 3, "reps": 8, "effort": effort, "intensity_pct_1rm": None}


def _in_fives(count: float) -> int:
    return int(5 * round(count / 5))


def _impacts(phase: str, position: int, length: int, impact_planned: bool) -> int:
    """Impacts a session as the phase builds them: toward about 50, rising phase by phase (a new move's restart caps
    them: restart_impacts)."""
    if not impact_planned:
        return 0
    start, end = {"foundation": (FIRST_IMPACTS, 20), "build": (20, TARGET_IMPACTS)}.get(
        phase, (TARGET_IMPACTS, TARGET_IMPACTS)
    )
    return _in_fives(_progress(start, end, position, length))


def restart_impacts(weeks_at_count: int) -> int:
    """The most a session holds of an impact move after `weeks_at_count` weeks at its count: FIRST_IMPACTS at first,
    back up to TARGET_IMPACTS over RESTART_WEEKS weeks (10, 25, 35, 50)."""
    return _in_fives(_progress(FIRST_IMPACTS, TARGET_IMPACTS, min(weeks_at_count, RESTART_WEEKS), RESTART_WEEKS + 1))


@dataclass
class _ImpactRestart:
    """Where the current impact move stands on its restart: a new move (a harder landing, or the first) starts again at
    FIRST_IMPACTS, whatever the last one reached (physio review Y, M1: low jumps came in at the full 50 a session)."""

    move: str = ""
    weeks_at_count: int = 0

    def most(self, move: str) -> int:
        if move != self.move:
            self.move, self.weeks_at_count = move, 0
        return restart_impacts(self.weeks_at_count)

    def week_done(self, impacts: int) -> None:
        """A week at the restart's count moves it one step on; a lighter week (a deload) holds it, so the week after
        rises one step from the last full week, never more."""
        if impacts >= restart_impacts(self.weeks_at_count):
            self.weeks_at_count += 1


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


def _book_spine_visit(profile, rows: list[dict], wording: dict, lower_body: list[str]) -> None:
    """After a spine fracture, a physiotherapist's visit before the first session that checks the first phase's
    lower-body moves (`lower_body`, by name): the plan's first note says a physiotherapist guides the start (physio
    review Y, M3: the first visit was the review that opens the build phase). Where week 1 books the floor practice,
    which asks for a physiotherapist already, it is the same visit."""
    if not profile.vertebral_fracture:
        return
    visit = wording["after_vertebral_fracture"]["first_visit"]
    same_visit = "floor_practice" in rows[0]["review_kinds"].split()
    words = visit["after_floor_practice" if same_visit else "alone"].format(moves=in_words(lower_body))
    _add_review(rows[0], "spine_visit", words)


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
    rows, week, previous, restart = [], 1, None, _ImpactRestart()
    first_heavy = heavy_start(total, profile.experience) or total + 1
    for phase in PHASES:
        heavy_lifts = phase_plan[phase]["heavy_lifts"]
        for position in range(lengths[phase]):
            heavy = bool(heavy_lifts) and week >= first_heavy
            learning = bool(heavy_lifts) and week < first_heavy <= total
            dose = main_lift_dose(phase, position, lengths[phase], heavy, week - first_heavy, learning)
            move = phase_plan[phase]["impact_move"]
            planned = _impacts(phase, position, lengths[phase], bool(move))
            dose["impacts_per_session"] = min(planned, restart.most(move))
            deload = week % DELOAD_EVERY == 0
            if deload:
                dose = _deload(previous or dose, dose)
            restart.week_done(dose["impacts_per_session"])
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
                    "impact_move": move,
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
    _book_spine_visit(profile, rows, wording, phase_plan[PHASES[0]]["lower_body"])
    _book_balance_rechecks(rows, wording)
    frame = pd.DataFrame(rows)
    frame["intensity_pct_1rm"] = frame["intensity_pct_1rm"].astype("Float64")
    return frame
