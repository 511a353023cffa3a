"""The client handout PDF: the profile's plan on one or two A4 pages, in plain words and large type.

Public API::

    from lib.handout_pdf import handout_pdf
    pdf_bytes = handout_pdf(profile, plan, first_name="Ann", start=datetime.date(2026, 1, 5))

This module holds the sheet's wording and sections and picks the roomiest layout that fits two pages; what
it says for the profile comes from lib/handout.py, the page design and drawing (fpdf2) from lib/handout_draw.py.
The client's first name goes only into the PDF bytes: it is never stored, logged or written to disk.
Charts are the app's own Altair charts, rendered to images with vl-convert.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from dataclasses import dataclass

import vl_convert

from lib import handout_draw as draw
from lib.catalog import Catalog, default_catalog
from lib.handout import (
    balance_lines, balance_suggestions, gloss, plan_lines, clean_first_name, handout_cautions, handout_exercises,
)
from lib.handout_draw import (
    BLUE, BOTTOM_MM, BULLET_MM, HEADING_MM, INK, LINE_MM, MARGIN_MM, NAME_PT, RULE_GREY, SOFT_INK, TABLE_ROW_MM,
    TINT, VERMILLION,
)
from lib.handout_font import plain
from lib.planner import Plan, next_monday, session_dates
from lib.plan_charts import effort_spec
from lib.profiles import Profile
from lib.safety import Guidance, profile_guidance
from lib.drawings import drawing_alt

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

# --- Layout (the page design itself is in lib/handout_draw.py) ------------------------------------

MAX_PAGES = 2  # front and back of one sheet
DRAWING_MM = 30  # width on the page of the movement's frames side by side (the handout must stay on one sheet)
EXERCISE_GAP_MM = 2.5
CHART_SPEC = {"width": 250, "height": 120}  # pixels; with 16 px fonts the chart text prints near 10 pt
CHART_FONT_PX = 16
CHART_INK = "#141414"
CHART_SHARE = 0.5  # of the text width; the dose lines take the rest
CHART_SCALE = 2  # vl-convert scale: 2 x resolution keeps lines sharp in print


@dataclass(frozen=True)
class Layout:
    """How much detail fits: the roomiest that keeps the handout to two pages is used."""

    cautions: int
    balance: int
    cues: int = 2  # cues each exercise keeps at least (a third is added where page 1 has room)


# The last, tightest layout keeps one cue an exercise: a plan's session-by-session doses can run long.
LAYOUTS = (Layout(cautions=4, balance=3), Layout(cautions=4, balance=2), Layout(cautions=3, balance=2),
           Layout(cautions=3, balance=1), Layout(cautions=2, balance=1), Layout(cautions=1, balance=1),
           Layout(cautions=1, balance=1, cues=1))
MAX_CUES = 3


# --- Sections ------------------------------------------------------------------------------------


def _title_block(pdf: draw.Sheet, name: str, first_day: dt.date | None, profile: Profile) -> None:
    draw.title(pdf, TITLE + (f", {name}" if name else ""))
    if first_day is not None:
        draw.text(pdf, f"Starting {first_day:%A} {first_day.day} {first_day:%B %Y}", colour=SOFT_INK)
    pdf.ln(2.5)
    text = "About you: " + profile.describe()
    height = draw.height(pdf, text, pdf.width - 10) + 6
    top = pdf.get_y()
    pdf.set_fill_color(*TINT)
    pdf.rect(MARGIN_MM, top, pdf.width, height, style="F", round_corners=True, corner_radius=2)
    pdf.set_y(top + 3)
    draw.text(pdf, text, x=MARGIN_MM + 5, w=pdf.width - 10)
    pdf.set_y(top + height)


def _dose_label_width(pdf: draw.Sheet) -> float:
    """The bold 'Dose: ' label's width; the dose wraps in the room beside it."""
    draw.font(pdf, bold=True)
    return pdf.get_string_width("Dose: ") + 0.5


def _exercise_height(pdf: draw.Sheet, exercise: dict, cues: int) -> float:
    text_w = pdf.width - DRAWING_MM - 6
    text = (draw.height(pdf, exercise["name"], text_w, NAME_PT, bold=True)
            + sum(draw.height(pdf, cue, text_w - BULLET_MM) for cue in exercise["cues"][:cues])
            + draw.height(pdf, exercise["dose"], text_w - _dose_label_width(pdf)))
    return max(text, DRAWING_MM * draw.svg_aspect(exercise["drawing"]) + 2) + EXERCISE_GAP_MM


