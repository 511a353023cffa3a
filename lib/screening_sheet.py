"""The one-page screening sheet (PDF): results with their cut-offs, a blank re-test column, the profile they set.

Public API::

    from lib.screening_sheet import screening_sheet_pdf
    pdf_bytes = screening_sheet_pdf(screening, datetime.date(2026, 11, 29))

Same look as the client handout (lib/handout_draw.py). The sheet holds no name: staff write one on paper.
"""

from __future__ import annotations

import datetime as dt

from fpdf.fonts import FontFace

from lib import handout_draw as draw
from lib.catalog import Catalog, default_catalog
from lib.handout_font import plain
from lib.screening import Screening

TITLE = "Screening results"
TABLE_PT = 10  # a full table on one page: smaller than the handout's body type, still readable on paper
TRACE_PT = 10
COLUMN_SHARES = (3, 2.2, 3, 2)  # measure, today, cut-off, re-test
SHEET_NOTE = (
    "Education, not medical advice: these are screening results read against published cut-offs, not a "
    "diagnosis. Retest with the same set-up (chair, distance, shoes) so the results compare."
)


def _results_table(pdf: draw.Sheet, screening: Screening) -> None:
    draw.font(pdf, TABLE_PT)
    pdf.set_fill_color(255, 255, 255)  # the headings' bar colour would otherwise fill every cell
    rows = screening.findings[screening.findings["cutoff"] != "as reported"]
    with pdf.table(
        col_widths=COLUMN_SHARES,
        text_align="LEFT",
        line_height=4.6,
        first_row_as_headings=True,
        cell_fill_mode="NONE",
        headings_style=FontFace(emphasis="BOLD", fill_color=draw.TINT),
    ) as table:
        header = table.row()
        for title in ("Measure", "Today", "Cut-off (at risk)", "Re-test: date ____"):
            header.cell(title)
        for row in rows.to_dict("records"):
            cells = table.row()
            value = f"{row['value']} (borderline)" if row["borderline"] else row["value"]
            for text in (row["measure"], value, row["cutoff"], ""):
                cells.cell(plain(text))


def screening_sheet_pdf(screening: Screening, date: dt.date, catalog: Catalog | None = None) -> bytes:
    """One A4 page: date, results beside an empty re-test column, the derived profile with its reasons, flags."""
    catalog = catalog or default_catalog()
    pdf = draw.Sheet(title=TITLE)
    pdf.add_page()
    draw.title(pdf, TITLE)
    draw.text(pdf, f"Date: {date:%d %B %Y}        Client: ______________________", colour=draw.SOFT_INK)
    draw.heading(pdf, "Results")
    _results_table(pdf, screening)
    draw.heading(pdf, "The exercise profile they set")
    for trace in screening.traces.values():
        draw.bullet(pdf, trace, draw.MARGIN_MM, pdf.width, size=TRACE_PT)
    present = screening.flags[screening.flags["present"]]
    if len(present):
        draw.heading(pdf, "Risk factors to tell the doctor about")
        for row in present.to_dict("records"):
            draw.bullet(pdf, f"{row['risk_factor']}: {row['changes']}", draw.MARGIN_MM, pdf.width, size=TRACE_PT)
    pdf.ln(2)
    draw.text(pdf, SHEET_NOTE, size=TRACE_PT, colour=draw.SOFT_INK)
    return bytes(pdf.output())
