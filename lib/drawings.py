"""Exercise drawings as SVG, made from the poses in data/poses.yaml (pure Python, no Streamlit).

Public API::

    from lib.drawings import exercise_svg, exercise_strip_svg, drawing_alt
    exercise_svg("goblet-squat")                  # one picture: the start ghosted, the end drawn, an arrow
    exercise_svg("goblet-squat", animated=True)   # start -> end -> back, still under prefers-reduced-motion
    exercise_svg("goblet-squat", highlight=True)  # the loaded skeletal sites marked and named
    exercise_strip_svg("goblet-squat")            # 2-3 frames side by side, for print
    drawing_alt("goblet-squat")                   # the text alternative: name, start and end positions

The figure is 170 cm tall with Winter's segment proportions (lib/poses.py); props are drawn to scale in
the same centimetres. Each SVG sits on its own light tile, so it reads on a light or a dark page, and
colour is never the only carrier of meaning: the moving figure is solid, its start is a pale ghost, the
arrow has a head, and highlighted sites are named in words. SVGs are built once per exercise and cached.
"""

from __future__ import annotations

import math
from functools import cache
from html import escape
from typing import Iterable

from lib import poses as pose_model
from lib.poses import HEIGHT_CM, SEGMENT, Body

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
TRUNK_W, LIMB_W, FOOT_W, NECK_W = 12.0, 7.0, 5.0, 6.0
HEAD_R = SEGMENT["head"] * HEIGHT_CM / 2 * 0.9
HAND_R = 3.5
PAD_CM = 14
ASPECT = 4 / 3  # every tile the same shape, so cards and contact sheets line up
STRIP_ASPECTS = (0.7, 1.6)  # a print strip's frames keep their own shape within these widths over heights
IMPACT_MARKED = ("moderate", "high")  # impact tags drawn with landing strokes under the feet
TWO_HEADS_CM = 30  # a shorter arrow keeps one head: two would meet in a blot
SAMPLES_PER_MOVE = 10  # interpolated poses between two frames: smooth, and limbs keep their length
HOLD_SAMPLES = 3  # a short pause at each end of the movement
SECONDS_PER_MOVE = 1.6

# Props, to scale (cm): common household and gym sizes.
CHAIR_SEAT, CHAIR_BACK, CHAIR_DEPTH = 45, 88, 42
COUNTER_HEIGHT, COUNTER_DEPTH, COUNTER_LIP = 90, 55, 5  # a kitchen worktop overhangs its cupboard
BENCH_HEIGHT, BENCH_LENGTH = 42, 110
STEP_HEIGHT, STEP_DEPTH = 18, 36
BOX_HEIGHT, BOX_DEPTH = 30, 45
WALL_HEIGHT = 200
BAR_HEIGHT = 225
RAIL_MAX = 150  # a bar lower than this is a hand rail
MAT_LENGTH = 180
PLATE_R = 22.5  # a standard 45 cm barbell plate
BAR_ON_BACK_CM = 8  # a back squat's bar rests on the upper back, behind the shoulder joint
DUMBBELL_R = 8
KETTLEBELL_R = 11
DOWEL_OFFSET = TRUNK_W / 2 + 3  # resting on the back of the head, the upper back and the sacrum
TOWEL_ROLL_R = 7
CABLE_COLUMN_W = 20
LINES = ("band", "towel", "cable")  # held at one end
FIXED_PROPS = ("chair", "wall", "counter", "step", "box", "bench", "bar", "mat", "cable")
LABEL_SHARE = 0.075  # a site's name, as a share of the tile's height: the same size on every tile
SITE_LABELS = {"spine": "spine", "hip": "hip", "wrist-forearm": "wrist"}


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _pt(point: tuple[float, float]) -> str:
    """SVG coordinates: y grows downward, so heights are negated."""
    return f"{_fmt(point[0])} {_fmt(-point[1])}"


def _polyline(points: Iterable[tuple[float, float]]) -> str:
    points = list(points)
    return "M" + _pt(points[0]) + "".join(" L" + _pt(point) for point in points[1:])


