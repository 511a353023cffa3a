"""Exercise drawings: every exercise has a pose, the poses agree with the safety tags, the SVGs are sound."""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from lib import drawings, poses
from lib.drawings.files import FOLDER, drawing_files, write_drawing_files
from lib.validation import DataError

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def all_poses():
    return poses.default_poses()


def test_every_exercise_has_a_pose_and_no_pose_is_stray(catalog, all_poses):
    assert set(all_poses) == set(catalog.exercises_by_id)


def test_a_pose_beyond_human_range_names_file_entry_and_field(tmp_path: Path):
    broken = tmp_path / "poses.yaml"
    broken.write_text("squat:\n  frames:\n    start: {say: standing}\n    end: {say: squatting, knee: 200}\n")
    with pytest.raises(DataError) as error:
        poses.load_poses(broken)
    assert error.value.entry == "squat" and error.value.field == "frames.end.knee"


def test_an_exercise_without_a_pose_is_named(tmp_path: Path):
    file = tmp_path / "poses.yaml"
    file.write_text("squat:\n  frames:\n    start: {say: standing}\n    end: {say: squatting}\n")
    with pytest.raises(DataError, match="needs a pose") as error:
        poses.load_poses(file, exercise_ids=["squat", "lunge"])
    assert error.value.entry == "lunge"


@pytest.mark.parametrize("exercise_id", sorted(poses.default_poses()))
def test_drawing_agrees_with_the_tags(catalog, all_poses, exercise_id):
    """No flexion tag: spine near neutral in every frame; loaded or end-range: shown; hinge: at the hip;
    supported: the support within reach in every frame; moderate or high impact: a heel leaves the
    ground and lands; no impact: never airborne."""
    problems = poses.agreement_problems(catalog.exercise(exercise_id), all_poses[exercise_id], drawings.reach)
    assert problems == []


def _problems(catalog, all_poses, exercise_id, tags=None, frame=None, prop=None):
    """The agreement check after breaking one tag, one frame or one prop on purpose."""
    exercise = catalog.exercise(exercise_id) | (tags or {})
    pose = copy.deepcopy(all_poses[exercise_id])
    for name, angles in (frame or {}).items():
        pose["frames"][name].update(angles)
    for index, change in (prop or {}).items():
        pose["props"][index].update(change)
    return poses.agreement_problems(exercise, pose, drawings.reach)


def test_a_flexion_tag_removed_from_a_sit_up_fails(catalog, all_poses):
    assert any(
        "without spinal flexion" in p for p in _problems(catalog, all_poses, "sit-up", tags={"spinal_flexion": "none"})
    )


def test_a_rounded_back_added_to_a_goblet_squat_fails(catalog, all_poses):
    assert any(
        "spine is at 40" in p for p in _problems(catalog, all_poses, "goblet-squat", frame={"end": {"spine": 40}})
    )


def test_a_straight_toe_touch_fails_its_end_range_tag(catalog, all_poses):
    problems = _problems(catalog, all_poses, "standing-toe-touch", frame={"end": {"spine": 5}})
    assert any("end_range" in p for p in problems)


def test_a_hinge_that_bends_the_spine_instead_of_the_hip_fails(catalog, all_poses):
    problems = _problems(catalog, all_poses, "romanian-deadlift", frame={"end": {"pelvis": 10, "spine": 60, "hip": 10}})
    assert any("hip hinge" in p for p in problems)
    assert any("without spinal flexion" in p for p in problems)


def test_a_support_moved_out_of_reach_fails(catalog, all_poses):
    problems = _problems(catalog, all_poses, "heel-drops", prop={0: {"x": 150}})
    assert any("support" in p for p in problems)


def test_a_supported_exercise_without_a_support_fails(catalog, all_poses):
    problems = _problems(catalog, all_poses, "heel-raises", prop={0: {"support": False}})
    assert any("promises support" in p for p in problems)


