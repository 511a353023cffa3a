"""Screen a client: standard tests and questions read against their cut-offs, and the profile they set.

Every value is in the URL, so a link reproduces the screening. Nothing about the client is stored or logged:
the CSV and PDF are made on the user's click, and an uploaded CSV only feeds the comparison on this page.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from lib.screening import Screening, screen
from lib.screening_files import (
    ScreeningFileError,
    changes,
    changes_chart_spec,
    describe_changes,
    read_screening_csv,
    screening_csv,
)
from lib.screening_inputs import DXA_SITES, SEXES, allowed_range
from lib.tables import markdown_table
from pages.components import site_map
from pages.components.common import (
    bound_choice,
    catalog,
    chart,
    cite,
    disclaimer,
    notice_odd_parameters,
    share_this_view,
)
from pages.components.profile_form import links_to_both_tools
from pages.components.page_params import BALANCE_KEYS, SCREENING_NUMBERS, YES_NO
from pages.components.screening_link import CHECKLIST, FRACTURE_SITES, RISK_FACTORS

DATA = catalog().screening
TESTS = DATA["tests"]


def number(key: str, name: str | None = None, label: str | None = None, container=st) -> float | None:
    """A number input with the limits screen() accepts, bound to the URL, empty until measured.

    Always a float input, shown without decimals for counts: Streamlit's whole-number input overflows on a
    link holding 'inf' or '1e309' instead of falling back to its default.
    """
    argument = name or SCREENING_NUMBERS[key]  # the screen() argument the input feeds
    spec = DATA["inputs"][argument]
    low, high = spec["range"]
    whole = float(spec["step"]).is_integer()
    unit = f" ({spec['unit']})" if spec["unit"] else ""
    value = container.number_input(
        label or f"{spec['label']}{unit}",
        min_value=float(low),
        max_value=float(high),
        value=None,
        step=float(spec["step"]),
        format="%.0f" if whole else "%.1f",
        key=key,
        bind="query-params",
        placeholder="-",
        help=f"{low:g} to {high:g}{unit}. Leave empty if not measured.",
    )
    if whole and value is not None and not value.is_integer():  # only a link can hold a fraction here
        container.error(
            f"{argument} ({spec['label']}) must be {allowed_range(argument, DATA)}",
            icon=":material/error:",
        )
        return None
    return int(value) if whole and value is not None else value


def yes_no(label: str, key: str, help_text: str) -> bool | None:
    answer = st.segmented_control(label, YES_NO, key=key, bind="query-params", help=help_text)
    return None if answer is None else answer == "yes"


def render_falls_column() -> dict:
    st.markdown("**Client and falls**")
    age = number("age")
    sex = st.segmented_control("Sex", SEXES, key="sex", bind="query-params", help="For the chair-stand norms.")
    falls = number("falls_n")
    injured = st.toggle("Injured in a fall", key="fall_hurt", bind="query-params", disabled=not falls)
    fear = yes_no("Afraid of falling?", "fear", "Any fear of falling counts.")
    floor = yes_no(
        "Gets down to the floor and up again?", "floor", "Checked with a chair to hold; see How to run each test."
    )
    return {
        "age": age,
        "sex": sex,
        "falls_past_year": falls,
        "fall_injured": bool(injured and falls),
        "fear_of_falling": fear,
        "floor": floor,
    }


def render_tests_column() -> dict:
    st.markdown("**Functional tests**")
    tug = number("tug")
    chair = number("chair")
    st.caption("4-stage balance test: seconds held in each stance (0 if not reached)")
    left, right = st.columns(2)
    stances = [
        number(key, "balance_stances_s", label=stance.capitalize(), container=column)
        for key, stance, column in zip(BALANCE_KEYS, TESTS["balance"]["stances"], (left, right, left, right))
    ]
    balance = None if all(held is None for held in stances) else tuple(held or 0 for held in stances)
    with st.expander("STEADI 'Stay Independent' checklist (optional)"):
        asked = st.toggle("The client answered the checklist", key="si_asked", bind="query-params")
        yes_items = st.multiselect(
            "Questions answered yes", CHECKLIST, key="si", bind="query-params", disabled=not asked, placeholder="None"
        )
    checklist = [item in yes_items for item in CHECKLIST] if asked else None
    return {"tug_s": tug, "chair_stands_30s": chair, "balance_stances_s": balance, "stay_independent": checklist}


def render_bone_column() -> dict:
    st.markdown("**Bone and training**")
    left, right = st.columns(2)
    t_score, z_score = number("t_score", container=left), number("z_score", container=right)
    site = st.selectbox("DXA site", DXA_SITES, index=None, key="dxa_site", bind="query-params", placeholder="not given")
    fractures = st.multiselect(
        "Fragility fractures after 40",
        list(FRACTURE_SITES),
        key="frac",
        bind="query-params",
        format_func=FRACTURE_SITES.get,
        placeholder="None",
        help="Low-trauma breaks: a fall from standing height or less.",
    )
    left, right = st.columns(2)
    height_loss, occiput = number("height_loss", container=left), number("occiput_wall", container=right)
    joints = st.toggle("Joint pain limits impact", key="joints", bind="query-params")
    experience = bound_choice(st, "Strength training", ("novice", "trained"), "novice", "exp")
    cleared = st.toggle(
        "Cleared for heavy lifting",
        key="cleared",
        bind="query-params",
        help="Medical clearance obtained, and a qualified coach supervises heavy sets.",
    )
    return {
        "t_score": t_score,
        "z_score": z_score,
        "dxa_site": site,
        "fractures": fractures,
        "height_loss_cm": height_loss,
        "occiput_to_wall_cm": occiput,
        "joint_limits": joints,
        "experience": experience,
        "clearance": cleared,
    }


def render_form() -> dict:
    with st.container(border=True):
        columns = st.columns(3, gap="medium")
        values = {}
        for column, render in zip(columns, (render_falls_column, render_tests_column, render_bone_column)):
            with column:
                values |= render()
        values["risk_factors"] = st.multiselect(
            "Risk factors",
            list(RISK_FACTORS),
            key="risk",
            bind="query-params",
            format_func=RISK_FACTORS.get,
            placeholder="None",
        )
    return values


def render_how_to() -> None:
    with st.expander("How to run each test"):
        guided = {name: TESTS[name] for name in ("tug", "chair_stand", "balance")} | {"floor": DATA["other"]["floor"]}
        for tab, (name, test) in zip(st.tabs([test["name"] for test in guided.values()]), guided.items()):
            steps = test["how_to"]
            if name in DATA["drawings"]:
                tab.image(DATA["drawings"][name], width=480, caption="The four stances, seen from above")
            tab.markdown(
                f"**Set-up:** {steps['setup']}\n\n**Instruction:** {steps['instruction']}\n\n"
                f"**What counts:** {steps['counts']}\n\n**Safety:** {steps['safety']}"
            )


def render_profile(screening: Screening) -> None:
    with st.container(border=True):
        st.subheader("The profile this sets", anchor="profile")
        st.markdown("\n".join(f"- {trace}" for trace in screening.traces.values()))
        links_to_both_tools(screening.profile, screening.inputs.get("t_score"), screening.inputs.get("z_score"))


def finding_line(row: dict) -> str:
    """One result: value (and whether it is borderline), cut-off, the field it sets, meaning, linked sources."""
    borderline = " :orange-badge[borderline]" if row["borderline"] else ""
    cutoff = f" · cut-off: {row['cutoff']}" if row["cutoff"] else ""
    sets = f" · sets *{row['sets']}*" if row["sets"] else ""
    return f"- **{row['measure']}: {row['value']}**{borderline}{cutoff}{sets}  \n{row['meaning']} {cite(row['source'])}"


def render_findings(screening: Screening) -> None:
    st.subheader("Every result, its cut-off and its source", anchor="findings")
    st.markdown("\n".join(finding_line(row) for row in screening.findings.to_dict("records")))


def render_flags(screening: Screening) -> None:
    st.subheader("Risk factors", anchor="risk-factors")
    flags = screening.flags.sort_values("present", ascending=False, kind="stable")
    lines = [
        f"- {':orange-badge[present]' if row['present'] else ':gray-badge[not reported]'} **{row['risk_factor']}**: "
        f"{row['changes']} {cite(row['source'])}"
        for row in flags.to_dict("records")
    ]
    st.markdown("\n".join(lines))
    st.info(f"{DATA['frax']['why_not']} [Open FRAX]({DATA['frax']['url']})", icon=":material/calculate:")


def render_files(screening: Screening, today: dt.date) -> None:
    st.subheader("Save, print, compare", anchor="files")
    left, right = st.columns(2)
    left.download_button(
        "Download the results (CSV)",
        lambda: screening_csv(screening, today, catalog()),
        file_name=f"screening-{today.isoformat()}.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
    right.download_button(
        "Download the screening sheet (PDF)",
        lambda: sheet_bytes(screening, today),
        file_name=f"screening-{today.isoformat()}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
    )
    uploads = st.file_uploader(
        "Compare with earlier screenings (the CSV files this page saved)",
        type="csv",
        accept_multiple_files=True,
        help="Read here only: the files are not kept.",
    )
    earlier = []
    for number, upload in enumerate(uploads or [], start=1):
        try:
            earlier.append(read_screening_csv(upload.getvalue(), today, catalog()))
        except ScreeningFileError as error:
            st.error(f"File {number} was not used: {error}", icon=":material/error:")
    if earlier:
        table = changes(screening, earlier, catalog())
        st.markdown(markdown_table(table.set_index("measure"), "Measure"))
        if len(earlier) > 1:
            chart(changes_chart_spec(screening, today, earlier, catalog()), describe_changes(table))


def sheet_bytes(screening: Screening, today: dt.date) -> bytes:
    # Imported on the click: fpdf2 adds to the page's first visit otherwise.
    from lib.screening_sheet import screening_sheet_pdf

    return screening_sheet_pdf(screening, today, catalog())


st.title("Screen a client")
st.caption(
    "Enter what you measured; leave the rest empty. Each result is read against its published cut-off, "
    "and the profile below says why each field is set."
)
notice_odd_parameters(site_map.SCREENING.params)
render_how_to()
values = render_form()
try:
    screening = screen(**values, catalog=catalog())
except ValueError as error:  # the inputs' limits make this rare; say which value and its range
    st.error(str(error), icon=":material/error:")
    st.stop()
share_this_view(site_map.SCREENING.url_path)
render_profile(screening)
render_findings(screening)
render_flags(screening)
render_files(screening, dt.date.today())
disclaimer()
