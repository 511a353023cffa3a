"""A screening as a CSV file, read back a month later to show the change beside today's results.

Public API::

    from lib.screening_files import screening_csv, read_screening_csv, changes, changes_chart_spec
    text = screening_csv(s, datetime.date(2026, 11, 29))      # one row per result entered
    earlier = read_screening_csv(uploaded_bytes, today)       # EarlierScreening, or ScreeningFileError
    changes(s, [earlier])                                     # DataFrame: measure, each date, today, change

An uploaded file is untrusted: it is read as plain text with a size and row limit, every key must be one
screen() takes, every value goes through screen()'s own checks, and a problem becomes a message that names
it without echoing the file's content. Nothing is stored; the file's values only feed the comparison.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from lib.catalog import Catalog, default_catalog
from lib.falls_findings import stay_independent_score
from lib.screening import Screening, screen

MAX_BYTES = 20_000  # a screening is about 30 short rows; anything far bigger is not one of ours
MAX_ROWS = 60
HEADER = ["key", "label", "value", "cutoff", "meaning"]
LIST_SEPARATOR = ";"
BOOLEAN_KEYS = ("fall_injured", "fear_of_falling", "joint_limits", "clearance", "floor")
CHOICE_KEYS = ("sex", "experience", "dxa_site")
LIST_KEYS = ("fractures", "risk_factors")
OTHER_LABELS = {
    "date": "Screening date",
    "sex": "Sex",
    "fall_injured": "Injured in a fall",
    "fear_of_falling": "Fear of falling",
    "stay_independent": "Stay Independent answers (yes/no, in order)",
    "dxa_site": "DXA site",
    "fractures": "Fragility fractures after 40",
    "risk_factors": "Risk factors",
    "joint_limits": "Joint pain limits impact",
    "experience": "Strength-training experience",
    "clearance": "Cleared for heavy lifting",
    "floor": "Gets down to and up from the floor",
}
SAFE_KEY = re.compile(r"^[a-z_0-9]{1,30}$")
# Measures whose change over time means something, with how to read a number out of the inputs.
TRACKED = {
    "tug_s": ("Timed Up and Go (s)", lambda inputs, data: inputs.get("tug_s")),
    "chair_stands_30s": ("30-second chair stand (stands)", lambda inputs, data: inputs.get("chair_stands_30s")),
    "tandem_s": ("Tandem stance held (s)", lambda inputs, data: _tandem(inputs, data)),
    "stay_independent": ("Stay Independent (points)", lambda inputs, data: _checklist(inputs, data)),
    "falls_past_year": ("Falls in the last 12 months", lambda inputs, data: inputs.get("falls_past_year")),
    "t_score": ("DXA T-score", lambda inputs, data: inputs.get("t_score")),
    "z_score": ("DXA Z-score", lambda inputs, data: inputs.get("z_score")),
    "height_loss_cm": ("Height loss (cm)", lambda inputs, data: inputs.get("height_loss_cm")),
    "occiput_to_wall_cm": ("Occiput-to-wall distance (cm)", lambda inputs, data: inputs.get("occiput_to_wall_cm")),
}


class ScreeningFileError(ValueError):
    """An uploaded file that is not a screening this app can read; the message says what is wrong."""


@dataclass(frozen=True)
class EarlierScreening:
    date: dt.date
    inputs: dict[str, Any]  # screen()'s arguments, already checked


def _tandem(inputs: dict, data: dict) -> float | None:
    held = inputs.get("balance_stances_s")
    return None if held is None else held[data["tests"]["balance"]["key_stance"]]


def _checklist(inputs: dict, data: dict) -> int | None:
    answers = inputs.get("stay_independent")
    return None if answers is None else stay_independent_score(answers, data)


# --- Writing -------------------------------------------------------------------------------------


def _plain_number(value: float) -> str:
    """A number as it reads back exactly, never in exponent notation (which the reader refuses)."""
    if float(value).is_integer():
        return str(int(value))
    text = repr(float(value))
    return text if "e" not in text else f"{value:.12f}".rstrip("0").rstrip(".")


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return _plain_number(value)
    if isinstance(value, (tuple, list)):
        return LIST_SEPARATOR.join(_cell(item) for item in value)
    return str(value)


def _label(key: str, data: dict) -> str:
    spec = data["inputs"].get(key)
    if spec is None:
        return OTHER_LABELS[key]
    return f"{spec['label']} ({spec['unit']})" if spec["unit"] else spec["label"]


def screening_csv(screening: Screening, date: dt.date, catalog: Catalog | None = None) -> str:
    """The screening's date and every result entered, each with its cut-off and meaning (no name, no identifier)."""
    data = (catalog or default_catalog()).screening
    findings = {row["key"]: row for row in screening.findings.to_dict("records")}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerow(["date", OTHER_LABELS["date"], date.isoformat(), "", ""])
    for key, value in screening.inputs.items():
        finding = findings.get(key, {})
        writer.writerow([key, _label(key, data), _cell(value), finding.get("cutoff", ""), finding.get("meaning", "")])
    return out.getvalue()


