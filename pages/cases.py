"""Client cases: a short story, the profile it implies, questions, and links that open the tools set up."""

from __future__ import annotations

import streamlit as st

from lib.profile_guidance import describe
from lib.screening import screen
from lib.study import case_profile
from pages.components import kept_settings, site_map
from pages.components.common import catalog, notice_odd_parameters, share_this_view
from pages.components.profile_form import links_to_both_tools
from pages.components.question_widget import answer_widget, feedback
from pages.components.screening_link import screening_query_params

CASES = {case["id"]: case for case in catalog().cases}
notice_odd_parameters(site_map.CASES.params)

st.title("Client cases")
st.caption("Read the story, decide what the profile is and what to program, then check yourself.")
ANSWERS = "case-"  # the key prefix of every answer widget below
kept_settings.restore(["case"])
kept_settings.restore_answers(ANSWERS)
case_id = st.selectbox(
    "Case", list(CASES), format_func=lambda key: CASES[key]["title"], key="case", bind="query-params"
)
kept_settings.keep(["case"])
case = CASES[case_id]
share_this_view(site_map.CASES.url_path)
# A case that states its screening values gets its profile through the screening, as a clinic would.
profile = screen(**case["screening"], catalog=catalog()).profile if "screening" in case else case_profile(case)

with st.container(border=True):
    st.subheader(case["title"], anchor=False)
    st.markdown(case["story"])
with st.expander("The profile this story implies"):
    if "t_score" in case:
        st.markdown(f"T-score: **{case['t_score']:.1f}**")
    st.markdown(describe(profile))
# The tools in view, not inside the answer above: opening them set to the case is how a trainer checks a plan.
if "screening" in case:
    st.page_link(
        site_map.SCREENING.page(),
        label="Open this case's screening: each field with its reason",
        query_params=screening_query_params(case["screening"]),
        icon=":material/checklist:",
    )
# With the scan's scores, so the tools' score boxes show them as the story does.
scan = case.get("screening", {})
links_to_both_tools(profile, t_score=case.get("t_score", scan.get("t_score")), z_score=scan.get("z_score"))

st.subheader("Questions", anchor=False)
for number, question in enumerate(case["questions"], start=1):
    key = f"case-{case_id}-{number}"
    with st.container(border=True):
        chosen = answer_widget(question, key)
        if st.toggle("Check my answer", key=f"{key}-check", disabled=not chosen):
            feedback(question, chosen)
kept_settings.keep_answers(ANSWERS)
