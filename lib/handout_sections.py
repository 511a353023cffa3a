"""The client handout's sections, laid out on the sheet: what lib/handout.py says, placed with lib/handout_draw.py.

Public API::

    from lib.handout_sections import Layout, back, front
    front(pdf, handout, cues=[2, 3, 2, 2, 2, 2], drawing_mm=30)      # title and exercises: page 1
    back(pdf, handout, Layout(cautions=4, balance=3, chart=True), chart_png)   # the rest: page 2

Each block that must not split across pages is drawn with handout_draw.kept_whole, which measures it once on a
scratch sheet (by a key naming what it draws) and starts a new page when it does not fit; nothing here computes a
height by hand. How many cues each exercise shows, and the Layout, are chosen by lib/handout_pdf.py.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from urllib.parse import urlsplit

from lib import handout_draw as draw
from lib.drawings import drawing_alt
from lib.handout import Handout
from lib.handout_draw import (
    BLUE,
    LINE_MM,
    MARGIN_MM,
    NAME_PT,
    RULE_GREY,
    SOFT_INK,
    TABLE_ROW_MM,
    TINT,
    VERMILLION,
)
from lib.handout_font import plain

DRAWING_MM = 30  # width on the page of the movement's frames side by side, when the exercises leave room
EXERCISE_GAP_MM = 2.5  # below a full-size drawing; smaller drawings (a long plan's week 1) close up in step
CHART_SHARE = 0.5  # of the text width; the dose lines take the rest
COLUMN_GAP_MM = 6
LEFT_SHARES = (0.5, 0.55, 0.6)  # of two columns beside a frame, the left one's: halves first, the frame kept readable
AVOID_SHARE = 0.44  # of a caution row; the safer swap's name, usually the longer, takes the rest
WEEK_LABEL_MM = 40
SOURCES_PT = 9.5  # for whoever looks a source up; the client's own lines stay at 13 pt
SOURCES_LINE_MM = 4.2
SOURCES_GAP = "  "  # between two sources on a line, never at a line's start
KEPT_LINES = 3  # a bullet this long or shorter never splits over a page
MAX_SHOWN_LINK = 45  # characters: a DOI link fits; a long web address would run over a line


@dataclass(frozen=True)
class Layout:
    """How much of each ranked list the back page shows."""

    balance: int  # balance drills suggested (without a plan)
    chart: bool  # the plan's effort chart beside its lines (without it the lines take the full width)
    weeks: int  # rows of the plan's schedule table (the pattern repeats every week)
    links: bool  # each source's link in print (it stays clickable on its name)
    week_in_words: bool = False  # without the table, its first week in one line (a third of its height)


def _exercise_block(
    pdf: draw.Sheet, exercise: dict, cues: int, dose_label: str, drawing_mm: float, line_mm: float
) -> None:
    """The movement's frames on the left, drawing_mm wide; name, cues and dose beside it, the dose's lines below the
    frames at the full width (a long week 1's 15 mm drawings left a blank column under each one)."""
    text_x = MARGIN_MM + drawing_mm + 6
    text_w = pdf.width - drawing_mm - 6
    top = pdf.y
    draw.picture(pdf, draw.svg_bytes(exercise["drawing"]), MARGIN_MM, top + 1, drawing_mm, drawing_alt(exercise["id"]))
    draw.text(pdf, exercise["name"], x=text_x, w=text_w, size=NAME_PT, bold=True)  # 15 pt: never closer lines
    _bullets(pdf, exercise["cues"][:cues], text_x, text_w)
    draw.font(pdf, bold=True)
    label_w = pdf.get_string_width(dose_label) + 0.5
    pdf.set_x(text_x)
    pdf.cell(label_w, line_mm, dose_label)
    drawing_foot = top + 1 + drawing_mm * draw.svg_aspect(exercise["drawing"])
    draw.text_around(pdf, exercise["dose"], text_x, text_w, text_x + label_w, drawing_foot, line_mm)
    gap = EXERCISE_GAP_MM * drawing_mm / DRAWING_MM
    pdf.set_y(max(pdf.y, drawing_foot + 1) + gap)


def _title_block(pdf: draw.Sheet, handout: Handout) -> None:
    draw.title(pdf, handout.title)
    pdf.ln(2.5)
    draw.box(pdf, lambda sheet: draw.text(sheet, handout.about, x=MARGIN_MM + 5, w=sheet.width - 10))


def front(
    pdf: draw.Sheet, handout: Handout, cues: list[int], drawing_mm: float = DRAWING_MM, line_mm: float = LINE_MM
) -> None:
    """Page 1: the title block and the exercises, each with its count of cues, its drawing_mm-wide frames and its
    lines line_mm apart, each kept whole."""
    _title_block(pdf, handout)
    # The start date beside the heading, not on a line of its own under the title: that line had cost a named sheet
    # its 11th week-1 exercise (the frail faller at 3 x 12 months x 45 minutes; review B, B4).
    draw.heading(pdf, handout.words["headings"]["exercises"], aside=handout.starting)
    draw.text(pdf, handout.words["exercises_intro"], colour=SOFT_INK)
    pdf.ln(2)
    dose_label = handout.words["dose_label"]
    for exercise, count in zip(handout.exercises, cues):
        draw.kept_whole(
            pdf,
            lambda sheet: _exercise_block(sheet, exercise, count, dose_label, drawing_mm, line_mm),
            key=("exercise", exercise["id"], count, drawing_mm, line_mm),
        )


def _bullets(pdf: draw.Sheet, lines: list[str], x: float, w: float) -> None:
    for line in lines:
        draw.bullet(pdf, line, x, w)


def _caution_row(pdf: draw.Sheet, caution: dict, words: dict) -> None:
    """(x) AVOID: name | (tick) INSTEAD: swap, with the reason under the name where the swap's column leaves it room,
    else on the lines below: a long swap left the name's column blank for lines, and the space the
    reasons took cost the longest sheets all four (physio review P, Lo3)."""
    split = pdf.width * AVOID_SHARE
    label = words["avoid_label"] if caution["status"] == "avoid" else words["change_label"]
    top = pdf.y
    draw.labelled(pdf, caution["status"], label, caution["name"], MARGIN_MM, split - 2)
    left_end = pdf.y
    pdf.set_y(top)
    draw.labelled(
        pdf,
        "do",
        words["instead_label"],
        caution["instead"] or words["instead_fallback"],
        MARGIN_MM + split,
        pdf.width - split,
    )
    right_end = pdf.y
    under_the_name = (MARGIN_MM + 7, split - 2 - 7)  # the reason's x and width in the name's column
    beside = left_end + draw.lines_taken(pdf, caution["why"], under_the_name[1]) * LINE_MM <= right_end
    if beside:
        pdf.set_y(left_end)
        draw.text(pdf, caution["why"], *under_the_name, colour=SOFT_INK)
    pdf.set_y(max(left_end, right_end))
    if not beside:
        draw.text(pdf, caution["why"], x=MARGIN_MM + 7, w=pdf.width - 7, colour=SOFT_INK)
    pdf.ln(1.5)


def _cautions(pdf: draw.Sheet, handout: Handout) -> None:
    draw.heading(pdf, handout.words["headings"]["cautions"])
    if not handout.cautions:
        draw.text(pdf, handout.words["no_cautions"]["text"])
    for caution in handout.cautions:
        _caution_row(pdf, caution, handout.words)


def _framed(
    pdf: draw.Sheet, x: float, top: float, w: float, heading: str, lines: list[str], colour: tuple, symbol: str
) -> None:
    """A bold heading after a symbol, then bullets, in a coloured frame drawn round them once they are drawn."""
    draw.symbol(pdf, symbol, x + 5.5, top + 4 + LINE_MM / 2)
    pdf.set_y(top + 4)
    draw.text(pdf, heading, x=x + 10, w=w - 15, bold=True)
    _bullets(pdf, lines, x + 5, w - 10)
    bottom = pdf.y + 3
    pdf.set_draw_color(*colour)
    pdf.set_line_width(0.8)
    pdf.rect(x, top, w, bottom - top, round_corners=True, corner_radius=2)
    pdf.set_line_width(0.2)
    pdf.set_y(bottom)


def _beside_a_frame(
    pdf: draw.Sheet, heading: str, lines: list[str], frame: tuple[str, list[str], tuple, str], stress_last: bool = False
) -> None:
    """A heading and bullets on the left; a framed list (heading, lines, colour, symbol) on the right. Halves, unless a
    wider left column makes the block shorter: a faller's balance lines ran half a page beside a short frame, which
    cost the longest sheets their cautions' reasons (physio review P, Lo3)."""

    def at(sheet: draw.Sheet, left_w: float) -> None:
        top = sheet.y
        draw.heading(sheet, heading)
        _bullets(sheet, lines[:-1] if stress_last else lines, MARGIN_MM, left_w)
        if stress_last:
            draw.text(sheet, lines[-1], w=left_w, bold=True)
        left_end = sheet.y
        _framed(sheet, MARGIN_MM + left_w + COLUMN_GAP_MM, top + 2.5, sheet.width - left_w - COLUMN_GAP_MM, *frame)
        sheet.set_y(max(left_end, sheet.y) + 1)

    columns = pdf.width - COLUMN_GAP_MM
    shortest = min((share * columns for share in LEFT_SHARES), key=lambda w: draw.height(pdf, lambda t: at(t, w)))
    at(pdf, shortest)


def _stop_frame(handout: Handout) -> tuple[str, list[str], tuple, str]:
    stop = handout.words["stop"]
    return stop["heading"], stop["flags"], VERMILLION, "avoid"


def _moving(pdf: draw.Sheet, handout: Handout) -> None:
    """'Moving safely every day'; the red flags beside it when the steps after a fall sit beside balance."""
    heading = handout.words["headings"]["moving"]
    if handout.after_fall:
        _beside_a_frame(pdf, heading, handout.moving_safely, _stop_frame(handout))
    else:
        draw.heading(pdf, heading)
        _bullets(pdf, handout.moving_safely, MARGIN_MM, pdf.width)


def _schedule_table(pdf: draw.Sheet, handout: Handout, weeks: int) -> None:
    """Week rows, weekday columns, a session letter on each training day."""
    cell_w = (pdf.width - WEEK_LABEL_MM) / 7
    draw.font(pdf, bold=True)
    pdf.set_fill_color(*TINT)
    pdf.set_draw_color(*RULE_GREY)
    pdf.cell(WEEK_LABEL_MM, TABLE_ROW_MM, "", border=1)
    for name in handout.words["weekday_names"]:
        pdf.cell(cell_w, TABLE_ROW_MM, name, border=1, align="C")
    pdf.ln()
    for label, letters in handout.schedule[:weeks]:
        draw.font(pdf)
        pdf.cell(WEEK_LABEL_MM, TABLE_ROW_MM, label, border=1)
        draw.font(pdf, bold=True)
        for letter in letters:
            pdf.cell(cell_w, TABLE_ROW_MM, letter, border=1, align="C", fill=bool(letter))
        pdf.ln()
    pdf.ln(2)


def _lines_beside_chart(pdf: draw.Sheet, handout: Handout, lines: list[str], chart: bytes) -> None:
    chart_w = pdf.width * CHART_SHARE
    text_w = pdf.width - chart_w - 4
    top = pdf.y
    _bullets(pdf, lines, MARGIN_MM, text_w)
    text_end = pdf.y
    chart_x = MARGIN_MM + text_w + 4
    width_px, height_px = draw.png_size(chart)
    draw.picture(pdf, chart, chart_x, top, chart_w, handout.words["chart_alt"])
    pdf.set_y(top + chart_w * height_px / width_px)
    draw.text(pdf, handout.words["chart_caption"], x=chart_x, w=chart_w, colour=SOFT_INK)
    pdf.set_y(max(text_end, pdf.y))


def _week(pdf: draw.Sheet, handout: Handout, layout: Layout) -> None:
    """With a plan: the schedule table (or its first week in words), its notes and aerobic line. Without: the heading
    alone (the guidance follows). The heading, the table and the first note are kept whole together, each later note on
    its own (see _kept_lines)."""
    # What comes first (the all-clear) and the whole week's walking, at full width: the chart is about the sessions.
    notes = [*handout.week_lines[: handout.notes_first], *([handout.aerobic] if handout.aerobic else [])]
    if layout.week_in_words and handout.first_week:
        notes.insert(0, handout.first_week)

    def opening(sheet: draw.Sheet) -> None:
        draw.heading(sheet, handout.words["headings"]["week"])
        if handout.schedule and layout.weeks:
            _schedule_table(sheet, handout, layout.weeks)
        _bullets(sheet, notes[:1], MARGIN_MM, sheet.width)

    draw.kept_whole(pdf, opening, key=("week", layout.weeks if handout.schedule else 0, *notes[:1]))
    _kept_lines(pdf, notes[1:])


def _kept_lines(pdf: draw.Sheet, lines: list[str]) -> None:
    """Full-width bullets, each on its own: a long plan's lines fill the page they start on. Kept whole together they
    left half a page blank and ran painful-joints sheets to a fourth page (review O's sweep). A bullet of up to
    KEPT_LINES lines is kept whole; a longer one may go on over the page, from at least two lines on this one."""
    for line in lines:
        bullet = functools.partial(draw.bullet, words=line, x=MARGIN_MM, w=pdf.width)
        if draw.lines_taken(pdf, line, pdf.width - draw.BULLET_MM) <= KEPT_LINES:
            draw.kept_whole(pdf, bullet, key=("bullet", line))
            continue
        if pdf.will_page_break(2 * LINE_MM):
            pdf.add_page()
        bullet(pdf)


def _week_plan(pdf: draw.Sheet, handout: Handout, chart: bytes | None) -> None:
    """The plan's lines beside the effort chart, kept whole with it; without the chart (or without a plan, the
    guidance) each line kept whole on its own."""
    lines = handout.week_lines[handout.notes_first :]
    if chart is None:
        _kept_lines(pdf, lines)
    else:
        draw.kept_whole(pdf, lambda sheet: _lines_beside_chart(sheet, handout, lines, chart), key=("chart", *lines))


def _balance(pdf: draw.Sheet, handout: Handout, suggestions: int) -> None:
    """'Balance every day' (or in the sessions) on the left; on the right, the steps after a fall if the client needs them, else the red flags."""
    frame = (
        (handout.words["headings"]["after_fall"], handout.after_fall, BLUE, "do")
        if handout.after_fall
        else _stop_frame(handout)
    )
    pdf.ln(1)
    _beside_a_frame(
        pdf,
        handout.balance_heading,
        handout.balance_suggestions[:suggestions] + handout.balance_lines,
        frame,
        stress_last=True,
    )


def _shown_link(link: str) -> str:
    """The link as printed: in full when short (a DOI), else by its site (the full address stays clickable)."""
    parts = urlsplit(link)
    full = parts.netloc + parts.path
    return full if len(full) <= MAX_SHOWN_LINK else parts.netloc.removeprefix("www.")


def _sources(pdf: draw.Sheet, handout: Handout, links: bool) -> None:
    """Name (and, if asked for, link) of each source, never split across lines; each is clickable."""
    right = pdf.w - MARGIN_MM - 2 * pdf.c_margin  # write() wraps a little inside the margin
    sources = handout.sources(handout.cautions)
    pdf.ln(2)
    draw.font(pdf, SOURCES_PT, bold=True)
    pdf.write(SOURCES_LINE_MM, handout.words["sources_label"])
    for number, (name, link) in enumerate(sources):
        label, shown = plain(name), " " + plain(_shown_link(link)) if links else ""
        end = ";" if number < len(sources) - 1 else ""
        draw.font(pdf, SOURCES_PT, bold=True)
        width = pdf.get_string_width(SOURCES_GAP + label)
        draw.font(pdf, SOURCES_PT)
        width += pdf.get_string_width(shown + end)
        if pdf.x + width > right and pdf.x > MARGIN_MM + 1:
            pdf.ln(SOURCES_LINE_MM)
        draw.font(pdf, SOURCES_PT, bold=True)
        pdf.write(SOURCES_LINE_MM, (SOURCES_GAP if pdf.x > MARGIN_MM + 1 else "") + label, link=link)
        draw.font(pdf, SOURCES_PT, colour=BLUE)
        pdf.write(SOURCES_LINE_MM, shown, link=link)
        draw.font(pdf, SOURCES_PT)
        pdf.write(SOURCES_LINE_MM, end)
    pdf.ln(SOURCES_LINE_MM)


def back(pdf: draw.Sheet, handout: Handout, layout: Layout, chart: bytes | None) -> None:
    """Page 2, from its top: what to avoid, moving safely, the week, balance and when to stop, the sources,
    and the notice at the foot. Each section is kept whole."""
    # A front whose week-1 list ran onto a second page even with no cues and the smallest drawings is followed on that
    # page: a new page would take a long plan's sheet to a fourth (review J's sample: 8 of 32 fallers' plan sheets).
    if pdf.page == 1:
        pdf.add_page()
    # The keys name what each block draws: the handout is the same on every trial of a sheet (less, at most, its line
    # of harder moves, which only the week's lines show).
    draw.kept_whole(pdf, lambda sheet: _cautions(sheet, handout), key=("cautions",))
    draw.kept_whole(pdf, lambda sheet: _moving(sheet, handout), key=("moving",))
    # Two blocks, so a long plan's lines may start the next page while its schedule stays below the cautions: the
    # space a whole "Your week" left blank cost a faller her fourth caution (physio review H, L3).
    _week(pdf, handout, layout)
    _week_plan(pdf, handout, chart if layout.chart else None)
    draw.kept_whole(pdf, lambda sheet: _balance(sheet, handout, layout.balance), key=("balance", layout.balance))
    draw.kept_whole(
        pdf,
        lambda sheet: _sources(sheet, handout, layout.links),
        key=("sources", *handout.sources(handout.cautions), layout.links),
    )
    draw.box(
        pdf,
        lambda sheet: draw.text(sheet, handout.words["disclaimer"], x=MARGIN_MM + 5, w=sheet.width - 10),
        border=draw.INK,
        at_foot=True,
    )
