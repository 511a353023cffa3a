"""Exercise poses: joint angles per frame, turned into body landmarks, and checked against the safety tags.

A pose (data/poses.yaml, one per exercise id) gives a start and an end frame, optionally a middle one,
as joint angles in degrees, plus the props the exercise uses. forward_kinematics() turns a frame into
landmark positions in centimetres (x forward, y up, ground at y = 0) for a figure 170 cm tall whose
segment lengths are Winter's fractions of body height (Winter DA, Biomechanics and Motor Control of
Human Movement, 4th ed., 2009, Figure 4.1, after Drillis and Contini); see data/references.yaml
(`winter2009`).

agreement_problems() is why the drawings cannot lie: it compares a pose with its exercise's tags
(spinal flexion, pattern, impact, support) and says where they disagree. lib/drawings/ draws.

Angles (side view, figure facing right, positive = the usual anatomical direction):
  pelvis   lower trunk from vertical: + leans forward, -90 lies on the back, +90 lies face down
  spine    upper trunk on lower trunk: + flexion (rounding), - extension
  neck     head on upper trunk: + chin down
  hip      thigh on trunk: + flexion (thigh forward), - extension
  knee     + flexion;  ankle: + dorsiflexion (toes up), - plantarflexion (on the toes)
  shoulder arm on trunk: 0 hanging, 90 forward, 180 overhead;  elbow: + flexion
Limb angles are one number (both sides) or [near, far]. In a front view (`view: front`, for sideways
movements) pelvis and spine tilt sideways, hip and shoulder are abduction, and near is the figure's right.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterable

from lib.validation import DataError, load_validated

HEIGHT_CM = 170.0
# Winter (2009) Figure 4.1: segment lengths as fractions of body height H.
SEGMENT = {
    "trunk": 0.818 - 0.530,  # hip (greater trochanter) to shoulder
    "neck": 0.870 - 0.818,  # shoulder to chin
    "head": 0.130,  # chin to crown
    "thigh": 0.530 - 0.285,
    "shank": 0.285 - 0.039,
    "ankle_height": 0.039,
    "foot": 0.152,
    "upper_arm": 0.186,
    "forearm": 0.146,
    "hand": 0.108,
    "shoulder_width": 0.259,
    "hip_width": 0.191,
}
LUMBAR_SHARE = 0.42  # of the trunk's length below the bend the drawing puts in the spine
HEEL_BEHIND_ANKLE = 0.2  # of foot length
SIDES = ("near", "far")
# cm from a joint centre to the skin below it, for a body lying or kneeling on the floor (adult averages,
# rounded; the drawing's strokes are thinner than these, so nothing is drawn below the ground).
CLEARANCE_CM = {
    "hip": 9,
    "waist": 9,
    "shoulder": 7,
    "chin": 4,
    "head": 11,
    "knee": 5,
    "ankle": 4,
    "elbow": 4,
    "wrist": 3,
    "hand": 2,
}
LIMB_JOINTS = ("hip", "knee", "ankle", "shoulder", "elbow")
TRUNK_JOINTS = ("pelvis", "spine", "neck")
NEUTRAL = {joint: 0.0 for joint in TRUNK_JOINTS} | {f"{joint}_{side}": 0.0 for joint in LIMB_JOINTS for side in SIDES}

# Agreement thresholds, in degrees or centimetres.
NEUTRAL_SPINE_DEG = 10  # "within a few degrees of neutral"
SHOWN_FLEXION_DEG = 30  # loaded flexion is plainly visible
END_RANGE_FLEXION_DEG = 45
HINGE_MIN_DEG = 30  # a hinge visibly folds at the hip
REACH_CM = 10  # a supporting hand touches its support
AIRBORNE_CM = 3  # a foot or heel visibly off the ground
# The exercise's own words that promise support: in its name, or in its summary ("steady with support"
# in a summary describes the client, not the exercise).
SUPPORT_IN_NAME = re.compile(r"\bsupported\b|\bwith support\b|\bhand on a\b", re.IGNORECASE)
SUPPORT_IN_SUMMARY = re.compile(r"\bsupported\b|\bhand on a\b|\bholding a counter\b", re.IGNORECASE)
SUPPORTED_PARTS = ("hand_near", "hand_far", "knee_near", "knee_far", "hip")  # what rests on a support


def _direction(angle_deg: float) -> tuple[float, float]:
    """Unit vector for an angle measured clockwise from straight up (so 90 points forward, +x)."""
    radians = math.radians(angle_deg)
    return math.sin(radians), math.cos(radians)


def _step(point: tuple[float, float], angle_deg: float, length_fraction: float) -> tuple[float, float]:
    dx, dy = _direction(angle_deg)
    length = length_fraction * HEIGHT_CM
    return point[0] + dx * length, point[1] + dy * length


def frame_angles(pose: dict, frame_name: str) -> dict[str, float]:
    """A frame's angles with limb values split per side; later frames inherit from the start."""
    merged: dict[str, float] = dict(NEUTRAL)
    for name in ("start", frame_name):
        for joint, value in pose["frames"][name].items():
            if joint in TRUNK_JOINTS:
                merged[joint] = float(value)
            elif joint in LIMB_JOINTS:
                near, far = (value, value) if isinstance(value, (int, float)) else value
                merged[f"{joint}_near"], merged[f"{joint}_far"] = float(near), float(far)
    return merged


