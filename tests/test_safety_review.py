"""The physiotherapist's review sheet (docs/safety-review.md) is written from the data and kept current."""

from __future__ import annotations

from lib.catalog import PROJECT_ROOT, default_catalog
from lib.profiles import PRESETS
from lib.safety_review import SHEET_PATH, review_sheet


def test_the_checked_in_review_sheet_is_current():
    checked_in = (PROJECT_ROOT / SHEET_PATH).read_text(encoding="utf-8")
    assert checked_in == review_sheet(), "docs/safety-review.md is stale: run `make safety-review`"


def test_the_sheet_lists_every_exercise_for_every_preset_and_every_rule():
    sheet = review_sheet()
    for key in PRESETS:
        section = sheet.split(f"(`{key}`)", 1)[1].split("\n### ", 1)[0]
        for exercise in default_catalog().exercises:
            assert f"| {exercise['name']} |" in section, (key, exercise["id"])
    for rule in default_catalog().rules:
        assert f"#### `{rule['id']}`" in sheet