def test_a_jump_that_never_leaves_the_ground_fails(catalog, all_poses):
    grounded = {"middle": {"lift": 0, "pelvis": 0, "hip": 0, "knee": 0, "ankle": 0}}  # standing flat instead
    assert any("impact" in p for p in _problems(catalog, all_poses, "tuck-jumps", frame=grounded))


def test_a_no_impact_exercise_drawn_in_the_air_fails(catalog, all_poses):
    assert any(
        "leaves the ground" in p for p in _problems(catalog, all_poses, "goblet-squat", frame={"end": {"lift": 20}})
    )


@pytest.mark.parametrize("exercise_id", ["trap-bar-deadlift", "heavy-deadlift"])
def test_a_barbell_lifted_from_the_floor_starts_on_the_floor(all_poses, exercise_id):
    """Props are drawn to scale: a 45 cm plate under the hands rests on the ground."""
    hand_height = poses.frame_body(all_poses[exercise_id], "start").points["hand_near"][1]
    assert abs(hand_height - drawings.PLATE_R) <= 3


def test_segment_lengths_follow_winter():
    """Standing, the joints sit at Winter's fractions of height (hip 0.530, shoulder 0.818, knee 0.285)."""
    body = poses.place(poses.forward_kinematics(dict(poses.NEUTRAL)), 0, 0, "ankle_near")
    for landmark, fraction in (("hip", 0.530), ("shoulder", 0.818), ("knee_near", 0.285)):
        assert body.points[landmark][1] == pytest.approx(fraction * poses.HEIGHT_CM, abs=0.5)


