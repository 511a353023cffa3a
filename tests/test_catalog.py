"""Every content and data file validates, and a broken file fails naming file, entry and field."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from lib.catalog import load_catalog
from lib.validation import SCHEMA_DIR, DataError
from lib.vocabulary import words
from tests.conftest import PROJECT_ROOT


def test_project_catalog_loads(catalog):
    assert len(catalog.lessons) >= 8
    assert len(catalog.exercises) >= 50
    assert {"tftf", "ros", "acsm", "essa", "liftmor"} <= {g["id"] for g in catalog.guidelines}


def test_every_reference_links_to_a_doi_or_https_page(catalog):
    for reference in catalog.references.values():
        assert reference.link.startswith("https://"), reference.key


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    for folder in ("content", "data"):
        shutil.copytree(PROJECT_ROOT / folder, tmp_path / folder)
    return tmp_path


def _edit_yaml(path: Path, change) -> None:
    document = yaml.safe_load(path.read_text())
    change(document)
    path.write_text(yaml.safe_dump(document, sort_keys=False))


def _load_error(root: Path) -> DataError:
    with pytest.raises(DataError) as caught:
        load_catalog(root)
    return caught.value


def test_missing_field_names_file_entry_and_field(project_copy):
    _edit_yaml(project_copy / "data/exercises.yaml", lambda exercises: exercises[0].pop("cues"))
    error = _load_error(project_copy)
    assert error.file.endswith("exercises.yaml") and error.field == "cues"
    assert "#1" in error.entry


def test_wrong_type_names_the_field(project_copy):
    def make_impact_a_number(exercises):
        exercises[2]["impact"] = 3

    _edit_yaml(project_copy / "data/exercises.yaml", make_impact_a_number)
    error = _load_error(project_copy)
    assert error.field == "impact" and "#3" in error.entry


def test_unknown_exercise_reference(project_copy):
    def point_at_nothing(exercises):
        exercises[0]["alternative"] = "no-such-exercise"

    _edit_yaml(project_copy / "data/exercises.yaml", point_at_nothing)
    error = _load_error(project_copy)
    assert error.field == "alternative" and "no-such-exercise" in error.problem


def test_duplicate_exercise_id(project_copy):
    _edit_yaml(project_copy / "data/exercises.yaml", lambda exercises: exercises.append(dict(exercises[0])))
    error = _load_error(project_copy)
    assert error.field == "id" and "twice" in error.problem


def test_duplicate_yaml_key_is_refused(project_copy):
    path = project_copy / "data/references.yaml"
    first_key = next(iter(yaml.safe_load(path.read_text())))
    entry = yaml.safe_dump({first_key: yaml.safe_load(path.read_text())[first_key]})
    path.write_text(path.read_text() + "\n" + entry)
    error = _load_error(project_copy)
    assert "duplicate key" in error.problem and error.file.endswith("references.yaml")


def test_about_you_names_a_rule_that_does_not_exist(project_copy):
    def misname_the_rule(wording):
        wording["about_you"]["clearance"]["cleared_but"]["no-such-rule"] = "cleared, but something waits"

    _edit_yaml(project_copy / "data/safety_wording.yaml", misname_the_rule)
    error = _load_error(project_copy)
    assert error.file.endswith("safety_wording.yaml") and error.entry == "about_you"
    assert error.field == "clearance.cleared_but.no-such-rule" and "no rule" in error.problem


def test_bad_citation_key_in_a_rule(project_copy):
    def cite_nothing(rules):
        rules[0]["sources"] = ["nosuchpaper2099"]

    _edit_yaml(project_copy / "data/safety_rules.yaml", cite_nothing)
    error = _load_error(project_copy)
    assert error.field == "sources" and "nosuchpaper2099" in error.problem


def test_bad_citation_key_in_a_lesson_body(project_copy):
    lesson = sorted((project_copy / "content/lessons").glob("*.md"))[0]
    lesson.write_text(lesson.read_text() + "\nA claim with no real source [@nosuchpaper2099].\n")
    error = _load_error(project_copy)
    assert error.file.endswith(lesson.name) and error.field == "body" and "nosuchpaper2099" in error.problem


def test_lesson_without_sources(project_copy):
    lesson = sorted((project_copy / "content/lessons").glob("*.md"))[0]
    text = lesson.read_text()
    front_end = text.index("\n---\n", 4)
    front = yaml.safe_load(text[4:front_end])
    front["sources"] = []
    lesson.write_text("---\n" + yaml.safe_dump(front) + text[front_end + 1 :])
    error = _load_error(project_copy)
    assert error.field == "sources" and error.file.endswith(lesson.name)


def test_malformed_yaml_names_the_line(project_copy):
    (project_copy / "data/trials.yaml").write_text("- study: [unclosed\n")
    error = _load_error(project_copy)
    assert error.file.endswith("trials.yaml") and error.entry.startswith("line")


def test_a_rule_naming_a_pattern_no_exercise_has_is_refused(project_copy):
    def misspell_a_pattern(rules):
        rules[0]["exercise"]["pattern"] = ["squats"]

    _edit_yaml(project_copy / "data/safety_rules.yaml", misspell_a_pattern)
    error = _load_error(project_copy)
    assert error.field.startswith("exercise") and "squats" in error.problem


def test_a_rule_covered_by_a_rule_that_does_not_exist_is_refused(project_copy):
    def misname_the_covering_rule(rules):
        rules[0]["covered_by"] = ["no-such-rule"]

    _edit_yaml(project_copy / "data/safety_rules.yaml", misname_the_covering_rule)
    error = _load_error(project_copy)
    assert error.field == "covered_by" and "no-such-rule" in error.problem


def test_a_rule_that_covers_itself_through_another_is_refused(project_copy):
    """said_once (lib/safety_rules.py) shows a reason only when no shown rule covers it: a cycle has no answer."""

    def cover_each_other(rules):
        rules[0]["covered_by"] = [rules[1]["id"]]
        rules[1]["covered_by"] = [rules[0]["id"]]

    _edit_yaml(project_copy / "data/safety_rules.yaml", cover_each_other)
    error = _load_error(project_copy)
    assert error.field == "covered_by" and "covers itself" in error.problem


def _enums(node) -> list[list]:
    if isinstance(node, dict):
        return ([node["enum"]] if "enum" in node else []) + [enum for value in node.values() for enum in _enums(value)]
    return [enum for value in node for enum in _enums(value)] if isinstance(node, list) else []


def test_no_schema_copies_a_shared_vocabulary():
    shared = {words(name) for name in json.loads((SCHEMA_DIR / "vocabulary.schema.json").read_text())["$defs"]}
    for path in SCHEMA_DIR.glob("*.schema.json"):
        if path.name != "vocabulary.schema.json":
            copies = [enum for enum in _enums(json.loads(path.read_text())) if tuple(enum) in shared]
            assert copies == [], f"{path.name} spells out {copies}: use its $ref to vocabulary.schema.json"