def _cue_counts(pdf: draw.Sheet, exercises: list[dict], fewest: int) -> list[int]:
    """`fewest` cues each; then up to three, exercise by exercise, while the page still has room."""
    counts = [fewest] * len(exercises)
    spare = pdf.room - sum(_exercise_height(pdf, exercise, fewest) for exercise in exercises)
    for position, exercise in enumerate(exercises):
        extra = _exercise_height(pdf, exercise, MAX_CUES) - _exercise_height(pdf, exercise, fewest)
        if len(exercise["cues"]) > fewest and extra <= spare:
            counts[position], spare = MAX_CUES, spare - extra
    return counts


def _exercise_block(pdf: draw.Sheet, exercise: dict, cues: int) -> None:
    """The movement's frames on the left; name, cues and dose beside it. Never split across pages."""
    text_x = MARGIN_MM + DRAWING_MM + 6
    text_w = pdf.width - DRAWING_MM - 6
    height = _exercise_height(pdf, exercise, cues)
    draw.ensure_room(pdf, height)
    top = pdf.get_y()
    pdf.image(io.BytesIO(draw.svg_bytes(exercise["drawing"])), x=MARGIN_MM, y=top + 1, w=DRAWING_MM,
              alt_text=drawing_alt(exercise["id"]))
    draw.text(pdf, exercise["name"], x=text_x, w=text_w, size=NAME_PT, bold=True)
    for cue in exercise["cues"][:cues]:
        draw.bullet(pdf, cue, text_x, text_w)
    label_w = _dose_label_width(pdf)
    pdf.set_x(text_x)
    pdf.cell(label_w, LINE_MM, "Dose: ")
    draw.text(pdf, exercise["dose"], x=text_x + label_w, w=text_w - label_w)
    pdf.set_y(top + height)


def _exercises_section(pdf: draw.Sheet, exercises: list[dict], fewest_cues: int) -> None:
    draw.heading(pdf, "Your exercises")
    draw.text(pdf, EXERCISES_INTRO, colour=SOFT_INK)
    pdf.ln(2)
    for exercise, cues in zip(exercises, _cue_counts(pdf, exercises, fewest_cues)):
        _exercise_block(pdf, exercise, cues)


def _caution_row(pdf: draw.Sheet, caution: dict) -> None:
    """(x) AVOID: name | (tick) INSTEAD: swap, with the reason on the line below."""
    half = pdf.width / 2
    label = "AVOID:" if caution["status"] == "avoid" else "CHANGE:"
    instead = caution["instead"] or INSTEAD_FALLBACK
    draw.ensure_room(pdf, _caution_height(pdf, caution))
    top = pdf.get_y()
    draw.labelled(pdf, caution["status"], label, caution["name"], MARGIN_MM, half - 2)
    left_end = pdf.get_y()
    pdf.set_y(top)
    draw.labelled(pdf, "do", "INSTEAD:", instead, MARGIN_MM + half, half)
    pdf.set_y(max(left_end, pdf.get_y()))
    draw.text(pdf, caution["why"], x=MARGIN_MM + 7, w=pdf.width - 7, colour=SOFT_INK)
    pdf.ln(1.5)


def _caution_height(pdf: draw.Sheet, caution: dict) -> float:
    half = pdf.width / 2
    instead = caution["instead"] or INSTEAD_FALLBACK
    return (max(draw.height(pdf, caution["name"], half - 30), draw.height(pdf, instead, half - 30))
            + draw.height(pdf, caution["why"], pdf.width - 7) + 2)


def _cautions_section(pdf: draw.Sheet, cautions: list[dict]) -> None:
    """Kept whole on one page: a list split over two pages reads as two shorter lists."""
    draw.heading(pdf, "What to avoid, and what to do instead",
                 keep_with=sum(_caution_height(pdf, caution) for caution in cautions) or 3 * LINE_MM)
    if not cautions:
        draw.text(pdf, NO_CAUTIONS)
    for caution in cautions:
        _caution_row(pdf, caution)


def _schedule_table(pdf: draw.Sheet, plan: Plan, start: dt.date | None, weekdays: tuple[int, ...] | None) -> None:
    """Week rows, weekday columns, a session letter on each training day (dates only if a start was given)."""
    days = session_dates(plan, start or next_monday(dt.date.today()), weekdays)
    label_w = 40
    cell_w = (pdf.width - label_w) / 7
    draw.font(pdf, bold=True)
    pdf.set_fill_color(*TINT)
    pdf.set_draw_color(*RULE_GREY)
    pdf.cell(label_w, TABLE_ROW_MM, "", border=1)
    for name in WEEKDAY_NAMES:
        pdf.cell(cell_w, TABLE_ROW_MM, name, border=1, align="C")
    pdf.ln()
    for week in range(1, SCHEDULE_WEEKS + 1):
        letters = {day.weekday(): letter for day, letter, number in days if number == week}
        monday = next(day for day, _, number in days if number == week)
        draw.font(pdf)
        pdf.cell(label_w, TABLE_ROW_MM, f"Week {week}" + (f" ({monday.day} {monday:%b})" if start else ""), border=1)
        draw.font(pdf, bold=True)
        for weekday in range(7):
            letter = letters.get(weekday, "")
            pdf.cell(cell_w, TABLE_ROW_MM, letter, border=1, align="C", fill=bool(letter))
        pdf.ln()
    pdf.ln(2)


