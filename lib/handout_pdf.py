"""The client handout PDF: the profile's plan on one or two A4 pages, in plain words and large type.

Public API::

    from lib.handout_pdf import handout_pdf
    pdf_bytes = handout_pdf(profile, plan, first_name="Ann", start=datetime.date(2026, 1, 5))

This module lays the sheet out and draws it (fpdf2, core fonts); what it says for the profile comes from
lib/handout.py. The client's first name goes only into the PDF bytes: it is never stored, logged or
written to disk. Charts are the app's own Altair charts, rendered to images with vl-convert.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass

import vl_convert
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from lib.catalog import Catalog, default_catalog
from lib.handout import (
    balance_lines, balance_suggestions, gloss, plan_lines, clean_first_name, handout_cautions, handout_exercises,
    plain,
)
from lib.planner import Plan, session_dates
from lib.plan_charts import effort_chart
from lib.profiles import Profile
from lib.safety import Guidance, profile_guidance

# --- Words -------------------------------------------------------------------------------------

TITLE = "Your bone-strength plan"
# The handout's own notice, in plainer words than the app's (lib must not import pages/).
HANDOUT_DISCLAIMER = (
    "This sheet is for education, not medical advice. It shows what exercise guidelines suggest for "
    "bones like yours; it does not replace your doctor's or physiotherapist's advice. Check with them "
    "before you start."
)
EXERCISES_INTRO = (
    "A set is a group of repetitions (times you do the move) done without a rest. Effort is how hard "
    "the set feels, from 0 (resting) to 10 (the hardest you could do)."
)
RED_FLAGS = (  # each finishes the sentence STOP_HEADING begins
    "New or sudden back pain",
    "A sudden loss of height",
    "Pain that lasts after exercise instead of settling",
)
RED_FLAG_SOURCES = ("giangregorio2014", "brookewavell2022")
# The guidance lines shown without a plan; Impact and Clearance lines already say what they are about.
GUIDANCE_LABELS = {"Strength": "Strength exercises: ", "Impact": "", "Clearance": ""}
HOW_OFTEN = "How often: the strength exercises 2-3 days a week; balance most days."
STOP_HEADING = "Stop and call your doctor or physiotherapist if you have:"
PLAN_SOURCES = ("giangregorio2014", "brookewavell2022")  # the planner's doses (see lib/planner.py)
NO_CAUTIONS = (
    "None of the exercises in our list is ruled out for you right now. Learn to bend from the hips "
    "with a straight back when you lift: it protects your spine if your bones become thinner later."
)
NO_CAUTIONS_SOURCES = ("giangregorio2014",)
INSTEAD_FALLBACK = "the easier version your trainer shows you"
CHART_CAPTION = "Triangles: the lighter weeks."
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
SCHEDULE_WEEKS = 2  # the pattern repeats every week: two rows show that without crowding the page

# --- Page design ---------------------------------------------------------------------------------

MAX_PAGES = 2  # front and back of one sheet
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
PICTOGRAM_MM = 24  # width on the page
PICTOGRAM_RATIO = 200 / 240  # the pictograms' height over width
EXERCISE_GAP_MM = 2.5
CHART_SPEC = {"width": 250, "height": 120}  # pixels; with 16 px fonts the chart text prints near 10 pt
CHART_FONT_PX = 16
CHART_INK = "#141414"
CHART_SHARE = 0.5  # of the text width; the dose lines take the rest
CHART_SCALE = 2  # vl-convert scale: 2 x resolution keeps lines sharp in print
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)  # same input, same bytes: no creation time


@dataclass(frozen=True)
class Layout:
    """How much detail fits: the roomiest that keeps the handout to two pages is used."""

    cautions: int
    balance: int


LAYOUTS = (Layout(cautions=4, balance=3), Layout(cautions=4, balance=2), Layout(cautions=3, balance=2),
           Layout(cautions=3, balance=1))
MIN_CUES, MAX_CUES = 2, 3  # a third cue is added where page 1 has room for it


# --- Drawing -------------------------------------------------------------------------------------


class _Sheet(FPDF):
    """A4 portrait with the handout's margins and a page number a reader can find."""

    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_margins(MARGIN_MM, TOP_MM, MARGIN_MM)
        self.set_auto_page_break(True, margin=BOTTOM_MM)
        self.set_creation_date(FIXED_DATE)
        self.set_title(TITLE)  # never the name: metadata can travel further than the page
        self.set_author("Bone Loading Lab")
        self.set_lang("en")
        self.alias_nb_pages()

    def footer(self) -> None:
        self.set_y(-BOTTOM_MM + 3)
        _font(self, colour=SOFT_INK)
        self.cell(0, LINE_MM, f"Bone Loading Lab - page {self.page_no()} of {{nb}}", align="R")

    @property
    def width(self) -> float:
        return self.w - 2 * MARGIN_MM

    @property
    def room(self) -> float:
        return self.h - BOTTOM_MM - self.get_y()


