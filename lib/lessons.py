"""Lessons: Markdown files in content/lessons/ with YAML front matter.

A lesson's body may hold figure markers (``<!-- figure: NAME -->`` on a line of
their own) where the page draws a chart or a small interactive example.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lib.references import Reference, cited_keys
from lib.validation import DataError, parse_yaml, validate

FIGURES = (
    "impact-forces",
    "osteogenic-index",
    "trial-results",
    "guidelines-table",
    # exercise drawings side by side (pages/components/lesson_figures.py COMPARISONS)
    "hinge-vs-rounded-lift",
    "dead-bug-vs-sit-up",
    "step-turn-vs-twist",
    "heel-drop-vs-drop-landing",
)
FIGURE_MARKER = re.compile(r"^<!-- figure: ([a-z-]+) -->$", re.MULTILINE)
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.DOTALL)
HEADING = re.compile(r"^## (.+?)\s*$", re.MULTILINE)
TAKEAWAYS_STEP = "Key takeaways"  # a lesson's last step, after its sections


SLUG_WORDS = 5  # enough to tell a lesson's sections apart (checked at load), short enough for a link


def heading_slug(heading: str) -> str:
    """A heading as a link names it, short and stable: its words before any colon, at most five.

    'The osteogenic index: why short, split bouts work' -> 'the-osteogenic-index'.
    """
    words = re.findall(r"[a-z0-9]+", heading.lower().replace("'", "").split(":")[0])
    return "-".join(words[:SLUG_WORDS])


ANSWER_LINE = re.compile(r"^[ \t]*\*Answer:\*[ \t]*(.+?)[ \t]*$", re.MULTILINE)


def split_answers(markdown: str) -> list[tuple[str, str]]:
    """Markdown split into ('markdown', text) and ('answer', text) parts: a "Check yourself"
    answer (a line starting ``*Answer:*``) is shown behind a reveal, not beside its question."""
    parts: list[tuple[str, str]] = []
    position = 0
    for answer in ANSWER_LINE.finditer(markdown):
        parts += [("markdown", markdown[position : answer.start()]), ("answer", answer.group(1))]
        position = answer.end()
    parts.append(("markdown", markdown[position:]))
    return [(kind, value) for kind, value in parts if value.strip()]


def split_figures(markdown: str) -> list[tuple[str, str]]:
    """Markdown split into ('markdown', text) and ('figure', name) parts, in order."""
    parts: list[tuple[str, str]] = []
    position = 0
    for marker in FIGURE_MARKER.finditer(markdown):
        parts.append(("markdown", markdown[position : marker.start()]))
        parts.append(("figure", marker.group(1)))
        position = marker.end()
    parts.append(("markdown", markdown[position:]))
    return [(kind, value) for kind, value in parts if value.strip()]


@dataclass(frozen=True)
class Lesson:
    slug: str
    title: str
    summary: str
    order: int
    takeaways: tuple[str, ...]
    sources: tuple[str, ...]
    body: str
    icon: str = ":material/menu_book:"
    nav_title: str = ""

    @property
    def menu_title(self) -> str:
        """What the navigation shows: the short title where the full one would be cut off."""
        return self.nav_title or self.title

    @property
    def url_path(self) -> str:
        return f"learn-{self.slug}"

    def sections(self) -> list[str]:
        """The body cut at each ``##`` heading, for stepping through a lesson one idea at a time."""
        cuts = [match.start() for match in HEADING.finditer(self.body)][1:]  # any intro stays with the first
        bounds = [0, *cuts, len(self.body)]
        return [self.body[begin:end] for begin, end in zip(bounds, bounds[1:])]

    def headings(self) -> list[str]:
        """The lesson's ``##`` section headings, in order."""
        return HEADING.findall(self.body)

    def step_names(self) -> list[str]:
        """What each step of the lesson shows, in order: its sections, then the key takeaways."""
        return [*self.headings(), TAKEAWAYS_STEP]

    def step_number(self, value: str) -> int | None:
        """The step (from 1) a link names by its heading's slug or, in older links, by its number; else None."""
        slugs = [heading_slug(name) for name in self.step_names()]
        if value in slugs:
            return slugs.index(value) + 1
        return int(value) if re.fullmatch(r"[1-9][0-9]?", value) and int(value) <= len(slugs) else None

    def word_count(self) -> int:
        prose = FIGURE_MARKER.sub("", self.body)
        return len(re.findall(r"[A-Za-z][A-Za-z'-]*", prose))


def parse_lesson(text: str, file: Path | str, references: dict[str, Reference]) -> Lesson:
    """Parse and check one lesson: schema, citations, sources list and figure names."""
    match = FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if not match:
        raise DataError(
            file, "(whole file)", "front matter", "the file must start with a '---' YAML block closed by '---'"
        )
    front = validate(parse_yaml(match.group(1), file), "lesson", file, entry=Path(file).stem)
    body = match.group(2)
    entry = front["slug"]
    cited = cited_keys(body)
    for key in cited:
        if key not in references:
            raise DataError(file, entry, "body", f"cites unknown source [@{key}]; add it to data/references.yaml")
    for key in front["sources"]:
        if key not in references:
            raise DataError(file, entry, "sources", f"unknown source key {key!r}")
    if set(cited) != set(front["sources"]):
        raise DataError(file, entry, "sources", f"must list exactly the keys the body cites: {sorted(cited)}")
    slugs = [heading_slug(heading) for heading in [*HEADING.findall(body), TAKEAWAYS_STEP]]
    for slug in slugs:
        if slugs.count(slug) > 1:
            raise DataError(file, entry, "body", f"two sections share the link name {slug!r}: rename a heading")
    for name in FIGURE_MARKER.findall(body):
        if name not in FIGURES:
            raise DataError(file, entry, "body", f"unknown figure {name!r}; known: {', '.join(FIGURES)}")
    return Lesson(
        slug=front["slug"],
        title=front["title"],
        summary=front["summary"],
        order=front["order"],
        takeaways=tuple(front["takeaways"]),
        sources=tuple(cited),
        body=body,
        icon=front.get("icon", Lesson.icon),
        nav_title=front.get("nav_title", ""),
    )


def load_lessons(folder: Path, references: dict[str, Reference]) -> list[Lesson]:
    """Every lesson in the folder, in teaching order; slugs and orders must be unique."""
    lessons = [parse_lesson(path.read_text(encoding="utf-8"), path, references) for path in sorted(folder.glob("*.md"))]
    for field in ("slug", "order"):
        values = [getattr(lesson, field) for lesson in lessons]
        repeated = {value for value in values if values.count(value) > 1}
        if repeated:
            raise DataError(
                folder, str(sorted(repeated)[0]), field, f"two lessons share the {field} {sorted(repeated)[0]!r}"
            )
    return sorted(lessons, key=lambda lesson: lesson.order)
