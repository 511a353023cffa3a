"""Sources and the Pandoc-style citations that point at them (``[@key]``, ``[@a; @b]``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from lib.validation import load_validated

CITATION = re.compile(r"\[(@[a-z][a-z0-9]*(?:\s*;\s*@[a-z][a-z0-9]*)*)\]")
CITED_KEY = re.compile(r"@([a-z][a-z0-9]*)")


@dataclass(frozen=True)
class Reference:
    key: str
    authors: str
    year: int
    title: str
    journal: str
    doi: str | None = None
    url: str | None = None
    note: str | None = None
    label: str | None = None

    @property
    def link(self) -> str:
        """Where a reader can check the source: the DOI resolver, or the given URL."""
        return f"https://doi.org/{self.doi}" if self.doi else str(self.url)

    @property
    def short(self) -> str:
        """Author-year label for inline citations, e.g. 'Watson 2018'.

        An organisation's name reads oddly cut to its first word ('Osteoporosis 2017'), so an
        entry may give its own ``label`` to use instead of the first author's surname.
        """
        name = self.label or self.authors.split(",")[0].split()[0]
        return f"{name} {self.year}"

    def formatted(self) -> str:
        """One-line Markdown citation with the title linked to its source."""
        return f"{self.authors} ({self.year}). [{self.title}]({self.link}). *{self.journal}*."


def load_references(path: Path) -> dict[str, Reference]:
    document = load_validated(path, "references")
    return {key: Reference(key=key, **fields) for key, fields in document.items()}


def cited_keys(markdown: str) -> list[str]:
    """Keys cited in a text, in order of first appearance, without repeats."""
    keys: list[str] = []
    for group in CITATION.findall(markdown):
        keys.extend(key for key in CITED_KEY.findall(group) if key not in keys)
    return keys


def citation(keys: Iterable[str], references: dict[str, Reference]) -> str:
    """Source keys as one Markdown citation: '([Author 2018](link); [Other 2014](link))', or '' for none.

    Callers validate keys first; an unknown key here is a programming error.
    """
    links = [f"[{references[key].short}]({references[key].link})" for key in keys]
    return "(" + "; ".join(links) + ")" if links else ""


def link_citations(markdown: str, references: dict[str, Reference]) -> str:
    """Turn each ``[@a; @b]`` in a text into its citation (see citation)."""
    return CITATION.sub(lambda match: citation(CITED_KEY.findall(match.group(1)), references), markdown)
