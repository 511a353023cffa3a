"""Charts of a program over the months, with their text alternatives (see lib/planner.py)."""

from __future__ import annotations

import datetime as dt
from functools import cache

import altair as alt
import pandas as pd

from lib.catalog import default_catalog
from lib.plan_notes import stand_in_note
from lib.plan_weeks import impact_move_words, impact_moves
from lib.planner import Plan, session_dates

PHASE_COLOURS = {"foundation": "#56B4E9", "build": "#009E73", "strength": "#E69F00", "maintenance": "#CC79A7"}
COMPONENT_COLOURS = {
    "Warm-up": "#999999",
    "Axial lower body": "#0072B2",
    "Upper body": "#56B4E9",
    "Impact": "#D55E00",
    "Balance": "#009E73",
    "Posture and back": "#CC79A7",
    "Aerobic": "#F0E442",
}
CALENDAR_WEEKS = 8  # the calendar shows the first two months: what a client starts with
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _phase_spans(weeks: pd.DataFrame) -> pd.DataFrame:
    spans = weeks.groupby("phase", sort=False)["week"].agg(["min", "max"]).reset_index()
    return spans.assign(start=spans["min"] - 0.5, end=spans["max"] + 0.5)


def _records(frame: pd.DataFrame) -> list[dict]:
    return frame.to_dict(orient="records")


def _with_data(template: dict, **datasets: pd.DataFrame) -> dict:
    """A cached chart template with this plan's data: Vega-Lite named datasets, in JSON-ready records.

    Building and validating an altair chart costs 10-60 ms, about 300 ms for a plan's four charts: far
    more than the plan itself (bench/load.py found every new setting a visitor tried cost the server
    that much). The charts' shape never changes with the plan, only their data, so each shape is built
    and validated once per process and a plan adds only its rows.
    """
    return template | {"datasets": {name: _records(frame) for name, frame in datasets.items()}}


# Every week's label would crowd a two-year plan: label week 1 and every fourth week after it.
EVERY_FOURTH_WEEK = "(datum.value - 1) % 4 == 0 ? datum.label : ''"


@cache
def _effort_template() -> dict:
    # No domain: the phase shading spans weeks 0.5 to n + 0.5, which sets the shared x scale.
    x = alt.X("week:Q", title="Week", scale=alt.Scale(nice=False, zero=False))
    phases = (
        alt.Chart(alt.NamedData("phases"))
        .mark_rect(opacity=0.18)
        .encode(
            x=alt.X("start:Q", scale=alt.Scale(nice=False, zero=False)),
            x2="end:Q",
            color=alt.Color(
                "phase:N",
                scale=alt.Scale(domain=list(PHASE_COLOURS), range=list(PHASE_COLOURS.values())),
                title="Phase",
                legend=alt.Legend(orient="top"),
            ),
        )
    )
    tooltip = [
        "week:Q",
        "month:Q",
        "phase:N",
        "deload:N",
        "effort:Q",
        "sets:Q",
        "reps:N",
        alt.Tooltip("intensity:Q", title="% 1RM"),
    ]
    weeks = alt.Chart(alt.NamedData("weeks"))
    line = weeks.mark_line(strokeWidth=3, color="#0072B2", interpolate="step-after").encode(
        x=x, y=alt.Y("effort:Q", title="Target effort (out of 10)", scale=alt.Scale(domain=[0, 10])), tooltip=tooltip
    )
    deloads = (
        weeks.transform_filter("datum.deload")
        .mark_point(shape="triangle-down", size=110, filled=True, color="#333333")
        .encode(x=x, y="effort:Q", tooltip=tooltip)
    )
    # a review before progressing (after a vertebral fracture; a medical review first): a dashed line before its week
    # aria=False: with no review the layer is empty, and Vega would give its empty mark group an image role
    # with no text (axe: svg-img-alt); "Chart as text" lists the reviews.
    reviews = (
        weeks.transform_filter("datum.review != ''")
        .transform_calculate(start="datum.week - 0.5")
        .mark_rule(strokeDash=[6, 4], strokeWidth=2, color="#333333", aria=False)
        .encode(x=alt.X("start:Q"), tooltip=["week:Q", "review:N"])
    )
    return (
        (phases + line + deloads + reviews)
        .properties(
            height=280,
            description="Step line of target effort by week, phases shaded, deload weeks marked with triangles, "
            "a dashed line before each week that starts with a review.",
        )
        .to_dict()
    )


