"""The order of the client handout's cautions: which restricted exercises the sheet names first, one per reason.

Public API::

    from lib.handout_caution_order import one_per_reason, pick_cautions, rank_by_concern
    groups = rank_by_concern(rows, profile, rules)  # restricted rows by concern, in the profile's order
    ranked = pick_cautions(groups, places)          # the spine's three places first, then one per other concern
    picks = one_per_reason(ranked, 4, reason)       # the best-ranked caution for each plain reason

lib/handout_choices.py handout_cautions chooses with these; nothing here words a caution.
"""

from __future__ import annotations

from lib.profiles import Profile
from lib.safety_rules import IMPACT_LEVELS
from lib.vocabulary import LEVELS

# With other concerns too, the spine keeps three places (one each for lifting, toe touching and twisting,
# the daily movements that matter most) and the first other concern gets the fourth.
SPINE_PLACES = 3


def _spine_kind(row: dict) -> int:
    """Kinds of spine caution, closest to daily life first: bending to lift, toe touching, twisting, sit-up style."""
    if row["pattern"] == "hinge":
        return 0
    if row["rotation"] == "loaded":
        return 2
    return 1 if row["spinal_flexion"] == "end_range" else 3


def _concern_order(profile: Profile) -> tuple[str, ...]:
    # A high faller's falls caution before a spine fracture's impact one: the impact limit is said again in the
    # guidance and "Your week", the hands-full fall is not (physio review G, H1).
    if profile.falls == "high":
        return ("spine", "falls", "impact", "heavy", "joints", "floor", "other")
    if profile.fragility == "vertebral_fracture":
        return ("spine", "impact", "falls", "heavy", "joints", "floor", "other")
    return ("spine", "impact", "heavy", "falls", "joints", "floor", "other")


def _one_of_each_kind_first(rows: list[dict]) -> list[dict]:
    """One caution of each kind, then the rest; within a kind, standing work first (it is closer to daily life)."""
    rows = sorted(rows, key=lambda row: (_spine_kind(row), row["floor"], LEVELS.index(row["level"])))
    firsts = [
        row for position, row in enumerate(rows) if position == 0 or _spine_kind(rows[position - 1]) != _spine_kind(row)
    ]
    return firsts + [row for row in rows if row not in firsts]


def rank_by_concern(rows: list[dict], profile: Profile, rules: dict[str, dict]) -> list[list[dict]]:
    """Restricted exercises grouped by the most relevant concern among their rules, in the profile's order."""
    order = _concern_order(profile)
    groups: dict[str, list[dict]] = {concern: [] for concern in order}
    for row in rows:
        concerns = {rules[rule]["concern"] for rule in row["rules"]} or {"other"}
        groups[min(concerns, key=order.index)].append(row)
    groups["spine"] = _one_of_each_kind_first(groups["spine"])
    for concern in order[1:]:
        groups[concern].sort(key=lambda row: (IMPACT_LEVELS.index(row["impact"]), LEVELS.index(row["level"])))
    return [groups[concern] for concern in order]


def pick_cautions(groups: list[list[dict]], places: int) -> list[dict]:
    """The spine keeps up to three places while other concerns each get one; leftovers fill the rest."""
    spine, *others = groups
    others = [group for group in others if group]
    picks = (spine[: SPINE_PLACES if others else places] + [group[0] for group in others])[:places]
    for row in spine + [row for group in others for row in group]:
        if len(picks) >= places:
            break
        if row not in picks:
            picks.append(row)
    return picks


def one_per_reason(ranked: list[dict], places: int, reason) -> list[dict]:
    """The best-ranked caution for each reason: two cautions with the same reason tell the client one thing twice
    (physio review F, L3: two rounded-back lifts, while jumping on painful knees went unsaid)."""
    by_reason: dict[str, dict] = {}
    for row in ranked:
        by_reason.setdefault(reason(row), row)
    return list(by_reason.values())[:places]
