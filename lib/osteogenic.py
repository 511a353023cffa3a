"""The osteogenic index of Turner & Robling (2003): a way to compare loading sessions.

OI = peak load (in body weights) x ln(1 + loading cycles). Because extra cycles add
less and less, the same cycles split into bouts hours apart score higher (animal
data: Robling 2001, 2002). A teaching tool, not a prescription.
"""

from __future__ import annotations

import math


def osteogenic_index(peak_load_bw: float, cycles: int) -> float:
    """OI of one bout of `cycles` loads at `peak_load_bw` body weights."""
    if peak_load_bw < 0 or cycles < 0:
        raise ValueError("load and cycles must not be negative")
    return peak_load_bw * math.log(1 + cycles)


def split_osteogenic_index(peak_load_bw: float, total_cycles: int, bouts: int) -> float:
    """OI of the same total cycles shared evenly across `bouts` bouts separated by hours of rest."""
    if bouts < 1:
        raise ValueError("there must be at least one bout")
    return bouts * osteogenic_index(peak_load_bw, total_cycles / bouts)
