"""Glossary: every term the lessons use, searchable, each linked to where a lesson explains it."""

from __future__ import annotations

import streamlit as st

from lib.study import search_glossary
from pages.components import site_map
from pages.components.common import catalog, cited_markdown, notice_odd_parameters, share_this_view
from pages.components.page_params import SEARCH_LIMIT

notice_odd_parameters(site_map.GLOSSARY.params)

st.title("Glossary")
text = st.text_input(
    "Search terms and definitions",
    key="find",
    bind="query-params",
    max_chars=SEARCH_LIMIT,
    placeholder="e.g. T-score, hinge, impact",
)
share_this_view(site_map.GLOSSARY.url_path)
terms = search_glossary(catalog().glossary, text)
st.caption(f"{len(terms)} of {len(catalog().glossary)} terms")
lessons = catalog().lessons_by_slug
for term in terms:
    lesson = lessons[term["lesson"]]
    sources = f" [{'; '.join('@' + key for key in term['sources'])}]" if term.get("sources") else ""
    with st.container(gap=None):
        cited_markdown(f"**{term['term']}**: {term['definition']}{sources}")
        site_map.link_to_lesson_section(lesson, term["section"])