def _circle(centre: tuple[float, float], radius: float) -> str:
    """A circle as a path (two arcs), so animation can move it like any other shape."""
    x, y = centre
    return (
        f"M{_pt((x - radius, y))} A{_fmt(radius)} {_fmt(radius)} 0 1 0 {_pt((x + radius, y))}"
        f" A{_fmt(radius)} {_fmt(radius)} 0 1 0 {_pt((x - radius, y))}"
    )


def _rect(left: float, bottom: float, width: float, height: float) -> str:
    return (
        _polyline([(left, bottom), (left + width, bottom), (left + width, bottom + height), (left, bottom + height)])
        + " Z"
    )


def _distance_to_segment(point, start, end) -> float:
    (px, py), (ax, ay), (bx, by) = point, start, end
    length2 = (bx - ax) ** 2 + (by - ay) ** 2
    share = 0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / length2))
    return math.dist(point, (ax + share * (bx - ax), ay + share * (by - ay)))


# --- Props ----------------------------------------------------------------------------------------


def prop_origin(prop: dict, pose: dict) -> tuple[float, float]:
    """Where a fixed prop stands: at x (cm), or by a landmark of one frame plus x.

    A band, towel or cable is held `at` a landmark; its other end is `to` a landmark or fixed at (x, y).
    """
    if "at" in prop and prop["kind"] not in LINES:
        body = pose_model.frame_body(pose, prop.get("frame", "start"))
        x, y = body.points[prop["at"]]
        return x + prop.get("x", 0), y + prop.get("y", 0)
    return prop.get("x", 0), prop.get("y", 0)


def _fixed_prop_shapes(prop: dict, pose: dict) -> tuple[list[str], list[tuple]]:
    """SVG paths of a fixed prop, and the surfaces a hand can hold (for the reach check)."""
    x, y = prop_origin(prop, pose)
    toward = -1 if prop.get("flip") else 1  # which way the prop extends from its origin
    kind = prop["kind"]
    if kind == "chair":
        seat_far = x + toward * CHAIR_DEPTH
        paths = [
            _polyline([(x, 0), (x, CHAIR_BACK)]),
            _polyline([(x, CHAIR_SEAT), (seat_far, CHAIR_SEAT), (seat_far, 0)]),
        ]
        return paths, [((x, CHAIR_BACK), (x, CHAIR_BACK - 8)), ((x, CHAIR_SEAT), (seat_far, CHAIR_SEAT))]
    if kind == "counter":
        far = x + toward * COUNTER_DEPTH
        top = _rect(
            min(x, far) - (COUNTER_LIP if toward > 0 else 0), COUNTER_HEIGHT - 5, COUNTER_DEPTH + COUNTER_LIP, 5
        )
        return [_rect(min(x, far), 0, COUNTER_DEPTH, COUNTER_HEIGHT - 5), top], [
            ((x, COUNTER_HEIGHT), (far, COUNTER_HEIGHT))
        ]
    if kind == "wall" and pose.get("view") == "front":  # seen face on: the wall is the backdrop
        return [_rect(x - 55, 0, 110, prop.get("size", WALL_HEIGHT))], []
    if kind == "wall":
        height = prop.get("size", WALL_HEIGHT)
        return [_rect(x - (12 if toward > 0 else 0), 0, 12, height)], [((x if toward < 0 else x, 0), (x, height))]
    if kind in ("step", "box", "bench"):
        height, depth = {
            "step": (STEP_HEIGHT, STEP_DEPTH),
            "box": (BOX_HEIGHT, BOX_DEPTH),
            "bench": (BENCH_HEIGHT, BENCH_LENGTH),
        }[kind]
        height = prop.get("size", height)
        top = ((x - depth / 2, height), (x + depth / 2, height))
        if kind == "bench":
            legs = (
                _polyline([(x - depth / 2 + 10, 0), (x - depth / 2 + 10, height)])
                + " "
                + _polyline([(x + depth / 2 - 10, 0), (x + depth / 2 - 10, height)])
            )
            return [legs, _rect(x - depth / 2, height - 6, depth, 6)], [top]
        return [_rect(x - depth / 2, 0, depth, height)], [top]
    if kind == "bar":  # a rail on a post (below head height) or a chin-up bar on a wall bracket, seen end-on
        height = prop.get("size", BAR_HEIGHT)
        mount = _polyline([(x, 0), (x, height)]) if height < RAIL_MAX else _polyline([(x - 45, height), (x, height)])
        return [mount, _circle((x, height), 4)], [((x, height), (x, height))]
    if kind == "mat":
        return [_rect(x - MAT_LENGTH / 2, 0, MAT_LENGTH, 1.5)], []
    if kind == "cable":
        top = y or 180
        return [_rect(x - CABLE_COLUMN_W / 2, 0, CABLE_COLUMN_W, max(top, 60) + 25), _circle((x, y), 4)], []
    raise ValueError(f"not a fixed prop: {kind}")


