"""Back (or Forward) to a page opens it where the user left it, not at its top.

Streamlit 1.67 has no option for this: st.navigation and st.page_link take no scroll setting, a page link
carries no #anchor, and a page switch, Back included, redraws the page from its top (a header's anchor is
scrolled to only when a page is loaded with it in the address). Users of Safe options expected Back from
the Planner, or from a page a card led to, to land at the exercise list they had left (user test, session 7).
"""

from __future__ import annotations

import streamlit as st

# Why: see the module's docstring.
# What: on each click or key press (before a link takes the user away) the scroll position of the page shown
# is noted in the tab's sessionStorage under the page's path (never its link's values, which may describe a
# client: a number and a path are all it holds); Back or Forward to that page scrolls there again,
# a few times while the page's charts and cards draw and push it, until the user scrolls. Addresses naming a
# lesson step (step=) are left alone: the lesson's own script brings that section, or the presenter's step
# opens at its top. Private behaviour: Streamlit's main area is the element with data-testid stMain. Remove
# it if Streamlit restores the scroll position on Back itself.
BACK_TO_WHERE_YOU_WERE = """<script>
(() => {
  if (window.boneLabBackToWhereYouWere) return;  // once per tab: the page stays loaded across app pages
  window.boneLabBackToWhereYouWere = true;
  const main = () => document.querySelector('[data-testid="stMain"]');
  const place = () => "bone-lab-scroll:" + location.pathname;
  const note = () => { const box = main(); if (box) sessionStorage.setItem(place(), String(box.scrollTop)); };
  addEventListener("pointerdown", note, true);
  addEventListener("keydown", note, true);
  addEventListener("popstate", () => {
    const top = Number(sessionStorage.getItem(place()) || 0);
    if (!top || new URLSearchParams(location.search).has("step")) return;
    let tries = 0, stopped = false;
    for (const event of ["wheel", "touchstart", "keydown"]) addEventListener(event, () => { stopped = true; }, {once: true});
    const bring = () => {
      const box = main();
      if (box) box.scrollTo(0, top);
      if (!stopped && ++tries < 10) setTimeout(bring, 300);
    };
    setTimeout(bring, 100);
  });
})();
</script>"""


def open_pages_where_they_were_left() -> None:
    """Called by app.py on every run: a script with nothing to show, so it takes no room in the sidebar."""
    st.sidebar.html(BACK_TO_WHERE_YOU_WERE, unsafe_allow_javascript=True)
