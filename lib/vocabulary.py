"""The words the data files share (movement patterns, equipment, sites, levels...), each list defined once.

Public API::

    from lib.vocabulary import PATTERNS, EQUIPMENT, SITES, LEVELS, IMPACT_LEVELS, words
    words("fall_demand")  # ('low', 'moderate', 'high')

The lists live in lib/schemas/vocabulary.schema.json, which the data schemas use by $ref; Python reads
the same lists here, in their order there (which is the order the app shows them in).
"""

from __future__ import annotations

import json

from lib.validation import SCHEMA_DIR

_DEFINITIONS = json.loads((SCHEMA_DIR / "vocabulary.schema.json").read_text(encoding="utf-8"))["$defs"]


def words(name: str) -> tuple[str, ...]:
    """One vocabulary, by its name in the schema's $defs."""
    return tuple(_DEFINITIONS[name]["enum"])


PATTERNS = words("pattern")
EQUIPMENT = words("equipment")  # "none" included: a body-weight exercise needs nothing
SITES = words("site")
LEVELS = words("level")
IMPACT_LEVELS = words("impact")
