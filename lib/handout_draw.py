"""The drawing layer of the client handout: an A4 sheet, its page design and the pieces sections are drawn with.

Public API::

    from lib import handout_draw as draw
    pdf = draw.Sheet(title="Your bone-strength plan")
    pdf.add_page()
    def week(sheet):
        draw.heading(sheet, "Your week")
        draw.bullet(sheet, "Walk on most days", draw.MARGIN_MM, sheet.width)
    draw.kept_whole(pdf, week)  # on the next page, whole, if it does not fit on this one

Sizes are in millimetres (points for type). Everything here is about paper and ink, nothing about bones or
exercises (lib/handout_sections.py lays the handout's content out with these pieces). Every piece also works
on the scratch sheet that trial drawings use to see what fits (Sheet.trial_sheet).
Type is DejaVu Sans Condensed, embedded (lib/handout_font.py): names in Latin, Greek and Cyrillic letters print.
Text passes through plain(), so a character the font has no glyph for prints as '?', never as a blank.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import re
from dataclasses import dataclass
from typing import Callable, Hashable

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from lib.handout_font import FAMILY, FILES, plain

# --- Page design ---------------------------------------------------------------------------------

PAGE_FORMAT = "A4"  # portrait
MARGIN_MM = 18  # generous sides: room to hold the sheet and to write notes
TOP_MM = 16
BOTTOM_MM = 15  # the page number sits inside this margin
BODY_PT, HEADING_PT, TITLE_PT, NAME_PT = 13, 18, 26, 15  # large type, readable at arm's length
TITLE_LINES = 2  # at TITLE_PT: the title and a name of ordinary length
LINE_MM = 5.6  # 13 pt text with about 20 % leading: easy to track, not airy
CLOSE_LINE_MM = 5.2  # 13 pt text with about 13 % leading: only where a long week 1 would not fit the front otherwise
BULLET_MM = 4.5  # indent of a bullet's text
TABLE_ROW_MM = 7.5
BOX_PAD_MM = 3.5  # inside a box, above and below its text
PT_MM = 0.3528
INK = (20, 20, 20)  # near-black on white: the highest contrast
SOFT_INK = (70, 70, 70)  # still above 9:1 on white, for secondary lines
TINT = (238, 244, 250)  # a pale blue fill behind boxes; text on it stays near-black
RULE_GREY = (150, 150, 150)
# Okabe-Ito accents (safe for colour blindness), only ever beside words that carry the meaning.
BLUE, GREEN, ORANGE, VERMILLION = (0, 114, 178), (0, 158, 115), (230, 159, 0), (213, 94, 0)
SYMBOL_COLOURS = {"do": GREEN, "change": ORANGE, "avoid": VERMILLION}
ROUNDING_MM = 0.01  # a box drawn to the foot of the page ends a rounding error below it: still on the page
TOO_CLOSE_MM = 1e-6  # a measured block ending this near the page's foot is tried out instead: sums of floats differ
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)  # same input, same bytes: no creation time


# --- Drawing -------------------------------------------------------------------------------------


@functools.cache
def _typeface_read_once() -> dict:
    """The typeface's fonts as fpdf2 reads them (about 0.17 s a sheet), for scratch sheets to copy.

    fpdf2's own copy of a font shares its tables (ttfont, cmap) and copies what a drawing changes.
    """
    reader = FPDF(unit="mm", format=PAGE_FORMAT)
    for style, path in FILES.items():
        reader.add_font(FAMILY, style, path)
    return reader.fonts


@dataclass(frozen=True)
class Measured:
    """A block drawn once from the top of a page of its own: its height (to where it leaves the cursor) and its
    lowest line's foot, both from its top. fpdf starts a new page when a line's foot would pass the page's bottom
    margin, whatever the cursor does after it."""

    height: float
    lowest: float


class Sheet(FPDF):
    """A4 portrait with the handout's margins and a page number a reader can find.

    The title goes into the PDF's metadata: never put a name in it, metadata can travel further than the page.
    """

    def __init__(self, title: str, is_trial: bool = False) -> None:
        super().__init__(orientation="P", unit="mm", format=PAGE_FORMAT)
        self.is_trial = is_trial  # a scratch sheet for trial drawings (see trial_sheet), never output
        self._scratch: Sheet | None = None
        # Blocks measured on this sheet, by their key (see kept_whole): shared with its scratch sheets, so a block is
        # measured once per setting, not in every trial drawing the layout makes.
        self.measured: dict[Hashable, Measured | None] = {}
        self.lowest_line = 0.0  # the lowest foot of a line fpdf has checked against the page's foot
        self.set_margins(MARGIN_MM, TOP_MM, MARGIN_MM)
        self.set_auto_page_break(True, margin=BOTTOM_MM)
        self.set_creation_date(FIXED_DATE)
        self.set_title(title)
        self.set_author("Bone Loading Lab")
        self.set_lang("en")
        if is_trial:  # never output (output subsets a font's tables in place), so it may share them
            self.fonts.update(copy.deepcopy(_typeface_read_once()))
        else:
            for style, path in FILES.items():
                self.add_font(FAMILY, style, path)
        self.alias_nb_pages()

    def footer(self) -> None:
        self.set_y(-BOTTOM_MM + 3)
        font(self, colour=SOFT_INK)
        self.cell(0, LINE_MM, f"Bone Loading Lab - page {self.page_no()} of {{nb}}", align="R")

    def will_page_break(self, height: float) -> bool:
        self.lowest_line = max(self.lowest_line, self.y + height)
        return super().will_page_break(height)

    def multi_cell(self, *args, dry_run: bool = False, **kwargs):
        """fpdf's, but a dry run (a preview of the wrapping) leaves lowest_line as it was: it draws nothing."""
        lowest = self.lowest_line
        result = super().multi_cell(*args, dry_run=dry_run, **kwargs)
        if dry_run:
            self.lowest_line = lowest
        return result

    def trial_sheet(self) -> Sheet:
        """A scratch sheet at this sheet's place (same x, y and font, on a fresh page) for a trial drawing.

        Not fpdf2's offset_rendering(): that deep-copies the whole document (fonts, images, pages) twice per
        trial, which took most of a handout's time (issue #17). The scratch sheet is made once per sheet and
        each trial draws on a new page of it, so nothing drawn there reaches this sheet or needs undoing.
        """
        if self._scratch is None:
            self._scratch = Sheet("trial", is_trial=True)
            self._scratch.measured = self.measured
        scratch = self._scratch
        scratch.add_page()
        if self.font_family:
            scratch.set_font(self.font_family, self.font_style, self.font_size_pt)
        scratch.set_xy(self.x, self.y)
        return scratch

    @property
    def width(self) -> float:
        return self.w - 2 * MARGIN_MM


