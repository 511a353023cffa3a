"""Program planner: a 2-3x/week program for the chosen profile, charted over the months."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from lib import plan_charts
from lib.exports import DEFAULT_TIME, plan_ics, plan_sessions_csv, plan_weeks_csv
from lib.planner import (
    DEFAULT_WEEKDAYS,
    EQUIPMENT_SETS,
    EQUIPMENT_WORDS,
    SESSION_MINUTES,
    Plan,
    build_plan,
    next_monday,
    session_grid,
    spare_time_note,
)
from lib.profiles import Profile
from lib.tables import markdown_table
from pages.components import kept_settings, site_map
from pages.components.common import (
    bound_choice,
    chart,
    cited_markdown,
    with_arrow_datasets,
    disclaimer,
    notice_odd_parameters,
    share_this_view,
)
from pages.components.lesson_figures import render_trial_results
from pages.components.handout_form import handout_download
from pages.components.page_params import MONTHS_RANGE, PLAN_SETTINGS
from pages.components.profile_form import link_with_this_profile, profile_form

# Plans, their charts and tables are cached per setting, and the settings combine into tens of
# thousands of keys: without a bound the server's memory grows with every new combination a visitor
# tries (about 80 KiB each; bench/load.py's clinic day). The least recently used go first.
PLAN_CACHE_ENTRIES = 64


@st.cache_data(show_spinner=False, max_entries=PLAN_CACHE_ENTRIES)
def plan_for(profile: Profile, sessions_per_week: int, months: int, minutes: int, kit: str) -> Plan:
    return build_plan(profile, sessions_per_week, months, minutes, kit)


@st.cache_data(show_spinner=False, max_entries=PLAN_CACHE_ENTRIES)
def charts_for(plan_key: tuple, start: dt.date, weekdays: tuple[int, ...]) -> dict[str, tuple[dict, str]]:
    """Every chart's Vega-Lite spec and text alternative, built once per plan, start date and training days."""
    plan = plan_for(*plan_key)
    built = {
        "effort": (plan_charts.effort_spec(plan), plan_charts.describe_effort(plan)),
        "components": (plan_charts.components_spec(plan), plan_charts.describe_components(plan)),
        "impacts": (plan_charts.impacts_spec(plan), plan_charts.describe_impacts(plan)),
        "calendar": (
            plan_charts.calendar_spec(plan, start, weekdays),
            plan_charts.describe_calendar(plan, start, weekdays),
        ),
    }
    return {name: (with_arrow_datasets(spec), text) for name, (spec, text) in built.items()}


def program_settings() -> tuple[int, int, int, str, dt.date]:
    kept_settings.restore(PLAN_SETTINGS)
    if "start" not in st.session_state and "start" not in st.query_params:
        # Into the link as well: a bound widget set from code on its first run leaves the link without it.
        first_day = next_monday(dt.date.today())
        st.query_params["start"] = first_day.isoformat()  # so every link carries its dates
        st.session_state["start"] = first_day
    with st.container(border=True):
        first, second, third = st.columns(3)
        sessions = bound_choice(first, "Sessions a week", [2, 3], 3, "spw", on_change=default_days_for_new_count)
        months = second.slider("Length (months)", *MONTHS_RANGE, value=12, key="months", bind="query-params")
        start = third.date_input("Start date", value=None, key="start", bind="query-params", format="YYYY-MM-DD")
        minutes = bound_choice(first, "Minutes a session", SESSION_MINUTES, 45, "minutes")
        # Radio buttons wrap in a narrow column; a segmented control would hide its first option.
        kit = second.radio(
            "Equipment",
            list(EQUIPMENT_SETS),
            index=list(EQUIPMENT_SETS).index("full gym"),
            captions=[EQUIPMENT_WORDS[kit] for kit in EQUIPMENT_SETS],
            horizontal=True,
            key="kit",
            bind="query-params",
        )
    return sessions, months, minutes, kit, start or next_monday(dt.date.today())


@st.cache_data(show_spinner=False, max_entries=PLAN_CACHE_ENTRIES)
def spare_time(plan_key: tuple) -> str:
    """What a session length the plan does not fill adds (nothing: physio review F, L1), once per plan."""
    return spare_time_note(plan_for(*plan_key))


def chart_block(title: str, spec_and_text: tuple[dict, str]) -> None:
    st.markdown(f"**{title}**")
    chart(*spec_and_text)


def render_notes(plan: Plan) -> None:
    """What comes before the plan (a review first, fuelling, no impact work), then each later review by its week."""
    later = plan.weeks[(plan.weeks["review"] != "") & (plan.weeks["week"] > 1)]
    for note in [*plan.notes, *(f"Week {row.week}: {row.review}" for row in later.itertuples())]:
        st.info(note, icon=":material/info:")


