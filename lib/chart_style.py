"""Presenter styling for any Vega-Lite spec: plain dictionaries, no altair.

Kept apart from lib/charts.py so that pages which only restyle cached specs do not import
altair (and pandas) at start-up.
"""

from __future__ import annotations

PRESENTER_SCALE = 1.5  # fonts and strokes, so a chart reads at 1280x720 through a video call
# Heights grow too: a chart's height includes its legend and axis titles, which the larger type makes taller.
SCALED_KEYS = ("fontSize", "strokeWidth", "size", "step", "thickness", "height")
# A chart's own height gives way to the screen's: the page sizes it (see pages/components/presenter.py),
# so it fits a 1280x720 screen under the top bar and a lesson's header, and grows on a taller one.
FIT_TO_SCREEN = "container"
PRESENTER_CONFIG = {
    "axis": {"labelFontSize": 18, "titleFontSize": 20, "labelLimit": 420},
    "legend": {"labelFontSize": 18, "titleFontSize": 18, "symbolSize": 220},
    "header": {"labelFontSize": 20, "titleFontSize": 20},
    "title": {"fontSize": 26, "subtitleFontSize": 18},
    "text": {"fontSize": 18},
}


def presenter_spec(spec: dict) -> dict:
    """A Vega-Lite spec restyled for a room: larger type, thicker marks, and a height the page sets from
    the screen's (FIT_TO_SCREEN) where the chart has one of its own; facets and concatenations keep theirs."""

    def scaled(node):
        if isinstance(node, dict):
            return {
                key: (
                    value * PRESENTER_SCALE if key in SCALED_KEYS and isinstance(value, (int, float)) else scaled(value)
                )
                for key, value in node.items()
            }
        if isinstance(node, list):
            return [scaled(item) for item in node]
        return node

    restyled = scaled(spec)
    restyled["config"] = {**spec.get("config", {}), **PRESENTER_CONFIG}
    if "height" in restyled:  # a band step too: one band per row would grow with the data
        restyled["height"] = FIT_TO_SCREEN
    return restyled
