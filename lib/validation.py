"""Load YAML strictly and validate it against the JSON Schemas in lib/schemas/.

Errors name the file, the entry (its id, or its position) and the field, so a
content author can fix a data file without reading Python.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

SCHEMA_DIR = Path(__file__).parent / "schemas"


class DataError(ValueError):
    """A content or data file that cannot be used, with where and why."""

    def __init__(self, file: Path | str, entry: str, field: str, problem: str):
        self.file, self.entry, self.field, self.problem = str(file), entry, field, problem
        super().__init__(f"{self.file}: entry {entry}, field {field}: {problem}")


# libyaml's C parser when PyYAML has it (several times faster at start-up), else the pure-Python one.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_SafeLoader):
    """A safe YAML loader that refuses duplicate keys instead of silently keeping the last."""


def _mapping_without_duplicates(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False):
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)


def parse_yaml(text: str, file: Path | str) -> Any:
    """Parse YAML text strictly; a syntax error or duplicate key becomes a DataError."""
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "?"
        problem = getattr(error, "problem", None) or str(error)
        raise DataError(file, where, "(syntax)", problem) from error


def load_yaml(path: Path) -> Any:
    return parse_yaml(path.read_text(encoding="utf-8"), path)


def _schema(schema_name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{schema_name}.schema.json").read_text(encoding="utf-8"))


@cache
def _registry() -> Registry:
    """Every schema by file name, so one schema can reuse another's definitions with a $ref."""
    return Registry().with_resources(
        (path.name, Resource.from_contents(_schema(path.name.removesuffix(".schema.json"))))
        for path in SCHEMA_DIR.glob("*.schema.json")
    )


@cache
def _validator(schema_name: str) -> Draft202012Validator:
    return Draft202012Validator(_schema(schema_name), registry=_registry())


def _describe_entry(document: Any, path: list) -> str:
    """Name the entry an error sits in: 'id' for lists of records, the key for mappings."""
    if not path:
        return "(whole file)"
    head = path[0]
    if isinstance(head, int) and isinstance(document, list):
        record = document[head]
        label = record.get("id") or record.get("activity") or record.get("study") if isinstance(record, dict) else None
        return f"#{head + 1} ({label})" if label else f"#{head + 1}"
    return str(head)


def validate(document: Any, schema_name: str, file: Path | str, entry: str | None = None) -> Any:
    """Check a parsed document against lib/schemas/<schema_name>.schema.json.

    A file of many records (a list, or a mapping by key) names the failing record as the
    entry; a file that is one record (a lesson's front matter) passes its own `entry`.
    Raises DataError for the first problem found (errors sorted by path, so deterministic).
    """
    errors = sorted(_validator(schema_name).iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    if not errors:
        return document
    error = errors[0]
    path = list(error.absolute_path)
    if entry is None:
        entry, path = _describe_entry(document, path), path[1:]
    field = ".".join(str(part) for part in path) or "(entry)"
    if error.validator == "required":
        missing = error.message.split("'")[1]
        field = f"{field}.{missing}" if path else missing
    raise DataError(file, entry, field, error.message)


def load_validated(path: Path, schema_name: str) -> Any:
    """Read a YAML file and validate it; the one door every data file comes through."""
    return validate(load_yaml(path), schema_name, path)
