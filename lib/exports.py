"""Files a user can download: plain CSV that opens cleanly in any spreadsheet."""

from __future__ import annotations

import pandas as pd

ASSESSMENT_COLUMNS = {
    "name": "Exercise", "status": "Status", "reason": "Why", "swap_name": "Safer swap",
    "dose": "Dose", "impact": "Impact", "pattern": "Pattern", "sources": "Sources",
}


def assessment_csv(table: pd.DataFrame) -> str:
    """The Safe options list as CSV, list cells joined with '; '."""
    frame = table[list(ASSESSMENT_COLUMNS)].copy()
    frame["sources"] = frame["sources"].map("; ".join)
    frame["swap_name"] = frame["swap_name"].fillna("")
    return frame.rename(columns=ASSESSMENT_COLUMNS).to_csv(index=False)
