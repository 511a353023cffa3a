"""Safe options: pick a client's risk profile, see what to do, modify and avoid, and why."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import streamlit as st

from lib.profile_guidance import describe
from lib import safety
from lib.exports import assessment_csv
from lib.profile_guidance import Guidance
from lib.profiles import Profile
from pages.components import kept_settings, site_map
from pages.components.common import bound_choice, catalog, cite, disclaimer, notice_odd_parameters, share_this_view
from pages.components.exercise_card import card_grid, card_styles, exercise_card, guidance_html
from pages.components.exercise_filters import exercise_filters
from pages.components.lesson_figures import guidelines_markdown
from pages.components.handout_form import drop_handout_made_for_another, handout_download
from pages.components.page_params import STATUS_LABELS
from pages.components.profile_form import link_with_this_profile, profile_form, profile_in_form

GROUP_BY_LABEL = {label: status for status, label in STATUS_LABELS.items()}  # the Show control's choices
# The first cards, each of a different movement pattern; the rest on request, and every pattern through the pattern
# filter. 12 covered every pattern, but cost the browser more on each profile change (issue #13).
FIRST_CARDS = 6


@st.cache_resource(show_spinner=False, max_entries=256)
def assessment(profile: Profile, equipment: tuple[str, ...] = ()) -> pd.DataFrame:
    """The profile's assessment, ordered so the first cards of any group cover every movement pattern; its safer
    swaps doable with the equipment at hand (none chosen: any).

    A shared resource, not a copy per call: unpickling a copy on every profile change cost the rerun several
    milliseconds (issue #13). Callers only read it (filter_assessment returns a new frame).
    """
    return safety.one_of_each_pattern_first(safety.assess(profile, catalog(), equipment or None))


@st.cache_data(show_spinner=False)
def guidance(profile: Profile) -> list[Guidance]:
    return safety.profile_guidance(profile, catalog())


@st.cache_data(show_spinner=False)
def rules_markdown() -> str:
    """One line per rule, as a reviewer reads it, with its sources linked and its id for finding it in the file."""
    lines = []
    for rule in safety.rules_table(catalog()).to_dict("records"):
        unless = f", unless {rule['Unless']}" if rule["Unless"] else ""
        sources = cite(rule["Sources"])
        lines.append(
            f"- **{rule['Status'].capitalize()}** exercises with *{rule['Exercises with']}* when the client "
            f"has *{rule['When the client has']}*{unless}. {rule['Why']} {sources} `{rule['Rule']}`"
        )
    return "\n".join(lines)


def render_summary(profile: Profile) -> None:
    # In sight, not behind a click, though a closed list cost the browser about 8 ms less per profile change
    # (issue #13): the clearance and red-flag advice is what a client must not miss. Heading and list are one
    # element, boxed by its own style rather than a bordered container: each element or container is a message
    # for the server to send and a part for the browser to redraw.
    st.html(guidance_html("What this profile needs", describe(profile), guidance(profile), catalog().references))
    # Drawn only while open: a profile change does not redraw a closed table (issue #13).
    guidelines = st.expander("What each guideline says for this profile", key="guidelines", on_change="rerun")
    if guidelines.open:
        guidelines.markdown(guidelines_markdown(profile.vertebral_fracture))


@st.cache_resource(show_spinner=False, max_entries=128)
def cards_for(profile: Profile, equipment: tuple[str, ...] = ()) -> dict[str, str]:
    """Every exercise's card for this profile and equipment at hand, as HTML (pages/components/exercise_card.py).

    Bounded: a profile is one of 256 combinations of its fields, and the equipment multiplies them.
    """
    exercises, references = catalog().exercises_by_id, catalog().references
    return {
        row["id"]: exercise_card(
            exercises[row["id"]],
            references,
            row["status"],
            row["reason"],
            tuple(row["sources"]),
            exercises[row["swap_id"]] if isinstance(row["swap_id"], str) else None,
            modification=row["modification"],
            notes=card_notes(row),
            impact_basis=row["impact_basis"] if row["impact"] != "none" else "",
        )
        for row in assessment(profile, equipment).to_dict("records")
    }


def card_notes(row: dict) -> tuple[str, ...]:
    """What holds for everyone, as badges: a technique fault, supervised-only work, a heavy LIFTMOR lift."""
    base = () if row["base"] == "ordinary" else (row["base"],)
    return base + (("heavy: LIFTMOR 5 x 5",) if row["heavy"] else ())


def render_cards(exercise_ids: list[str], cards: dict[str, str], counts: Counter) -> None:
    """The shown group's cards, after the three groups' sizes in one line. Line and cards are one element: each
    element is a part the browser redraws on every profile change (issue #13)."""
    if not exercise_ids:
        st.html(card_grid([], counts))
        st.info("No exercise in this group matches the filters.", icon=":material/filter_alt_off:")
        return
    # A checkbox, not a toggle: Streamlit redraws a toggle's styles on every rerun (issue #13: about 3 ms of the
    # browser's CPU per profile change). The link holds all=true either way.
    show_all = len(exercise_ids) <= FIRST_CARDS or st.checkbox(
        f"Show all {len(exercise_ids)} exercises",
        key="all",
        bind="query-params",
        help=f"The first {FIRST_CARDS} are each of a different movement pattern; the Movement pattern filter "
        "above picks any pattern.",
    )
    shown = exercise_ids if show_all else exercise_ids[:FIRST_CARDS]
    st.html(card_grid([cards[exercise_id] for exercise_id in shown], counts))


@st.fragment
def render_exercises(profile: Profile) -> None:
    """Filters, counts, cards and their CSV: changing a filter reruns only this part of the page."""
    st.subheader("Exercises for this profile", anchor="exercises")
    equipment, patterns, sites = exercise_filters(st.container(horizontal=True))
    filtered = safety.filter_assessment(assessment(profile, tuple(sorted(equipment))), equipment, patterns, sites)
    shown = bound_choice(st, "Show", list(GROUP_BY_LABEL), "Recommended", key="show")
    render_cards(
        filtered.loc[filtered["status"] == GROUP_BY_LABEL[shown], "id"].tolist(),
        cards_for(profile, tuple(sorted(equipment))),
        Counter(filtered["status"].tolist()),  # a plain count: pandas' value_counts cost ~2 ms a rerun
    )
    st.download_button(
        "Download this list (CSV)",
        lambda: assessment_csv(filtered, profile),
        file_name="bone-loading-safe-options.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )


@st.fragment
def render_for_profile() -> None:
    """The profile and everything that depends on it. A change to the profile reruns this part alone, so the
    sidebar's page links, the title and the rules are not sent and redrawn again (issue #13)."""
    profile = profile_form()
    render_summary(profile)
    link_with_this_profile(site_map.PLANNER.page(), "Build a program for this profile", ":material/calendar_month:")
    render_exercises(profile)
    drop_handout_made_for_another(profile)
    # app.py notes the page on full runs only: a rerun of this part is never a fresh arrival, so the kept
    # profile must not be put back over a change the user just made.
    kept_settings.note_page(site_map.SAFE_OPTIONS.url_path)


@st.fragment
def render_handout() -> None:
    """Outside render_for_profile: a profile change does not send and redraw the handout's form (issue #13);
    drop_handout_made_for_another keeps it from offering a handout made for the previous profile."""
    handout_download(profile_in_form())


def render_rules() -> None:
    # Drawn only while open: closed, Streamlit 1.67 still keeps its content laid out in the page (the rules run
    # to about 5,700 px), below the part a profile change redraws (issue #13).
    rules = st.expander("How the rules work", key="rules", on_change="rerun")
    if not rules.open:
        return
    with rules:
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
notice_odd_parameters(site_map.SAFE_OPTIONS.params)
# Outside the parts that rerun: its link is made when it opens (a full run then), so a profile change need not send
# and redraw it (issue #13).
share_this_view(site_map.SAFE_OPTIONS.url_path)
st.html(card_styles())  # once, outside the part that reruns
render_for_profile()
render_handout()
render_rules()
disclaimer()
