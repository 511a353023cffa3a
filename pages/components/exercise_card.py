"""Exercise cards as plain HTML: one element per card (or one for a whole grid), drawing inline.

Every text from data/ passes through html.escape here, and every link is a checked reference URL
(https only, by schema), so these builders are the one door from data to st.html: HTML_BUILDERS names
them, and tests/test_privacy.py lets st.html take only literals or their output.

The browser's cost is the number of Streamlit elements, not the server, so a card with its drawing,
cues and "Try instead" swap is one piece of HTML. Cues and swap sit in <details>: keyboard users tab
to them and screen readers announce them as expandable. Pure functions of their input, so pages cache
the result; the SVGs themselves are built once per exercise (lib.drawings).
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from functools import cache
from html import escape

from lib.drawings import SITE_LABELS, drawing_alt, exercise_svg
from lib.drawings.files import still_address
from lib.profile_guidance import Guidance
from lib.references import Reference
from pages.components.common import catalog
from pages.components.page_params import STATUS_LABELS

STATUS_WORDS = {  # a symbol and words, so the colour stripe never carries the meaning alone
    "recommended": ("✓", STATUS_LABELS["recommended"], "#009E73"),
    "modify": ("≈", STATUS_LABELS["modify"], "#E69F00"),
    "avoid": ("✕", STATUS_LABELS["avoid"], "#D55E00"),
}
MOTION_STYLE = (
    "<style>.bll-moving+.bll-still{display:none}@media (prefers-reduced-motion: reduce)"
    "{.bll-moving{display:none}.bll-moving+.bll-still{display:inline}}</style>"
)
COMPARISON_STYLE = (
    "<style>.bll-compare{display:flex;gap:1rem;flex-wrap:wrap;margin:.5rem 0 1rem}"
    ".bll-compare figure{flex:1 1 16rem;margin:0}.bll-compare img{width:100%;height:auto}"
    ".bll-compare figcaption{font-size:.92rem;margin-top:.3rem}</style>"
)
CARD_STYLE = """<style>
.bll-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:.9rem}
.bll-card{content-visibility:auto;contain-intrinsic-size:auto 14rem;border:1px solid rgba(128,128,128,.35);border-left-width:.4rem;border-radius:.6rem;padding:.7rem .9rem;margin:0}
.bll-row{display:flex;gap:.9rem;align-items:flex-start}
.bll-row img{flex:0 0 auto;width:8.5rem;height:auto;border-radius:.4rem}
.bll-card h4{margin:0 0 .25rem;padding:0;font-size:1.05rem}
.bll-card p{margin:.2rem 0}
.bll-badge{display:inline-block;border:1px solid rgba(128,128,128,.6);border-radius:1rem;padding:0 .55rem;margin:0 .25rem .2rem 0;font-size:.85rem}
.bll-muted{opacity:.8;font-size:.92rem}
.bll-card details{margin-top:.45rem}
.bll-card summary{cursor:pointer;font-weight:600}
.bll-pair{display:flex;gap:.6rem;flex-wrap:wrap}
.bll-pair figure{margin:.3rem 0;flex:1 1 9rem;text-align:center}
.bll-pair img{width:100%;max-width:14rem;height:auto}
.bll-summary{border:1px solid rgba(128,128,128,.35);border-radius:.5rem;padding:.2rem 1rem .4rem}
</style>"""


def svg_uri(svg: str) -> str:
    """An SVG as a data URI for an <img>: Streamlit's HTML sanitiser keeps images, not inline SVG."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def exercise_sites(exercise_id: str) -> list[str]:
    return [SITE_LABELS[site] for site in catalog().exercise(exercise_id)["sites"]]


@cache
def drawing_uri(exercise_id: str, animated: bool = False, highlight: bool = False) -> str:
    return svg_uri(exercise_svg(exercise_id, animated=animated, highlight=highlight))


