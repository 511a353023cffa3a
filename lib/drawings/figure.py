"""The figure and the signs drawn on it: limbs, trunk and head as paths, held props in its hands, the
loaded sites marked, the movement arrow, and what a side view cannot show (a twist, a landing)."""

from __future__ import annotations

import math
from typing import Iterable

from lib import poses as pose_model
from lib.drawings.props import BEHIND, FIXED_PROPS, held_prop_parts
from lib.drawings.svg import HAND_R, HEAD_R, LIMB_W, TRUNK_W, circle, fmt, polyline, pt
from lib.poses import Body

LABEL_SHARE = 0.075  # a site's name, as a share of the tile's height: the same size on every tile
SITE_LABELS = {"spine": "spine", "hip": "hip", "wrist-forearm": "wrist"}
IMPACT_MARKED = ("moderate", "high")  # impact tags drawn with landing strokes under the feet
TWO_HEADS_CM = 30  # a shorter arrow keeps one head: two would meet in a blot
HEEL_DROP_LINES = ((-5, 22), (-12, 14))  # cm behind the heel, and length: the lines above a dropped heel


def body_parts(body: Body, pose: dict) -> list[tuple[str, str]]:
    """(css class, path) for one frame, drawn back to front; the same shapes in the same order for every frame.

    In a side view the far arm and leg are a lighter tone behind the body; in a front view both sides are near.
    """
    p = body.points
    front = pose.get("view") == "front"
    far = "limb" if front else "far"

    def leg(side):
        return (
            polyline([p.get(f"hip_{side}", p["hip"]), p[f"knee_{side}"], p[f"ankle_{side}"]])
            + " "
            + polyline([p[f"heel_{side}"], p[f"toe_{side}"]])
        )

    def arm(side):
        return polyline(
            [p.get(f"shoulder_{side}", p["shoulder"]), p[f"elbow_{side}"], p[f"wrist_{side}"], p[f"hand_{side}"]]
        )

    held = [
        part
        for prop in pose.get("props", [])
        if prop["kind"] not in FIXED_PROPS or prop["kind"] == "cable"
        for part in held_prop_parts(prop, body, pose)
    ]
    behind = [(cls, path) for layer, cls, path in held if layer == BEHIND]
    lines = [(cls, path) for layer, cls, path in held if layer != BEHIND and cls in ("band", "towel")]
    weights = [(cls, path) for layer, cls, path in held if layer != BEHIND and cls not in ("band", "towel")]
    spine = ("trunk", polyline([p["hip"], p["waist"], p["shoulder"]]))
    if front:  # the spine with the shoulder and hip girdles across it
        trunk = [
            ("limb", polyline([p["shoulder_near"], p["shoulder_far"]])),
            ("limb", polyline([p["hip_near"], p["hip_far"]])),
            spine,
        ]
        nose = circle(p["head"], 0.1)  # no profile to show; kept so every frame has the same shapes
    else:
        trunk = [spine]
        nose = polyline([p["head"], p["nose"]])
    return (
        behind
        + lines
        + [
            (far, arm("far")),
            (far, leg("far")),
            *trunk,
            ("neck", polyline([p["shoulder"], p["chin"]])),
            ("head", circle(p["head"], HEAD_R)),
            ("nose", nose),
            ("limb", leg("near")),
            ("limb", arm("near")),
            ("hand", circle(p["hand_near"], HAND_R)),
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


def highlight_parts(body: Body, sites: Iterable[str], label_cm: float) -> list[str]:
    """A pale halo over each loaded site and its name in words (so the colour is never the only sign)."""
    p, marks = body.points, []
    for site in sites:
        if site == "spine":
            halo = polyline([p["hip"], p["waist"], p["shoulder"]])
            marks.append(f'<path class="site" d="{halo}" stroke-width="{fmt(TRUNK_W + 10)}"/>')
        elif site == "hip":
            marks.append(f'<path class="site-dot" d="{circle(p["hip"], 10)}"/>')
        else:
            halo = polyline([p["elbow_near"], p["wrist_near"]])
            marks.append(f'<path class="site" d="{halo}" stroke-width="{fmt(LIMB_W + 9)}"/>')
        landmark, dx, dy, anchor = SITE_MARKS[site]
        x, y = p[landmark]
        marks.append(
            f'<text class="site-label" x="{fmt(x + dx)}" y="{fmt(-y - dy)}" font-size="{fmt(label_cm)}" '
            f'text-anchor="{anchor}">{SITE_LABELS[site]}</text>'
        )
    return marks


def arrow_landmark(pose: dict, start: Body, end: Body) -> str:
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
    return f'<path class="arrow" d="{polyline(ring)}"/><path class="arrow-head" d="{polyline(head)} Z"/>'


def _impact_marks(landing: Body, before: Body) -> str:
    """Short strokes by each foot that lands (on the floor, or a box): the sign of a landing, for moderate
    or high impact. A whole foot landing gets strokes either side of it; a heel coming down onto a foot
    already on the ground (a heel drop) gets them under the heel, with lines above it for the drop."""
    marks, surface = [], landing.lowest()
    for side in pose_model.SIDES:
        heel, toe = landing.points[f"heel_{side}"], landing.points[f"toe_{side}"]
        if min(heel[1], toe[1]) > surface + 1:
            continue
        back, front, y = min(heel[0], toe[0]), max(heel[0], toe[0]), surface
        marks += [
            polyline([(back - 4, y + 2), (back - 13, y + 9)]),
            polyline([(back - 6, y + 0.5), (back - 16, y + 1)]),
        ]
        if _heel_drop(before, landing, side):
            marks += [
                polyline([(heel[0] + dx, y + 7), (heel[0] + dx, y + 7 + length)]) for dx, length in HEEL_DROP_LINES
            ]
        else:
            marks += [
                polyline([(front + 4, y + 2), (front + 13, y + 9)]),
                polyline([(front + 6, y + 0.5), (front + 16, y + 1)]),
            ]
    return "".join(f'<path class="impact" d="{mark}"/>' for mark in marks)


def _heel_drop(before: Body, landing: Body, side: str) -> bool:
    """The foot's toe was already on the ground, and its heel came down to it."""
    heel_fell = before.points[f"heel_{side}"][1] - landing.points[f"heel_{side}"][1]
    return before.lowest((f"toe_{side}",)) <= 1 and heel_fell >= pose_model.AIRBORNE_CM


def impact(exercise_id: str) -> bool:
    from lib.catalog import default_catalog

    return default_catalog().exercise(exercise_id)["impact"] in IMPACT_MARKED


def landing_signs(exercise_id: str, landing: Body, before: Body) -> str:
    """The landing strokes, if the exercise is tagged with moderate or high impact."""
    return _impact_marks(landing, before) if impact(exercise_id) else ""


def tag_signs(exercise_id: str, key: Body, landing: Body, before: Body) -> str:
    """What a side view cannot show but the tags say: turning the trunk, and landing with impact."""
    from lib.catalog import default_catalog

    twist = _twist_marker(key) if default_catalog().exercise(exercise_id)["rotation"] != "none" else ""
    return twist + landing_signs(exercise_id, landing, before)


def arrow(start: tuple[float, float], end: tuple[float, float], both_ways: bool) -> str:
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
        return f'<path class="arrow-head" d="{polyline([left, tip, right])} Z"/>'

    heads = head(b, bow) + (head(a, bow) if both_ways and length >= TWO_HEADS_CM else "")
    return f'<path class="arrow" d="M{pt(a)} Q{pt(bow)} {pt(b)}"/>' + heads


def sites(exercise_id: str) -> list[str]:
    from lib.catalog import default_catalog

    return default_catalog().exercise(exercise_id)["sites"]