def reach(prop: dict, point: tuple[float, float], pose: dict) -> float:
    """Distance (cm) from a point to the nearest holdable surface of a fixed prop."""
    surfaces = _fixed_prop_shapes(prop, pose)[1]
    return min((_distance_to_segment(point, *surface) for surface in surfaces), default=math.inf)


def _held_prop_path(prop: dict, body: Body, pose: dict) -> tuple[str, str]:
    """(css class, path) of a prop that moves with the body: weights, bands, towel, dowel, rope."""
    kind, point = prop["kind"], body.points[prop.get("at", "hand_near")]
    if kind == "dumbbell":
        return "weight", _circle(point, DUMBBELL_R) + " " + _circle(point, 2.5)
    if kind == "kettlebell":
        (x, y), ball_y = point, point[1] - KETTLEBELL_R - 4  # the bell hangs below the handle in the hand
        handle = _polyline([(x - 5, ball_y + 8), (x - 4, y + 3), (x + 4, y + 3), (x + 5, ball_y + 8)])
        return "weight", _circle((x, ball_y), KETTLEBELL_R) + " " + handle
    if kind == "barbell" and prop.get("at") == "shoulder":  # across the upper back, behind the neck
        waist, shoulder = body.points["waist"], body.points["shoulder"]
        length = math.dist(waist, shoulder)
        ux, uy = (shoulder[0] - waist[0]) / length, (shoulder[1] - waist[1]) / length
        bar = (shoulder[0] - uy * BAR_ON_BACK_CM, shoulder[1] + ux * BAR_ON_BACK_CM)
        return "plate-behind", _circle(bar, PLATE_R) + " " + _circle(bar, 3)
    if kind == "barbell":
        return "weight", _circle(point, PLATE_R) + " " + _circle(point, 3)
    if kind == "towel" and "to" not in prop:  # rolled up under the body
        x, y = point
        return "weight", _circle(
            (x, y - pose_model.CLEARANCE_CM.get(prop.get("at", "").split("_")[0], 0) + TOWEL_ROLL_R), TOWEL_ROLL_R
        )
    if kind in ("band", "towel", "cable"):
        if "to" in prop:  # the other end on the body, moved by x and y (a band around the back)
            tx, ty = body.points[prop["to"]]
            end = (tx + prop.get("x", 0), ty + prop.get("y", 0))
        else:
            end = prop_origin(prop, pose)
        return ("band" if kind != "towel" else "towel"), _polyline([point, end])
    if kind == "dowel":
        hip, head = body.points["hip"], body.points["head"]
        length = math.dist(hip, head)
        ux, uy = (head[0] - hip[0]) / length, (head[1] - hip[1]) / length
        back = (-uy * DOWEL_OFFSET, ux * DOWEL_OFFSET)  # the figure faces +x, so its back is this side
        ends = [
            (hip[0] - ux * 12 + back[0], hip[1] - uy * 12 + back[1]),
            (head[0] + ux * 14 + back[0], head[1] + uy * 14 + back[1]),
        ]
        return "dowel", _polyline(ends)
    if kind == "rope":
        feet_x = body.points["toe_near"][0]
        ground = body.lowest() - 2
        return "band", (
            f"M{_pt(point)} C{_pt((point[0] + 55, point[1]))} {_pt((feet_x + 45, ground))} {_pt((feet_x, ground))}"
            f" C{_pt((feet_x - 60, ground))} {_pt((point[0] - 60, point[1] - 10))} {_pt(body.points['hand_far'])}"
        )
    raise ValueError(f"not a held prop: {kind}")