def _font(pdf: FPDF, size: int = BODY_PT, bold: bool = False, colour: tuple = INK) -> None:
    pdf.set_font("Helvetica", style="B" if bold else "", size=size)
    pdf.set_text_color(*colour)


def _text(pdf: _Sheet, text: str, x: float | None = None, w: float | None = None, **style) -> None:
    """A wrapped paragraph at x (default: the left margin), leaving the cursor below it."""
    _font(pdf, **style)
    pdf.set_x(MARGIN_MM if x is None else x)
    pdf.multi_cell(w or pdf.width, LINE_MM, plain(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _height(pdf: _Sheet, text: str, w: float, size: int = BODY_PT, bold: bool = False) -> float:
    """How tall a paragraph will be, without drawing it."""
    _font(pdf, size, bold)
    return len(pdf.multi_cell(w, LINE_MM, plain(text), align="L", dry_run=True, output="LINES")) * LINE_MM


def _ensure_room(pdf: _Sheet, height: float) -> None:
    if pdf.room < height:
        pdf.add_page()


def _heading(pdf: _Sheet, text: str, keep_with: float = 3 * LINE_MM, x: float = MARGIN_MM) -> None:
    """An 18 pt heading after a blue bar, kept on the same page as what follows it."""
    _ensure_room(pdf, HEADING_MM + keep_with)
    pdf.ln(2)
    top = pdf.get_y()
    pdf.set_fill_color(*BLUE)
    pdf.rect(x, top + 0.8, 2.2, HEADING_PT * PT_MM + 0.8, style="F")
    _font(pdf, HEADING_PT, bold=True)
    pdf.set_xy(x + 5, top)
    pdf.cell(0, HEADING_PT * PT_MM + 2.5, plain(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1.5)


def _symbol(pdf: _Sheet, kind: str, x: float, y: float, r: float = 2.6) -> None:
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


def _labelled(pdf: _Sheet, kind: str, label: str, text: str, x: float, w: float) -> None:
    """Symbol, bold label word, then the text wrapped beside it: (x) AVOID: Sit-up."""
    y = pdf.get_y()
    _symbol(pdf, kind, x + 2.6, y + LINE_MM / 2)
    _font(pdf, bold=True)
    pdf.set_xy(x + 7, y)
    label_w = pdf.get_string_width(label) + 2
    pdf.cell(label_w, LINE_MM, label)
    _text(pdf, text, x=x + 7 + label_w, w=w - 7 - label_w)


def _bullet(pdf: _Sheet, text: str, x: float, w: float, **style) -> None:
    y = pdf.get_y()
    pdf.set_fill_color(*INK)
    pdf.circle(x + 1.2, y + LINE_MM / 2, 0.9, style="F")
    _text(pdf, text, x=x + BULLET_MM, w=w - BULLET_MM, **style)


def _svg_bytes(svg: str) -> bytes:
    """The pictogram without <title>/<desc>, which fpdf2 does not draw (and would log about)."""
    return re.sub(r"<(title|desc)\b[^>]*>.*?</\1>", "", svg, flags=re.S).encode("utf-8")


def _png_size(png: bytes) -> tuple[int, int]:
    """Width and height from the PNG header (IHDR), without another imaging library."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


# --- Sections ------------------------------------------------------------------------------------


def _title_block(pdf: _Sheet, name: str, first_day: dt.date | None, profile: Profile) -> None:
    _font(pdf, TITLE_PT, bold=True)
    pdf.multi_cell(pdf.width, TITLE_PT * PT_MM * 1.2, plain(TITLE + (f", {name}" if name else "")),
                   align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if first_day is not None:
        _text(pdf, f"Starting {first_day:%A} {first_day.day} {first_day:%B %Y}", colour=SOFT_INK)
    pdf.ln(2.5)
    text = "About you: " + profile.describe()
    height = _height(pdf, text, pdf.width - 10) + 6
    top = pdf.get_y()
    pdf.set_fill_color(*TINT)
    pdf.rect(MARGIN_MM, top, pdf.width, height, style="F", round_corners=True, corner_radius=2)
    pdf.set_y(top + 3)
    _text(pdf, text, x=MARGIN_MM + 5, w=pdf.width - 10)
    pdf.set_y(top + height)


def _exercise_height(pdf: _Sheet, exercise: dict, cues: int) -> float:
    text_w = pdf.width - PICTOGRAM_MM - 6
    text = (_height(pdf, exercise["name"], text_w, NAME_PT, bold=True)
            + sum(_height(pdf, cue, text_w - BULLET_MM) for cue in exercise["cues"][:cues])
            + _height(pdf, "Dose: " + exercise["dose"], text_w))
    return max(text, PICTOGRAM_MM * PICTOGRAM_RATIO + 2) + EXERCISE_GAP_MM


def _cue_counts(pdf: _Sheet, exercises: list[dict]) -> list[int]:
    """Two cues each; then a third, exercise by exercise, while the page still has room for it."""
    counts = [MIN_CUES] * len(exercises)
    spare = pdf.room - sum(_exercise_height(pdf, exercise, MIN_CUES) for exercise in exercises)
    for position, exercise in enumerate(exercises):
        extra = _exercise_height(pdf, exercise, MAX_CUES) - _exercise_height(pdf, exercise, MIN_CUES)
        if len(exercise["cues"]) > MIN_CUES and extra <= spare:
            counts[position], spare = MAX_CUES, spare - extra
    return counts


def _exercise_block(pdf: _Sheet, exercise: dict, cues: int) -> None:
    """Pictogram on the left; name, cues and dose beside it. Never split across pages."""
    text_x = MARGIN_MM + PICTOGRAM_MM + 6
    text_w = pdf.width - PICTOGRAM_MM - 6
    height = _exercise_height(pdf, exercise, cues)
    _ensure_room(pdf, height)
    top = pdf.get_y()
    pdf.image(io.BytesIO(_svg_bytes(exercise["pictogram"])), x=MARGIN_MM, y=top + 1, w=PICTOGRAM_MM,
              alt_text=f"Drawing of the {exercise['pattern']} movement")
    _text(pdf, exercise["name"], x=text_x, w=text_w, size=NAME_PT, bold=True)
    for cue in exercise["cues"][:cues]:
        _bullet(pdf, cue, text_x, text_w)
    _font(pdf, bold=True)
    pdf.set_x(text_x)
    label_w = pdf.get_string_width("Dose: ") + 0.5
    pdf.cell(label_w, LINE_MM, "Dose: ")
    _text(pdf, exercise["dose"], x=text_x + label_w, w=text_w - label_w)
    pdf.set_y(top + height)


def _exercises_section(pdf: _Sheet, exercises: list[dict]) -> None:
    _heading(pdf, "Your exercises")
    _text(pdf, EXERCISES_INTRO, colour=SOFT_INK)
    pdf.ln(2)
    for exercise, cues in zip(exercises, _cue_counts(pdf, exercises)):
        _exercise_block(pdf, exercise, cues)


def _caution_row(pdf: _Sheet, caution: dict) -> None:
    """(x) AVOID: name | (tick) INSTEAD: swap, with the reason on the line below."""
    half = pdf.width / 2
    label = "AVOID:" if caution["status"] == "avoid" else "CHANGE:"
    instead = caution["instead"] or INSTEAD_FALLBACK
    _ensure_room(pdf, _caution_height(pdf, caution))
    top = pdf.get_y()
    _labelled(pdf, caution["status"], label, caution["name"], MARGIN_MM, half - 2)
    left_end = pdf.get_y()
    pdf.set_y(top)
    _labelled(pdf, "do", "INSTEAD:", instead, MARGIN_MM + half, half)
    pdf.set_y(max(left_end, pdf.get_y()))
    _text(pdf, caution["why"], x=MARGIN_MM + 7, w=pdf.width - 7, colour=SOFT_INK)
    pdf.ln(1.5)


def _caution_height(pdf: _Sheet, caution: dict) -> float:
    half = pdf.width / 2
    instead = caution["instead"] or INSTEAD_FALLBACK
    return (max(_height(pdf, caution["name"], half - 30), _height(pdf, instead, half - 30))
            + _height(pdf, caution["why"], pdf.width - 7) + 2)


def _cautions_section(pdf: _Sheet, cautions: list[dict]) -> None:
    """Kept whole on one page: a list split over two pages reads as two shorter lists."""
    _heading(pdf, "What to avoid, and what to do instead",
             keep_with=sum(_caution_height(pdf, caution) for caution in cautions) or 3 * LINE_MM)
    if not cautions:
        _text(pdf, NO_CAUTIONS)
    for caution in cautions:
        _caution_row(pdf, caution)


def _next_monday(today: dt.date) -> dt.date:
    return today + dt.timedelta(days=(7 - today.weekday()) % 7 or 7)


def _schedule_table(pdf: _Sheet, plan: Plan, start: dt.date | None) -> None:
    """Week rows, weekday columns, a session letter on each training day (dates only if a start was given)."""
    days = session_dates(plan, start or _next_monday(dt.date.today()))
    label_w = 40
    cell_w = (pdf.width - label_w) / 7
    _font(pdf, bold=True)
    pdf.set_fill_color(*TINT)
    pdf.set_draw_color(*RULE_GREY)
    pdf.cell(label_w, TABLE_ROW_MM, "", border=1)
    for name in WEEKDAY_NAMES:
        pdf.cell(cell_w, TABLE_ROW_MM, name, border=1, align="C")
    pdf.ln()
    for week in range(1, SCHEDULE_WEEKS + 1):
        letters = {day.weekday(): letter for day, letter, number in days if number == week}
        monday = next(day for day, _, number in days if number == week)
        _font(pdf)
        pdf.cell(label_w, TABLE_ROW_MM, f"Week {week}" + (f" ({monday.day} {monday:%b})" if start else ""), border=1)
        _font(pdf, bold=True)
        for weekday in range(7):
            letter = letters.get(weekday, "")
            pdf.cell(cell_w, TABLE_ROW_MM, letter, border=1, align="C", fill=bool(letter))
        pdf.ln()
    pdf.ln(2)


def _effort_png(plan: Plan) -> bytes:
    """The planner's effort chart, sized and lettered for paper."""
    chart = effort_chart(plan).properties(**CHART_SPEC).configure_axis(
        labelFontSize=CHART_FONT_PX, titleFontSize=CHART_FONT_PX, labelColor=CHART_INK, titleColor=CHART_INK,
    ).configure_legend(labelFontSize=CHART_FONT_PX, titleFontSize=CHART_FONT_PX, labelColor=CHART_INK,
                       titleColor=CHART_INK)
    return vl_convert.vegalite_to_png(_legend_beside(chart.to_dict()), scale=CHART_SCALE)


def _legend_beside(spec: dict) -> dict:
    """Move the phase legend to the chart's right: on paper the chart sits beside text, so height is scarce."""
    for layer in spec.get("layer", []):
        legend = layer.get("encoding", {}).get("color", {}).get("legend")
        if isinstance(legend, dict):
            legend["orient"] = "right"
    return spec


def _week_with_plan(pdf: _Sheet, plan: Plan, start: dt.date | None, png: bytes) -> None:
    """The schedule table, then the dose lines beside the effort chart."""
    _schedule_table(pdf, plan, start)
    chart_w = pdf.width * CHART_SHARE
    text_w = pdf.width - chart_w - 4
    width_px, height_px = _png_size(png)
    chart_h = chart_w * height_px / width_px
    lines = plan_lines(plan)
    _ensure_room(pdf, max(chart_h + 2 * LINE_MM, sum(_height(pdf, line, text_w - BULLET_MM) for line in lines)))
    top = pdf.get_y()
    for line in lines:
        _bullet(pdf, line, MARGIN_MM, text_w)
    text_end = pdf.get_y()
    chart_x = MARGIN_MM + text_w + 4
    pdf.image(io.BytesIO(png), x=chart_x, y=top, w=chart_w, alt_text="Chart: target effort of the main exercises, week by week")
    pdf.set_y(top + chart_h)
    _text(pdf, CHART_CAPTION, x=chart_x, w=chart_w, colour=SOFT_INK)
    pdf.set_y(max(text_end, pdf.get_y()))


def _week_section(pdf: _Sheet, plan: Plan | None, start: dt.date | None, guidance: dict[str, Guidance],
                  chart: bytes | None) -> None:
    _heading(pdf, "Your week", keep_with=6 * LINE_MM)
    if plan is not None:
        _week_with_plan(pdf, plan, start, chart)
        return
    _bullet(pdf, HOW_OFTEN, MARGIN_MM, pdf.width)
    for topic, label in GUIDANCE_LABELS.items():
        if topic in guidance:
            _bullet(pdf, label + gloss(guidance[topic].advice), MARGIN_MM, pdf.width)


def _balance_and_stop(pdf: _Sheet, plan: Plan | None, suggestions: list[dict], guidance: dict[str, Guidance]) -> None:
    """'Balance every day' on the left; the red flags in a box on the right."""
    half = (pdf.width - 6) / 2
    lines = balance_lines(plan, suggestions, guidance)
    needed = max(sum(_height(pdf, line, half - BULLET_MM) for line in lines), _stop_box_height(pdf, half))
    _ensure_room(pdf, HEADING_MM + needed + 3)
    pdf.ln(1)
    top = pdf.get_y()
    _heading(pdf, "Balance every day")
    for line in lines[:-1]:
        _bullet(pdf, line, MARGIN_MM, half)
    _text(pdf, lines[-1], w=half, bold=True)
    left_end = pdf.get_y()
    _stop_box(pdf, MARGIN_MM + half + 6, top + 2.5, half)
    pdf.set_y(max(left_end, pdf.get_y()) + 1)


def _stop_box_height(pdf: _Sheet, w: float) -> float:
    return (_height(pdf, STOP_HEADING, w - 15, bold=True)
            + sum(_height(pdf, flag, w - 10 - BULLET_MM) for flag in RED_FLAGS) + 8)


def _stop_box(pdf: _Sheet, x: float, top: float, w: float) -> None:
    """The red flags in a bordered box: the one part of the sheet that must never be missed."""
    height = _stop_box_height(pdf, w)
    pdf.set_draw_color(*VERMILLION)
    pdf.set_line_width(0.8)
    pdf.rect(x, top, w, height, round_corners=True, corner_radius=2)
    pdf.set_line_width(0.2)
    _symbol(pdf, "avoid", x + 5.5, top + 4 + LINE_MM / 2)
    pdf.set_y(top + 4)
    _text(pdf, STOP_HEADING, x=x + 10, w=w - 15, bold=True)
    for flag in RED_FLAGS:
        _bullet(pdf, flag, x + 5, w - 10)
    pdf.set_y(top + height)


def _sources_section(pdf: _Sheet, keys: list[str], catalog: Catalog) -> None:
    """Author-year and link for each source, never split across lines (links are clickable too)."""
    references = [catalog.references[key] for key in dict.fromkeys(keys) if key in catalog.references]
    _ensure_room(pdf, 3 * LINE_MM)
    pdf.ln(2)
    _font(pdf, bold=True)
    pdf.write(LINE_MM, "Sources:  ")
    right = pdf.w - MARGIN_MM
    for number, reference in enumerate(references):
        label, link = plain(reference.short) + " ", plain(reference.link.removeprefix("https://"))
        gap = ";  " if number < len(references) - 1 else ""
        _font(pdf, bold=True)
        width = pdf.get_string_width(label)
        _font(pdf)
        width += pdf.get_string_width(link + gap)
        if pdf.get_x() + width > right and pdf.get_x() > MARGIN_MM + 1:
            pdf.ln(LINE_MM)
        _font(pdf, bold=True)
        pdf.write(LINE_MM, label)
        _font(pdf, colour=BLUE)
        pdf.write(LINE_MM, link, link=reference.link)
        _font(pdf)
        pdf.write(LINE_MM, gap)
    pdf.ln(LINE_MM + 2)


def _disclaimer_box(pdf: _Sheet) -> None:
    """The notice in a box at the foot of the last page."""
    height = _height(pdf, HANDOUT_DISCLAIMER, pdf.width - 10) + 7
    _ensure_room(pdf, height + 2)
    top = pdf.h - BOTTOM_MM - height
    pdf.set_fill_color(*TINT)
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.4)
    pdf.rect(MARGIN_MM, top, pdf.width, height, style="DF", round_corners=True, corner_radius=2)
    pdf.set_line_width(0.2)
    pdf.set_y(top + 3.5)
    _text(pdf, HANDOUT_DISCLAIMER, x=MARGIN_MM + 5, w=pdf.width - 10)


# --- The handout ---------------------------------------------------------------------------------


def _sources(guidance: dict[str, Guidance], plan: Plan | None, cautions: list[dict]) -> list[str]:
    """Citation keys behind what the sheet says, in order of first use."""
    topics = ("Strength", "Impact", "Clearance") if plan is None else ()
    keys = [key for topic in topics if topic in guidance for key in guidance[topic].sources]
    if plan is not None:
        keys += list(PLAN_SOURCES) + (["watson2018"] if plan.heavy else [])
    keys += [key for caution in cautions for key in caution["sources"]] or list(NO_CAUTIONS_SOURCES)
    return keys + list(guidance["Balance"].sources) + list(RED_FLAG_SOURCES)


def _render(profile: Profile, plan: Plan | None, name: str, catalog: Catalog, start: dt.date | None,
            layout: Layout, chart: bytes | None) -> _Sheet:
    guidance = {item.topic: item for item in profile_guidance(profile, catalog)}
    exercises = handout_exercises(profile, plan, catalog)
    cautions = handout_cautions(profile, catalog, layout.cautions)
    suggestions = balance_suggestions(profile, catalog, [exercise["id"] for exercise in exercises], layout.balance)
    first_day = session_dates(plan, start)[0][0] if plan is not None and start else start
    pdf = _Sheet()
    pdf.add_page()
    _title_block(pdf, name, first_day, profile)
    _exercises_section(pdf, exercises)
    _cautions_section(pdf, cautions)
    _week_section(pdf, plan, start, guidance, chart)
    _balance_and_stop(pdf, plan, suggestions, guidance)
    _sources_section(pdf, _sources(guidance, plan, cautions), catalog)
    _disclaimer_box(pdf)
    return pdf


def handout_pdf(profile: Profile, plan: Plan | None = None, first_name: str = "", catalog: Catalog | None = None,
                start: dt.date | None = None) -> bytes:
    """The client handout as PDF bytes: one or two A4 pages (see the module docstring).

    The first name is cleaned (letters, spaces, hyphens, apostrophes; at most 40 characters) or
    dropped, and appears only on the page.
    """
    catalog = catalog or default_catalog()
    name = clean_first_name(first_name)
    chart = _effort_png(plan) if plan is not None else None  # rendered once, whichever layout fits
    for layout in LAYOUTS:
        pdf = _render(profile, plan, name, catalog, start, layout, chart)
        if pdf.pages_count <= MAX_PAGES:
            break
    return bytes(pdf.output())
