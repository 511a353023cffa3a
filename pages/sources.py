"""Sources: every reference the app cites, with links to check it."""

import streamlit as st

from pages.components.common import catalog, notice_odd_parameters, reference_list

notice_odd_parameters()
st.title("Sources")
st.write(
    "Every lesson, exercise and safety rule cites one of these. Links go to the DOI or, where a DOI "
    "has not been verified, to the source's page or a search for its exact title."
)
references = sorted(catalog().references.values(), key=lambda reference: (reference.authors, reference.year))
reference_list(references)