# --- The figure -----------------------------------------------------------------------------------


def _body_parts(body: Body, pose: dict) -> list[tuple[str, str]]:
    """(css class, path) for one frame, drawn back to front; the same shapes in the same order for every frame.

    In a side view the far arm and leg are a lighter tone behind the body; in a front view both sides are near.
    """
    p = body.points
    front = pose.get("view") == "front"
    far = "limb" if front else "far"

    def leg(side):
        return (
            _polyline([p.get(f"hip_{side}", p["hip"]), p[f"knee_{side}"], p[f"ankle_{side}"]])
            + " "
            + _polyline([p[f"heel_{side}"], p[f"toe_{side}"]])
        )

    def arm(side):
        return _polyline(
            [p.get(f"shoulder_{side}", p["shoulder"]), p[f"elbow_{side}"], p[f"wrist_{side}"], p[f"hand_{side}"]]
        )

    held = [
        _held_prop_path(prop, body, pose)
        for prop in pose.get("props", [])
        if prop["kind"] not in FIXED_PROPS or prop["kind"] == "cable"
    ]
    lines = [part for part in held if part[0] in ("band", "towel")]
    behind = [("weight", path) for cls, path in held if cls == "plate-behind"]
    weights = [part for part in held if part[0] not in ("band", "towel", "plate-behind")]
    spine = ("trunk", _polyline([p["hip"], p["waist"], p["shoulder"]]))
    if front:  # the spine with the shoulder and hip girdles across it
        trunk = [
            ("limb", _polyline([p["shoulder_near"], p["shoulder_far"]])),
            ("limb", _polyline([p["hip_near"], p["hip_far"]])),
            spine,
        ]
        nose = _circle(p["head"], 0.1)  # no profile to show; kept so every frame has the same shapes
    else:
        trunk = [spine]
        nose = _polyline([p["head"], p["nose"]])
    return (
        behind
        + lines
        + [
            (far, arm("far")),
            (far, leg("far")),
            *trunk,
            ("neck", _polyline([p["shoulder"], p["chin"]])),
            ("head", _circle(p["head"], HEAD_R)),
            ("nose", nose),
            ("limb", leg("near")),
            ("limb", arm("near")),
            ("hand", _circle(p["hand_near"], HAND_R)),
        ]
        + weights
    )


# Where each site's name sits from its mark (cm) and which way the text runs: the spine's behind the back,
# the hip's below and behind, the wrist's ahead of the hand, so three labels do not collide.
SITE_MARKS = {
    "spine": ("waist", -14, 10, "end"),
    "hip": ("hip", -14, -18, "end"),
    "wrist-forearm": ("wrist_near", 10, -12, "start"),
}


def _highlight_parts(body: Body, sites: Iterable[str], label_cm: float) -> list[str]:
    """A pale halo over each loaded site and its name in words (so the colour is never the only sign)."""
    p, marks = body.points, []
    for site in sites:
        if site == "spine":
            halo = _polyline([p["hip"], p["waist"], p["shoulder"]])
            marks.append(f'<path class="site" d="{halo}" stroke-width="{_fmt(TRUNK_W + 10)}"/>')
        elif site == "hip":
            marks.append(f'<path class="site-dot" d="{_circle(p["hip"], 10)}"/>')
        else:
            halo = _polyline([p["elbow_near"], p["wrist_near"]])
            marks.append(f'<path class="site" d="{halo}" stroke-width="{_fmt(LIMB_W + 9)}"/>')
        landmark, dx, dy, anchor = SITE_MARKS[site]
        x, y = p[landmark]
        marks.append(
            f'<text class="site-label" x="{_fmt(x + dx)}" y="{_fmt(-y - dy)}" font-size="{_fmt(label_cm)}" '
            f'text-anchor="{anchor}">{SITE_LABELS[site]}</text>'
        )
    return marks


