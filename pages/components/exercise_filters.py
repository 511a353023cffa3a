"""The equipment, movement-pattern and skeletal-site filters that Safe options and the Exercise library share,
bound to the link under the keys page_params.FILTER_PARAMS declares (equip, pattern, site)."""

from __future__ import annotations

from lib.vocabulary import PATTERNS, SITES
from pages.components.page_params import FILTER_EQUIPMENT


def exercise_filters(equipment_column, pattern_column, site_column) -> tuple[list[str], list[str], list[str]]:
    """The chosen equipment, patterns and sites, each filter drawn in its column of st.columns (empty: no filter)."""
    equipment = equipment_column.multiselect(
        "Equipment at hand",
        FILTER_EQUIPMENT,
        key="equip",
        bind="query-params",
        placeholder="Any equipment",
        help="Body-weight exercises always show.",
    )
    patterns = pattern_column.multiselect(
        "Movement pattern", PATTERNS, key="pattern", bind="query-params", placeholder="All patterns"
    )
    sites = site_column.multiselect(
        "Skeletal site loaded", SITES, key="site", bind="query-params", placeholder="All sites"
    )
    return equipment, patterns, sites
