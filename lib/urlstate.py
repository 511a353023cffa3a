"""Check URL query parameters before the widgets bound to them read them.

Streamlit's bound widgets quietly fall back to their default on a value they do not
know; pages use this to say so with a visible notice instead of staying silent.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Callable, Iterable, Mapping
from urllib.parse import urlencode, urlsplit, urlunsplit

SAFE_KEY = re.compile(r"^[a-z_]{1,24}$")
UNREADABLE = "an unreadable setting"


@dataclass(frozen=True)
class Param:
    """What one URL parameter may hold: a check per value, and whether it may repeat (lists)."""

    check: Callable[[str], bool]
    repeatable: bool = False

    def accepts(self, values: list[str]) -> bool:
        return (self.repeatable or len(values) == 1) and all(self.check(value) for value in values)


def choice(options: Iterable[object], repeatable: bool = False) -> Param:
    """One of the options, as the URL spells them (booleans as 'true'/'false')."""
    allowed = {str(option).lower() if isinstance(option, bool) else str(option) for option in options}
    return Param(lambda value: value in allowed, repeatable)


def deferred(make: Callable[[], Param], repeatable: bool = False) -> Param:
    """A Param built when a link first needs checking, from choices not at hand when it is declared
    (the catalog's names, or a list whose module is slow to import)."""
    made = cache(make)
    return Param(lambda value: made().check(value), repeatable)


def number_between(low: float, high: float) -> Param:
    def check(value: str) -> bool:
        try:
            number = float(value)
        except ValueError:
            return False
        return math.isfinite(number) and low <= number <= high

    return Param(check)


def whole_number_between(low: int, high: int) -> Param:
    """Plain ASCII digits only: int() would take '٣' and choke on '²' or on ten thousand digits."""
    digits = re.compile(rf"[0-9]{{1,{len(str(high))}}}")
    return Param(lambda value: bool(digits.fullmatch(value)) and low <= int(value) <= high)


def refused_keys(raw: Mapping[str, list[str]], params: Mapping[str, Param], shared: Iterable[str] = ()) -> list[str]:
    """The keys of a link that a page cannot use, as the link spells them: unknown keys and refused values.

    `shared` names keys that belong to other pages of the app and ride along in a link.
    """
    shared = set(shared)
    return [
        key
        for key, values in raw.items()
        if key not in shared and (key not in params or not params[key].accepts(values))
    ]


def odd_parameters(raw: Mapping[str, list[str]], params: Mapping[str, Param], shared: Iterable[str] = ()) -> list[str]:
    """Names of the parameters a page cannot use (see refused_keys), safe to show.

    A key that is not a plain lowercase word is reported as 'an unreadable setting',
    never echoed back.
    """
    return sorted({key if SAFE_KEY.match(key) else UNREADABLE for key in refused_keys(raw, params, shared)})


def share_url(page_url: str, url_path: str, params: Mapping[str, list[str]]) -> str:
    """The full link to a page with its settings, repeated keys kept (for 'copy link to this view').

    `page_url` is the address the browser shows (Streamlit's st.context.url), which already ends
    in the page's path; it is added only when missing, so the link never doubles it. Any query or
    fragment on `page_url` is dropped: the settings come from `params` alone.
    """
    scheme, host, path, _, _ = urlsplit(page_url)
    path = path.rstrip("/")
    if url_path and not path.endswith(f"/{url_path}"):
        path = f"{path}/{url_path}"
    query = urlencode([(key, value) for key, values in params.items() for value in values])
    return urlunsplit((scheme, host, path or "/", query, ""))
