"""The client handout PDF: the profile's plan on one or two A4 pages (three where a client's cautions, their
reasons and the schedule's first week would not fit on two, four where they would not fit on three), in plain words
and large type.

Public API::

    from lib.handout_pdf import handout_pdf
    pdf_bytes = handout_pdf(profile, plan, first_name="Ann", start=datetime.date(2026, 1, 5))

The content is built once (lib/handout.py build_handout: the profile is assessed once) and drawn once
(lib/handout_sections.py over lib/handout_draw.py): the exercises on the front, the rest on the back. How
many cues (and how large the drawings) and how many cautions fit each side is found first by trial drawings
on a scratch sheet (handout_draw.Sheet.trial_sheet). The client's first name goes only into the PDF bytes:
it is never stored, logged or written to disk. The chart is the app's own Altair chart, rendered
to an image with vl-convert.
"""

from __future__ import annotations

import dataclasses

import copy
import datetime as dt

import vl_convert

from lib import handout_draw as draw
from lib.catalog import Catalog
from lib.handout import Handout, build_handout
from lib.handout_draw import CLOSE_LINE_MM, LINE_MM
from lib.handout_sections import DRAWING_MM, Layout, back, front
from lib.plan_charts import effort_spec
from lib.planner import Plan
from lib.profiles import Profile

MAX_PAGES = 2  # front and back of one sheet
MOST_PAGES = 3  # only where the back page cannot keep every caution, its reason and the first week on one sheet
LAST_RESORT_PAGES = 4  # only where even three pages cannot keep every caution and its reason
MAX_CUES = 3
SMALLER_DRAWINGS_MM = (24, 19, 15)  # when no cue is left to cut; a drawing narrower than 15 mm is hard to read
CHART_SPEC = {"width": 250, "height": 100}  # pixels; with 16 px fonts the chart text prints near 10 pt
CHART_FONT_PX = 16
CHART_INK = "#141414"
CHART_SCALE = 2  # vl-convert scale: 2 x resolution keeps lines sharp in print

# The back page's layouts, from the roomiest to the tightest: the least a client loses comes off first. The chart,
# the balance extras, the links and the schedule's second week go to keep a sheet to two pages; a client's cautions
# and their reasons never do: every layout keeps all of them (physio reviews E, F, G L3 and H L3: a faller's only
# fall caution, or every reason, had been cut to save a page). A sheet that cannot keep them and the first week on two
# pages takes a third, where the first week's table gives way to the same week in one line (physio review P, Lo3);
# one that cannot keep them on three takes a fourth. Session 15's sweep had found 66 of 192 sheets of spine-fracture
# fallers with painful joints and weights in the kit losing a reason to stay on three pages
# (tests/test_handout_three_pages.py).
LAYOUTS = tuple(
    Layout(*fields)
    for fields in (  # balance, chart, weeks, links, the first week in one line
        (3, True, 2, True, False),
        (3, True, 1, True, False),  # the schedule's second week repeats the first: it goes first
        (3, False, 1, True, False),  # the chart only draws what the week lines say
        (2, False, 1, True, False),
        (1, False, 1, True, False),
        (1, False, 1, False, False),  # the tightest two-page layout: every caution, its reason, the first week
        (1, False, 0, False, True),  # from here on only to keep a sheet to three pages, else four
    )
)
TWO_PAGE_LAYOUTS = tuple(layout for layout in LAYOUTS if layout.weeks)


def _effort_png(plan: Plan) -> bytes:
    """The planner's effort chart, sized and lettered for paper."""
    lettering = {
        "labelFontSize": CHART_FONT_PX,
        "titleFontSize": CHART_FONT_PX,
        "labelColor": CHART_INK,
        "titleColor": CHART_INK,
    }
    spec = copy.deepcopy(effort_spec(plan)) | CHART_SPEC | {"config": {"axis": lettering, "legend": lettering}}
    return vl_convert.vegalite_to_png(_legend_beside(spec), scale=CHART_SCALE)


def _legend_beside(spec: dict) -> dict:
    """Move the phase legend to the chart's right: on paper the chart sits beside text, so height is scarce."""
    for layer in spec.get("layer", []):
        legend = layer.get("encoding", {}).get("color", {}).get("legend")
        if isinstance(legend, dict):
            legend["orient"] = "right"
    return spec