def _effort_png(plan: Plan) -> bytes:
    """The planner's effort chart, sized and lettered for paper."""
    lettering = {"labelFontSize": CHART_FONT_PX, "titleFontSize": CHART_FONT_PX, "labelColor": CHART_INK,
                 "titleColor": CHART_INK}
    spec = copy.deepcopy(effort_spec(plan)) | CHART_SPEC | {"config": {"axis": lettering, "legend": lettering}}
    return vl_convert.vegalite_to_png(_legend_beside(spec), scale=CHART_SCALE)


def _legend_beside(spec: dict) -> dict:
    """Move the phase legend to the chart's right: on paper the chart sits beside text, so height is scarce."""
    for layer in spec.get("layer", []):
        legend = layer.get("encoding", {}).get("color", {}).get("legend")
        if isinstance(legend, dict):
            legend["orient"] = "right"
    return spec


def _week_with_plan(pdf: draw.Sheet, plan: Plan, start: dt.date | None, weekdays: tuple[int, ...] | None,
                    png: bytes) -> None:
    """The schedule table, then the dose lines beside the effort chart."""
    _schedule_table(pdf, plan, start, weekdays)
    chart_w = pdf.width * CHART_SHARE
    text_w = pdf.width - chart_w - 4
    width_px, height_px = draw.png_size(png)
    chart_h = chart_w * height_px / width_px
    lines = plan_lines(plan)
    draw.ensure_room(pdf, max(chart_h + 2 * LINE_MM,
                              sum(draw.height(pdf, line, text_w - BULLET_MM) for line in lines)))
    top = pdf.get_y()
    for line in lines:
        draw.bullet(pdf, line, MARGIN_MM, text_w)
    text_end = pdf.get_y()
    chart_x = MARGIN_MM + text_w + 4
    pdf.image(io.BytesIO(png), x=chart_x, y=top, w=chart_w, alt_text="Chart: target effort of the main exercises, week by week")
    pdf.set_y(top + chart_h)
    draw.text(pdf, CHART_CAPTION, x=chart_x, w=chart_w, colour=SOFT_INK)
    pdf.set_y(max(text_end, pdf.get_y()))


def _week_section(pdf: draw.Sheet, plan: Plan | None, start: dt.date | None, weekdays: tuple[int, ...] | None,
                  guidance: dict[str, Guidance], chart: bytes | None) -> None:
    draw.heading(pdf, "Your week", keep_with=6 * LINE_MM)
    if plan is not None:
        _week_with_plan(pdf, plan, start, weekdays, chart)
        return
    draw.bullet(pdf, HOW_OFTEN, MARGIN_MM, pdf.width)
    for topic, label in GUIDANCE_LABELS.items():
        if topic in guidance:
            draw.bullet(pdf, label + gloss(guidance[topic].advice), MARGIN_MM, pdf.width)


def _balance_and_stop(pdf: draw.Sheet, plan: Plan | None, suggestions: list[dict],
                      guidance: dict[str, Guidance]) -> None:
    """'Balance every day' on the left; the red flags in a box on the right."""
    half = (pdf.width - 6) / 2
    lines = balance_lines(plan, suggestions, guidance)
    needed = max(sum(draw.height(pdf, line, half - BULLET_MM) for line in lines), _stop_box_height(pdf, half))
    draw.ensure_room(pdf, HEADING_MM + needed + 3)
    pdf.ln(1)
    top = pdf.get_y()
    draw.heading(pdf, "Balance every day")
    for line in lines[:-1]:
        draw.bullet(pdf, line, MARGIN_MM, half)
    draw.text(pdf, lines[-1], w=half, bold=True)
    left_end = pdf.get_y()
    _stop_box(pdf, MARGIN_MM + half + 6, top + 2.5, half)
    pdf.set_y(max(left_end, pdf.get_y()) + 1)


def _stop_box_height(pdf: draw.Sheet, w: float) -> float:
    return (draw.height(pdf, STOP_HEADING, w - 15, bold=True)
            + sum(draw.height(pdf, flag, w - 10 - BULLET_MM) for flag in RED_FLAGS) + 8)


