"""Whole pictures: a drawing framed on its tile, with its title and description, as a still, a moving
picture or a print strip. Built once per exercise and cached."""

from __future__ import annotations

from functools import cache
from html import escape
from typing import Iterable

from lib import poses as pose_model
from lib.drawings import animation
from lib.drawings.figure import (
    LABEL_SHARE,
    arrow,
    arrow_landmark,
    body_parts,
    highlight_parts,
    impact,
    landing_signs,
    sites,
    tag_signs,
)
from lib.drawings.props import FIXED_PROPS, fixed_prop_extent, fixed_props, held_prop_extent
from lib.drawings.svg import HEAD_R, STYLE, fmt, group, polyline
from lib.poses import Body

PAD_CM = 14
ASPECT = 4 / 3  # every tile the same shape, so cards and contact sheets line up
STRIP_ASPECTS = (0.7, 1.6)  # a print strip's frames keep their own shape within these widths over heights


def extent(bodies: Iterable[Body], pose: dict, aspect: float | None = ASPECT) -> tuple[float, float, float, float]:
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
            prop_xs, prop_ys = held_prop_extent(prop, body)
            xs += prop_xs
            ys += prop_ys
    for prop in pose.get("props", []):
        if prop["kind"] in FIXED_PROPS:
            prop_xs, prop_ys = fixed_prop_extent(prop, pose)
            xs += prop_xs
            ys += prop_ys
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


def document(exercise_id: str, viewbox: tuple[float, float, float, float], body: str, width_px: int) -> str:
    """The SVG document: title and description for screen readers, the light tile, the ground, the picture."""
    left, bottom, right, top = viewbox
    width, height = right - left, top - bottom
    title, desc = escape(_name(exercise_id)), escape(_positions(exercise_id))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{fmt(left)} {fmt(-top)} {fmt(width)} {fmt(height)}" '
        f'width="{width_px}" height="{round(width_px * height / width)}" role="img" '
        f'aria-labelledby="{exercise_id}-t {exercise_id}-d">'
        f'<title id="{exercise_id}-t">{title}</title><desc id="{exercise_id}-d">{desc}</desc>'
        f"<style>{STYLE}</style>"
        f'<rect class="tile" x="{fmt(left)}" y="{fmt(-top)}" width="{fmt(width)}" height="{fmt(height)}" rx="{fmt(width * 0.04)}"/>'
        f'<path class="ground" d="M{fmt(left)} 0 H{fmt(right)}"/>{body}</svg>'
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
    landmark = arrow_landmark(pose, start, end)
    extent_bodies = animation.moving_bodies(pose, impact(exercise_id)) if animated else frames
    ghosts = "".join(group(body_parts(body, pose), ghost=True) for body in frames if body is not key)
    signs = tag_signs(exercise_id, key, end, frames[-2])
    still = ghosts + group(body_parts(key, pose)) + arrow(start.points[landmark], end.points[landmark], False) + signs
    viewbox = extent(extent_bodies, pose)
    label_cm = (viewbox[3] - viewbox[1]) * LABEL_SHARE
    marks = "".join(highlight_parts(key, sites(exercise_id), label_cm)) if highlight else ""
    if animated:
        picture = (
            animation.animated(pose, extent_bodies)
            + f'<g class="still">{still}</g>'
            + f'<g class="moving" opacity=".8">{arrow(start.points[landmark], end.points[landmark], True)}{signs}</g>'
        )
    else:
        picture = still
    return document(exercise_id, viewbox, fixed_props(pose) + picture + marks, width_px)


def _chevron(x: float, y: float) -> str:
    return f'<path class="arrow" d="{polyline([(x - 6, y + 12), (x + 6, y), (x - 6, y - 12)])}"/>'


@cache
def exercise_strip_svg(exercise_id: str, width_px: int = 480) -> str:
    """Two or three frames side by side (start, middle, end), same scale, for handouts and print.

    No text inside (the PDF writer's SVG support has none); the reader's caption names the frames. The last
    frame of an exercise tagged with moderate or high impact shows its landing strokes.
    """
    pose = pose_model.default_poses()[exercise_id]
    frames = [pose_model.frame_body(pose, name) for name in pose_model.frame_names(pose)]
    left, bottom, right, top = extent(frames, pose, aspect=None)
    cell = right - left
    cells = []
    for index, body in enumerate(frames):
        content = fixed_props(pose) + group(body_parts(body, pose))
        if index:
            content += _chevron(left - 2, (top + bottom) / 2)
        if index == len(frames) - 1:
            content += landing_signs(exercise_id, body, frames[-2])
        cells.append(f'<g transform="translate({fmt(index * cell)} 0)">{content}</g>')
    return document(exercise_id, (left, bottom, left + cell * len(frames), top), "".join(cells), width_px)