def font(pdf: FPDF, size: float = BODY_PT, bold: bool = False, colour: tuple = INK) -> None:
    pdf.set_font(FAMILY, style="B" if bold else "", size=size)
    pdf.set_text_color(*colour)


def text(
    pdf: Sheet, text: str, x: float | None = None, w: float | None = None, line_mm: float = LINE_MM, **style
) -> None:
    """A wrapped paragraph at x (default: the left margin), leaving the cursor below it."""
    font(pdf, **style)
    pdf.set_x(MARGIN_MM if x is None else x)
    pdf.multi_cell(w or pdf.width, line_mm, plain(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def text_around(
    pdf: Sheet, words: str, x: float, w: float, first_x: float, clear_y: float, line_mm: float = LINE_MM
) -> None:
    """A paragraph beside a picture at the left margin: its first line from first_x (after a run-in label), the lines
    beside the picture at x, w wide, and the lines that start below clear_y (the picture's foot) at the full text
    width. Under a small drawing the text would otherwise leave a blank column the height of the paragraph."""
    font(pdf)
    rest = plain(words)
    line_x = first_x
    while rest:
        if pdf.y >= clear_y:
            x, w, line_x = MARGIN_MM, pdf.width, MARGIN_MM
        line_w = x + w - line_x
        line = pdf.multi_cell(line_w, line_mm, rest, dry_run=True, output="LINES")[0]
        pdf.set_x(line_x)
        pdf.cell(line_w, line_mm, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        rest = rest[len(line) :].lstrip()  # the wrapped line is the paragraph's start, less the space it broke at
        line_x = x


def lines_taken(pdf: Sheet, words: str, w: float, **style) -> int:
    """How many lines text() would wrap the words into at width w (the font is left as text() would set it)."""
    font(pdf, **style)
    return len(pdf.multi_cell(w, LINE_MM, plain(words), dry_run=True, output="LINES"))


def pages_taken(pdf: Sheet, draw_it: Callable[[Sheet], None]) -> int:
    """The page the sheet would end on after draw_it, found by a trial drawing on a scratch sheet.

    Ending below the page's bottom margin counts as the next page.
    """
    trial = pdf.trial_sheet()
    first_page = trial.page
    draw_it(trial)
    return pdf.page + trial.page - first_page + (trial.y > trial.page_break_trigger + ROUNDING_MM)


def kept_whole(pdf: Sheet, draw_it: Callable[[Sheet], None], key: Hashable | None = None) -> None:
    """draw_it on this page if it fits whole, else on the next (tried first on a scratch sheet).

    Not fpdf2's unbreakable(): it replays the recorded calls after the page break, with the absolute
    positions they were given on the first page. A trial drawing keeps blocks whole too (on a scratch sheet of its
    own): a block split across pages is not what the sheet prints, and a two-column block split in a trial ran on
    over extra pages, so the trial's page count was off by one or two either way (physio review F, H1 and M3).

    key: names everything draw_it draws (it is the same block wherever it is drawn on this sheet). A keyed block is
    measured once (measured_block) and then placed by its height: a trial drawing only moves past it. The layout's
    trials drew the same blocks dozens of times, which took most of a sheet's time.
    """
    block = measured_block(pdf, key, draw_it) if key is not None else None
    fits = fits_here(pdf, block) if block else None
    if fits is None:
        fits = pages_taken(pdf, draw_it) <= pdf.page
    if not fits:
        pdf.add_page()
        fits = fits_here(pdf, block) if block else None
    if pdf.is_trial and fits:
        pdf.set_y(pdf.y + block.height)
    else:
        draw_it(pdf)


def measured_block(pdf: Sheet, key: Hashable, draw_it: Callable[[Sheet], None]) -> Measured | None:
    """The block's Measured, drawn once per sheet and key from the top of a scratch page; None if it takes more
    than a page (it is then tried out where it goes)."""
    if key not in pdf.measured:
        trial = pdf.trial_sheet()
        first_page = trial.page
        trial.set_y(TOP_MM)
        trial.lowest_line = TOP_MM
        draw_it(trial)
        whole = trial.page == first_page and trial.y <= trial.page_break_trigger
        pdf.measured[key] = Measured(trial.y - TOP_MM, trial.lowest_line - TOP_MM) if whole else None
    return pdf.measured[key]


def fits_here(pdf: Sheet, block: Measured) -> bool | None:
    """Whether the measured block fits whole from the cursor down, as a trial drawing would find (pages_taken); None
    where its end is too close to the page's foot to tell without drawing it."""
    lowest = pdf.y + block.lowest - pdf.page_break_trigger
    end = pdf.y + block.height - pdf.page_break_trigger - ROUNDING_MM
    if min(abs(lowest), abs(end)) < TOO_CLOSE_MM:
        return None
    return lowest <= 0 and end <= 0


def measure(pdf: Sheet, draw_it: Callable[[Sheet], None]) -> float:
    """How tall draw_it(pdf) will be, by drawing it on a scratch sheet."""
    trial = pdf.trial_sheet()
    top = trial.y
    draw_it(trial)
    return trial.y - top


def height(pdf: Sheet, draw_it: Callable[[Sheet], None]) -> float:
    """How tall draw_it will be on a page of its own (shorter than a page): unlike measure(), never split where this
    page's foot is near."""
    trial = pdf.trial_sheet()
    trial.set_y(TOP_MM)
    draw_it(trial)
    return trial.y - TOP_MM


def box(
    pdf: Sheet,
    draw_inside: Callable[[Sheet], None],
    fill: tuple = TINT,
    border: tuple | None = None,
    at_foot: bool = False,
) -> None:
    """A rounded, filled box sized to what draw_inside draws at the text width, less a 5 mm inset each side.

    at_foot: at the bottom of the page (on a new page if this one has no room for it).
    """
    inside = measure(pdf, draw_inside) + 2 * BOX_PAD_MM
    if pdf.will_page_break(inside + (BOX_PAD_MM if at_foot else 0)):
        pdf.add_page()
    top = pdf.h - BOTTOM_MM - inside if at_foot else pdf.y
    pdf.set_fill_color(*fill)
    if border:
        pdf.set_draw_color(*border)
        pdf.set_line_width(0.4)
    pdf.rect(MARGIN_MM, top, pdf.width, inside, style="DF" if border else "F", round_corners=True, corner_radius=2)
    pdf.set_line_width(0.2)
    pdf.set_y(top + BOX_PAD_MM)
    draw_inside(pdf)
    pdf.set_y(top + inside)


def title(pdf: Sheet, text: str) -> None:
    """The sheet's title in large bold type, wrapped, leaving the cursor below it; in heading type where it would take
    more than TITLE_LINES lines (a name of 40 wide letters took four, and a long plan's sheet a fourth page)."""
    for size in (TITLE_PT, HEADING_PT):
        font(pdf, size, bold=True)
        lines = pdf.multi_cell(pdf.width, size * PT_MM * 1.2, plain(text), dry_run=True, output="LINES")
        if len(lines) <= TITLE_LINES:
            break
    pdf.multi_cell(pdf.width, size * PT_MM * 1.2, plain(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def heading(pdf: Sheet, text: str, x: float = MARGIN_MM, aside: str = "") -> None:
    """An 18 pt heading after a blue bar (keep it whole with what follows it: kept_whole); aside, if any, in body type
    and soft ink at the line's right end, on the heading's baseline (the caller keeps both short enough to share it)."""
    pdf.ln(1.5)
    top = pdf.y
    line_h = HEADING_PT * PT_MM + 2
    pdf.set_fill_color(*BLUE)
    pdf.rect(x, top + 0.8, 2.2, HEADING_PT * PT_MM + 0.8, style="F")
    if aside:
        font(pdf, colour=SOFT_INK)
        # fpdf puts a cell's baseline 0.3 of the type size below its middle: lower the smaller type to meet it
        pdf.set_xy(x, top + 0.3 * (HEADING_PT - BODY_PT) * PT_MM)
        pdf.cell(0, line_h, plain(aside), align="R")
    font(pdf, HEADING_PT, bold=True)
    pdf.set_xy(x + 5, top)
    pdf.cell(0, line_h, plain(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1.5)


def symbol(pdf: Sheet, kind: str, x: float, y: float, r: float = 2.6) -> None:
    """A filled accent circle with a white tick (do), bar (change) or cross (avoid), centred at x, y."""
    pdf.set_fill_color(*SYMBOL_COLOURS[kind])
    pdf.circle(x, y, r, style="F")
    pdf.set_draw_color(255, 255, 255)
    pdf.set_line_width(0.6)
    d = r * 0.5
    if kind == "do":
        pdf.polyline([(x - d, y), (x - d * 0.25, y + d * 0.75), (x + d, y - d * 0.7)])
    elif kind == "avoid":
        pdf.line(x - d, y - d, x + d, y + d)
        pdf.line(x - d, y + d, x + d, y - d)
    else:
        pdf.line(x - d, y, x + d, y)
    pdf.set_line_width(0.2)


def labelled(pdf: Sheet, kind: str, label: str, words: str, x: float, w: float) -> None:
    """Symbol, bold label word, then the words wrapped beside it: (x) AVOID: Sit-up."""
    y = pdf.y
    symbol(pdf, kind, x + 2.6, y + LINE_MM / 2)
    font(pdf, bold=True)
    pdf.set_xy(x + 7, y)
    label_w = pdf.get_string_width(label) + 2
    pdf.cell(label_w, LINE_MM, label)
    text(pdf, words, x=x + 7 + label_w, w=w - 7 - label_w)


def bullet(pdf: Sheet, words: str, x: float, w: float, **style) -> None:
    """A dot, then the words wrapped in a hanging indent."""
    y = pdf.y
    pdf.set_fill_color(*INK)
    pdf.circle(x + 1.2, y + LINE_MM / 2, 0.9, style="F")
    text(pdf, words, x=x + BULLET_MM, w=w - BULLET_MM, **style)


def picture(pdf: Sheet, image: bytes, x: float, y: float, w: float, alt_text: str) -> None:
    """An image (SVG or PNG) w wide with its top left at x, y; the cursor stays where it was.

    A trial drawing leaves it out: placed at a given point it moves nothing, and parsing an SVG drawing
    took a fifth of a handout's time.
    """
    if not pdf.is_trial:
        pdf.image(io.BytesIO(image), x=x, y=y, w=w, alt_text=alt_text)


def svg_bytes(svg: str) -> bytes:
    """An SVG drawing without <title>/<desc>, which fpdf2 does not draw (and would log about)."""
    return re.sub(r"<(title|desc)\b[^>]*>.*?</\1>", "", svg, flags=re.S).encode("utf-8")


def svg_aspect(svg: str) -> float:
    """Height over width, from the drawing's width and height attributes."""
    width, height = (float(re.search(rf'\b{name}="([0-9.]+)"', svg).group(1)) for name in ("width", "height"))
    return height / width


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from the PNG header (IHDR), without another imaging library."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
