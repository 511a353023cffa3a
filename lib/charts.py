"""Altair chart builders and their text alternatives. Pure functions: data in, chart out.

Colours are the Okabe-Ito palette, safe for the common kinds of colour blindness;
every chart also labels its marks, so colour never carries meaning alone.
"""

from __future__ import annotations

from typing import Any, Iterable

import altair as alt
import pandas as pd

from lib.osteogenic import split_osteogenic_index

IMPACT_COLOURS = {"none": "#56B4E9", "low": "#009E73", "moderate": "#E69F00", "high": "#D55E00"}
GROUP_COLOURS = {"Exercise group": "#0072B2", "Control group": "#999999"}
GROUP_RESULTS_NOTE = "Group averages from trials, not a forecast for any one person."


def _scale(mapping: dict[str, str]) -> alt.Scale:
    return alt.Scale(domain=list(mapping), range=list(mapping.values()))


def impact_forces_frame(records: Iterable[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(list(records))
    frame["label"] = [
        f"{low:g}" if low == high else f"{low:g}-{high:g}" for low, high in zip(frame["low_bw"], frame["high_bw"])
    ]
    return frame.sort_values("high_bw").reset_index(drop=True)


def impact_forces_chart(records: Iterable[dict[str, Any]]) -> alt.LayerChart:
    """Activities by peak ground reaction force (x body weight), as ranges coloured by impact category."""
    frame = impact_forces_frame(records)
    order = list(frame["activity"])
    y = alt.Y("activity:N", sort=order, title=None, axis=alt.Axis(labelLimit=260))
    colour = alt.Color("category:N", scale=_scale(IMPACT_COLOURS), title="Impact category")
    tooltip = ["activity", "label", "category", "source", alt.Tooltip("note:N")]
    bars = (
        alt.Chart(frame)
        .mark_bar(size=14, cornerRadius=3)
        .encode(
            y=y,
            x=alt.X("low_bw:Q", title="Peak ground reaction force (x body weight)"),
            x2="high_bw:Q",
            color=colour,
            tooltip=tooltip,
        )
    )
    ticks = alt.Chart(frame).mark_tick(thickness=4, size=18).encode(y=y, x="high_bw:Q", color=colour, tooltip=tooltip)
    labels = alt.Chart(frame).mark_text(align="left", dx=8, fontSize=13).encode(y=y, x="high_bw:Q", text="label:N")
    return (bars + ticks + labels).properties(
        height=alt.Step(26),
        description="Horizontal bars of peak ground reaction force in body weights for everyday and training activities.",
    )


def describe_impact_forces(records: Iterable[dict[str, Any]]) -> str:
    frame = impact_forces_frame(records)
    lines = [f"{row.activity}: {row.label} x body weight ({row.category} impact)" for row in frame.itertuples()]
    return "Peak ground reaction force, lowest to highest. " + "; ".join(lines) + "."


def _bouts_label(bouts: int, cycles_per_bout: float) -> str:
    size = f"{cycles_per_bout:g}" if cycles_per_bout == int(cycles_per_bout) else f"about {round(cycles_per_bout)}"
    return f"{bouts} bout{'s' if bouts > 1 else ''} of {size}"


def osteogenic_index_frame(peak_load_bw: float, total_cycles: int, max_bouts: int = 4) -> pd.DataFrame:
    rows = [
        {
            "bouts": _bouts_label(bouts, total_cycles / bouts),
            "index": round(split_osteogenic_index(peak_load_bw, total_cycles, bouts), 1),
        }
        for bouts in range(1, max_bouts + 1)
    ]
    return pd.DataFrame(rows)


def osteogenic_index_chart(peak_load_bw: float, total_cycles: int) -> alt.LayerChart:
    """The same loads in one bout versus split into bouts hours apart."""
    frame = osteogenic_index_frame(peak_load_bw, total_cycles)
    # Two lines a label ('2 bouts' over 'of 25'): on one line, a presenter's large type hides every other label.
    two_lines = (
        "[slice(datum.label, 0, indexof(datum.label, ' of')), slice(datum.label, indexof(datum.label, ' of') + 1)]"
    )
    axis = alt.Axis(labelAngle=0, labelLimit=240, labelExpr=two_lines)
    x = alt.X("bouts:N", sort=None, title="How the loading is split", axis=axis)
    bars = (
        alt.Chart(frame)
        .mark_bar(color="#0072B2", size=48)
        .encode(x=x, y=alt.Y("index:Q", title="Osteogenic index"), tooltip=["bouts", "index"])
    )
    labels = alt.Chart(frame).mark_text(dy=-10, fontSize=15, fontWeight="bold").encode(x=x, y="index:Q", text="index:Q")
    return (bars + labels).properties(
        height=300,
        description=f"Osteogenic index for {total_cycles} loads at {peak_load_bw:g} body weights, in one to four bouts.",
    )


def describe_osteogenic_index(peak_load_bw: float, total_cycles: int) -> str:
    frame = osteogenic_index_frame(peak_load_bw, total_cycles)
    return "; ".join(f"{row.bouts}: index {row.index}" for row in frame.itertuples()) + "."


def trial_results_frame(records: Iterable[dict[str, Any]]) -> pd.DataFrame:
    rows = []
    for record in records:
        trial = f"{record['study']} ({record['months']} months)"
        rows.append(
            {"trial": trial, "site": record["site"], "group": "Exercise group", "change": record["exercise_pct"]}
        )
        if record.get("control_pct") is not None:
            rows.append(
                {"trial": trial, "site": record["site"], "group": "Control group", "change": record["control_pct"]}
            )
    return pd.DataFrame(rows)


def trial_results_chart(records: Iterable[dict[str, Any]]) -> alt.FacetChart:
    """Mean BMD change in exercise and control groups, one panel per skeletal site."""
    frame = trial_results_frame(records)
    base = alt.Chart(frame).encode(
        y=alt.Y("trial:N", title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("change:Q", title="Mean change in bone density (%)"),
        yOffset="group:N",
    )
    bars = base.mark_bar(size=9).encode(
        color=alt.Color("group:N", scale=_scale(GROUP_COLOURS), title=None, legend=alt.Legend(orient="top")),
        tooltip=["trial", "site", "group", alt.Tooltip("change:Q", format="+.2f")],
    )
    labels = base.mark_text(align="left", dx=4, fontSize=12).encode(text=alt.Text("change:Q", format="+.1f"))
    return (
        (bars + labels)
        .properties(width=420, height=alt.Step(10))  # with its titles, fits a presenter's 1280x720 step
        .facet(
            row=alt.Row(
                "site:N",
                title=None,
                header=alt.Header(labelFontSize=14, labelFontWeight="bold", labelAngle=0, labelAlign="left"),
            ),
        )
        .resolve_scale(y="independent")
        .properties(
            title=alt.Title("Bone density change in exercise trials", subtitle=GROUP_RESULTS_NOTE),
            description="Bars of mean bone density change for exercise and control groups in trials. "
            + GROUP_RESULTS_NOTE,
        )
    )


def describe_trial_results(records: Iterable[dict[str, Any]]) -> str:
    parts = []
    for record in records:
        control = (
            f" vs {record['control_pct']:+g} % control"
            if record.get("control_pct") is not None
            else " (pooled difference vs control)"
        )
        parts.append(f"{record['study']}, {record['site']}: {record['exercise_pct']:+g} %{control}")
    return GROUP_RESULTS_NOTE + " " + "; ".join(parts) + "."


BAND_STEP = 30  # px per bar: every lesson's name fits beside its bar, so none is hidden as overlapping
SCORE_TICKS = [0, 25, 50, 75, 100]  # per cent


def lesson_scores_chart(by_lesson: pd.DataFrame, titles: dict[str, str]) -> alt.LayerChart:
    """An exam's score per lesson (columns lesson, correct, total, percent), every bar named."""
    frame = by_lesson.assign(lesson=by_lesson["lesson"].map(titles))
    bars = (
        alt.Chart(frame)
        .mark_bar(color="#0072B2")
        .encode(
            # Ticks at quarters: Vega's default of one per 5 % crowds "95" into "100" at presenter type sizes.
            x=alt.X(
                "percent:Q", title="Score (%)", scale=alt.Scale(domain=[0, 100]), axis=alt.Axis(values=SCORE_TICKS)
            ),
            y=alt.Y("lesson:N", title=None, sort="-x", axis=alt.Axis(labelLimit=300, labelOverlap=False)),
            tooltip=["lesson", "correct", "total", "percent"],
        )
    )
    labels = bars.mark_text(align="left", dx=4).encode(text=alt.Text("percent:Q", format="d"))
    return (bars + labels).properties(
        height=alt.Step(BAND_STEP), description="Bars of exam score by lesson, in percent."
    )


def exam_history_chart(records: Iterable[Any]) -> alt.LayerChart:
    """Saved exam scores over time, from records with taken_at, correct, total and percent."""
    history = pd.DataFrame(
        [
            {"taken": record.taken_at, "percent": record.percent, "score": f"{record.correct} of {record.total}"}
            for record in records
        ]
    )
    x = alt.X("taken:T", title="Exam taken", axis=alt.Axis(format="%d %b", labelAngle=0))
    y = alt.Y("percent:Q", title="Score (%)", scale=alt.Scale(domain=[0, 100]))
    line = (
        alt.Chart(history)
        .mark_line(color="#0072B2", point=alt.OverlayMarkDef(size=80, color="#0072B2"))
        .encode(x=x, y=y, tooltip=[alt.Tooltip("taken:T", format="%d %b %Y %H:%M"), "score", "percent"])
    )
    labels = alt.Chart(history).mark_text(dy=-12).encode(x=x, y=y, text=alt.Text("percent:Q", format="d"))
    return (line + labels).properties(height=240, description="Line of saved exam scores over time, in percent.")
