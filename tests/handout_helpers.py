"""What the handout test files share: a fixed start date and first name, and the PDF's text as one line."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

START = dt.date(2026, 1, 7)  # a Wednesday: the plan begins the next Monday
FIRST_NAME = "Margaret"


def pdf_words(text: str) -> str:
    """Extracted text with every run of whitespace as one space (lines wrap anywhere)."""
    return " ".join(text.split())


def read_pdf(pdf: bytes) -> tuple[int, str]:
    """The PDF's page count and all its text, as pdf_words gives it."""
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), pdf_words(" ".join(page.extract_text() for page in reader.pages))