def effort_spec(plan: Plan) -> dict:
    """Target effort of the main lifts by week, phases shaded, deload weeks marked."""
    weeks = plan.weeks[["week", "month", "phase", "deload", "effort", "sets", "reps", "review"]].assign(
        intensity=plan.weeks["intensity_pct_1rm"].astype("float")
    )
    return _with_data(_effort_template(), phases=_phase_spans(plan.weeks), weeks=weeks)


def describe_reviews(weeks: pd.DataFrame) -> str:
    """' Week 9: Physiotherapist review before progressing: ...' for each review in these weeks."""
    return "".join(f" Week {row.week}: {row.review}" for row in weeks[weeks["review"] != ""].itertuples())


def describe_effort(plan: Plan) -> str:
    spans = _phase_spans(plan.weeks)
    parts = [f"{row.phase}: weeks {row.min}-{row.max}" for row in spans.itertuples()]
    deloads = ", ".join(str(week) for week in plan.weeks.loc[plan.weeks["deload"], "week"])
    efforts = f"effort rises from {plan.weeks['effort'].iloc[0]} to {plan.weeks['effort'].max()} out of 10"
    heavy = " Heavy 5 x 5 sets at 80-85 % of one-repetition maximum in the strength phase." if plan.heavy else ""
    return (
        f"Phases: {'; '.join(parts)}. Target {efforts}. Lighter (deload) weeks: {deloads}.{heavy}"
        + describe_reviews(plan.weeks)
    )


def components_frame(plan: Plan) -> pd.DataFrame:
    weeks = plan.weeks
    columns = {
        "Warm-up": "minutes_warm_up",
        "Axial lower body": "minutes_axial",
        "Upper body": "minutes_upper_body",
        "Impact": "minutes_impact",
        "Posture and back": "minutes_posture",
    }
    frame = pd.DataFrame({name: weeks[column] for name, column in columns.items() if column in weeks})
    frame["Balance"] = weeks["balance_minutes"]  # in sessions and at home
    frame["Aerobic"] = weeks["aerobic_minutes"]  # brisk walking and the like, outside the sessions
    frame["week"] = weeks["week"]
    return frame.melt(id_vars="week", var_name="component", value_name="minutes")


@cache
def _components_template() -> dict:
    order = list(COMPONENT_COLOURS)
    return (
        alt.Chart(alt.NamedData("components"))
        .mark_bar()
        .encode(
            x=alt.X("week:O", title="Week", axis=alt.Axis(labelExpr=EVERY_FOURTH_WEEK, labelAngle=0)),
            y=alt.Y("sum(minutes):Q", title="Minutes a week"),
            color=alt.Color(
                "component:N",
                sort=order,
                title="Component",
                legend=alt.Legend(orient="top", columns=4),
                scale=alt.Scale(domain=order, range=list(COMPONENT_COLOURS.values())),
            ),
            order=alt.Order("component_order:Q"),
            tooltip=["week:O", "component:N", "minutes:Q"],
        )
        .transform_calculate(component_order=f"indexof({order}, datum.component)")
        .properties(
            height=260,
            description="Stacked bars of estimated minutes a week for each component of the program.",
        )
        .to_dict()
    )


def components_spec(plan: Plan) -> dict:
    """Estimated minutes a week per component, stacked."""
    return _with_data(_components_template(), components=components_frame(plan))


def describe_components(plan: Plan) -> str:
    first = components_frame(plan).query("week == 1")
    parts = [f"{row.component} {row.minutes} min" for row in first.itertuples()]
    return (
        f"In week 1: {', '.join(parts)}. Balance grows to {plan.weeks['balance_minutes'].max()} minutes a week "
        f"(in sessions and at home) and aerobic activity to {plan.weeks['aerobic_minutes'].max()} minutes "
        f"({plan.weeks['aerobic_intensity'].iloc[0]}); the other components take the minutes their blocks need."
    )


@cache
def _impacts_template() -> dict:
    return (
        alt.Chart(alt.NamedData("weeks"))
        .mark_bar(color="#D55E00")
        .encode(
            x=alt.X("week:O", title="Week", axis=alt.Axis(labelExpr=EVERY_FOURTH_WEEK, labelAngle=0)),
            y=alt.Y("impacts:Q", title="Impacts a week"),
            tooltip=["week:O", "phase:N", "impact_move:N", "impacts_per_session:Q", "impacts:Q"],
        )
        .properties(height=220, description="Bars of impacts (landings or stamps) a week.")
        .to_dict()
    )


def impacts_spec(plan: Plan) -> dict:
    weeks = plan.weeks[["week", "phase", "impact_move", "impacts_per_session"]].assign(
        impacts=plan.weeks["impacts_per_session"] * plan.weeks["sessions"]
    )
    return _with_data(_impacts_template(), weeks=weeks)


