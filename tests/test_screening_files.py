"""lib.screening_files and lib.screening_sheet: the CSV round trip, hostile files, changes over time, the PDF sheet."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from lib.screening import screen
from lib.screening_files import (
    ScreeningFileError,
    changes,
    changes_chart_spec,
    read_screening_csv,
    screening_csv,
)
from lib.screening_sheet import screening_sheet_pdf
from tests.screening_helpers import ISSUE_EXAMPLE, TODAY, valid_screening_arguments


@given(valid_screening_arguments)
def test_csv_round_trip_gives_the_same_screening(values):
    s = screen(**values)
    earlier = read_screening_csv(screening_csv(s, TODAY).encode(), TODAY)
    assert earlier.date == TODAY
    assert screen(**earlier.inputs).profile == s.profile


def csv_text(**values) -> str:
    return screening_csv(screen(**values), dt.date(2026, 10, 1))


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"\x00\x01\x02", "not plain text"),
        (b"\xff\xfe\x00", "not plain text"),
        (b"x" * 30_000, "larger"),
        (b"", "first row"),
        (b"name,score\nann,3\n", "first row"),
        (b"key,label,value\nage,Age,72\n", "no 'date' row"),
        (b"key,label,value\ndate,,01/10/2026\n", "YYYY-MM-DD"),
        (b"key,label,value\ndate,,2027-01-01\n", "after today"),
        (b"key,label,value\ndate,,2026-10-01\ntug_s,,=HYPERLINK(1)\n", "not a plain number"),
        (b"key,label,value\ndate,,2026-10-01\ntug_s,,999\n", r"tug_s \(Timed Up and Go\) must be"),
        (b"key,label,value\ndate,,2026-10-01\n<script>,,1\n", "an unreadable key"),
        (b"key,label,value\ndate,,2026-10-01\nage,,70\nage,,71\n", "appears twice"),
        (b"key,label,value\ndate,,2026-10-01\nfear_of_falling,,maybe\n", "yes or no"),
        (b"key,label,value\ndate,,2026-10-01\nfractures,,knee\n", "fractures may hold only"),
        (b"key,label,value\n" + b"date,,2026-10-01\n" + b"age,,70\n" * 70, "more rows"),
    ],
)
def test_malformed_or_hostile_csv_gets_a_message_naming_the_problem(raw, problem):
    with pytest.raises(ScreeningFileError, match=problem):
        read_screening_csv(raw, TODAY)


def test_hostile_keys_are_never_echoed():
    raw = b"key,label,value\ndate,,2026-10-01\n**bold** [link](http://x),,1\n"
    with pytest.raises(ScreeningFileError) as error:
        read_screening_csv(raw, TODAY)
    assert "link" not in str(error.value) and "http" not in str(error.value)


def test_changes_sit_beside_todays_values_and_chart_every_date():
    earlier = [
        read_screening_csv(csv_text(tug_s=14, chair_stands_30s=7).encode(), TODAY),
        read_screening_csv(screening_csv(screen(tug_s=13), dt.date(2026, 11, 1)).encode(), TODAY),
    ]
    today = screen(tug_s=12.5, chair_stands_30s=9)
    table = changes(today, earlier).set_index("measure")
    assert table.loc["Timed Up and Go (s)", "change"] == "-0.5"  # against the latest earlier value
    assert table.loc["30-second chair stand (stands)", "change"] == "+2"
    assert list(table.columns) == ["2026-10-01", "2026-11-01", "today", "change"]
    spec = changes_chart_spec(today, TODAY, earlier)
    assert {point["date"] for point in spec["data"]["values"]} == {"2026-10-01", "2026-11-01", "2026-11-29"}


def test_csv_holds_no_name_and_no_formula():
    text = csv_text(**ISSUE_EXAMPLE)
    assert all(not cell.startswith(("=", "+", "@")) for line in text.splitlines() for cell in line.split(","))


def test_screening_sheet_is_one_a4_page_with_a_retest_column():
    from io import BytesIO

    from pypdf import PdfReader

    pdf = screening_sheet_pdf(screen(**ISSUE_EXAMPLE, risk_factors=["smoking"]), TODAY)
    reader = PdfReader(BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Re-test" in text and "Timed Up and Go" in text and "Risk of falling: high" in text