def _bisect(candidates: list, fits) -> object:
    """The first candidate that fits, given that every one after a fitting one fits too (else the last)."""
    low, high = 0, len(candidates) - 1
    while low < high:
        middle = (low + high) // 2
        low, high = (low, middle) if fits(candidates[middle]) else (middle + 1, high)
    return candidates[low]


def _back_layout(pdf: draw.Sheet, handout: Handout, chart: bytes | None) -> Layout:
    """The roomiest back page that keeps the sheet to two pages with the schedule's first week; else the roomiest on
    three pages; else the roomiest on four. Every layout keeps every caution and its reason."""

    def within(pages: int):
        return lambda layout: _pages(pdf, handout, layout, chart) <= pages

    layout = _bisect(list(TWO_PAGE_LAYOUTS), within(MAX_PAGES))
    if within(MAX_PAGES)(layout):
        return layout
    layout = _bisect(list(LAYOUTS), within(MOST_PAGES))
    return layout if within(MOST_PAGES)(layout) else _bisect(list(LAYOUTS), within(LAST_RESORT_PAGES))


def _pages(pdf: draw.Sheet, handout: Handout, layout: Layout, chart: bytes | None) -> int:
    return draw.pages_taken(pdf, lambda trial: back(trial, handout, layout, chart))


def _without_harder_moves(handout: Handout) -> Handout:
    lines = [line for line in handout.week_lines if line != handout.harder_moves]
    return dataclasses.replace(handout, week_lines=lines, harder_moves="")


def _front_layout(pdf: draw.Sheet, handout: Handout) -> tuple[list[int], float, float]:
    """The most the front page holds, as (cues per exercise, drawing width, line spacing): three cues each down to one
    each, exercise by exercise, then none; then smaller drawings; last, the smallest drawings with closer lines.

    Cues, drawing size and the space between lines give way, never exercises: a plan's handout lists the whole of
    week 1 (the frail faller's 11 at 3 x 12 months x 45 minutes had run onto page 2 at 15 mm drawings).
    """
    count = len(handout.exercises)
    growing = [[fewer + 1] * more + [fewer] * (count - more) for fewer in range(MAX_CUES) for more in range(count)]
    most_first = [
        *(([MAX_CUES] * count, DRAWING_MM, LINE_MM), *((cues, DRAWING_MM, LINE_MM) for cues in reversed(growing))),
        *(([0] * count, width, LINE_MM) for width in SMALLER_DRAWINGS_MM),
        ([0] * count, SMALLER_DRAWINGS_MM[-1], CLOSE_LINE_MM),
    ]
    return _bisect(most_first, lambda layout: draw.pages_taken(pdf, lambda trial: front(trial, handout, *layout)) == 1)


def handout_pdf(
    profile: Profile,
    plan: Plan | None = None,
    first_name: str = "",
    catalog: Catalog | None = None,
    start: dt.date | None = None,
    weekdays: tuple[int, ...] | None = None,
) -> bytes:
    """The client handout as PDF bytes: one or two A4 pages (see the module docstring).

    The schedule puts the sessions on `weekdays` (0 is Monday; by default the planner's usual days).

    The first name is cleaned (lib.handout.clean_first_name: letters the font prints, spaces, hyphens,
    apostrophes; at most 40 characters) or dropped, and appears only on the page.
    """
    handout = build_handout(profile, plan, first_name, catalog, start, weekdays)
    chart = _effort_png(plan) if plan is not None else None
    pdf = draw.Sheet(handout.words["title"])  # never the name: metadata can travel further than the page
    pdf.add_page()
    front(pdf, handout, *_front_layout(pdf, handout))
    layout = _back_layout(pdf, handout, chart)
    if handout.harder_moves and _pages(pdf, handout, layout, chart) > MAX_PAGES:
        # The line of harder arm, back and trunk moves gives way before a page more (physio reviews H, L3 and K, L1):
        # the app's Planner shows those moves.
        shorter = _without_harder_moves(handout)
        shorter_layout = _back_layout(pdf, shorter, chart)
        if _pages(pdf, shorter, shorter_layout, chart) < _pages(pdf, handout, layout, chart):
            handout, layout = shorter, shorter_layout
    back(pdf, handout, layout, chart)
    return bytes(pdf.output())