@dataclass(frozen=True)
class Body:
    """Landmark positions (cm) of one frame, before it is set on the ground."""

    points: dict[str, tuple[float, float]]

    def moved(self, dx: float, dy: float) -> Body:
        return Body({name: (x + dx, y + dy) for name, (x, y) in self.points.items()})

    def lowest(self, names: Iterable[str] | None = None) -> float:
        """The lowest skin point: joint centres sit a body's thickness above whatever they rest on."""
        return min(self.points[name][1] - CLEARANCE_CM.get(name.split("_")[0], 0) for name in (names or self.points))


def _trunk_and_head(angles: dict[str, float]) -> tuple[float, float, dict[str, tuple[float, float]]]:
    """The lower and upper trunk's angles, and the landmarks from the hip (at the origin) to the nose."""
    lower = angles["pelvis"]
    upper = lower + angles["spine"]
    points = {"hip": (0.0, 0.0)}
    points["waist"] = _step(points["hip"], lower, SEGMENT["trunk"] * LUMBAR_SHARE)
    points["shoulder"] = _step(points["waist"], upper, SEGMENT["trunk"] * (1 - LUMBAR_SHARE))
    head = upper + angles["neck"]
    points["chin"] = _step(points["shoulder"], head, SEGMENT["neck"])
    points["head"] = _step(points["chin"], head, SEGMENT["head"] / 2)
    points["nose"] = _step(points["head"], head + 90, SEGMENT["head"] / 2)
    return lower, upper, points


def _side_view(angles: dict[str, float]) -> dict[str, tuple[float, float]]:
    lower, upper, points = _trunk_and_head(angles)
    for side in SIDES:
        thigh = lower + 180 - angles[f"hip_{side}"]
        shank = thigh + angles[f"knee_{side}"]
        foot = shank - 90 - angles[f"ankle_{side}"]
        points[f"knee_{side}"] = _step(points["hip"], thigh, SEGMENT["thigh"])
        points[f"ankle_{side}"] = _step(points[f"knee_{side}"], shank, SEGMENT["shank"])
        sole = _step(points[f"ankle_{side}"], foot + 90, SEGMENT["ankle_height"])
        points[f"heel_{side}"] = _step(sole, foot, -SEGMENT["foot"] * HEEL_BEHIND_ANKLE)
        points[f"toe_{side}"] = _step(sole, foot, SEGMENT["foot"] * (1 - HEEL_BEHIND_ANKLE))
        arm = upper + 180 - angles[f"shoulder_{side}"]
        forearm = arm - angles[f"elbow_{side}"]
        points[f"elbow_{side}"] = _step(points["shoulder"], arm, SEGMENT["upper_arm"])
        points[f"wrist_{side}"] = _step(points[f"elbow_{side}"], forearm, SEGMENT["forearm"])
        points[f"hand_{side}"] = _step(points[f"wrist_{side}"], forearm, SEGMENT["hand"] / 2)
    return points


