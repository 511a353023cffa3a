"""The safety review sheet a physiotherapist can sign: docs/safety-review.md, written from the data.

Public API::

    from lib.safety_review import review_sheet
    text = review_sheet()  # Markdown; `make safety-review` writes it to docs/safety-review.md

For every preset: what the profile needs, then every exercise with its status, reason, modification,
swap and sources. For every rule: what it says and which exercises it matched in each preset, and for a rule
whose change no preset shows, a worked example (WORKED_EXAMPLES). Then the plans of five reference clients.
tests/test_safety_review.py fails when the checked-in sheet is stale.
"""

from __future__ import annotations

import dataclasses
import sys

import pandas as pd

from lib.profile_guidance import describe
from lib.catalog import Catalog, default_catalog
from lib.planner import build_plan, session_grid
from lib.profiles import PRESET_LABELS, PRESETS, Profile
from lib.safety import assess, profile_guidance
from lib.safety_rules import conditions_in_words, matches, rules_for
from lib.tables import markdown_table

SHEET_PATH = "docs/safety-review.md"
STATUS_ORDER = {"recommended": 0, "modify": 1, "avoid": 2}
# The clients the review of issue #10 reads plans for.
REFERENCE_CLIENTS = {
    "Normal-bone beginner": Profile(),
    "Trained osteopenic runner": Profile(bone="osteopenia", experience="trained"),
    "Cleared osteoporotic lifter": Profile(bone="osteoporosis", experience="trained", clearance=True),
    "Frail faller with knee pain": Profile(bone="osteoporosis", falls="high", joint_limits=True, floor_transfers=False),
    "22-year-old athlete, Z-score -2.1": Profile.from_z_score(-2.1, experience="trained"),
}
# A rule whose change no preset table shows, with the preset it applies to and the one field that lets it show
# (physio review O: the kneeling padding applies only to frail-faller, whose kneeling moves stay avoid without floor
# work). A worked example, not a preset: the sheet prints only the rows the rule decides.
WORKED_EXAMPLES = {  # a modify rule whose change no preset's table shows -> a preset, and the field change that shows it
    "novice-high-impact": ("building-reserve", {"experience": "novice"}),
    "novice-advanced": ("building-reserve", {"experience": "novice"}),
    "novice-heavy": ("osteopenia", {"clearance": True}),
    "painful-joints-floor-pull": ("building-reserve", {"joint_limits": True}),
    "painful-joints-kneeling": ("frail-faller", {"floor_transfers": True}),
    "fall-risk-bench-exit": ("building-reserve", {"falls": "high"}),
    "no-floor-transfers-landings": ("building-reserve", {"floor_transfers": False}),
    "no-floor-transfers-stepping": ("building-reserve", {"floor_transfers": False}),
    "no-floor-transfers-moving-balance": ("building-reserve", {"floor_transfers": False}),
    "no-floor-transfers-barbell-rack": ("building-reserve", {"floor_transfers": False}),
}
# A modify rule whose change shows in no profile: on every row it matches, this other rule's change wins.
SHADOWED = {"vertebral-fracture-form-first": "hardest-balance-beside-support"}
INTRO = """\
# Safety review sheet

Written by `make safety-review` from data/exercises.yaml, data/safety_rules.yaml and
data/safety_wording.yaml; do not edit it by hand (a test fails when it is stale). Sources are the
keys of data/references.yaml.

How the engine decides: what holds for everyone comes first (a technique fault is only ever
"avoid"; supervised-only work needs clearance). Then the restrictions: the strictest matching
avoid or modify rule wins, and a "modify" gives the exercise's own modification for that rule.
Otherwise an exercise is "recommended" only where a rule says positively why it suits the profile;
nothing is recommended by silence. The planner uses recommended exercises, and "modify" ones only where
the change is support within reach, printed beside the dose; from the build phase also those that
data/planner.yaml's phase_unlocks name (a kettlebell deadlift after the physiotherapist's review of the
hinge following a spine fracture; for a client at high risk of falling, with or without clearance, the
one-hand goblet squat and kettlebell deadlift at a counter). The one "avoid" a plan may hold: from the strength
phase, once the physiotherapist's balance check allows it, single-leg stance beside a counter with the hands
hovering over it, which a high risk of falling avoids for now (phase_unlocks' `lifts`). A novice with low bone mass does the hip-hinge
drill in the first phase, before the hinge is loaded (data/planner.yaml, technique_first).
"""


def _cell(value) -> str:
    if isinstance(value, list):
        return ", ".join(value)
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def preset_section(key: str, profile: Profile, catalog: Catalog) -> str:
    table = assess(profile, catalog)
    table = table.assign(order=table["status"].map(STATUS_ORDER)).sort_values(["order", "pattern"], kind="stable")
    rows = pd.DataFrame(
        {
            "Status": table["status"],
            "Exercise": table["name"],
            "Base": table["base"],
            "Why": table["reason"],
            "How to modify": table["modification"].map(_cell),
            "Safer swap": table["swap_name"].map(_cell),
            "Rules": table["rules"].map(_cell),
            "Sources": table["sources"].map(_cell),
        }
    ).set_index("Status")
    counts = table["status"].value_counts()
    guidance = "\n".join(
        f"- **{item.topic}:** {item.advice} ({', '.join(item.sources)})" for item in profile_guidance(profile, catalog)
    )
    return (
        f"### {PRESET_LABELS[key]} (`{key}`)\n\n{describe(profile)}\n\n{guidance}\n\n"
        f"{counts.get('recommended', 0)} recommended, {counts.get('modify', 0)} with modifications, "
        f"{counts.get('avoid', 0)} avoided.\n\n{markdown_table(rows, 'Status')}\n"
    )


