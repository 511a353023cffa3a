"""Props drawn to scale beside or in the hands of the figure: fixed ones (chair, wall, counter, rack, ...)
and held ones (weights, bands, towel, dowel, rope), and how far a point is from a fixed prop's surface.

A bar that runs across the body (a barbell on the back, a chin-up bar) points at the viewer in a side
view and would shrink to a dot, which readers could not name. So it is drawn turned toward the viewer:
its length shows level across the picture, shortened by ACROSS_SHARE, with the plates on it nearly
edge-on and the uprights of a rack or a chin-up frame at its ends. Its near half (on the figure's back
side of the picture) is drawn over the figure, its far half behind it.
"""

from __future__ import annotations

import math

from lib import poses as pose_model
from lib.drawings.svg import TRUNK_W, circle, distance_to_segment, ellipse, polyline, pt, rect
from lib.poses import Body

# Props, to scale (cm): common household and gym sizes.
CHAIR_SEAT, CHAIR_BACK, CHAIR_DEPTH = 45, 88, 42
COUNTER_HEIGHT, COUNTER_DEPTH, COUNTER_LIP = 90, 55, 5  # a kitchen worktop overhangs its cupboard
BENCH_HEIGHT, BENCH_LENGTH = 42, 110
STEP_HEIGHT, STEP_DEPTH = 18, 36
BOX_HEIGHT, BOX_DEPTH = 30, 45
WALL_HEIGHT = 200
TALL_CUT = 215  # a wall or a cable column shows up to this height, so the figure keeps the tile
BAR_HEIGHT = 225
RAIL_MAX = 150  # a bar lower than this is a hand rail; higher, a chin-up bar on a frame
CHIN_UP_BAR_LENGTH = 120
ACROSS_SHARE = 0.8  # a bar across the body, turned toward the viewer: its length shown, times this
PLATE_EDGE_SHARE = math.sqrt(1 - ACROSS_SHARE**2)  # a plate turned with the bar: its width shown, times this
BARBELL_LENGTH, PLATE_FROM_MIDDLE = 220, 70  # an Olympic bar; a plate's middle from the bar's middle
RACK_WIDTH, RACK_HEIGHT = 120, 210  # a squat rack's uprights (outside to outside) and their height
HOOK_CM = 8  # a rack's J-hook, under the bar's starting height
UPRIGHT_W, FOOT_CM = 6, 40  # a rack's or a chin-up frame's post, and the foot it stands on
MAT_LENGTH = 180
PLATE_R = 22.5  # a standard 45 cm barbell plate
BAR_ON_BACK_CM = 8  # a back squat's bar rests on the upper back, behind the shoulder joint
DUMBBELL_R = 8
KETTLEBELL_R = 11
DOWEL_OFFSET = TRUNK_W / 2 + 3  # resting on the back of the head, the upper back and the sacrum
TOWEL_ROLL_R = 7
CABLE_COLUMN_W = 20
LINES = ("band", "towel", "cable")  # held at one end
FIXED_PROPS = ("chair", "wall", "counter", "step", "box", "bench", "bar", "mat", "cable", "rack")
BEHIND, IN_FRONT = "behind", "in front"  # where a held prop's part is drawn: behind the figure, or over it


def prop_origin(prop: dict, pose: dict) -> tuple[float, float]:
    """Where a fixed prop stands: at x (cm), or by a landmark of one frame plus x.

    A band, towel or cable is held `at` a landmark; its other end is `to` a landmark or fixed at (x, y).
    """
    if "at" in prop and prop["kind"] not in LINES:
        body = pose_model.frame_body(pose, prop.get("frame", "start"))
        x, y = body.points[prop["at"]]
        return x + prop.get("x", 0), y + prop.get("y", 0)
    return prop.get("x", 0), prop.get("y", 0)