def _parsed(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_still_drawing_names_the_exercise_and_its_positions(catalog, all_poses):
    root = _parsed(drawings.exercise_svg("goblet-squat"))
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == catalog.exercise("goblet-squat")["name"]
    description = root.find(f"{SVG}desc").text
    frames = all_poses["goblet-squat"]["frames"]
    assert frames["start"]["say"] in description and frames["end"]["say"] in description
    assert drawings.drawing_alt("goblet-squat").startswith(f"Drawing of {catalog.exercise('goblet-squat')['name']}")


def test_still_drawing_has_ground_arrow_and_ghosted_start():
    root = _parsed(drawings.exercise_svg("box-squat"))
    classes = [element.get("class") for element in root.iter()]
    assert "ground" in classes and "arrow" in classes and "arrow-head" in classes and "ghost-line" in classes


def test_animated_drawing_moves_there_and_back_and_rests_for_reduced_motion():
    svg = drawings.exercise_svg("goblet-squat", animated=True)
    root = _parsed(svg)
    animations = list(root.iter(f"{SVG}animate"))
    assert animations and all(a.get("repeatCount") == "indefinite" for a in animations)
    values = animations[0].get("values").split(";")
    assert values[0] == values[-1]  # back where it started
    assert "prefers-reduced-motion: reduce" in svg and 'class="still"' in svg


def test_highlight_names_the_loaded_sites_in_words(catalog):
    svg = drawings.exercise_svg("dumbbell-squat", highlight=True)
    labels = {text.text for text in _parsed(svg).iter(f"{SVG}text")}
    assert labels == {drawings.SITE_LABELS[site] for site in catalog.exercise("dumbbell-squat")["sites"]}
    assert "<text" not in drawings.exercise_svg("dumbbell-squat")


@pytest.mark.parametrize("exercise_id", ["goblet-squat", "drop-landings"])
def test_strip_shows_each_frame_side_by_side(all_poses, exercise_id):
    root = _parsed(drawings.exercise_strip_svg(exercise_id))
    cells = [group for group in root if group.tag == f"{SVG}g" and group.get("transform", "").startswith("translate")]
    assert len(cells) == len(poses.frame_names(all_poses[exercise_id]))
    assert "<text" not in drawings.exercise_strip_svg(exercise_id)  # the PDF writer draws no SVG text


def test_every_exercise_draws_as_well_formed_svg(catalog):
    for exercise in catalog.exercises:
        for svg in (
            drawings.exercise_svg(exercise["id"]),
            drawings.exercise_svg(exercise["id"], animated=True),
            drawings.exercise_strip_svg(exercise["id"]),
        ):
            assert _parsed(svg).tag == f"{SVG}svg", exercise["id"]


def test_a_twist_is_drawn_exactly_where_the_tags_say_rotation(catalog):
    """A side view cannot show a turning trunk, so the rotation tag draws a ring arrow around it."""
    for exercise in catalog.exercises:
        ring = drawings.exercise_svg(exercise["id"]).count('class="arrow"') == 2  # the movement's arrow and the ring
        assert ring == (exercise["rotation"] != "none"), exercise["id"]


def test_landing_strokes_are_drawn_exactly_for_moderate_and_high_impact(catalog):
    for exercise in catalog.exercises:
        marked = 'class="impact"' in drawings.exercise_svg(exercise["id"])
        assert marked == (exercise["impact"] in ("moderate", "high")), exercise["id"]


# --- Blind test set 2's three misses (issue #13): each test fails on the drawing readers could not name.

NUMBER_PAIR = re.compile(r"[ML](-?[\d.]+) (-?[\d.]+)")


def _points(path: str) -> list[tuple[float, float]]:
    """The corner points of an SVG path of lines (y back to pointing up)."""
    return [(float(x), -float(y)) for x, y in NUMBER_PAIR.findall(path)]


def _shapes(svg: str, css: str) -> list[str]:
    return [element.get("d") for element in _parsed(svg).iter(f"{SVG}path") if element.get("class") == css]


@pytest.mark.parametrize("exercise_id", ["barbell-back-squat", "heavy-back-squat"])
def test_a_back_squat_bar_lies_behind_the_neck_with_plates_at_its_ends_in_a_rack(all_poses, exercise_id):
    """Read as 'a plate held at the chest' twice: the bar must show across the upper back, behind the neck
    at shoulder height, plates at both ends, hands on it, and the rack it came from."""
    pose = all_poses[exercise_id]
    start = poses.frame_body(pose, "start")
    bars = [_points(path) for path in _shapes(drawings.exercise_strip_svg(exercise_id), "bar")[:2]]
    assert len(bars) == 2  # the far half and the near half of the start frame's bar
    middle = bars[0][0]
    assert middle == pytest.approx(bars[1][0], abs=0.1)
    shoulder, chin = start.points["shoulder"], start.points["chin"]
    assert abs(middle[1] - shoulder[1]) <= 3 and middle[0] < min(shoulder[0], chin[0])  # behind the neck
    ends = sorted(bar[1][0] for bar in bars)
    assert ends[0] < start.points["hip"][0] - 40 and ends[1] > start.points["nose"][0] + 40  # its length shows
    plates = sorted(_points(path)[0][0] for path in _shapes(drawings.exercise_strip_svg(exercise_id), "weight")[:2])
    assert ends[0] < plates[0] < middle[0] < plates[1] < ends[1]  # one plate towards each end
    for name in poses.frame_names(pose):
        body = poses.frame_body(pose, name)
        bar_y = drawings.props.bar_on_back(body)[1]
        assert abs(body.points["hand_near"][1] - bar_y) <= drawings.svg.HAND_R + 2, name  # gripping the bar
    rack = next(prop for prop in pose["props"] if prop["kind"] == "rack")
    hooks = [point for path in drawings.props.fixed_prop_shapes(rack, pose)[0][2:] for point in _points(path)]
    assert max(y for _, y in hooks) == pytest.approx(middle[1], abs=1)  # the J-hooks at the bar's height


def test_the_chin_up_bar_stands_on_uprights_that_reach_the_ground(all_poses):
    """Read as an unknown overhead object: the bar needs its frame, the hands on it, the feet off the floor."""
    pose = all_poses["jumping-chin-up"]
    bar_prop = next(prop for prop in pose["props"] if prop["kind"] == "bar")
    paths, (bar,) = drawings.props.fixed_prop_shapes(bar_prop, pose)
    corners = [point for path in paths for point in _points(path)]
    height = bar[0][1]
    for end_x, _ in bar:
        assert any(abs(x - end_x) <= 4 and y == 0 for x, y in corners)  # an upright's foot on the ground
        assert any(abs(x - end_x) <= 4 and y >= height - 2 for x, y in corners)  # up to the bar
    hanging = poses.frame_body(pose, "middle")
    assert drawings.props.reach(bar_prop, hanging.points["hand_near"], pose) <= 2  # gripping it
    assert hanging.points["chin"][1] > height  # chin over the bar
    assert hanging.lowest() >= 30  # feet well off the ground
    assert pose["key"] == "middle"


def test_heel_drops_rise_then_land_with_a_thud_under_the_heels(all_poses):
    """Read as a calf raise at a counter: the frames must rise onto the toes and end with the heels down,
    the landing marked under the heels (still and print strip), and the drop quicker than the rise."""
    pose = all_poses["heel-drops"]
    heel = {name: poses.frame_body(pose, name).lowest(("heel_near",)) for name in poses.frame_names(pose)}
    assert heel["start"] <= 1 and heel["middle"] >= 10 and heel["end"] <= 1
    strip = _parsed(drawings.exercise_strip_svg("heel-drops"))
    cells = [group for group in strip if group.get("transform", "").startswith("translate")]
    marked = [any(path.get("class") == "impact" for path in cell.iter(f"{SVG}path")) for cell in cells]
    assert marked == [False, False, True]
    landed = poses.frame_body(pose, "end")
    heel_x = landed.points["heel_near"][0]
    marks = [_points(path) for path in _shapes(drawings.exercise_svg("heel-drops"), "impact")]
    drop_lines = [mark for mark in marks if mark[0][0] == mark[1][0]]  # upright lines: the heel's fall
    assert drop_lines and all(heel_x - 15 <= mark[0][0] < heel_x for mark in drop_lines)
    heights = [body.lowest(("heel_near",)) for body in drawings.animation.moving_bodies(pose, impact=True)]
    steps = list(zip(heights, heights[1:]))
    rising, falling = sum(b > a + 0.01 for a, b in steps), sum(b < a - 0.01 for a, b in steps)
    assert 0 < falling < rising / 2


def test_landing_strokes_mark_the_last_frame_of_a_print_strip_exactly_for_impact(catalog):
    for exercise in catalog.exercises:
        cells = [
            group
            for group in _parsed(drawings.exercise_strip_svg(exercise["id"]))
            if group.get("transform", "").startswith("translate")
        ]
        marked = [any(path.get("class") == "impact" for path in cell.iter(f"{SVG}path")) for cell in cells]
        impact = exercise["impact"] in ("moderate", "high")
        assert marked == [False] * (len(cells) - 1) + [impact], exercise["id"]


def test_the_served_still_drawings_are_the_poses_own_and_none_is_stray(catalog):
    """static/drawings/ holds each exercise's still drawing as exercise_svg makes it: run `make drawings` after
    changing a pose, an exercise or the renderer."""
    expected = drawing_files([exercise["id"] for exercise in catalog.exercises])
    on_disk = {path.name: path.read_text(encoding="utf-8") for path in FOLDER.glob("*.svg")}
    assert set(on_disk) == set(expected), "run `make drawings`"
    stale = [name for name, svg in expected.items() if on_disk[name] != svg]
    assert not stale, f"run `make drawings`: {stale}"


def test_writing_the_drawings_removes_a_strays_file(tmp_path: Path):
    (tmp_path / "gone.svg").write_text("<svg/>")
    write_drawing_files(["goblet-squat"], tmp_path)
    assert [path.name for path in tmp_path.iterdir()] == ["goblet-squat.svg"]