def rule_section(rule: dict, catalog: Catalog) -> str:
    """A rule in words, and the exercises it matched in each preset it applies to."""
    unless = f" unless {conditions_in_words(rule['unless'])}" if "unless" in rule else ""
    change = f" Modification key: `{rule['modification']}`." if "modification" in rule else ""
    lines = [
        f"#### `{rule['id']}`: {rule['status']}",
        f"When {conditions_in_words(rule.get('when', {})) or 'any profile'}{unless}; exercises with "
        f'{conditions_in_words(rule["exercise"])}. {rule["reason"]}{change} Client line: "{rule["plain"]}" '
        f"({', '.join(rule['sources'])})",
        "",
    ]
    matched = [exercise["name"] for exercise in catalog.exercises if matches(rule["exercise"], exercise)]
    presets = [key for key, profile in PRESETS.items() if rule in rules_for(profile, catalog.rules)]
    lines.append(f"- Applies to: {', '.join(presets) or 'no preset'}")
    lines.append(f"- Matches: {', '.join(matched)}")
    if rule["id"] in WORKED_EXAMPLES:
        lines.append(worked_example(rule["id"], catalog))
    if rule["id"] in SHADOWED:
        lines.append(f"- Its change shows in no profile: on its rows `{SHADOWED[rule['id']]}`'s change wins.")
    return "\n".join(lines) + "\n"


def worked_example(rule_id: str, catalog: Catalog) -> str:
    """The rows a rule decides for its worked example's profile (WORKED_EXAMPLES), with their status and change."""
    key, change = WORKED_EXAMPLES[rule_id]
    profile = dataclasses.replace(PRESETS[key], **change)
    table = assess(profile, catalog)
    decided = table[table["modification_rule"] == rule_id]
    rows = "".join(f"\n  - {row.name}: {row.status}. {row.modification}" for row in decided.itertuples())
    where = conditions_in_words({field: [value] for field, value in change.items()})
    return f"- Worked example, not a preset: `{key}` with {where}:{rows}"


def plan_section(label: str, profile: Profile) -> str:
    plan = build_plan(profile, sessions_per_week=3, months=12)
    weeks = plan.weeks
    heavy = weeks[weeks["intensity_pct_1rm"].notna()]
    heavy_words = (
        f"heavy weeks {heavy['week'].min()}-{heavy['week'].max()} ({heavy['heavy_lifts'].iloc[0]})"
        if not heavy.empty
        else "no heavy weeks"
    )
    parts = [
        f"Impact up to {plan.impact_ceiling}",
        heavy_words,
        f"balance {weeks.set_index('week').loc[16, 'balance_minutes']} min a week by week 16",
        f"aerobic {weeks['aerobic_minutes'].max()} min a week ({weeks['aerobic_intensity'].iloc[0]})",
    ]
    if weeks["impacts_per_session"].max():  # with none, plan.notes says so
        parts.append(f"impacts up to {weeks['impacts_per_session'].max()} a session")
    summary = " ".join(filter(None, [f"{describe(profile)} {'; '.join(parts)}.", plan.habitual_impact]))
    later = weeks[(weeks["review"] != "") & (weeks["week"] > 1)]  # a week-1 review is the first of plan.notes
    summary = " ".join(
        [*plan.notes, summary, *(f"Review at week {row.week}: {row.review}" for row in later.itertuples())]
    )
    grids = "\n\n".join(
        f"Session {letter}\n\n{markdown_table(session_grid(plan, letter), 'Block')}"
        for letter in plan.sessions["session"].unique()
    )
    home = "\n".join(
        f"- {row.phase}: {row.exercise}, {row.dose}"
        + (f". {row.modification}" if row.modification else "")
        + (f" {row.move_on_when}" if row.move_on_when else "")
        for row in plan.home.itertuples()
    )
    return f"### {label}\n\n{summary}\n\n{grids}\n\nAt home:\n\n{home or '- nothing extra'}\n"


def review_sheet(catalog: Catalog | None = None) -> str:
    catalog = catalog or default_catalog()
    parts = [INTRO, "## Presets\n"]
    parts += [preset_section(key, profile, catalog) for key, profile in PRESETS.items()]
    parts.append("## Rules\n")
    parts += [rule_section(rule, catalog) for rule in catalog.rules]
    parts.append("## Plans for the reference clients (3 sessions a week, 12 months, full gym)\n")
    parts += [plan_section(label, profile) for label, profile in REFERENCE_CLIENTS.items()]
    return "\n".join(parts)


if __name__ == "__main__":
    sys.stdout.write(review_sheet())
