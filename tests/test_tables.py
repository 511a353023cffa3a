"""Tables shown as text: Markdown tables and the guidelines side by side."""

from __future__ import annotations

import pandas as pd

from lib.tables import GUIDELINE_COLUMNS, guidelines_frame, markdown_table


def test_markdown_table_keeps_every_cell_in_its_column():
    frame = pd.DataFrame({"a": ["x | y", "line\nbreak"], "b": [1, None]}, index=["first", "second"])
    lines = markdown_table(frame, "row").splitlines()
    assert lines[:2] == ["| row | a | b |", "|---|---|---|"]
    assert lines[2] == "| first | x \\| y | 1.0 |"
    assert lines[3] == "| second | line break | nan |"


def test_guidelines_after_vertebral_fracture_show_that_advice(catalog):
    normal = guidelines_frame(catalog.guidelines)
    after = guidelines_frame(catalog.guidelines, vertebral_fracture=True)
    assert list(after["Impact"]) == [g["impact_after_vertebral_fracture"] for g in catalog.guidelines]
    assert list(normal.columns) == list(GUIDELINE_COLUMNS.values())
