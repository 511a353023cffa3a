"""Presenter styling for any Vega-Lite spec: plain dictionaries, no altair.

Kept apart from lib/charts.py so that pages which only restyle cached specs do not import
altair (and pandas) at start-up.
"""

from __future__ import annotations

PRESENTER_SCALE = 1.5  # fonts and strokes, so a chart reads at 1280x720 through a video call
# Heights grow too: a chart's height includes its legend and axis titles, which the larger type makes taller.
SCALED_KEYS = ("fontSize", "strokeWidth", "size", "step", "thickness", "height")
PRESENTER_CONFIG = {
    "axis": {"labelFontSize": 18, "titleFontSize": 20, "labelLimit": 420},
    "legend": {"labelFontSize": 18, "titleFontSize": 18, "symbolSize": 220},
    "header": {"labelFontSize": 20, "titleFontSize": 20},
    "title": {"fontSize": 26, "subtitleFontSize": 18},
    "text": {"fontSize": 18},
}


def presenter_spec(spec: dict) -> dict:
    """A Vega-Lite spec restyled for a room: larger type, thicker marks, taller bands."""
    def scaled(node):
        if isinstance(node, dict):
            return {key: (value * PRESENTER_SCALE if key in SCALED_KEYS
                          and isinstance(value, (int, float)) else scaled(value)) for key, value in node.items()}
        if isinstance(node, list):
            return [scaled(item) for item in node]
        return node

    restyled = scaled(spec)
    restyled["config"] = {**spec.get("config", {}), **PRESENTER_CONFIG}
    return restyled