def _arrow_landmark(pose: dict, start: Body, end: Body) -> str:
    if "arrow" in pose:
        return pose["arrow"]
    candidates = ("hip", "shoulder", "head", "hand_near", "knee_near", "ankle_near", "hand_far", "ankle_far")
    return max(candidates, key=lambda name: math.dist(start.points[name], end.points[name]))


def _twist_marker(body: Body) -> str:
    """A ring arrow around the trunk, the sign for turning it: drawn for every exercise tagged with rotation,
    which a side view cannot otherwise show."""
    waist, shoulder = body.points["waist"], body.points["shoulder"]
    length = math.dist(waist, shoulder)
    ux, uy = (shoulder[0] - waist[0]) / length, (shoulder[1] - waist[1]) / length
    centre = ((waist[0] + shoulder[0]) / 2, (waist[1] + shoulder[1]) / 2)
    ring = [
        (
            centre[0] + uy * 24 * math.cos(t) + ux * 8 * math.sin(t),
            centre[1] - ux * 24 * math.cos(t) + uy * 8 * math.sin(t),
        )
        for t in (math.pi * (0.1 + 1.6 * step / 24) for step in range(25))
    ]
    tip, previous = ring[-1], ring[-3]
    dx, dy = tip[0] - previous[0], tip[1] - previous[1]
    norm = math.hypot(dx, dy) or 1
    dx, dy = dx / norm, dy / norm
    head = [
        (tip[0] - dx * 9 - dy * 5.5, tip[1] - dy * 9 + dx * 5.5),
        tip,
        (tip[0] - dx * 9 + dy * 5.5, tip[1] - dy * 9 - dx * 5.5),
    ]
    return f'<path class="arrow" d="{_polyline(ring)}"/><path class="arrow-head" d="{_polyline(head)} Z"/>'


def _impact_marks(body: Body) -> str:
    """Short strokes either side of each foot it lands on (the floor, or a box): the sign of a landing,
    for moderate or high impact."""
    marks, surface = [], body.lowest()
    for side in pose_model.SIDES:
        heel, toe = body.points[f"heel_{side}"], body.points[f"toe_{side}"]
        if min(heel[1], toe[1]) > surface + 1:
            continue
        back, front, y = min(heel[0], toe[0]), max(heel[0], toe[0]), surface
        marks += [
            _polyline([(back - 4, y + 2), (back - 13, y + 9)]),
            _polyline([(back - 6, y + 0.5), (back - 16, y + 1)]),
            _polyline([(front + 4, y + 2), (front + 13, y + 9)]),
            _polyline([(front + 6, y + 0.5), (front + 16, y + 1)]),
        ]
    return "".join(f'<path class="impact" d="{mark}"/>' for mark in marks)


def _tag_signs(exercise_id: str, key: Body, landing: Body) -> str:
    """What a side view cannot show but the tags say: turning the trunk, and landing with impact."""
    from lib.catalog import default_catalog

    exercise = default_catalog().exercise(exercise_id)
    signs = _twist_marker(key) if exercise["rotation"] != "none" else ""
    return signs + (_impact_marks(landing) if exercise["impact"] in IMPACT_MARKED else "")


