"""Props drawn to scale beside or in the hands of the figure: fixed ones (chair, wall, counter, ...) and
held ones (weights, bands, towel, dowel, rope), and how far a point is from a fixed prop's surface."""

from __future__ import annotations

import math

from lib import poses as pose_model
from lib.drawings.svg import TRUNK_W, circle, distance_to_segment, polyline, pt, rect
from lib.poses import Body

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
    if kind == "bar":  # a rail on a post (below head height) or a chin-up bar on a wall bracket, seen end-on
        height = prop.get("size", BAR_HEIGHT)
        mount = polyline([(x, 0), (x, height)]) if height < RAIL_MAX else polyline([(x - 45, height), (x, height)])
        return [mount, circle((x, height), 4)], [((x, height), (x, height))]
    if kind == "mat":
        return [rect(x - MAT_LENGTH / 2, 0, MAT_LENGTH, 1.5)], []
    if kind == "cable":
        top = y or 180
        return [rect(x - CABLE_COLUMN_W / 2, 0, CABLE_COLUMN_W, max(top, 60) + 25), circle((x, y), 4)], []
    raise ValueError(f"not a fixed prop: {kind}")


def reach(prop: dict, point: tuple[float, float], pose: dict) -> float:
    """Distance (cm) from a point to the nearest holdable surface of a fixed prop."""
    surfaces = fixed_prop_shapes(prop, pose)[1]
    return min((distance_to_segment(point, *surface) for surface in surfaces), default=math.inf)


def held_prop_path(prop: dict, body: Body, pose: dict) -> tuple[str, str]:
    """(css class, path) of a prop that moves with the body: weights, bands, towel, dowel, rope."""
    kind, point = prop["kind"], body.points[prop.get("at", "hand_near")]
    if kind == "dumbbell":
        return "weight", circle(point, DUMBBELL_R) + " " + circle(point, 2.5)
    if kind == "kettlebell":
        (x, y), ball_y = point, point[1] - KETTLEBELL_R - 4  # the bell hangs below the handle in the hand
        handle = polyline([(x - 5, ball_y + 8), (x - 4, y + 3), (x + 4, y + 3), (x + 5, ball_y + 8)])
        return "weight", circle((x, ball_y), KETTLEBELL_R) + " " + handle
    if kind == "barbell" and prop.get("at") == "shoulder":  # across the upper back, behind the neck
        waist, shoulder = body.points["waist"], body.points["shoulder"]
        length = math.dist(waist, shoulder)
        ux, uy = (shoulder[0] - waist[0]) / length, (shoulder[1] - waist[1]) / length
        bar = (shoulder[0] - uy * BAR_ON_BACK_CM, shoulder[1] + ux * BAR_ON_BACK_CM)
        return "plate-behind", circle(bar, PLATE_R) + " " + circle(bar, 3)
    if kind == "barbell":
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
    """The x and y values a fixed prop reaches, for framing the picture (tall props are cut at 215 cm)."""
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
    tops = {
        "chair": CHAIR_BACK,
        "counter": COUNTER_HEIGHT,
        "wall": prop.get("size", WALL_HEIGHT),
        "bar": prop.get("size", BAR_HEIGHT) + 25,
        "cable": max(y or 180, 60) + 25,
    }
    return [x - reach_x, x + reach_x], [min(tops.get(prop["kind"], 0), 215)]