def _stop_box(pdf: draw.Sheet, x: float, top: float, w: float) -> None:
    """The red flags in a bordered box: the one part of the sheet that must never be missed."""
    height = _stop_box_height(pdf, w)
    pdf.set_draw_color(*VERMILLION)
    pdf.set_line_width(0.8)
    pdf.rect(x, top, w, height, round_corners=True, corner_radius=2)
    pdf.set_line_width(0.2)
    draw.symbol(pdf, "avoid", x + 5.5, top + 4 + LINE_MM / 2)
    pdf.set_y(top + 4)
    draw.text(pdf, STOP_HEADING, x=x + 10, w=w - 15, bold=True)
    for flag in RED_FLAGS:
        draw.bullet(pdf, flag, x + 5, w - 10)
    pdf.set_y(top + height)


def _sources_section(pdf: draw.Sheet, keys: list[str], catalog: Catalog) -> None:
    """Author-year and link for each source, never split across lines (links are clickable too)."""
    references = [catalog.references[key] for key in dict.fromkeys(keys) if key in catalog.references]
    draw.ensure_room(pdf, 3 * LINE_MM)
    pdf.ln(2)
    draw.font(pdf, bold=True)
    pdf.write(LINE_MM, "Sources:  ")
    right = pdf.w - MARGIN_MM
    for number, reference in enumerate(references):
        label, link = plain(reference.short) + " ", plain(reference.link.removeprefix("https://"))
        gap = ";  " if number < len(references) - 1 else ""
        draw.font(pdf, bold=True)
        width = pdf.get_string_width(label)
        draw.font(pdf)
        width += pdf.get_string_width(link + gap)
        if pdf.get_x() + width > right and pdf.get_x() > MARGIN_MM + 1:
            pdf.ln(LINE_MM)
        draw.font(pdf, bold=True)
        pdf.write(LINE_MM, label)
        draw.font(pdf, colour=BLUE)
        pdf.write(LINE_MM, link, link=reference.link)
        draw.font(pdf)
        pdf.write(LINE_MM, gap)
    pdf.ln(LINE_MM + 2)


def _disclaimer_box(pdf: draw.Sheet) -> None:
    """The notice in a box at the foot of the last page."""
    height = draw.height(pdf, HANDOUT_DISCLAIMER, pdf.width - 10) + 7
    draw.ensure_room(pdf, height + 2)
    top = pdf.h - BOTTOM_MM - height
    pdf.set_fill_color(*TINT)
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.4)
    pdf.rect(MARGIN_MM, top, pdf.width, height, style="DF", round_corners=True, corner_radius=2)
    pdf.set_line_width(0.2)
    pdf.set_y(top + 3.5)
    draw.text(pdf, HANDOUT_DISCLAIMER, x=MARGIN_MM + 5, w=pdf.width - 10)


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
            weekdays: tuple[int, ...] | None, layout: Layout, chart: bytes | None) -> draw.Sheet:
    guidance = {item.topic: item for item in profile_guidance(profile, catalog)}
    exercises = handout_exercises(profile, plan, catalog)
    cautions = handout_cautions(profile, catalog, layout.cautions)
    suggestions = balance_suggestions(profile, catalog, [exercise["id"] for exercise in exercises], layout.balance)
    first_day = session_dates(plan, start, weekdays)[0][0] if plan is not None and start else start
    pdf = draw.Sheet(TITLE)  # never the name: metadata can travel further than the page
    pdf.add_page()
    _title_block(pdf, name, first_day, profile)
    _exercises_section(pdf, exercises, layout.cues)
    _cautions_section(pdf, cautions)
    _week_section(pdf, plan, start, weekdays, guidance, chart)
    _balance_and_stop(pdf, plan, suggestions, guidance)
    _sources_section(pdf, _sources(guidance, plan, cautions), catalog)
    _disclaimer_box(pdf)
    return pdf


def handout_pdf(profile: Profile, plan: Plan | None = None, first_name: str = "", catalog: Catalog | None = None,
                start: dt.date | None = None, weekdays: tuple[int, ...] | None = None) -> bytes:
    """The client handout as PDF bytes: one or two A4 pages (see the module docstring).

    The schedule puts the sessions on `weekdays` (0 is Monday; by default the planner's usual days).

    The first name is cleaned (see clean_first_name: letters the font prints, spaces, hyphens,
    apostrophes; at most 40 characters) or dropped, and appears only on the page.
    """
    catalog = catalog or default_catalog()
    name = clean_first_name(first_name)
    chart = _effort_png(plan) if plan is not None else None  # rendered once, whichever layout fits
    for layout in LAYOUTS:
        pdf = _render(profile, plan, name, catalog, start, weekdays, layout, chart)
        if pdf.pages_count <= MAX_PAGES:
            break
    return bytes(pdf.output())
