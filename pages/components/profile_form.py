"""The risk-profile controls, shared by Safe options and the Planner, bound to the URL.

The URL keys are short and stable: ?bone=osteoporosis&vf=true&falls=high&joints=true&exp=trained&cleared=true&nofloor=true
(or t=-2.8, or z=-2.1 for someone before menopause or under 50, instead of bone). A value equal to the default is left
out of the link. Each field's key is in lib/profiles.py (LINK_KEYS); what each may hold in page_params.PROFILE_PARAMS.
"""

from __future__ import annotations

import streamlit as st

from lib.profiles import (
    BONE_LEVELS,
    EXPERIENCE_LEVELS,
    FALL_LEVELS,
    LINK_KEYS,
    PRESET_LABELS,
    PRESETS,
    Profile,
    classify_t_score,
    classify_z_score,
)
from pages.components import kept_settings, site_map
from pages.components.page_params import PROFILE_PARAMS, T_SCORE_RANGE

BONE_LABELS = {"low_for_age": "below the expected range for age (Z-score)"}

# The four yes/no fields, as one row of pills: one widget costs the browser less to redraw than four
# toggles (issue #13: a profile change settled in about 140 ms instead of 180 ms, measured with the changes
# beside it). The pills are not bound to the link; the link keeps each field's own key instead
# (vf=true, joints=true, cleared=true, nofloor=true), so every link made before, and the ones the cases,
# the screening and the other pages make, still opens the same profile. Key -> label, and what it means: a cleared
# low Z-score's sheet says her doctor has looked for the cause, so the form asks for that (physio review U, Lo6).
YES_NO_FIELDS = {
    "vf": ("Past vertebral fracture", "a spine (vertebral) fracture, or several fragility fractures anywhere."),
    "joints": ("Painful joints limit impact", "a painful knee, hip or ankle that makes landings hurt."),
    "cleared": (
        "Cleared for heavy lifting",
        "medical clearance obtained (with a Z-score below the expected range, from a doctor who has looked for its "
        "cause), and a qualified coach supervises heavy sets.",
    ),
    "nofloor": (
        "No floor work",
        "the client cannot get down to the floor and up again safely: chair, wall and standing versions instead.",
    ),
}
YES_NO_HELP = "Choose each that applies to the client.\n\n" + "\n".join(
    f"- **{label}:** {meaning}" for label, meaning in YES_NO_FIELDS.values()
)
YES_NO_KEY = "also"  # the pills' own key: a list of the fields switched on


def _yes_from_link() -> list[str]:
    """The yes/no fields the link switches on, copied into the session (odd values are gone by now:
    notice_odd_parameters)."""
    on = [key for key in YES_NO_FIELDS if st.query_params.get(key) == "true"]
    _put_yes_in_session(on)
    return on


def _put_yes_in_session(keys: list[str]) -> None:
    """The yes/no fields in the session, each under its own key, where the profile and kept_settings read them."""
    st.session_state.update({key: key in keys for key in YES_NO_FIELDS})


def _put_yes_in_link(keys: list[str]) -> None:
    """Write the yes/no fields into the link, each under its own key (a no is left out, as a default is),
    and into the session."""
    for key in YES_NO_FIELDS:
        if key in keys:
            st.query_params[key] = "true"
        elif key in st.query_params:
            del st.query_params[key]
    _put_yes_in_session(keys)


def _yes_no_changed() -> None:
    _put_yes_in_link(st.session_state[YES_NO_KEY])


def _apply_preset() -> None:
    """Copy the chosen preset into the fields (which stay adjustable)."""
    key = st.session_state.get("preset")
    if key not in PRESETS:
        return
    values = PRESETS[key].link_values()
    st.session_state.update(t=None, z=None, **{key: value for key, value in values.items() if key not in YES_NO_FIELDS})
    _put_yes_in_link([key for key in YES_NO_FIELDS if values[key]])


def _yes_no_fields(on: list[str]) -> None:
    """The pills, showing the fields the link switches on (`on`: it follows Back and Forward, and the user's own
    changes)."""
    st.session_state[YES_NO_KEY] = on
    st.pills(
        "Also applies",
        list(YES_NO_FIELDS),
        selection_mode="multi",
        format_func=lambda key: YES_NO_FIELDS[key][0],
        key=YES_NO_KEY,
        help=YES_NO_HELP,
        on_change=_yes_no_changed,
    )