def fixed_prop_shapes(prop: dict, pose: dict) -> tuple[list[str], list[tuple]]:
    """SVG paths of a fixed prop, and the surfaces a hand can hold (for the reach check)."""
    x, y = prop_origin(prop, pose)
    toward = -1 if prop.get("flip") else 1  # which way the prop extends from its origin
    kind = prop["kind"]
    if kind == "chair":
        seat_far = x + toward * CHAIR_DEPTH
        paths = [
            polyline([(x, 0), (x, CHAIR_BACK)]),
            polyline([(x, CHAIR_SEAT), (seat_far, CHAIR_SEAT), (seat_far, 0)]),
        ]
        return paths, [((x, CHAIR_BACK), (x, CHAIR_BACK - 8)), ((x, CHAIR_SEAT), (seat_far, CHAIR_SEAT))]
    if kind == "counter":
        far = x + toward * COUNTER_DEPTH
        top = rect(min(x, far) - (COUNTER_LIP if toward > 0 else 0), COUNTER_HEIGHT - 5, COUNTER_DEPTH + COUNTER_LIP, 5)
        return [rect(min(x, far), 0, COUNTER_DEPTH, COUNTER_HEIGHT - 5), top], [
            ((x, COUNTER_HEIGHT), (far, COUNTER_HEIGHT))
        ]
    if kind == "wall" and pose.get("view") == "front":  # seen face on: the wall is the backdrop
        return [rect(x - 55, 0, 110, prop.get("size", WALL_HEIGHT))], []
    if kind == "wall":
        height = prop.get("size", WALL_HEIGHT)
        return [rect(x - (12 if toward > 0 else 0), 0, 12, height)], [((x if toward < 0 else x, 0), (x, height))]
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
                polyline([(x - depth / 2 + 10, 0), (x - depth / 2 + 10, height)])
                + " "
                + polyline([(x + depth / 2 - 10, 0), (x + depth / 2 - 10, height)])
            )
            return [legs, rect(x - depth / 2, height - 6, depth, 6)], [top]
        return [rect(x - depth / 2, 0, depth, height)], [top]
    if kind == "bar" and _bar_height(prop, y) < RAIL_MAX:  # a hand rail on a post, seen end-on
        height = _bar_height(prop, y)
        return [polyline([(x, 0), (x, height)]), circle((x, height), 4)], [((x, height), (x, height))]
    if kind == "bar":  # a chin-up bar across the top of a frame
        height = _bar_height(prop, y)
        half = CHIN_UP_BAR_LENGTH / 2 * ACROSS_SHARE
        bar = ((x - half, height), (x + half, height))
        return _frame(x, half, height) + [rect(x - half, height - 2, 2 * half, 4)], [bar]
    if kind == "rack":  # a squat rack: two uprights at the bar's ends, a J-hook on each at the bar's height
        half = RACK_WIDTH / 2 * ACROSS_SHARE
        hooks = [
            polyline([(post + UPRIGHT_W / 2 * side, y - HOOK_CM), (post + 7 * side, y - HOOK_CM), (post + 7 * side, y)])
            for post, side in ((x - half, -1), (x + half, 1))
        ]
        return _frame(x, half, RACK_HEIGHT) + hooks, []
    if kind == "mat":
        return [rect(x - MAT_LENGTH / 2, 0, MAT_LENGTH, 1.5)], []
    if kind == "cable":
        top = y or 180
        return [rect(x - CABLE_COLUMN_W / 2, 0, CABLE_COLUMN_W, max(top, 60) + 25), circle((x, y), 4)], []
    raise ValueError(f"not a fixed prop: {kind}")


def _bar_height(prop: dict, y: float) -> float:
    """A bar's height: its size, else the height of the landmark it is placed at (the hand that grips it)."""
    return prop.get("size", y if "at" in prop else BAR_HEIGHT)


def _frame(x: float, half: float, height: float) -> list[str]:
    """Two uprights on their feet, `half` either side of x, up to `height`: a rack's or a chin-up frame's."""
    return [
        rect(post - FOOT_CM / 2, 0, FOOT_CM, 3) + " " + rect(post - UPRIGHT_W / 2, 0, UPRIGHT_W, height)
        for post in (x - half, x + half)
    ]


def reach(prop: dict, point: tuple[float, float], pose: dict) -> float:
    """Distance (cm) from a point to the nearest holdable surface of a fixed prop."""
    surfaces = fixed_prop_shapes(prop, pose)[1]
    return min((distance_to_segment(point, *surface) for surface in surfaces), default=math.inf)


def bar_on_back(body: Body) -> tuple[float, float]:
    """Where a bar across the upper back rests: behind the shoulder joint, at its height when upright."""
    waist, shoulder = body.points["waist"], body.points["shoulder"]
    length = math.dist(waist, shoulder)
    ux, uy = (shoulder[0] - waist[0]) / length, (shoulder[1] - waist[1]) / length
    return shoulder[0] - uy * BAR_ON_BACK_CM, shoulder[1] + ux * BAR_ON_BACK_CM


def barbell_across(middle: tuple[float, float]) -> list[tuple[str, str, str]]:
    """A barbell across the body, turned toward the viewer (module docstring): each half and its plate."""
    x, y = middle
    parts = []
    for layer, side in ((BEHIND, 1), (IN_FRONT, -1)):  # the far half shows ahead of the figure
        end, plate = x + side * BARBELL_LENGTH / 2 * ACROSS_SHARE, x + side * PLATE_FROM_MIDDLE * ACROSS_SHARE
        parts += [
            (layer, "bar", polyline([(x, y), (end, y)])),
            (layer, "weight", ellipse((plate, y), PLATE_R * PLATE_EDGE_SHARE, PLATE_R)),
        ]
    return parts


def held_prop_parts(prop: dict, body: Body, pose: dict) -> list[tuple[str, str, str]]:
    """(layer, css class, path) of each part of a prop that moves with the body: weights, bands, towel,
    dowel, rope. The layer is BEHIND the figure or IN_FRONT of it."""
    if prop["kind"] == "barbell" and prop.get("at") == "shoulder":
        return barbell_across(bar_on_back(body))
    return [(IN_FRONT, *_held_prop_path(prop, body, pose))]


