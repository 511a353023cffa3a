"""An exercise's name inside a sentence: the plan sheet's lines and the plan's own booked reviews both name moves.

Public API::

    from lib.exercise_names import sentence_case, short_name
    sentence_case("Romanian deadlift with dumbbells", upper=False)  # 'Romanian deadlift with dumbbells'
    short_name("Hip-hinge drill with a dowel or broom handle (wall behind)")  # 'Hip-hinge drill'
"""

from __future__ import annotations

import re

PROPER_NAMES = frozenset({"Romanian", "Russian"})  # first words of exercise names that keep their capital in a sentence


def sentence_case(text: str, upper: bool = True) -> str:
    """The text with its first letter upper-case (or lower-case, to go inside a sentence, unless its first word is a
    proper name: review O's '(in place of the romanian deadlift)')."""
    if not upper and text.split(" ", 1)[0] in PROPER_NAMES:
        return text
    return (text[:1].upper() if upper else text[:1].lower()) + text[1:]


def short_name(name: str) -> str:
    """The move's name without its set-up or the details after ' with' or '(': 'Hip-hinge drill'."""
    return re.split(r" with | \(|:", name)[0]