# --- Reading -------------------------------------------------------------------------------------


def _rows(raw: bytes) -> list[dict[str, str]]:
    if len(raw) > MAX_BYTES:
        raise ScreeningFileError(f"The file is larger than a screening can be ({MAX_BYTES // 1000} kB at most).")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ScreeningFileError("The file is not plain text (UTF-8): upload the CSV this page saved.") from error
    if "\x00" in text:
        raise ScreeningFileError("The file is not plain text: upload the CSV this page saved.")
    try:
        table = list(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        raise ScreeningFileError("The file is not a readable CSV table.") from error
    if not table or [cell.strip().lower() for cell in table[0][:3]] != HEADER[:3]:
        raise ScreeningFileError(
            "The first row must be the column names key, label, value: upload the CSV this page saved."
        )
    if len(table) - 1 > MAX_ROWS:
        raise ScreeningFileError(f"The file has more rows than a screening ({MAX_ROWS} at most).")
    return [{"key": row[0].strip(), "value": row[2].strip() if len(row) > 2 else ""} for row in table[1:] if any(row)]


def _name(key: str) -> str:
    """A key safe to show back to the user: ours are plain lowercase words; anything else is not echoed."""
    return f"'{key}'" if SAFE_KEY.match(key) else "an unreadable key"


def _number(key: str, text: str) -> float:
    if not re.fullmatch(r"-?[0-9]{1,4}(\.[0-9]{1,20})?", text):
        raise ScreeningFileError(f"Row {_name(key)}: the value is not a plain number.")
    number = float(text)
    return int(number) if number.is_integer() else number


def _boolean(key: str, text: str) -> bool:
    if text not in ("yes", "no"):
        raise ScreeningFileError(f"Row {_name(key)}: the value must be yes or no.")
    return text == "yes"


def _value(key: str, text: str, data: dict) -> Any:
    if key in BOOLEAN_KEYS:
        return _boolean(key, text)
    if key in CHOICE_KEYS:
        return text
    if key in LIST_KEYS:
        return [item for item in text.split(LIST_SEPARATOR) if item]
    if key == "stay_independent":
        return [_boolean(key, item) for item in text.split(LIST_SEPARATOR)]
    if key == "balance_stances_s":
        return [_number(key, item) for item in text.split(LIST_SEPARATOR)]
    if key in data["inputs"]:
        return _number(key, text)
    raise ScreeningFileError(f"The file has a row this page does not know ({_name(key)}).")


def _date(text: str, today: dt.date) -> dt.date:
    try:
        date = dt.date.fromisoformat(text) if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text) else None
    except ValueError:
        date = None
    if date is None:
        raise ScreeningFileError("Row 'date': the date must be written YYYY-MM-DD.")
    if date > today:
        raise ScreeningFileError("Row 'date': the screening date is after today.")
    return date


