"""The moving drawing: poses sampled between frames and played as SMIL path animations."""

from __future__ import annotations

import math

from lib import poses as pose_model
from lib.drawings.figure import body_parts
from lib.poses import Body

SAMPLES_PER_MOVE = 10  # interpolated poses between two frames: smooth, and limbs keep their length
HOLD_SAMPLES = 3  # a short pause at each end of the movement
SECONDS_PER_MOVE = 1.6
SECONDS_PER_SAMPLE = SECONDS_PER_MOVE / (HOLD_SAMPLES + SAMPLES_PER_MOVE)
LANDING_SAMPLES = 3  # a landing with impact falls fast: a third of a move's samples, speeding up


def eased(share: float) -> float:
    return (1 - math.cos(math.pi * share)) / 2


def fallen(share: float) -> float:
    """Speeding up all the way, as a fall does."""
    return share * share


def _route(pose: dict) -> list[str]:
    """start -> (middle) -> end, then back; a movement whose end repeats its start (a heel drop's rise and
    drop) goes round again instead of playing backwards."""
    names = pose_model.frame_names(pose)
    if _placed(pose, names[-1]) == _placed(pose, names[0]):
        return names
    return names + names[-2::-1]


def _placed(pose: dict, name: str) -> tuple:
    frame = pose["frames"][name]
    return pose_model.frame_angles(pose, name), frame.get("lift", 0), frame.get("shift", 0)


def _lands(before: Body, after: Body) -> bool:
    """A heel comes down onto the ground from off it."""
    heels = ("heel_near", "heel_far")
    return after.lowest(heels) <= 1 and any(before.lowest((heel,)) >= pose_model.AIRBORNE_CM for heel in heels)


def moving_bodies(pose: dict, impact: bool = False) -> list[Body]:
    """Bodies sampled along the route, angles interpolated so limbs keep their length. With impact (the
    exercise is tagged moderate or high), each landing is quick and speeds up to the ground."""
    keyframes = [_placed(pose, name) for name in _route(pose)]
    bodies = []
    for (angles_a, lift_a, shift_a), (angles_b, lift_b, shift_b) in zip(keyframes, keyframes[1:]):
        first = pose_model.posed_body(pose, angles_a, lift_a, shift_a)
        landing = impact and _lands(first, pose_model.posed_body(pose, angles_b, lift_b, shift_b))
        samples, easing = (LANDING_SAMPLES, fallen) if landing else (SAMPLES_PER_MOVE, eased)
        bodies += [first] * HOLD_SAMPLES
        for step in range(samples):
            t = easing(step / samples)
            angles = {joint: angles_a[joint] + (angles_b[joint] - angles_a[joint]) * t for joint in angles_a}
            bodies.append(
                pose_model.posed_body(pose, angles, lift_a + (lift_b - lift_a) * t, shift_a + (shift_b - shift_a) * t)
            )
    return bodies + [bodies[0]]


def animated(pose: dict, bodies: list[Body]) -> str:
    samples = [body_parts(body, pose) for body in bodies]
    duration = SECONDS_PER_SAMPLE * (len(samples) - 1)
    paths = []
    for index, (cls, first) in enumerate(samples[0]):
        values = ";".join(sample[index][1] for sample in samples)
        paths.append(
            f'<path class="{cls}" d="{first}"><animate attributeName="d" dur="{duration:.3g}s" '
            f'repeatCount="indefinite" values="{values}"/></path>'
        )
    return '<g class="moving">' + "".join(paths) + "</g>"
