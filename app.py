"""Bone Loading Lab: page config, navigation and the shared sidebar. Pages do the rest."""

import streamlit as st

from pages import site_map
from pages.common import catalog_or_stop

st.set_page_config(page_title="Bone Loading Lab", page_icon=":material/accessibility_new:", layout="wide")
catalog_or_stop()  # a broken content file stops here with its file and field named

navigation = st.navigation(site_map.sections(), expanded=True)

with st.sidebar:
    st.caption("Education, not medical advice. Nothing you enter is stored or sent anywhere.")
    st.page_link(site_map.ABOUT, label="About, privacy and disclaimer", icon=":material/info:")

navigation.run()
