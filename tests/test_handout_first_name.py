"""The client's first name on the handout: odd or hostile input dropped, any alphabet the typeface prints kept."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from lib.handout import clean_first_name
from lib.handout_font import plain
from lib.handout_pdf import handout_pdf
from lib.profiles import PRESETS
from tests.handout_helpers import pdf_words, read_pdf


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "Robert'); DROP TABLE clients;--",
        "A" * 41,
        "   ",
        "12345",
        "Ann\nEvil",
    ],
)
def test_a_hostile_or_odd_first_name_is_dropped(hostile, catalog):
    assert clean_first_name(hostile) == ""
    pdf = handout_pdf(PRESETS["osteopenia"], first_name=hostile, catalog=catalog)
    _, text = read_pdf(pdf)
    assert "plan," not in text.split("About you")[0]
    assert b"<script>" not in pdf and b"DROP TABLE" not in pdf


def test_a_real_first_name_is_kept_tidy_and_stays_out_of_the_metadata(catalog):
    assert clean_first_name("  Ann-Marie   O\u2019Neil ") == "Ann-Marie O'Neil"
    assert clean_first_name("Zoë") == "Zoë"
    pdf = handout_pdf(PRESETS["osteopenia"], first_name="Ann-Marie O'Neil", catalog=catalog)
    reader = PdfReader(io.BytesIO(pdf))
    assert "Your bone-strength plan, Ann-Marie O'Neil" in pdf_words(reader.pages[0].extract_text())
    assert "Ann-Marie" not in str(dict(reader.metadata or {}))


@pytest.mark.parametrize("name", ["Łucja", "Dvořák", "Nguyễn", "Ольга", "Αθηνά", "Zoë"])
def test_a_name_in_any_alphabet_the_font_has_prints(name, catalog):
    assert clean_first_name(name) == name
    pdf = handout_pdf(PRESETS["osteopenia"], first_name=name, catalog=catalog)
    assert f"Your bone-strength plan, {name}" in pdf_words(PdfReader(io.BytesIO(pdf)).pages[0].extract_text())


def test_a_name_the_font_cannot_print_is_refused_as_the_form_says():
    # The form's note says: letters the handout's typeface prints.
    assert clean_first_name("\u9648\u6d01") == ""  # Chinese: no glyphs in DejaVu Sans
    assert clean_first_name("Nguye\u0302\u0303n") == "Nguy\u1ec5n"  # typed with combining marks


def test_plain_replaces_only_what_the_font_cannot_print():
    assert plain("\u201cGo\u201d \u2013 \u2265 3 \u00d7 8\u2026") == "\u201cGo\u201d \u2013 \u2265 3 \u00d7 8\u2026"
    assert plain("caf\u00e9 \u4e2d") == "caf\u00e9 ?"
