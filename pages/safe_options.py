"""Safe options: pick a client's risk profile, see what to do, modify and avoid, and why."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from lib import safety
from lib.exports import assessment_csv
from lib.profiles import Profile
from lib.references import link_citations
from lib.urlstate import choice
from pages.components import site_map
from pages.components.common import catalog, disclaimer, notice_odd_parameters, share_this_view
from pages.components.lesson_figures import guidelines_markdown
from pages.components.handout_form import handout_download
from pages.components.profile_form import PROFILE_PARAMS, profile_form

GROUPS = {  # what the status means to a client, with an icon so colour never carries it alone
    "recommended": ("Recommended", ":material/check_circle:", "green"),
    "modify": ("With modifications", ":material/tune:", "orange"),
    "avoid": ("Avoid", ":material/block:", "red"),
}
GROUP_BY_LABEL = {label: status for status, (label, _, _) in GROUPS.items()}
EQUIPMENT = ("chair", "wall", "step", "band", "dumbbell", "kettlebell", "barbell", "machine", "bench", "bar")
PATTERNS = ("squat", "hinge", "lunge", "push", "pull", "carry", "back-extensor", "posture", "trunk", "balance", "impact")
SITES = ("spine", "hip", "wrist-forearm")
PAGE_PARAMS = PROFILE_PARAMS | {
    "equip": choice(EQUIPMENT, repeatable=True),
    "pattern": choice(PATTERNS, repeatable=True),
    "site": choice(SITES, repeatable=True),
    "show": choice(GROUP_BY_LABEL),
    "all": choice([True, False]),
}
CARD_COLUMNS = 2
FIRST_CARDS = 12  # one screenful with every movement pattern; the rest on request (each card costs a rerun)


@st.cache_data(show_spinner=False)
def assessment(profile: Profile) -> pd.DataFrame:
    """The profile's assessment, ordered so the first cards of any group cover every movement pattern."""
    return safety.one_of_each_pattern_first(safety.assess(profile, catalog()))


@st.cache_data(show_spinner=False)
def guidance_markdown(profile: Profile) -> str:
    """What the profile needs, topic by topic, with its sources linked."""
    return link_citations("\n".join(
        f"- **{item.topic}:** {item.advice} [{'; '.join('@' + key for key in item.sources)}]"
        for item in safety.profile_guidance(profile, catalog())
    ), catalog().references)


@st.cache_data(show_spinner=False)
def rules_markdown() -> str:
    """One line per rule, as a reviewer reads it, with its sources linked and its id for finding it in the file."""
    lines = []
    for rule in safety.rules_table(catalog()).to_dict("records"):
        unless = f", unless {rule['Unless']}" if rule["Unless"] else ""
        sources = "; ".join("@" + key for key in rule["Sources"])
        lines.append(f"- **{rule['Status'].capitalize()}** exercises with *{rule['Exercises with']}* when the client "
                     f"has *{rule['When the client has']}*{unless}. {rule['Why']} [{sources}] `{rule['Rule']}`")
    return link_citations("\n".join(lines), catalog().references)


def render_summary(profile: Profile) -> None:
    with st.container(border=True):
        st.subheader("What this profile needs", anchor="profile-needs")
        st.write(profile.describe())
        st.markdown(guidance_markdown(profile))
        with st.expander("What each guideline says for this profile"):
            st.markdown(guidelines_markdown(profile.vertebral_fracture))


def render_filters() -> tuple[list[str], list[str], list[str]]:
    equipment_column, pattern_column, site_column = st.columns(3)
    equipment = equipment_column.multiselect("Equipment at hand", EQUIPMENT, key="equip", bind="query-params",
                                             placeholder="Any equipment", help="Body-weight exercises always show.")
    patterns = pattern_column.multiselect("Movement pattern", PATTERNS, key="pattern", bind="query-params",
                                          placeholder="All patterns")
    sites = site_column.multiselect("Skeletal site loaded", SITES, key="site", bind="query-params",
                                    placeholder="All sites")
    return equipment, patterns, sites


def render_counts(table: pd.DataFrame) -> None:
    counts = table["status"].value_counts()
    for column, (status, (label, icon, _)) in zip(st.columns(3), GROUPS.items()):
        column.metric(f"{icon} {label}", int(counts.get(status, 0)))


@dataclass(frozen=True)
class Card:
    """One exercise's card for a profile, in Markdown with its citations already linked."""

    pattern: str
    text: str  # name, status, badges, summary, and the reason with its sources
    details: str  # cues, common errors and dose
    swap_label: str | None  # "Try instead: ..." where the rules name a safer swap
    swap_text: str | None


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def exercise_details(exercise: dict, impact_basis: str | None = None) -> str:
    """Cues, common errors (each a sentence), dose and how its impact band was set, as one Markdown block."""
    cues = "\n".join(f"- {cue}" for cue in exercise["cues"])
    impact = f"\n\n*Impact: {impact_basis}*" if impact_basis else ""
    return (f"{cues}\n\n**Watch for:** {' '.join(_sentence(error) for error in exercise['errors'])}"
            f"\n\n*Dose: {exercise['dose']}*{impact}")