def _held_prop_path(prop: dict, body: Body, pose: dict) -> tuple[str, str]:
    """(css class, path) of a held prop drawn as one shape."""
    kind, point = prop["kind"], body.points[prop.get("at", "hand_near")]
    if kind == "dumbbell":
        return "weight", circle(point, DUMBBELL_R) + " " + circle(point, 2.5)
    if kind == "kettlebell":
        (x, y), ball_y = point, point[1] - KETTLEBELL_R - 4  # the bell hangs below the handle in the hand
        handle = polyline([(x - 5, ball_y + 8), (x - 4, y + 3), (x + 4, y + 3), (x + 5, ball_y + 8)])
        return "weight", circle((x, ball_y), KETTLEBELL_R) + " " + handle
    if kind == "barbell":  # held in the hands: seen end-on, the plate's disc
        return "weight", circle(point, PLATE_R) + " " + circle(point, 3)
    if kind == "towel" and "to" not in prop:  # rolled up under the body
        x, y = point
        return "weight", circle(
            (x, y - pose_model.CLEARANCE_CM.get(prop.get("at", "").split("_")[0], 0) + TOWEL_ROLL_R), TOWEL_ROLL_R
        )
    if kind in ("band", "towel", "cable"):
        if "to" in prop:  # the other end on the body, moved by x and y (a band around the back)
            tx, ty = body.points[prop["to"]]
            end = (tx + prop.get("x", 0), ty + prop.get("y", 0))
        else:
            end = prop_origin(prop, pose)
        return ("band" if kind != "towel" else "towel"), polyline([point, end])
    if kind == "dowel":
        hip, head = body.points["hip"], body.points["head"]
        length = math.dist(hip, head)
        ux, uy = (head[0] - hip[0]) / length, (head[1] - hip[1]) / length
        back = (-uy * DOWEL_OFFSET, ux * DOWEL_OFFSET)  # the figure faces +x, so its back is this side
        ends = [
            (hip[0] - ux * 12 + back[0], hip[1] - uy * 12 + back[1]),
            (head[0] + ux * 14 + back[0], head[1] + uy * 14 + back[1]),
        ]
        return "dowel", polyline(ends)
    if kind == "rope":
        feet_x = body.points["toe_near"][0]
        ground = body.lowest() - 2
        return "band", (
            f"M{pt(point)} C{pt((point[0] + 55, point[1]))} {pt((feet_x + 45, ground))} {pt((feet_x, ground))}"
            f" C{pt((feet_x - 60, ground))} {pt((point[0] - 60, point[1] - 10))} {pt(body.points['hand_far'])}"
        )
    raise ValueError(f"not a held prop: {kind}")


def fixed_props(pose: dict) -> str:
    paths = [
        path
        for prop in pose.get("props", [])
        if prop["kind"] in FIXED_PROPS
        for path in fixed_prop_shapes(prop, pose)[0]
    ]
    return "".join(f'<path class="prop" d="{path}"/>' for path in paths)


def fixed_prop_extent(prop: dict, pose: dict) -> tuple[list[float], list[float]]:
    """The x and y values a fixed prop reaches, for framing the picture (a wall or a cable column is cut)."""
    x, y = prop_origin(prop, pose)
    reach_x = {
        "chair": CHAIR_DEPTH,
        "counter": COUNTER_DEPTH,
        "bench": BENCH_LENGTH / 2,
        "step": STEP_DEPTH / 2,
        "box": BOX_DEPTH / 2,
        "wall": 12,
        "bar": 30 if _bar_height(prop, y) < RAIL_MAX else CHIN_UP_BAR_LENGTH / 2 * ACROSS_SHARE + FOOT_CM / 2,
        "rack": RACK_WIDTH / 2 * ACROSS_SHARE + FOOT_CM / 2,
        "mat": MAT_LENGTH / 2,
        "cable": CABLE_COLUMN_W / 2,
    }[prop["kind"]]
    tops = {
        "chair": CHAIR_BACK,
        "counter": COUNTER_HEIGHT,
        "wall": prop.get("size", WALL_HEIGHT),
        "bar": _bar_height(prop, y) + 25,
        "rack": RACK_HEIGHT,
        "cable": max(y or 180, 60) + 25,
    }
    top = tops.get(prop["kind"], 0)
    return [x - reach_x, x + reach_x], [min(top, TALL_CUT) if prop["kind"] in ("wall", "cable") else top]


def held_prop_extent(prop: dict, body: Body) -> tuple[list[float], list[float]]:
    """The x and y values a held barbell reaches (its plates are the widest held props), for framing."""
    if prop["kind"] != "barbell":
        return [], []
    if prop.get("at") == "shoulder":
        x, y = bar_on_back(body)
        half = BARBELL_LENGTH / 2 * ACROSS_SHARE
        return [x - half, x + half], [y - PLATE_R, y + PLATE_R]
    x, y = body.points[prop.get("at", "hand_near")]
    return [x - PLATE_R, x + PLATE_R], [y - PLATE_R, y + PLATE_R]
