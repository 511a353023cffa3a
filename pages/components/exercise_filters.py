"""The equipment, movement-pattern and skeletal-site filters that Safe options and the Exercise library share,
bound to the link under the keys page_params.FILTER_PARAMS declares (equip, pattern, site)."""

from __future__ import annotations

from lib.vocabulary import PATTERNS, SITES
from pages.components.page_params import FILTER_EQUIPMENT


def exercise_filters(row) -> tuple[list[str], list[str], list[str]]:
    """The chosen equipment, patterns and sites (empty: no filter), drawn side by side in `row`, a horizontal
    container: one block for the browser to redraw, where columns are four (issue #13)."""
    equipment = row.multiselect(
        "Equipment at hand",
        FILTER_EQUIPMENT,
        key="equip",
        bind="query-params",
        placeholder="Any equipment",
        help="Body-weight exercises always show.",
    )
    patterns = row.multiselect(
        "Movement pattern", PATTERNS, key="pattern", bind="query-params", placeholder="All patterns"
    )
    sites = row.multiselect("Skeletal site loaded", SITES, key="site", bind="query-params", placeholder="All sites")
    return equipment, patterns, sites