def describe_impacts(plan: Plan) -> str:
    if plan.weeks["impacts_per_session"].max() == 0:
        words = default_catalog().planner["impact"]
        stand_in = (plan.sessions["exercise_id"] == words["stand_in"]["exercise"]) & (
            plan.sessions["block"] == "impact"
        )
        return stand_in_note(plan.profile, words["stand_in"], with_falls=False) if stand_in.any() else words["none"]
    words = default_catalog().planner["impact"]["moves"]
    moves = ". ".join(impact_move_words(move, move.dated(move.name), words) for move in impact_moves(plan.weeks))
    return words["chart"].format(ceiling=plan.impact_ceiling, moves=moves)


def calendar_frame(plan: Plan, start: dt.date, weekdays: tuple[int, ...] | None = None) -> pd.DataFrame:
    rows = [
        {"date": day.isoformat(), "weekday": WEEKDAYS[day.weekday()], "week": f"Week {week}", "session": letter}
        for day, letter, week in session_dates(plan, start, weekdays)
        if week <= CALENDAR_WEEKS
    ]
    return pd.DataFrame(rows)


def home_work(plan: Plan) -> str:
    """The daily home work of the first phase, in a few words: 'Seated balance reach; Seated back extension'."""
    daily = plan.home[plan.home["daily"].astype(bool)]
    return "; ".join(daily.loc[daily["phase"] == daily["phase"].iloc[0], "exercise"]) if not daily.empty else ""


def home_frame(plan: Plan, start: dt.date, weekdays: tuple[int, ...] | None = None) -> pd.DataFrame:
    """Every day of the calendar's weeks, for the daily home work (balance, and back extensors where bone is low)."""
    first_session = dt.date.fromisoformat(calendar_frame(plan, start, weekdays)["date"].iloc[0])
    monday = first_session - dt.timedelta(days=first_session.weekday())
    days = [monday + dt.timedelta(days=offset) for offset in range(7 * min(CALENDAR_WEEKS, len(plan.weeks)))]
    home = home_work(plan)
    return pd.DataFrame(
        [
            {
                "date": day.isoformat(),
                "weekday": WEEKDAYS[day.weekday()],
                "week": f"Week {(day - monday).days // 7 + 1}",
                "home": home,
            }
            for day in days
        ]
    )


@cache
def _calendar_template(with_home: bool) -> dict:
    weekday = alt.X(
        "weekday:N",
        sort=list(WEEKDAYS),
        scale=alt.Scale(domain=list(WEEKDAYS)),
        title=None,
        axis=alt.Axis(orient="top", labelAngle=0),
    )
    week = alt.Y("week:N", sort=None, title=None)
    base = alt.Chart(alt.NamedData("sessions")).encode(x=weekday, y=week, tooltip=["date:N", "session:N"])
    layers = base.mark_rect(cornerRadius=4, color="#0072B2", opacity=0.85) + base.mark_text(
        color="white", fontSize=16, fontWeight="bold"
    ).encode(text="session:N")
    if with_home:
        layers += (
            alt.Chart(alt.NamedData("home"))
            .mark_point(
                shape="diamond",
                filled=True,
                size=40,
                color="#009E73",
                yOffset=10,
            )
            .encode(x=weekday, y=week, tooltip=["date:N", alt.Tooltip("home:N", title="Daily home work")])
        )
    return layers.properties(
        height=alt.Step(30),
        width=alt.Step(60),
        description="Calendar of the first weeks: a lettered cell for each session day, "
        "a green diamond for each day's home work.",
    ).to_dict()


def calendar_spec(plan: Plan, start: dt.date, weekdays: tuple[int, ...] | None = None) -> dict:
    """The first weeks, a cell per session on the client's training days (by default the usual ones)."""
    sessions = calendar_frame(plan, start, weekdays)
    if not home_work(plan):
        return _with_data(_calendar_template(with_home=False), sessions=sessions)
    return _with_data(_calendar_template(with_home=True), sessions=sessions, home=home_frame(plan, start, weekdays))


def describe_calendar(plan: Plan, start: dt.date, weekdays: tuple[int, ...] | None = None) -> str:
    frame = calendar_frame(plan, start, weekdays)
    days = ", ".join(dict.fromkeys(frame["weekday"]))
    daily = home_work(plan)
    home = f" Every day at home: {daily}." if daily else ""
    return (
        f"Sessions on {days} each week, starting {frame['date'].iloc[0]}; "
        f"sessions {', '.join(dict.fromkeys(frame['session']))} in turn.{home}"
        + describe_reviews(plan.weeks[plan.weeks["week"] <= CALENDAR_WEEKS])
    )
