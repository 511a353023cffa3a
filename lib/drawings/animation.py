"""The moving drawing: poses sampled between frames and played as SMIL path animations."""

from __future__ import annotations

import math

from lib import poses as pose_model
from lib.drawings.figure import body_parts
from lib.poses import Body

SAMPLES_PER_MOVE = 10  # interpolated poses between two frames: smooth, and limbs keep their length
HOLD_SAMPLES = 3  # a short pause at each end of the movement
SECONDS_PER_MOVE = 1.6


def eased(share: float) -> float:
    return (1 - math.cos(math.pi * share)) / 2


def moving_bodies(pose: dict) -> list[Body]:
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
            t = eased(step / SAMPLES_PER_MOVE)
            angles = {joint: angles_a[joint] + (angles_b[joint] - angles_a[joint]) * t for joint in angles_a}
            lift = frame_a.get("lift", 0) + (frame_b.get("lift", 0) - frame_a.get("lift", 0)) * t
            shift = frame_a.get("shift", 0) + (frame_b.get("shift", 0) - frame_a.get("shift", 0)) * t
            bodies.append(pose_model.posed_body(pose, angles, lift, shift))
    return bodies + [bodies[0]]


def animated(pose: dict, bodies: list[Body]) -> str:
    samples = [body_parts(body, pose) for body in bodies]
    duration = SECONDS_PER_MOVE * (len(pose_model.frame_names(pose)) - 1) * 2
    paths = []
    for index, (cls, first) in enumerate(samples[0]):
        values = ";".join(sample[index][1] for sample in samples)
        paths.append(
            f'<path class="{cls}" d="{first}"><animate attributeName="d" dur="{duration:g}s" '
            f'repeatCount="indefinite" values="{values}"/></path>'
        )
    return '<g class="moving">' + "".join(paths) + "</g>"
