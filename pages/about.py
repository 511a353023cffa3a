"""About: disclaimer, privacy promise and how to report an error."""

import streamlit as st

from pages.components.common import disclaimer, notice_odd_parameters

notice_odd_parameters()
st.title("About Bone Loading Lab")
disclaimer()
st.subheader("Privacy")
st.markdown(
    "- Nothing you enter about a client (a profile, a T-score, a filter, a handout name) is stored, logged or "
    "sent anywhere. Choices live in your browser session and in the page's link, and vanish when you close it.\n"
    "- Saving your study progress is optional and off until you choose **Start saving my progress** on the "
    "Review page. Then, and only then, the app keeps which questions and flashcards you answered, whether you "
    "were right, when, and your exam scores, under a random study code. It keeps no name, email or account, "
    "and stores only a hash of the code, never the code itself. **Forget my progress** deletes all of it at "
    "once. Without a code, nothing is written.\n"
    "- The app sends no usage statistics (`gatherUsageStats = false` in `.streamlit/config.toml`).\n"
    "- Profiles describe risk, never a person: the app asks for no date of birth or contact details. The one "
    "personal detail it takes is an optional first name for the printed handout; it goes into that PDF only, "
    "is never written to disk or logged, and is forgotten when the session ends.\n"
    "- The pages fetch nothing from other sites: no web fonts, trackers or third-party scripts."
)
st.subheader("Where the content comes from")
st.markdown(
    "Lessons, exercise tags and safety rules are written in our own words from published guidelines "
    "(Too Fit To Fracture, the Royal Osteoporosis Society's Strong, Steady and Straight, ACSM, ESSA) "
    "and trials such as LIFTMOR. Each claim links to its source on the Sources page."
)
st.subheader("Found an error?")
st.markdown(
    "Content errors matter in a health app. Please open an issue in the project's tracker naming the "
    "page, the sentence and the source you think is misread; a reviewer checks it against the source "
    "before the fix ships."
)
