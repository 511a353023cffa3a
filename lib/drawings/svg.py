"""SVG building blocks for the drawings: the palette, stroke widths, path shapes and the style sheet.

Coordinates are centimetres with y up (the ground at y = 0); pt() flips them into SVG's y-down space.
"""

from __future__ import annotations

import math
from typing import Iterable

from lib.poses import HEIGHT_CM, SEGMENT

# Palette: the app's ink and Okabe-Ito accents (.streamlit/config.toml).
TILE = "#ffffff"
INK = "#1f2937"
FAR_LIMB = "#66768a"  # the far arm and leg, behind the body
GHOST = "#d9e0e8"  # the start position in a still picture
PROP_LINE, PROP_FILL = "#475569", "#e2e8f0"
GROUND = "#64748b"
ARROW = "#D55E00"
HIGHLIGHT, HIGHLIGHT_TEXT = "#56B4E9", "#0B5FA5"
BAND = "#009E73"

# Stroke widths in cm (the drawing's unit): thick enough to read at card size (about 200 px wide).
TRUNK_W, LIMB_W, NECK_W, BAR_W = 12.0, 7.0, 6.0, 4.0
HEAD_R = SEGMENT["head"] * HEIGHT_CM / 2 * 0.9
HAND_R = 3.5


def fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def pt(point: tuple[float, float]) -> str:
    """SVG coordinates: y grows downward, so heights are negated."""
    return f"{fmt(point[0])} {fmt(-point[1])}"


def polyline(points: Iterable[tuple[float, float]]) -> str:
    points = list(points)
    return "M" + pt(points[0]) + "".join(" L" + pt(point) for point in points[1:])


def circle(centre: tuple[float, float], radius: float) -> str:
    """A circle as a path (two arcs), so animation can move it like any other shape."""
    x, y = centre
    return (
        f"M{pt((x - radius, y))} A{fmt(radius)} {fmt(radius)} 0 1 0 {pt((x + radius, y))}"
        f" A{fmt(radius)} {fmt(radius)} 0 1 0 {pt((x - radius, y))}"
    )


def ellipse(centre: tuple[float, float], rx: float, ry: float) -> str:
    """An upright ellipse as a path (two arcs), like circle()."""
    x, y = centre
    return (
        f"M{pt((x - rx, y))} A{fmt(rx)} {fmt(ry)} 0 1 0 {pt((x + rx, y))} A{fmt(rx)} {fmt(ry)} 0 1 0 {pt((x - rx, y))}"
    )


def rect(left: float, bottom: float, width: float, height: float) -> str:
    return (
        polyline([(left, bottom), (left + width, bottom), (left + width, bottom + height), (left, bottom + height)])
        + " Z"
    )


def distance_to_segment(point, start, end) -> float:
    (px, py), (ax, ay), (bx, by) = point, start, end
    length2 = (bx - ax) ** 2 + (by - ay) ** 2
    share = 0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / length2))
    return math.dist(point, (ax + share * (bx - ax), ay + share * (by - ay)))


LINE = "fill:none;stroke-linecap:round;stroke-linejoin:round"
# One class per shape, no descendant selectors: the PDF writer (fpdf2) understands only plain class rules.
STYLE = f"""
.tile{{fill:{TILE}}}
.ground{{stroke:{GROUND};stroke-width:2.5}}
.prop{{fill:{PROP_FILL};stroke:{PROP_LINE};stroke-width:2.5;stroke-linejoin:round}}
.trunk{{{LINE};stroke:{INK};stroke-width:{TRUNK_W}}}
.limb{{{LINE};stroke:{INK};stroke-width:{LIMB_W}}}
.far{{{LINE};stroke:{FAR_LIMB};stroke-width:{LIMB_W}}}
.neck{{{LINE};stroke:{INK};stroke-width:{NECK_W}}}
.head{{fill:{INK};stroke:{INK};stroke-width:1}}
.hand{{fill:{INK};stroke:{INK};stroke-width:1}}
.nose{{{LINE};stroke:{INK};stroke-width:4}}
.weight{{fill:{PROP_FILL};stroke:{INK};stroke-width:2.5}}
.bar{{{LINE};stroke:{INK};stroke-width:{BAR_W}}}
.band{{{LINE};stroke:{BAND};stroke-width:3;stroke-dasharray:6 3}}
.towel{{{LINE};stroke:{PROP_LINE};stroke-width:5}}
.dowel{{{LINE};stroke:#8a5a2b;stroke-width:3.5}}
.ghost-line{{{LINE};stroke:{GHOST};stroke-width:{LIMB_W}}}
.ghost-trunk{{{LINE};stroke:{GHOST};stroke-width:{TRUNK_W}}}
.ghost-solid{{fill:{GHOST};stroke:{GHOST};stroke-width:1}}
.ghost-bar{{{LINE};stroke:{GHOST};stroke-width:{BAR_W}}}
.arrow{{fill:none;stroke:{ARROW};stroke-width:3.5;stroke-linecap:round}}
.impact{{fill:none;stroke:{ARROW};stroke-width:3;stroke-linecap:round}}
.arrow-head{{fill:{ARROW};stroke:{ARROW};stroke-width:1.5;stroke-linejoin:round}}
.site{{fill:none;stroke:{HIGHLIGHT};stroke-opacity:.55;stroke-linecap:round}}
.site-dot{{fill:{HIGHLIGHT};fill-opacity:.55}}
.site-label{{font-family:sans-serif;font-weight:bold;fill:{HIGHLIGHT_TEXT};paint-order:stroke;stroke:{TILE};stroke-width:3}}
.still{{display:none}}
@media (prefers-reduced-motion: reduce){{.moving{{display:none}}.still{{display:inline}}}}
"""
# A ghost (the start of a still picture) keeps each shape's outline, in one pale tone.
GHOST_CLASS = {"trunk": "ghost-trunk", "head": "ghost-solid", "hand": "ghost-solid", "bar": "ghost-bar"}


def group(parts: list[tuple[str, str]], ghost: bool = False) -> str:
    def css(cls: str) -> str:
        return GHOST_CLASS.get(cls, "ghost-line") if ghost else cls

    return "<g>" + "".join(f'<path class="{css(cls)}" d="{d}"/>' for cls, d in parts) + "</g>"
