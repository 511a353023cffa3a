"""A screening result read against its cut-off (a Finding), and the borderline test every reader shares."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One result read against its cut-off, and whether it pushed a profile field off its default."""

    key: str  # the screen() argument it reads
    measure: str
    value: str
    cutoff: str
    meaning: str
    source: tuple[str, ...]
    reason: str  # the result against its cut-off in a phrase, for the profile's trace
    sets: str = ""  # the profile field this result bears on, or ""
    decides: bool = False  # True when it moves `sets` away from the default (falls high, bone lower, ...)
    borderline: bool = False

    def because(self, references: dict) -> str:
        cited = "; ".join(references[key].short for key in self.source)
        return f"{self.measure}: {self.reason}" + (f" ({cited})" if cited else "")


def spec_finding(
    spec: dict,
    key: str,
    value: str,
    cutoff: str,
    meaning: str,
    reason: str,
    *,
    sets: str = "",
    decides: bool = False,
    borderline: bool = False,
) -> Finding:
    """A finding named and sourced by its test's entry in data/screening.yaml (`spec`); a borderline result
    says so in front of its meaning."""
    sources = tuple(spec.get("sources", ()))
    return Finding(
        key,
        spec["name"],
        value,
        cutoff,
        with_borderline(meaning, borderline),
        sources,
        reason,
        sets,
        decides,
        borderline,
    )


def near_cutoff(value: float, cutoff: float, margin: float) -> bool:
    """Whether a result lies within the test's borderline margin of its cut-off."""
    return abs(value - cutoff) <= margin + 1e-9


def with_borderline(meaning: str, borderline: bool) -> str:
    return f"Borderline: close to the cut-off, so a retest could fall either side. {meaning}" if borderline else meaning