BASE_BADGES = {"technique fault": ":violet-badge[:material/school: technique fault]",
               "supervised only": ":violet-badge[:material/supervisor_account: supervised only]", "ordinary": ""}


def card_markdown(row: dict, exercise: dict) -> str:
    """Name, status in words with its icon (never colour alone), summary, the reason with its sources, the change."""
    label, icon, colour = GROUPS[row["status"]]
    impact = "no impact" if row["impact"] == "none" else f"{row['impact']} impact"
    heavy = " :gray-badge[heavy: LIFTMOR 5 x 5]" if row["heavy"] else ""
    sources = "; ".join("@" + key for key in row["sources"])
    change = f"\n\n**How to modify:** {row['modification']}" if row["modification"] else ""
    return (f"**{row['name']}**  \n:{colour}-badge[{icon} {label}] :gray-badge[{row['pattern']}] :gray-badge[{impact}]"
            f"{heavy} {BASE_BADGES[row['base']]}  \n:gray[{exercise['summary']}]\n\n{row['reason']} [{sources}]{change}")


@st.cache_resource(show_spinner=False)
def cards_for(profile: Profile) -> dict[str, Card]:
    """Every exercise's card for this profile, built once per profile rather than on every rerun.

    A resource, not cache_data: cards are immutable, and a class defined in a page script cannot be
    pickled. The cache stays small: a profile is one of 96 combinations of its fields.
    """
    exercises, references = catalog().exercises_by_id, catalog().references
    cards = {}
    for row in assessment(profile).to_dict("records"):
        exercise = exercises[row["id"]]
        swap = exercises[row["swap_id"]] if isinstance(row["swap_id"], str) else None
        cards[row["id"]] = Card(
            pattern=row["pattern"],
            text=link_citations(card_markdown(row, exercise), references),
            details=exercise_details(exercise, row["impact_basis"] if row["impact"] != "none" else None),
            swap_label=swap and f"Try instead: {swap['name']}",
            swap_text=swap and f"**{swap['name']}**: {swap['summary']}\n\n{exercise_details(swap)}",
        )
    return cards


def render_card(card: Card, pictogram: str) -> None:
    with st.container(border=True):
        picture, words = st.columns([1, 3])
        picture.image(pictogram, width=110, alt=f"Line drawing of a {card.pattern} movement")
        words.markdown(card.text)
        if card.swap_label:
            with st.popover(card.swap_label, icon=":material/swap_horiz:", width="stretch"):
                st.markdown(card.swap_text)
        with st.expander("Cues, common errors and dose"):
            st.markdown(card.details)


def render_cards(exercise_ids: list[str], cards: dict[str, Card]) -> None:
    if not exercise_ids:
        st.info("No exercise in this group matches the filters.", icon=":material/filter_alt_off:")
        return
    pictograms = catalog().pictograms
    show_all = len(exercise_ids) <= FIRST_CARDS or st.toggle(
        f"Show all {len(exercise_ids)} exercises", key="all", bind="query-params",
        help=f"The first {FIRST_CARDS} cover every movement pattern.")
    columns = st.columns(CARD_COLUMNS)
    for position, exercise_id in enumerate(exercise_ids if show_all else exercise_ids[:FIRST_CARDS]):
        with columns[position % CARD_COLUMNS]:
            card = cards[exercise_id]
            render_card(card, pictograms[card.pattern])


@st.fragment
def render_exercises(profile: Profile) -> None:
    """Filters, counts, cards and their CSV: changing a filter reruns only this part of the page."""
    st.subheader("Exercises for this profile", anchor="exercises")
    filtered = safety.filter_assessment(assessment(profile), *render_filters())
    share_this_view(site_map.SAFE_OPTIONS.url_path)
    render_counts(filtered)
    # A bound control given an empty link value returns None even when required: fall back to the default.
    shown = st.segmented_control("Show", list(GROUP_BY_LABEL), default="Recommended", key="show",
                                 bind="query-params", required=True) or "Recommended"
    render_cards(filtered.loc[filtered["status"] == GROUP_BY_LABEL[shown], "id"].tolist(), cards_for(profile))
    st.download_button(
        "Download this list (CSV)", lambda: assessment_csv(filtered), file_name="bone-loading-safe-options.csv",
        mime="text/csv", icon=":material/download:", on_click="ignore",
    )


def render_rules() -> None:
    with st.expander("How the rules work"):
        st.write(
            "Each exercise in the library is tagged for impact, spinal flexion and extension, rotation, fall demand, "
            "load, floor work and what it does (builds bone, trains balance, or strengthens the back); technique "
            "faults are only ever shown to avoid. Each rule below says which tagged exercises a profile should avoid "
            "or modify, or why they suit it. When restrictions apply, the strictest wins and a change names the "
            "exercise's own modification; otherwise an exercise is recommended only where a rule says why it suits "
            "the profile. The rules live in data/safety_rules.yaml, and docs/safety-review.md shows what they decide "
            "for every preset."
        )
        st.markdown(rules_markdown())


st.title("Safe options")
st.caption("Choose a client's risk profile to see which exercises suit it, which need changing, and which to avoid.")
notice_odd_parameters(PAGE_PARAMS)
profile = profile_form()
render_summary(profile)
render_exercises(profile)
handout_download(profile)
render_rules()
disclaimer()