def _arrow(start: tuple[float, float], end: tuple[float, float], both_ways: bool) -> str:
    """A curved arrow beside the path of the moving landmark, with a head (two for there and back)."""
    length = math.dist(start, end)
    if length < 4:
        return ""
    ux, uy = (end[0] - start[0]) / length, (end[1] - start[1]) / length
    side = (uy, -ux)  # bow the arrow to one side so it does not sit on the limb
    offset = 14
    a = (start[0] + side[0] * offset + ux * 4, start[1] + side[1] * offset + uy * 4)
    b = (end[0] + side[0] * offset - ux * 4, end[1] + side[1] * offset - uy * 4)
    bow = (a[0] / 2 + b[0] / 2 + side[0] * length * 0.18, a[1] / 2 + b[1] / 2 + side[1] * length * 0.18)

    def head(tip, previous):
        dx, dy = tip[0] - previous[0], tip[1] - previous[1]
        norm = math.hypot(dx, dy) or 1
        dx, dy = dx / norm, dy / norm
        left = (tip[0] - dx * 9 - dy * 5.5, tip[1] - dy * 9 + dx * 5.5)
        right = (tip[0] - dx * 9 + dy * 5.5, tip[1] - dy * 9 - dx * 5.5)
        return f'<path class="arrow-head" d="{_polyline([left, tip, right])} Z"/>'

    heads = head(b, bow) + (head(a, bow) if both_ways and length >= TWO_HEADS_CM else "")
    return f'<path class="arrow" d="M{_pt(a)} Q{_pt(bow)} {_pt(b)}"/>' + heads


# --- Layout ---------------------------------------------------------------------------------------