def profile_form() -> Profile:
    """Draw the profile controls and return the profile they describe.

    The profile follows the user between Safe options, the Planner and their handouts (kept_settings).
    """
    # The session's copy of the yes/no fields follows the link, so that a Back to an entry without them is
    # not taken for history stripping a kept value (kept_settings.restore).
    on = _yes_from_link()
    kept_settings.restore(PROFILE_PARAMS)
    with st.container(border=True):
        st.selectbox(
            "Start from a client type",
            options=list(PRESETS),
            index=None,
            format_func=PRESET_LABELS.get,
            placeholder="Choose a preset, then adjust below",
            key="preset",
            on_change=_apply_preset,
        )
        # One horizontal container, not st.columns(3): two blocks to send and redraw on each change, not four
        # (issue #13). The bone fields stack in its first part; the two radios sit beside them.
        row = st.container(horizontal=True, gap="medium")
        with row.container():
            t_score = st.number_input(
                "DXA T-score (optional)",
                min_value=T_SCORE_RANGE[0],
                max_value=T_SCORE_RANGE[1],
                value=None,
                step=0.1,
                format="%.1f",
                key="t",
                bind="query-params",
                help="Lowest T-score at spine or hip. When given, it sets the bone category by the WHO thresholds.",
            )
            z_score = st.number_input(
                "Z-score, before menopause or under 50 (optional)",
                min_value=T_SCORE_RANGE[0],
                max_value=T_SCORE_RANGE[1],
                value=None,
                step=0.1,
                format="%.1f",
                key="z",
                bind="query-params",
                disabled=t_score is not None,
                help="Scans before menopause and under 50 are read by Z-score: -2.0 or lower is below the expected "
                "range for age (ISCD).",
            )
            if t_score is not None:  # the greyed box shows the category the T-score implies
                st.session_state["bone"] = classify_t_score(t_score)
            elif z_score is not None:  # or the one the Z-score implies
                st.session_state["bone"] = classify_z_score(z_score)
            bone = st.selectbox(
                "Bone density",
                BONE_LEVELS,
                key="bone",
                bind="query-params",
                # No format_func: a bound selectbox writes its shown label in the link, and links
                # (cases, screening, copied views) carry the level's id.
                disabled=t_score is not None or z_score is not None,
                help="The WHO category from a DXA scan: osteopenia is low bone mass. low_for_age: a Z-score of "
                "-2.0 or lower before menopause or under 50, below the expected range for age (ISCD).",
            )
            if t_score is not None:
                st.caption(f"T-score {t_score:.1f} means **{bone}** (WHO thresholds).")
            elif z_score is not None:
                st.caption(
                    f"Z-score {z_score:.1f} means **{BONE_LABELS.get(bone, 'within the expected range for age')}** "
                    "(ISCD)."
                )
        with row:
            st.radio(
                "Risk of falling",
                FALL_LEVELS,
                key="falls",
                bind="query-params",
                horizontal=True,
                help=(
                    "High: a fall in the last year, unsteadiness, or fear of falling. If unsure, choose high: it is "
                    "the cautious choice. Review it as balance improves."
                ),
            )
            st.radio("Training experience", EXPERIENCE_LEVELS, key="exp", bind="query-params", horizontal=True)
        _yes_no_fields(on)
    kept_settings.keep(PROFILE_PARAMS)
    return profile_in_form()


def profile_in_form() -> Profile:
    """The profile the form's widgets hold, for a part of the page drawn after profile_form (or outside it)."""
    return Profile.from_link_values({key: st.session_state[key] for key in LINK_KEYS.values()})


def link_with_this_profile(page: st.Page, label: str, icon: str) -> None:
    """A link to the other tool set to the profile shown here (its URL keys, as in this page's link)."""
    params = {key: st.query_params[key] for key in PROFILE_PARAMS if key in st.query_params}
    st.page_link(page, label=label, query_params=params, icon=icon)


def links_to_both_tools(profile: Profile, t_score: float | None = None, z_score: float | None = None) -> None:
    """Side by side: Safe options and the Planner, each opened set to this profile (a case's, a screening's).

    A DXA score given goes too, so the tools' score boxes show the number the story or the scan gives; but only
    where it implies the profile's own bone level, since the tools let a score set the level: a fracture that
    makes it osteoporosis must not be read back as the osteopenia of its T-score.
    """
    scores = {"t": (t_score, classify_t_score), "z": (z_score, classify_z_score)}
    params = profile_query_params(profile) | {
        key: f"{value:.1f}"
        for key, (value, classify) in scores.items()
        if value is not None and classify(value) == profile.bone
    }
    left, right = st.columns(2)
    left.page_link(
        site_map.SAFE_OPTIONS.page(),
        label="Open Safe options for this profile",
        query_params=params,
        icon=":material/health_and_safety:",
    )
    right.page_link(
        site_map.PLANNER.page(),
        label="Open the Planner for this profile",
        query_params=params,
        icon=":material/calendar_month:",
    )


def profile_query_params(profile: Profile) -> dict[str, str]:
    """The URL parameters that open a page set to this profile (defaults left out, as bound widgets do)."""
    default = Profile().link_values()
    return {
        key: kept_settings.as_link_values(value)[0]
        for key, value in profile.link_values().items()
        if value != default[key]
    }
