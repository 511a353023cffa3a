"""Tables shown as text: Markdown tables for the pages and the safety review, and the guidelines side by side.

A Markdown table costs less to show on every rerun than a dataframe element, and long cells wrap.
"""

from __future__ import annotations

from typing import Any, Iterable

import pandas as pd

GUIDELINE_COLUMNS = {
    "name": "Source",
    "frequency": "How often",
    "resistance": "Resistance",
    "impact": "Impact",
    "balance": "Balance",
    "spine": "Spine",
}


def markdown_table(frame: pd.DataFrame, index_label: str = "") -> str:
    """A small table as Markdown, index first, every cell kept in its column."""

    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    header = [index_label, *map(str, frame.columns)]
    lines = ["| " + " | ".join(map(cell, header)) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(map(cell, [label, *row])) + " |" for label, row in zip(frame.index, frame.to_numpy())]
    return "\n".join(lines)


def guidelines_frame(records: Iterable[dict[str, Any]], vertebral_fracture: bool = False) -> pd.DataFrame:
    """The guidelines (data/guidelines.yaml) side by side; after a vertebral fracture the impact column shows that advice."""
    frame = pd.DataFrame(list(records))
    if vertebral_fracture:
        frame["impact"] = frame["impact_after_vertebral_fracture"]
    return frame[list(GUIDELINE_COLUMNS)].rename(columns=GUIDELINE_COLUMNS)