def _front_view(angles: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Facing the viewer: near (the figure's right) is on the viewer's left; knees bend away from the viewer."""
    lower, upper, points = _trunk_and_head(angles)
    points["nose"] = points["head"]  # face on: no profile
    for side, outward in (("near", -1), ("far", 1)):
        hip_joint = _step(points["hip"], lower + 90 * outward, SEGMENT["hip_width"] / 2)
        shoulder_joint = _step(points["shoulder"], upper + 90 * outward, SEGMENT["shoulder_width"] / 2)
        points[f"hip_{side}"], points[f"shoulder_{side}"] = hip_joint, shoulder_joint
        thigh = lower + 180 - outward * angles[f"hip_{side}"]
        points[f"knee_{side}"] = _step(hip_joint, thigh, SEGMENT["thigh"])
        # a knee bends away from the viewer, so the shank looks shorter
        points[f"ankle_{side}"] = _step(
            points[f"knee_{side}"], thigh, SEGMENT["shank"] * math.cos(math.radians(angles[f"knee_{side}"]))
        )
        sole = _step(points[f"ankle_{side}"], lower + 180, SEGMENT["ankle_height"])
        points[f"heel_{side}"] = sole
        points[f"toe_{side}"] = _step(sole, lower + 90 * outward, SEGMENT["foot"] / 3)
        arm = upper + 180 - outward * angles[f"shoulder_{side}"]
        forearm = arm - outward * angles[f"elbow_{side}"]
        points[f"elbow_{side}"] = _step(shoulder_joint, arm, SEGMENT["upper_arm"])
        points[f"wrist_{side}"] = _step(points[f"elbow_{side}"], forearm, SEGMENT["forearm"])
        points[f"hand_{side}"] = _step(points[f"wrist_{side}"], forearm, SEGMENT["hand"] / 2)
    return points


def forward_kinematics(angles: dict[str, float], view: str = "side") -> Body:
    """Landmarks of a body with the pelvis at the origin."""
    return Body(_front_view(angles) if view == "front" else _side_view(angles))


def place(body: Body, lift_cm: float, shift_cm: float, anchor: str) -> Body:
    """Set a body down: its lowest point lift_cm above the ground, its anchor landmark at x = shift_cm."""
    return body.moved(shift_cm - body.points[anchor][0], lift_cm - body.lowest())


FRAME_ORDER = ("start", "middle", "end")


def frame_names(pose: dict) -> list[str]:
    return [name for name in FRAME_ORDER if name in pose["frames"]]


def posed_body(pose: dict, angles: dict[str, float], lift_cm: float, shift_cm: float) -> Body:
    return place(
        forward_kinematics(angles, pose.get("view", "side")), lift_cm, shift_cm, pose.get("anchor", "ankle_near")
    )


def frame_body(pose: dict, frame_name: str) -> Body:
    frame = pose["frames"][frame_name]
    return posed_body(pose, frame_angles(pose, frame_name), frame.get("lift", 0), frame.get("shift", 0))


# --- Loading -------------------------------------------------------------------------------------

POSES_FILE = Path(__file__).resolve().parent.parent / "data" / "poses.yaml"


def load_poses(path: Path = POSES_FILE, exercise_ids: Iterable[str] | None = None) -> dict[str, dict]:
    """Poses by exercise id, schema-checked; with exercise_ids, every exercise must have one and no pose be stray."""
    poses = load_validated(path, "poses")
    for exercise_id, pose in poses.items():
        if "start" not in pose["frames"] or "end" not in pose["frames"]:
            raise DataError(path, exercise_id, "frames", "a pose needs a start and an end frame")
    if exercise_ids is not None:
        ids = set(exercise_ids)
        for exercise_id in sorted(ids - set(poses)):
            raise DataError(path, exercise_id, "(entry)", "every exercise in data/exercises.yaml needs a pose")
        for exercise_id in sorted(set(poses) - ids):
            raise DataError(path, exercise_id, "(entry)", "no exercise in data/exercises.yaml has this id")
    return poses


@cache
def default_poses() -> dict[str, dict]:
    from lib.catalog import default_catalog  # the catalog is only needed to check the ids

    return load_poses(exercise_ids=default_catalog().exercises_by_id)


# --- Agreement with the tags ----------------------------------------------------------------------


def needs_support(exercise: dict) -> bool:
    """The exercise's own words promise a hand on a support."""
    return bool(SUPPORT_IN_NAME.search(exercise["name"]) or SUPPORT_IN_SUMMARY.search(exercise["summary"]))


def _spine_problems(exercise: dict, pose: dict, frames: dict[str, dict[str, float]]) -> list[str]:
    problems = []
    flexion = {name: angles["spine"] for name, angles in frames.items()}
    tag = exercise["spinal_flexion"]
    if tag == "none":
        for name, degrees in flexion.items():
            extension_allowed = exercise["pattern"] in ("back-extensor", "posture")
            if degrees > NEUTRAL_SPINE_DEG or (degrees < -NEUTRAL_SPINE_DEG and not extension_allowed):
                problems.append(
                    f"tagged without spinal flexion, but the spine is at {degrees:g} degrees in the {name} frame"
                )
    elif tag in ("loaded", "end_range"):
        needed = END_RANGE_FLEXION_DEG if tag == "end_range" else SHOWN_FLEXION_DEG
        if max(flexion.values()) < needed:
            problems.append(f"tagged {tag} spinal flexion, but no frame rounds the spine {needed} degrees or more")
    if exercise["pattern"] == "hinge" and tag == "none":
        pelvis = [angles["pelvis"] for angles in frames.values()]
        if max(pelvis) - min(pelvis) < HINGE_MIN_DEG:
            problems.append(f"a hip hinge, but the trunk tips less than {HINGE_MIN_DEG} degrees at the hip")
    return problems


def _support_problems(exercise: dict, pose: dict, bodies: dict[str, Body], reach) -> list[str]:
    if not needs_support(exercise):
        return []
    supports = [prop for prop in pose.get("props", []) if prop.get("support")]
    if not supports:
        return ["its name or summary promises support, but the pose has no prop marked support: true"]
    problems = []
    for name, body in bodies.items():
        gaps = [
            reach(prop, body.points[part], pose) - CLEARANCE_CM.get(part.split("_")[0], 0)
            for prop in supports
            for part in SUPPORTED_PARTS
        ]
        if min(gaps) > REACH_CM:
            problems.append(f"a supported exercise, but nothing rests on its support in the {name} frame")
    return problems


def _impact_problems(exercise: dict, bodies: dict[str, Body]) -> list[str]:
    if exercise["impact"] in ("moderate", "high"):
        heels_up = any(
            body.lowest(("heel_near",)) >= AIRBORNE_CM or body.lowest(("heel_far",)) >= AIRBORNE_CM
            for body in bodies.values()
        )
        heels_down = any(body.lowest(("heel_near", "heel_far")) <= 1 for body in bodies.values())
        if not (heels_up and heels_down):
            return [f"tagged {exercise['impact']} impact, but no frame lifts a heel off the ground and lands it again"]
    if exercise["impact"] == "none":
        for name, body in bodies.items():
            if body.lowest() > 1:
                return [f"tagged without impact, but the body leaves the ground in the {name} frame"]
    return []


def agreement_problems(exercise: dict, pose: dict, reach) -> list[str]:
    """Where a pose contradicts its exercise's tags; empty when the drawing tells the truth.

    `reach(prop, point, pose)` is the distance from a point to a support prop (lib/drawings/props.py knows
    the props' shapes).
    """
    names = frame_names(pose)
    frames = {name: frame_angles(pose, name) for name in names}
    bodies = {name: frame_body(pose, name) for name in names}
    return (
        _spine_problems(exercise, pose, frames)
        + _support_problems(exercise, pose, bodies, reach)
        + _impact_problems(exercise, bodies)
    )