def _extent(bodies: Iterable[Body], pose: dict, aspect: float | None = ASPECT) -> tuple[float, float, float, float]:
    """min x, min y, max x, max y of every frame and prop, padded, widened to the tile's aspect.

    aspect=None keeps the drawing's own shape, within STRIP_ASPECTS (print strips: the most figure per mm).
    """
    xs, ys = [0.0], [0.0]
    for body in bodies:
        for x, y in body.points.values():
            xs.append(x)
            ys.append(y)
        head = body.points["head"]
        xs += [head[0] - HEAD_R, head[0] + HEAD_R]
        ys += [head[1] + HEAD_R]
        for prop in pose.get("props", []):
            if prop["kind"] == "barbell":
                hx, hy = body.points[prop.get("at", "hand_near")]
                xs += [hx - PLATE_R, hx + PLATE_R]
                ys += [hy + PLATE_R, hy - PLATE_R]
    for prop in pose.get("props", []):
        if prop["kind"] in FIXED_PROPS:
            x, y = prop_origin(prop, pose)
            reach_x = {
                "chair": CHAIR_DEPTH,
                "counter": COUNTER_DEPTH,
                "bench": BENCH_LENGTH / 2,
                "step": STEP_DEPTH / 2,
                "box": BOX_DEPTH / 2,
                "wall": 12,
                "bar": 30,
                "mat": MAT_LENGTH / 2,
                "cable": CABLE_COLUMN_W / 2,
            }[prop["kind"]]
            xs += [x - reach_x, x + reach_x]
            tops = {
                "chair": CHAIR_BACK,
                "counter": COUNTER_HEIGHT,
                "wall": prop.get("size", WALL_HEIGHT),
                "bar": prop.get("size", BAR_HEIGHT) + 25,
                "cable": max(y or 180, 60) + 25,
            }
            ys.append(min(tops.get(prop["kind"], 0), 215))
    left, right, bottom, top = min(xs) - PAD_CM, max(xs) + PAD_CM, min(ys) - PAD_CM / 2, max(ys) + PAD_CM
    width, height = right - left, top - bottom
    if aspect is None:
        aspect = min(max(width / height, STRIP_ASPECTS[0]), STRIP_ASPECTS[1])
    if width / height < aspect:
        grow = height * aspect - width
        left, right = left - grow / 2, right + grow / 2
    else:
        grow = width / aspect - height
        top += grow * 0.7
        bottom -= grow * 0.3
    return left, bottom, right, top


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
.band{{{LINE};stroke:{BAND};stroke-width:3;stroke-dasharray:6 3}}
.towel{{{LINE};stroke:{PROP_LINE};stroke-width:5}}
.dowel{{{LINE};stroke:#8a5a2b;stroke-width:3.5}}
.ghost-line{{{LINE};stroke:{GHOST};stroke-width:{LIMB_W}}}
.ghost-trunk{{{LINE};stroke:{GHOST};stroke-width:{TRUNK_W}}}
.ghost-solid{{fill:{GHOST};stroke:{GHOST};stroke-width:1}}
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
GHOST_CLASS = {"trunk": "ghost-trunk", "head": "ghost-solid", "hand": "ghost-solid"}


def _svg(exercise_id: str, viewbox: tuple[float, float, float, float], body: str, width_px: int) -> str:
    left, bottom, right, top = viewbox
    width, height = right - left, top - bottom
    title, desc = escape(_name(exercise_id)), escape(_positions(exercise_id))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{_fmt(left)} {_fmt(-top)} {_fmt(width)} {_fmt(height)}" '
        f'width="{width_px}" height="{round(width_px * height / width)}" role="img" '
        f'aria-labelledby="{exercise_id}-t {exercise_id}-d">'
        f'<title id="{exercise_id}-t">{title}</title><desc id="{exercise_id}-d">{desc}</desc>'
        f"<style>{STYLE}</style>"
        f'<rect class="tile" x="{_fmt(left)}" y="{_fmt(-top)}" width="{_fmt(width)}" height="{_fmt(height)}" rx="{_fmt(width * 0.04)}"/>'
        f'<path class="ground" d="M{_fmt(left)} 0 H{_fmt(right)}"/>{body}</svg>'
    )


def _name(exercise_id: str) -> str:
    from lib.catalog import default_catalog

    return default_catalog().exercise(exercise_id)["name"]


def _positions(exercise_id: str) -> str:
    pose = pose_model.default_poses()[exercise_id]
    says = [pose["frames"][name]["say"] for name in pose_model.frame_names(pose)]
    route = ", through ".join(says[:-1]) if len(says) > 2 else says[0]
    if len(says) > 2:
        return f"Starts {says[0]}, moves through {says[1]}, to {says[2]}; then back."
    return f"Starts {route}, moves to {says[-1]}; then back."


def drawing_alt(exercise_id: str, named: bool = True) -> str:
    """The drawing's text alternative: the exercise's name and its start and end positions.

    named=False leaves the name out, for a quiz that asks the reader to name the exercise.
    """
    return f"Drawing of {_name(exercise_id) if named else 'an exercise'}. {_positions(exercise_id)}"


def _group(parts: list[tuple[str, str]], ghost: bool = False) -> str:
    def css(cls: str) -> str:
        return GHOST_CLASS.get(cls, "ghost-line") if ghost else cls

    return "<g>" + "".join(f'<path class="{css(cls)}" d="{d}"/>' for cls, d in parts) + "</g>"


def _fixed_props(pose: dict) -> str:
    paths = [
        path
        for prop in pose.get("props", [])
        if prop["kind"] in FIXED_PROPS
        for path in _fixed_prop_shapes(prop, pose)[0]
    ]
    return "".join(f'<path class="prop" d="{path}"/>' for path in paths)


def _sites(exercise_id: str) -> list[str]:
    from lib.catalog import default_catalog

    return default_catalog().exercise(exercise_id)["sites"]


def _eased(share: float) -> float:
    return (1 - math.cos(math.pi * share)) / 2


def _moving_bodies(pose: dict) -> list[Body]:
    """Bodies sampled start -> (middle) -> end -> back, angles interpolated so limbs keep their length."""
    names = pose_model.frame_names(pose)
    route = names + names[-2::-1]
    keyframes = [(pose_model.frame_angles(pose, name), pose["frames"][name]) for name in route]
    bodies = []
    for (angles_a, frame_a), (angles_b, frame_b) in zip(keyframes, keyframes[1:]):
        bodies += [
            pose_model.posed_body(pose, angles_a, frame_a.get("lift", 0), frame_a.get("shift", 0))
        ] * HOLD_SAMPLES
        for step in range(SAMPLES_PER_MOVE):
            t = _eased(step / SAMPLES_PER_MOVE)
            angles = {joint: angles_a[joint] + (angles_b[joint] - angles_a[joint]) * t for joint in angles_a}
            lift = frame_a.get("lift", 0) + (frame_b.get("lift", 0) - frame_a.get("lift", 0)) * t
            shift = frame_a.get("shift", 0) + (frame_b.get("shift", 0) - frame_a.get("shift", 0)) * t
            bodies.append(pose_model.posed_body(pose, angles, lift, shift))
    return bodies + [bodies[0]]


def _animated(pose: dict, bodies: list[Body]) -> str:
    samples = [_body_parts(body, pose) for body in bodies]
    duration = SECONDS_PER_MOVE * (len(pose_model.frame_names(pose)) - 1) * 2
    paths = []
    for index, (cls, first) in enumerate(samples[0]):
        values = ";".join(sample[index][1] for sample in samples)
        paths.append(
            f'<path class="{cls}" d="{first}"><animate attributeName="d" dur="{duration:g}s" '
            f'repeatCount="indefinite" values="{values}"/></path>'
        )
    return '<g class="moving">' + "".join(paths) + "</g>"


@cache
def exercise_svg(exercise_id: str, animated: bool = False, highlight: bool = False, width_px: int = 240) -> str:
    """The exercise drawn as SVG text: a still picture, or (animated=True) the movement there and back.

    The still shows the start position as a pale ghost, the end position solid and an arrow along the
    movement; the animated version falls back to that still when the reader prefers reduced motion.
    highlight=True marks and names the loaded skeletal sites (data/exercises.yaml `sites`).
    """
    pose = pose_model.default_poses()[exercise_id]
    names = pose_model.frame_names(pose)
    frames = [pose_model.frame_body(pose, name) for name in names]
    key = frames[names.index(pose.get("key", "end"))]
    start, end = frames[0], frames[-1]
    landmark = _arrow_landmark(pose, start, end)
    extent_bodies = _moving_bodies(pose) if animated else frames
    ghosts = "".join(_group(_body_parts(body, pose), ghost=True) for body in frames if body is not key)
    signs = _tag_signs(exercise_id, key, end)
    still = (
        ghosts + _group(_body_parts(key, pose)) + _arrow(start.points[landmark], end.points[landmark], False) + signs
    )
    extent = _extent(extent_bodies, pose)
    label_cm = (extent[3] - extent[1]) * LABEL_SHARE
    marks = "".join(_highlight_parts(key, _sites(exercise_id), label_cm)) if highlight else ""
    if animated:
        picture = (
            _animated(pose, extent_bodies)
            + f'<g class="still">{still}</g>'
            + f'<g class="moving" opacity=".8">{_arrow(start.points[landmark], end.points[landmark], True)}{signs}</g>'
        )
    else:
        picture = still
    return _svg(exercise_id, extent, _fixed_props(pose) + picture + marks, width_px)


def _chevron(x: float, y: float) -> str:
    return f'<path class="arrow" d="{_polyline([(x - 6, y + 12), (x + 6, y), (x - 6, y - 12)])}"/>'


@cache
def exercise_strip_svg(exercise_id: str, width_px: int = 480) -> str:
    """Two or three frames side by side (start, middle, end), same scale, for handouts and print.

    No text inside (the PDF writer's SVG support has none); the reader's caption names the frames.
    """
    pose = pose_model.default_poses()[exercise_id]
    frames = [pose_model.frame_body(pose, name) for name in pose_model.frame_names(pose)]
    left, bottom, right, top = _extent(frames, pose, aspect=None)
    cell = right - left
    gap = 0.0
    cells = []
    for index, body in enumerate(frames):
        dx = index * (cell + gap)
        content = _fixed_props(pose) + _group(_body_parts(body, pose))
        if index:
            content += _chevron(left - 2, (top + bottom) / 2)
        cells.append(f'<g transform="translate({_fmt(dx)} 0)">{content}</g>')
    extent = (left, bottom, left + cell * len(frames) + gap * (len(frames) - 1), top)
    return _svg(exercise_id, extent, "".join(cells), width_px)