def render_overview(plan: Plan) -> None:
    weeks = plan.weeks
    columns = st.columns(5)
    columns[0].metric("Weeks", len(weeks))
    columns[1].metric("Impact up to", plan.impact_ceiling)
    # Short labels: a longer one is cut off in a fifth of a 1280 px screen; the help says when.
    columns[2].metric("Balance a week", f"{weeks['balance_minutes'].max()} min", help="Reached by week 16.")
    columns[3].metric(
        "Aerobic a week",
        f"{weeks['aerobic_minutes'].max()} min",
        help=f"Reached by week 16. Intensity: {weeks['aerobic_intensity'].iloc[0]}.",
    )
    if plan.habitual_impact:  # a runner's running counts (physio review D9)
        st.caption(plan.habitual_impact)
    columns[4].metric("Heavy 5 x 5", "yes" if plan.heavy else "no", help="Supervised: only with a coach present.")


@st.cache_data(show_spinner=False, max_entries=PLAN_CACHE_ENTRIES)
def session_tables(plan_key: tuple) -> dict[str, str]:
    """Each session template as a Markdown table, built once per plan."""
    plan = plan_for(*plan_key)
    return {
        session: markdown_table(session_grid(plan, session).rename(columns=str.capitalize), "Block")
        for session in plan.sessions["session"].unique()
    }


@st.cache_data(show_spinner=False)
def home_table(plan_key: tuple) -> str:
    """The daily home work, phases across, as a Markdown table (empty when the profile needs none)."""
    home = plan_for(*plan_key).home
    if home.empty:
        return ""
    cells = home.assign(
        what=home["exercise"]
        + " ("
        + home["dose"]
        + ")"
        + home["modification"].map(lambda change: f". {change}" if change else "")
        + home["move_on_when"].map(lambda criterion: f" {criterion}" if criterion else "")
    )
    grid = cells.pivot_table(index="block", columns="phase", values="what", aggfunc="; ".join, sort=False).reindex(
        columns=list(dict.fromkeys(home["phase"]))
    )
    return markdown_table(grid.fillna("").rename(columns=str.capitalize), "At home")


def render_sessions(tables: dict[str, str], home: str) -> None:
    st.subheader("Session templates", anchor="sessions")
    st.caption(
        "What each session holds in each phase, at the weeks' dose. Exercises come only from this profile's "
        "recommended list, or with the change that keeps support in reach printed beside them; easier "
        "versions first, harder ones as the program advances. Balance work moves up a level when the "
        "client meets the level's 'move on when'."
    )
    for tab, table in zip(st.tabs([f"Session {letter}" for letter in tables]), tables.values()):
        tab.markdown(table)
    if home:
        st.markdown("**At home**")
        st.markdown(home)


def render_evidence() -> None:
    st.subheader("What trials measured", anchor="evidence")
    cited_markdown(
        "These are **group averages, not a forecast** for this client. LIFTMOR measured its results after "
        "8 months of supervised training [@watson2018]; the Cochrane review pooled 43 trials [@howe2011]. "
        "For scale: around menopause the spine loses about 1.8-2.3 % a year and the hip about 1.0-1.4 % "
        "[@greendale2012]. A good program typically shifts bone density 1-4 % against doing nothing over a "
        "year, which one person's repeat scan may not show: a change counts only above the clinic's least "
        "significant change, and repeat scans are usually about 2 years apart [@howe2011; @iscdprecision; "
        "@racpevolve]. Strength, balance and falls improve sooner [@sherrington2019]."
    )
    render_trial_results()


def usual_days(sessions_per_week: int) -> list[str]:
    return [plan_charts.WEEKDAYS[day] for day in DEFAULT_WEEKDAYS[sessions_per_week]]


def default_days_for_new_count() -> None:
    """A new number of sessions a week starts from that number's usual days (the old choice no longer fits)."""
    st.session_state["days"] = usual_days(st.session_state["spw"] or 3)


DAYS_SHOWN = "planner-days-shown"  # the training days as the page last showed them
DAYS_REFUSED = "planner-days-refused"  # days a click tried to add beyond the sessions a week


def refuse_a_day_too_many(sessions_per_week: int) -> None:
    """A day clicked on once the week's days are all chosen is taken off again, and the page says why:
    the pills cannot cap their own choice (st.pills has no max_selections in Streamlit 1.67)."""
    chosen = st.session_state["days"] or []
    if len(chosen) <= sessions_per_week:
        return
    shown = st.session_state.get(DAYS_SHOWN, [])
    st.session_state[DAYS_REFUSED] = [day for day in chosen if day not in shown]
    st.session_state["days"] = [day for day in chosen if day in shown]


