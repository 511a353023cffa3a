"""The handout's typeface, DejaVu Sans Condensed (lib/fonts/, with its licence), and what it can print.

Public API::

    from lib.handout_font import FAMILY, FILES, prints, plain
    prints("Łucja")      # True: every character has a glyph in both the regular and the bold cut
    plain("café 中")     # 'café ?': what the font cannot print becomes '?'

Reading the font's character map needs only fontTools (which fpdf2 itself uses), not fpdf2: the
handout form checks a typed name on every run, and fpdf2 would add to a page's first visit.
"""

from __future__ import annotations

import functools
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVuSansCondensed"
FILES = {"": FONT_DIR / "DejaVuSansCondensed.ttf", "B": FONT_DIR / "DejaVuSansCondensed-Bold.ttf"}  # by fpdf2 style


@functools.cache
def printable() -> frozenset[int]:
    """The code points both cuts have a glyph for (read once per process)."""
    from fontTools.ttLib import TTFont

    regular, bold = (set(TTFont(path, lazy=True).getBestCmap()) for path in FILES.values())
    return frozenset(regular & bold)


def prints(text: str) -> bool:
    return all(ord(character) in printable() for character in text)


def plain(text: str) -> str:
    """The text with every character the font has no glyph for replaced by '?'."""
    return "".join(character if ord(character) in printable() else "?" for character in text)
