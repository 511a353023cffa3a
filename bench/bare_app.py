"""The floor for every speed figure: a bare Streamlit page with one slider and one line of text.

bench/run.py measures this page in the same run as the app, so the app's figures read as ratios.
"""

import streamlit as st

value = st.slider("Value", 0, 100, 50, key="value")
st.write(f"The slider is at {value}.")