def say_which_day_was_refused(column, sessions_per_week: int) -> None:
    refused = st.session_state.pop(DAYS_REFUSED, [])
    if refused:
        column.info(
            f"{sessions_per_week} sessions a week take {sessions_per_week} days: {' and '.join(refused)} "
            "was not added. Take a day off first to choose another.",
            icon=":material/info:",
        )


def calendar_choices(sessions_per_week: int) -> tuple[tuple[int, ...], dt.time, bool]:
    """The days and time the client trains, bound to the link like the other settings: the calendar on
    screen, the handout and the calendar file use them. Returns the days (the usual ones until as many are
    chosen as there are sessions), the time and whether the chosen days fit."""
    days_column, time_column = st.columns([3, 1])
    # The day names are the options (no format_func): the link holds them, and kept_settings writes them back.
    days = days_column.pills(
        f"Training days ({sessions_per_week} a week)",
        plan_charts.WEEKDAYS,
        selection_mode="multi",
        default=usual_days(sessions_per_week),
        key="days",
        bind="query-params",
        on_change=refuse_a_day_too_many,
        args=(sessions_per_week,),
    )
    st.session_state[DAYS_SHOWN] = list(days)
    say_which_day_was_refused(days_column, sessions_per_week)
    at = (
        time_column.time_input(
            "Time", value=DEFAULT_TIME, step=dt.timedelta(minutes=15), key="time", bind="query-params"
        )
        or DEFAULT_TIME
    )
    chosen = tuple(sorted({plan_charts.WEEKDAYS.index(day) for day in days}))  # a link may repeat a day
    if len(chosen) != sessions_per_week:
        st.caption(
            f"{len(chosen)} of {sessions_per_week} days chosen: choose exactly {sessions_per_week} for the "
            "calendar file; until then the calendar and the handout show "
            f"{' and '.join(usual_days(sessions_per_week))}."
        )
        return DEFAULT_WEEKDAYS[sessions_per_week], at, False
    return chosen, at, True


def render_downloads(
    plan: Plan, start: dt.date, minutes: int, weekdays: tuple[int, ...], at: dt.time, days_fit: bool
) -> None:
    """Files are built when clicked, not on every rerun (a year's calendar takes longer than the page)."""
    st.subheader("Downloads", anchor="downloads")
    files = [  # label, what builds the file, its name, its type, its icon, whether it can be made now
        (
            "Weekly plan (CSV)",
            lambda: plan_weeks_csv(plan, start, weekdays),
            "bone-program-weeks.csv",
            "text/csv",
            ":material/download:",
            True,
        ),
        (
            "Session templates (CSV)",
            lambda: plan_sessions_csv(plan),
            "bone-program-sessions.csv",
            "text/csv",
            ":material/download:",
            True,
        ),
        (
            "Calendar (.ics)",
            lambda: plan_ics(plan, start, minutes, weekdays, at),
            "bone-program.ics",
            "text/calendar",
            ":material/event:",
            days_fit,
        ),
    ]
    for column, (label, build, file_name, mime, icon, ready) in zip(st.columns(len(files)), files):
        column.download_button(
            label, build, file_name, mime=mime, icon=icon, width="stretch", on_click="ignore", disabled=not ready
        )


st.title("Program planner")
st.caption("A two- or three-times-a-week program for the chosen profile, progressing over the months.")
notice_odd_parameters(site_map.PLANNER.params)
profile = profile_form()
link_with_this_profile(site_map.SAFE_OPTIONS.page(), "See the exercise options", ":material/health_and_safety:")
sessions_per_week, months, minutes, kit, start = program_settings()
weekdays, at, days_fit = calendar_choices(sessions_per_week)
kept_settings.keep(PLAN_SETTINGS)
share_this_view(site_map.PLANNER.url_path)
plan_key = (profile, sessions_per_week, months, minutes, kit)
plan = plan_for(*plan_key)
specs = charts_for(plan_key, start, weekdays)

render_notes(plan)
if spare := spare_time(plan_key):
    st.info(spare, icon=":material/schedule:")
render_overview(plan)
chart_block("Effort of the main lifts, week by week", specs["effort"])
# Full width, one under the other: side by side, the time chart's seven-entry legend was cut off at 1280 px.
chart_block("Where a week's time goes", specs["components"])
chart_block("Impacts a week", specs["impacts"])
chart_block("The first weeks on the calendar", specs["calendar"])
render_sessions(session_tables(plan_key), home_table(plan_key))
render_downloads(plan, start, minutes, weekdays, at, days_fit)
handout_download(profile, plan, start, settings=plan_key, weekdays=weekdays)
render_evidence()
disclaimer()
