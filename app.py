"""Bone Loading Lab: page config, navigation and the shared sidebar. Pages do the rest."""

import streamlit as st

from pages import site_map
from pages.common import catalog_or_stop
from pages.presenter import apply_presenter_style, presenter_requested, presenter_toggle

presenting = presenter_requested()
st.set_page_config(
    page_title="Bone Loading Lab", page_icon=":material/accessibility_new:", layout="wide",
    initial_sidebar_state="collapsed" if presenting else "auto",
)
catalog_or_stop()  # a broken content file stops here with its file and field named

navigation = st.navigation(site_map.sections(), position="top" if presenting else "sidebar", expanded=True)

with st.sidebar:
    presenter_toggle()
    st.caption("Education, not medical advice. Nothing you enter is stored or sent anywhere.")
    st.page_link(site_map.ABOUT.page(), label="About, privacy and disclaimer", icon=":material/info:")
if presenting:
    apply_presenter_style()

navigation.run()
