"""The drawing layer of the client handout: an A4 sheet, its page design and the pieces sections are drawn with.

Public API::

    from lib import handout_draw as draw
    pdf = draw.Sheet(title="Your bone-strength plan")
    pdf.add_page()
    draw.heading(pdf, "Your week")
    draw.bullet(pdf, "Walk on most days", draw.MARGIN_MM, pdf.width)

Sizes are in millimetres (points for type). Everything here is about paper and ink, nothing about bones or
exercises: the handout's wording and sections are lib/handout_pdf.py, its content choices lib/handout.py.
Type is DejaVu Sans Condensed, embedded (lib/handout_font.py): names in Latin, Greek and Cyrillic letters print.
Text passes through plain(), so a character the font has no glyph for prints as '?', never as a blank.
"""

from __future__ import annotations

import datetime as dt
import re

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from lib.handout_font import FAMILY, FILES, plain

# --- Page design ---------------------------------------------------------------------------------

PAGE_FORMAT = "A4"  # portrait
MARGIN_MM = 18  # generous sides: room to hold the sheet and to write notes
TOP_MM = 16
BOTTOM_MM = 15  # the page number sits inside this margin
BODY_PT, HEADING_PT, TITLE_PT, NAME_PT = 13, 18, 26, 15  # large type, readable at arm's length
LINE_MM = 5.6  # 13 pt text with about 20 % leading: easy to track, not airy
HEADING_MM = 13  # an 18 pt heading with the space around it
BULLET_MM = 4.5  # indent of a bullet's text
TABLE_ROW_MM = 7.5
PT_MM = 0.3528
INK = (20, 20, 20)  # near-black on white: the highest contrast
SOFT_INK = (70, 70, 70)  # still above 9:1 on white, for secondary lines
TINT = (238, 244, 250)  # a pale blue fill behind boxes; text on it stays near-black
RULE_GREY = (150, 150, 150)
# Okabe-Ito accents (safe for colour blindness), only ever beside words that carry the meaning.
BLUE, GREEN, ORANGE, VERMILLION = (0, 114, 178), (0, 158, 115), (230, 159, 0), (213, 94, 0)
SYMBOL_COLOURS = {"do": GREEN, "change": ORANGE, "avoid": VERMILLION}
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)  # same input, same bytes: no creation time


# --- Drawing -------------------------------------------------------------------------------------


class Sheet(FPDF):
    """A4 portrait with the handout's margins and a page number a reader can find.

    The title goes into the PDF's metadata: never put a name in it, metadata can travel further than the page.
    """

    def __init__(self, title: str) -> None:
        super().__init__(orientation="P", unit="mm", format=PAGE_FORMAT)
        self.set_margins(MARGIN_MM, TOP_MM, MARGIN_MM)
        self.set_auto_page_break(True, margin=BOTTOM_MM)
        self.set_creation_date(FIXED_DATE)
        self.set_title(title)
        self.set_author("Bone Loading Lab")
        self.set_lang("en")
        for style, path in FILES.items():
            self.add_font(FAMILY, style, path)
        self.alias_nb_pages()

    def footer(self) -> None:
        self.set_y(-BOTTOM_MM + 3)
        font(self, colour=SOFT_INK)
        self.cell(0, LINE_MM, f"Bone Loading Lab - page {self.page_no()} of {{nb}}", align="R")

    @property
    def width(self) -> float:
        return self.w - 2 * MARGIN_MM

    @property
    def room(self) -> float:
        return self.h - BOTTOM_MM - self.get_y()


def font(pdf: FPDF, size: int = BODY_PT, bold: bool = False, colour: tuple = INK) -> None:
    pdf.set_font(FAMILY, style="B" if bold else "", size=size)
    pdf.set_text_color(*colour)


def text(pdf: Sheet, text: str, x: float | None = None, w: float | None = None, **style) -> None:
    """A wrapped paragraph at x (default: the left margin), leaving the cursor below it."""
    font(pdf, **style)
    pdf.set_x(MARGIN_MM if x is None else x)
    pdf.multi_cell(w or pdf.width, LINE_MM, plain(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def height(pdf: Sheet, text: str, w: float, size: int = BODY_PT, bold: bool = False) -> float:
    """How tall a paragraph will be, without drawing it."""
    font(pdf, size, bold)
    return len(pdf.multi_cell(w, LINE_MM, plain(text), align="L", dry_run=True, output="LINES")) * LINE_MM


def ensure_room(pdf: Sheet, height: float) -> None:
    if pdf.room < height:
        pdf.add_page()


def title(pdf: Sheet, text: str) -> None:
    """The sheet's title in large bold type, wrapped, leaving the cursor below it."""
    font(pdf, TITLE_PT, bold=True)
    pdf.multi_cell(pdf.width, TITLE_PT * PT_MM * 1.2, plain(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def heading(pdf: Sheet, text: str, keep_with: float = 3 * LINE_MM, x: float = MARGIN_MM) -> None:
    """An 18 pt heading after a blue bar, kept on the same page as what follows it."""
    ensure_room(pdf, HEADING_MM + keep_with)
    pdf.ln(2)
    top = pdf.get_y()
    pdf.set_fill_color(*BLUE)
    pdf.rect(x, top + 0.8, 2.2, HEADING_PT * PT_MM + 0.8, style="F")
    font(pdf, HEADING_PT, bold=True)
    pdf.set_xy(x + 5, top)
    pdf.cell(0, HEADING_PT * PT_MM + 2.5, plain(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
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
    y = pdf.get_y()
    symbol(pdf, kind, x + 2.6, y + LINE_MM / 2)
    font(pdf, bold=True)
    pdf.set_xy(x + 7, y)
    label_w = pdf.get_string_width(label) + 2
    pdf.cell(label_w, LINE_MM, label)
    text(pdf, words, x=x + 7 + label_w, w=w - 7 - label_w)


def bullet(pdf: Sheet, words: str, x: float, w: float, **style) -> None:
    """A dot, then the words wrapped in a hanging indent."""
    y = pdf.get_y()
    pdf.set_fill_color(*INK)
    pdf.circle(x + 1.2, y + LINE_MM / 2, 0.9, style="F")
    text(pdf, words, x=x + BULLET_MM, w=w - BULLET_MM, **style)


def svg_bytes(svg: str) -> bytes:
    """An SVG drawing without <title>/<desc>, which fpdf2 does not draw (and would log about)."""
    return re.sub(r"<(title|desc)\b[^>]*>.*?</\1>", "", svg, flags=re.S).encode("utf-8")


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from the PNG header (IHDR), without another imaging library."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