def drawing_img(
    exercise_id: str, animated: bool = False, width: str | None = None, named: bool = True, highlight: bool = False
) -> str:
    """The drawing as an <img> with its text alternative (named=False keeps the exercise's name out of it;
    highlight=True marks the loaded bones and names them in the text too).

    Animated, it comes with its still picture, shown instead when the reader prefers reduced motion: the
    page's media query decides (browsers do not reliably pass that preference into an SVG image).
    """
    style = f' style="width:{width}"' if width else ""
    alt = drawing_alt(exercise_id, named)
    if highlight:
        alt += f" Loaded bones marked: {', '.join(exercise_sites(exercise_id))}."
    alt = escape(alt)
    # The named plain still is a served file (lib/drawings/files.py): cards redraw on every profile change (issue
    # #13). A flashcard's unnamed drawing stays inline, as its file's address would give the answer away.
    served = named and not highlight
    source = escape(still_address(exercise_id)) if served else drawing_uri(exercise_id, highlight=highlight)
    still = f'<img class="bll-still" src="{source}" alt="{alt}"{style}>'
    if not animated:
        return still
    moving = f'<img class="bll-moving" src="{drawing_uri(exercise_id, animated=True)}" alt="{alt}"{style}>'
    return f"{MOTION_STYLE}{moving}{still}"


def cited(keys: tuple[str, ...] | list[str], references: dict[str, Reference]) -> str:
    """Sources as author-year links, in brackets."""
    links = "; ".join(
        f'<a href="{escape(references[key].link)}" target="_blank">{escape(references[key].short)}</a>' for key in keys
    )
    return f"[{links}]" if links else ""


def as_sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def details_html(exercise: dict, impact_basis: str = "") -> str:
    """Cues, common errors (each a sentence), dose, and how its impact band was set where it has one."""
    cues = "".join(f"<li>{escape(cue)}</li>" for cue in exercise["cues"])
    errors = " ".join(as_sentence(error) for error in exercise["errors"])
    impact = f"<p><em>Impact: {escape(impact_basis)}</em></p>" if impact_basis else ""
    return (
        f"<ul>{cues}</ul><p><strong>Watch for:</strong> {escape(errors)}</p>"
        f"<p><em>Dose: {escape(exercise['dose'])}</em></p>{impact}"
    )


def swap_html(exercise: dict, swap: dict) -> str:
    """'Try instead': both drawings side by side, then the swap's summary, cues and dose."""
    pair = "".join(
        f"<figure>{drawing_img(item['id'])}<figcaption>{label}: {escape(item['name'])}</figcaption></figure>"
        for label, item in (("Instead of", exercise), ("Try", swap))
    )
    return (
        f'<details><summary>Try instead: {escape(swap["name"])}</summary><div class="bll-pair">{pair}</div>'
        f"<p>{escape(swap['summary'])}</p>{details_html(swap)}</details>"
    )


def exercise_card(
    exercise: dict,
    references: dict[str, Reference],
    status: str | None = None,
    reason: str = "",
    sources: tuple[str, ...] = (),
    swap: dict | None = None,
    link: str | None = None,
    modification: str = "",
    notes: tuple[str, ...] = (),
    impact_basis: str = "",
) -> str:
    """One exercise as one HTML <article>: drawing, name, status in words, badges, reason with sources,
    the modification for this profile, then cues and the swap behind <details>. `notes` are extra
    badges (a technique fault, supervised only, heavy); `link` adds an 'Open in the library' link."""
    symbol, label, colour = STATUS_WORDS.get(status, ("", "", "rgba(128,128,128,.35)"))
    impact = "no impact" if exercise["impact"] == "none" else f"{exercise['impact']} impact"
    badges = ([f"{symbol} {label}"] if status else []) + [exercise["pattern"], impact, *notes]
    badge_html = "".join(f'<span class="bll-badge">{escape(badge)}</span>' for badge in badges)
    why = f"<p>{escape(reason)} {cited(sources, references)}</p>" if reason else ""
    if modification:
        why += f"<p><strong>How to modify:</strong> {escape(modification)}</p>"
    opener = f'<p><a href="{escape(link)}" target="_self">Open in the exercise library</a></p>' if link else ""
    return (
        f'<article class="bll-card" style="border-left-color:{colour}" aria-label="{escape(exercise["name"])}">'
        f'<div class="bll-row">{drawing_img(exercise["id"])}<div><h4>{escape(exercise["name"])}</h4>'
        f'<p>{badge_html}</p><p class="bll-muted">{escape(exercise["summary"])}</p></div></div>{why}{opener}'
        f"<details><summary>Cues, common errors and dose</summary>{details_html(exercise, impact_basis)}</details>"
        f"{swap_html(exercise, swap) if swap else ''}</article>"
    )


