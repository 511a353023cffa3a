"""Bone Loading Lab: page config, navigation and the shared sidebar. Pages do the rest."""

import streamlit as st

from pages.components import kept_settings, scroll_memory, site_map
from pages.components.common import catalog_or_stop
from pages.components.presenter import apply_presenter_style, presenter_requested, presenter_toggle

presenting = presenter_requested()
st.set_page_config(
    page_title="Bone Loading Lab",
    page_icon="🦴",
    layout="wide",
    initial_sidebar_state="collapsed" if presenting else "auto",
)
catalog_or_stop()  # a broken content file stops here with its file and field named

sections = site_map.sections()
# Presenters get Streamlit's top navigation. Otherwise the sidebar lists the pages as plain links
# under section headings: Streamlit's own sidebar list nests its headings inside <ul>, which
# screen readers (and axe-core) flag as a broken list.
navigation = st.navigation(sections, position="top" if presenting else "hidden")

with st.sidebar:
    if not presenting:
        site_map.sidebar_links(sections)
    presenter_toggle()
    st.caption("Education, not medical advice. Nothing you enter about a client is stored or sent anywhere.")
    st.page_link(site_map.ABOUT.page(), label="About, privacy and disclaimer", icon=":material/info:")
if presenting:
    apply_presenter_style()

kept_settings.note_page(navigation.url_path)  # so a page can tell it was just opened
kept_settings.keep_one_history_entry_per_action()
scroll_memory.open_pages_where_they_were_left()
navigation.run()