def read_screening_csv(raw: bytes, today: dt.date, catalog: Catalog | None = None) -> EarlierScreening:
    """An earlier screening from its CSV, checked as strictly as screen() checks its arguments."""
    catalog = catalog or default_catalog()
    data = catalog.screening
    values: dict[str, str] = {}
    for row in _rows(raw):
        if row["key"] in values:
            raise ScreeningFileError(f"The row {_name(row['key'])} appears twice.")
        values[row["key"]] = row["value"]
    if "date" not in values:
        raise ScreeningFileError("The file has no 'date' row, so the change cannot be dated.")
    date = _date(values.pop("date"), today)
    inputs = {key: _value(key, text, data) for key, text in values.items()}
    try:
        checked = screen(**inputs, catalog=catalog).inputs
    except ValueError as error:
        raise ScreeningFileError(f"A value in the file cannot be right: {error}.") from error
    return EarlierScreening(date, checked)


# --- Comparing -----------------------------------------------------------------------------------


def changes(today: Screening, earlier: list[EarlierScreening], catalog: Catalog | None = None) -> pd.DataFrame:
    """Each tracked measure: its earlier values by date, today's, and the change since the latest earlier one."""
    data = (catalog or default_catalog()).screening
    earlier = sorted(earlier, key=lambda screening: screening.date)
    rows = []
    for label, read in TRACKED.values():
        now = read(today.inputs, data)
        before = [read(screening.inputs, data) for screening in earlier]
        if now is None and all(value is None for value in before):
            continue
        last = next((value for value in reversed(before) if value is not None), None)
        change = "" if now is None or last is None else f"{now - last:+g}"
        row = {"measure": label}
        row |= {
            screening.date.isoformat(): ("" if value is None else f"{value:g}")
            for screening, value in zip(earlier, before)
        }
        rows.append(row | {"today": "" if now is None else f"{now:g}", "change": change})
    return pd.DataFrame(rows)


def changes_chart_spec(
    today: Screening, today_date: dt.date, earlier: list[EarlierScreening], catalog: Catalog | None = None
) -> dict:
    """A Vega-Lite spec: one small line chart per measure over the screening dates (for two or more earlier files)."""
    data = (catalog or default_catalog()).screening
    points = []
    for label, read in TRACKED.values():
        for date, inputs in [*((s.date, s.inputs) for s in earlier), (today_date, today.inputs)]:
            value = read(inputs, data)
            if value is not None:
                points.append({"measure": label, "date": date.isoformat(), "value": value})
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": "Each screening measure over the screening dates, one small chart per measure.",
        "data": {"values": points},
        "facet": {
            "row": {
                "field": "measure",
                "type": "nominal",
                "title": None,
                "header": {"labelAngle": 0, "labelAlign": "left"},
            }
        },
        "spec": {
            "height": 90,
            "layer": [
                {"mark": {"type": "line", "color": "#0072B2"}},
                {"mark": {"type": "point", "filled": True, "color": "#0072B2", "size": 60}},
                {
                    "mark": {"type": "text", "dy": -10, "fontSize": 12},
                    "encoding": {"text": {"field": "value", "type": "quantitative"}},
                },
            ],
            "encoding": {
                "x": {"field": "date", "type": "temporal", "title": "Screening date", "axis": {"format": "%d %b %Y"}},
                "y": {"field": "value", "type": "quantitative", "title": None, "scale": {"zero": False}},
            },
        },
        "resolve": {"scale": {"y": "independent"}},
    }


def describe_changes(table: pd.DataFrame) -> str:
    """The comparison in words, as the chart's text alternative."""
    lines = [
        f"{row['measure']}: today {row['today'] or 'not measured'}"
        + (f", change {row['change']}" if row["change"] else "")
        for row in table.to_dict("records")
    ]
    return "; ".join(lines) + "."