def sources_html(keys: tuple[str, ...] | list[str], references: dict[str, Reference]) -> str:
    return f"<p><strong>Sources:</strong> {cited(keys, references)}</p>"


def exercise_pictures(exercise_id: str) -> str:
    """The moving drawing, then (if it loads bone at named sites) the still with those sites marked."""
    moving = drawing_img(exercise_id, animated=True, width="100%")
    if not catalog().exercise(exercise_id)["sites"]:
        return moving
    return (
        f"{moving}<p><strong>Where it loads bone</strong></p>{drawing_img(exercise_id, width='100%', highlight=True)}"
    )


@cache
def comparison_figure(title: str, exercise_ids: tuple[str, ...]) -> str:
    """Exercises side by side, moving, each captioned with its name and summary (a lesson's figure)."""
    figures = "".join(
        f"<figure>{drawing_img(exercise['id'], animated=True)}<figcaption><strong>{escape(exercise['name'])}</strong>: "
        f"{escape(exercise['summary'])}</figcaption></figure>"
        for exercise in map(catalog().exercise, exercise_ids)
    )
    return f'{COMPARISON_STYLE}<p><strong>{escape(title)}</strong></p><div class="bll-compare">{figures}</div>'


def guidance_html(heading: str, intro: str, items: list[Guidance], references: dict[str, Reference]) -> str:
    """A heading, a sentence, and a list of topics each with its advice and sources, in a box (card_styles): one
    element, which costs the browser less to redraw than the same list in Markdown in a bordered container (issue
    #13)."""
    lines = "".join(
        f"<li><strong>{escape(item.topic)}:</strong> {escape(item.advice)} {cited(item.sources, references)}</li>"
        for item in items
    )
    return f'<section class="bll-summary"><h3>{escape(heading)}</h3><p>{escape(intro)}</p><ul>{lines}</ul></section>'


def card_styles() -> str:
    """The cards' styles, drawn once per page (st.html), before any card_grid.

    Not inside each grid: a grid redrawn with its own <style> made the browser restyle the whole page on every
    change of a setting (issue #13). A card out of sight is not laid out or painted until it scrolls near
    (content-visibility; its last size is kept, so the page does not jump), yet stays in the page for find and
    screen readers.
    """
    return CARD_STYLE


def card_grid(cards: list[str], counts: Mapping[str, int] | None = None) -> str:
    """Cards laid out in a responsive grid: one st.html call draws them all (card_styles styles them).

    With `counts` (status -> number of exercises), the three groups' sizes come first, in one line, each
    with its symbol and words as on the cards' badges.
    """
    grid = f'<div class="bll-grid">{"".join(cards)}</div>'
    if counts is None:
        return grid
    sizes = " · ".join(
        f"{symbol} {escape(label)}: <strong>{counts.get(status, 0)}</strong>"
        for status, (symbol, label, _) in STATUS_WORDS.items()
    )
    return f"<p>{sizes}</p>{grid}"


HTML_BUILDERS = frozenset(
    {
        "drawing_img",
        "card_grid",
        "card_styles",
        "guidance_html",
        "sources_html",
        "exercise_pictures",
        "comparison_figure",
    }
)
