"""The still drawings as files under static/drawings/, which Streamlit serves (server.enableStaticServing).

Why files: a card names its drawing by a short address, so the browser fetches and decodes each picture once
and reuses it whenever a profile change redraws the cards; a data URI inside the card's HTML was carried,
parsed and decoded again with every redraw (issue #13). The files are written from the poses by
`make drawings` (python -m lib.drawings.files); tests/test_drawings.py fails when one is missing or stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lib.drawings.picture import exercise_svg

FOLDER = Path(__file__).resolve().parents[2] / "static" / "drawings"
# Relative to the page, as Streamlit serves a page at the app's root: right under server.baseUrlPath too.
ADDRESS = "app/static/drawings"


def file_name(exercise_id: str) -> str:
    return f"{exercise_id}.svg"


def still_address(exercise_id: str) -> str:
    """Where the browser finds the exercise's still drawing."""
    return f"{ADDRESS}/{file_name(exercise_id)}"


def drawing_files(exercise_ids: list[str]) -> dict[str, str]:
    """Each exercise's still drawing, by file name."""
    return {file_name(exercise_id): exercise_svg(exercise_id) for exercise_id in exercise_ids}


def write_drawing_files(exercise_ids: list[str], folder: Path = FOLDER) -> None:
    """Write every exercise's still drawing, and remove drawings of exercises no longer in the library."""
    folder.mkdir(parents=True, exist_ok=True)
    files = drawing_files(exercise_ids)
    for stray in set(path.name for path in folder.glob("*.svg")) - set(files):
        (folder / stray).unlink()
    for name, svg in files.items():
        (folder / name).write_text(svg, encoding="utf-8")


if __name__ == "__main__":
    from lib.catalog import default_catalog

    write_drawing_files([exercise["id"] for exercise in default_catalog().exercises])
    sys.stdout.write(f"Wrote the still drawings to {FOLDER}\n")
