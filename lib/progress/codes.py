"""Study codes: a few random words a learner writes down instead of making an account.

Each word comes from the BIP-39 English list (2048 words chosen to be unambiguous when written
down: no two share their first four letters), picked with `secrets`, so five words carry
5 x 11 = 55 bits: guessing a code that exists is impractical. The database keeps only a
SHA-256 hash of the code, so it cannot list the codes either.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
import secrets

from mnemonic import Mnemonic

WORDS_PER_CODE = 5
SEPARATOR = "-"


@functools.cache
def word_list() -> tuple[str, ...]:
    return tuple(Mnemonic("english").wordlist)


def code_bits() -> float:
    """How many bits of randomness one code carries."""
    return WORDS_PER_CODE * math.log2(len(word_list()))


def new_code() -> str:
    return SEPARATOR.join(secrets.choice(word_list()) for _ in range(WORDS_PER_CODE))


def normalize_code(text: str) -> str | None:
    """The code as the app writes it, from what a learner typed (any case, spaces or hyphens), or None."""
    words = re.findall(r"[a-z]+", text.lower())
    if len(words) != WORDS_PER_CODE or not set(words) <= set(word_list()):
        return None
    return SEPARATOR.join(words)


def code_key(code: str) -> str:
    """What the database keeps instead of the code itself."""
    return hashlib.sha256(code.encode("ascii")).hexdigest()
