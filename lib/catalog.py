"""Load every content and data file once, validated, with cross-references checked.

This is the one place that knows the project's file layout. Everything that can be
wrong with a file is reported as a DataError naming file, entry and field.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Iterable

from lib.lessons import Lesson, load_lessons
from lib.questions import question_kind
from lib.references import Reference, load_references
from lib.validation import DataError, load_validated

PROJECT_ROOT = Path(__file__).resolve().parent.parent
EXERCISE_LINKS = ("regression", "progression", "alternative")
IMPACT_BANDS = ("none", "low", "moderate", "high")


def impact_band(peak_force_bw: float) -> str:
    """The app's impact band for a measured peak force: <= 2 x body weight low, 2-4 moderate, > 4 high."""
    if peak_force_bw < 1:
        return "none"
    return "low" if peak_force_bw <= 2 else "moderate" if peak_force_bw <= 4 else "high"


@dataclass(frozen=True)
class Catalog:
    references: dict[str, Reference]
    lessons: tuple[Lesson, ...]
    exercises: tuple[dict[str, Any], ...]
    impact_forces: tuple[dict[str, Any], ...]
    trials: tuple[dict[str, Any], ...]
    guidelines: tuple[dict[str, Any], ...]
    rules: tuple[dict[str, Any], ...]
    wording: dict[str, Any]  # data/safety_wording.yaml: client words of the safety engine and planner
    questions: tuple[dict[str, Any], ...]
    glossary: tuple[dict[str, Any], ...]
    cases: tuple[dict[str, Any], ...]
    screening: dict[str, Any]  # tests, cut-offs and risk factors of the client screening
    planner: dict[str, Any]  # data/planner.yaml: the planner's progression rules and client wording

    def exercise(self, exercise_id: str) -> dict[str, Any]:
        return self.exercises_by_id[exercise_id]

    @cached_property
    def lessons_by_slug(self) -> dict[str, Lesson]:
        return {lesson.slug: lesson for lesson in self.lessons}

    @cached_property
    def exercises_by_id(self) -> dict[str, dict[str, Any]]:
        return {exercise["id"]: exercise for exercise in self.exercises}

    @cached_property
    def rules_by_id(self) -> dict[str, dict[str, Any]]:
        return {rule["id"]: rule for rule in self.rules}


def _covering(rule: dict, by_id: dict[str, dict]) -> set[str]:
    """Every rule that covers this one's reason, directly or through others (`covered_by`)."""
    found: set[str] = set()
    waiting = list(rule.get("covered_by", ()))
    while waiting:
        other = waiting.pop()
        if other not in found and other in by_id:
            found.add(other)
            waiting += by_id[other].get("covered_by", ())
    return found


def _check_sources(file: Path, entry: str, field: str, keys: Iterable[str], references: dict) -> None:
    for key in keys:
        if key not in references:
            raise DataError(file, entry, field, f"unknown source key {key!r}; add it to data/references.yaml")


def _check_unique_ids(file: Path, records: Iterable[dict]) -> None:
    seen: set[str] = set()
    for record in records:
        if record["id"] in seen:
            raise DataError(file, record["id"], "id", "this id is used twice")
        seen.add(record["id"])


def _check_exercises(file: Path, exercises: list[dict], references: dict) -> None:
    _check_unique_ids(file, exercises)
    ids = {exercise["id"] for exercise in exercises}
    for exercise in exercises:
        _check_sources(file, exercise["id"], "sources", exercise["sources"], references)
        _check_sources(
            file, exercise["id"], "peak_force_source", filter(None, [exercise.get("peak_force_source")]), references
        )
        for link in EXERCISE_LINKS:
            target = exercise[link]
            if target is not None and target not in ids:
                raise DataError(file, exercise["id"], link, f"no exercise has the id {target!r}")
            if target == exercise["id"]:
                raise DataError(file, exercise["id"], link, "an exercise cannot point at itself")
        if exercise["floor"] and exercise["alternative"] is None:
            raise DataError(file, exercise["id"], "alternative", "floor work needs a chair, wall or standing swap")
    _check_impact_bands(file, exercises)


def _check_impact_bands(file: Path, exercises: list[dict]) -> None:
    """A measured force sets the band; an unmeasured moderate or high one names a measured relative, no higher."""
    by_id = {exercise["id"]: exercise for exercise in exercises}
    for exercise in exercises:
        entry, band = exercise["id"], exercise["impact"]
        if "peak_force_bw" in exercise:
            if band != impact_band(exercise["peak_force_bw"]):
                raise DataError(
                    file,
                    entry,
                    "impact",
                    f"{exercise['peak_force_bw']} x body weight is "
                    f"{impact_band(exercise['peak_force_bw'])} impact by the app's bands, not {band}",
                )
            if "banded_like" in exercise:
                raise DataError(file, entry, "banded_like", "a measured exercise is banded by its own force")
            continue
        relative = by_id.get(exercise.get("banded_like", ""))
        if band in ("moderate", "high") and relative is None:
            raise DataError(
                file, entry, "banded_like", "an unmeasured moderate or high impact names its closest measured relative"
            )
        if relative is not None and (
            "peak_force_bw" not in relative or IMPACT_BANDS.index(band) < IMPACT_BANDS.index(relative["impact"])
        ):
            raise DataError(
                file, entry, "banded_like", f"{relative['id']} must be measured, and banded no higher than this"
            )


def _check_rules(file: Path, rules: list[dict], references: dict, exercises: list[dict]) -> None:
    """Known sources and patterns; every modification key a rule names is written for some exercise, and back."""
    _check_unique_ids(file, rules)
    patterns = {exercise["pattern"] for exercise in exercises}
    written = {key for exercise in exercises for key in exercise.get("modifications", {})}
    rule_ids = {rule["id"] for rule in rules}
    for rule in rules:
        _check_sources(file, rule["id"], "sources", rule["sources"], references)
        for pattern in rule["exercise"].get("pattern", []):
            if pattern not in patterns:
                raise DataError(file, rule["id"], "exercise.pattern", f"no exercise has the pattern {pattern!r}")
        if rule.get("modification") not in written | {None}:
            raise DataError(
                file, rule["id"], "modification", f"no exercise writes a {rule['modification']!r} modification"
            )
        for other in set(rule.get("covered_by", ())) - rule_ids:
            raise DataError(file, rule["id"], "covered_by", f"no rule has the id {other!r}")
        if rule["id"] in _covering(rule, {other["id"]: other for other in rules}):
            raise DataError(file, rule["id"], "covered_by", "the rule covers itself through other rules")
    key_by_strictness: dict[int, str] = {}
    for rule in rules:
        if (
            "strictness" in rule
            and key_by_strictness.setdefault(rule["strictness"], rule["modification"]) != rule["modification"]
        ):
            raise DataError(
                file,
                rule["id"],
                "strictness",
                "a row with another modification has this strictness; "
                "give each modification its own, so one change always wins",
            )
    named = {rule.get("modification") for rule in rules}
    for exercise in exercises:
        for key in set(exercise.get("modifications", {})) - named:
            raise DataError(
                file.parent / "exercises.yaml", exercise["id"], f"modifications.{key}", "no rule names this key"
            )


def _check_wording(file: Path, wording: dict, references: dict, rules: list[dict]) -> None:
    for topic in wording["guidance"]:
        for case, text in topic["cases"].items():
            _check_sources(file, f"{topic['topic']} ({case})", "sources", text["sources"], references)
    rule_ids = {rule["id"] for rule in rules}
    for rule_id in wording["about_you"]["clearance"]["cleared_but"]:
        if rule_id not in rule_ids:
            raise DataError(
                file, "about_you", f"clearance.cleared_but.{rule_id}", "no rule in safety_rules.yaml has this id"
            )


def _check_question(file: Path, entry: str, question: dict, references: dict) -> None:
    """The answer is among the options, and its count fits the kind of question."""
    for answer in question["answer"]:
        if answer not in question["options"]:
            raise DataError(file, entry, "answer", f"{answer!r} is not one of the options")
    kind = question_kind(question)
    if kind == "true_false" and question["options"] != ["True", "False"]:
        raise DataError(file, entry, "options", "a true_false question has the options [True, False]")
    if (kind == "multiple") != (len(question["answer"]) > 1):
        raise DataError(
            file, entry, "answer", f"a {kind} question has {'several answers' if kind == 'multiple' else 'one answer'}"
        )
    _check_sources(file, entry, "sources", question["sources"], references)


def _check_lesson_link(file: Path, entry: str, record: dict, lessons: dict[str, Lesson]) -> None:
    lesson = lessons.get(record["lesson"])
    if lesson is None:
        raise DataError(file, entry, "lesson", f"no lesson has the slug {record['lesson']!r}")
    if record["section"] not in lesson.headings():
        raise DataError(file, entry, "section", f"lesson {lesson.slug!r} has no '## {record['section']}' heading")


def _load_study(data: Path, references: dict, lessons: dict[str, Lesson]) -> tuple[list, list, list]:
    questions = load_validated(data / "questions.yaml", "questions")
    _check_unique_ids(data / "questions.yaml", questions)
    for question in questions:
        _check_question(data / "questions.yaml", question["id"], question, references)
        _check_lesson_link(data / "questions.yaml", question["id"], question, lessons)
    glossary = load_validated(data / "glossary.yaml", "glossary")
    for term in glossary:
        _check_lesson_link(data / "glossary.yaml", term["term"], term, lessons)
        _check_sources(data / "glossary.yaml", term["term"], "sources", term.get("sources", []), references)
    cases = load_validated(data / "cases.yaml", "cases")
    _check_unique_ids(data / "cases.yaml", cases)
    for case in cases:
        for number, question in enumerate(case["questions"], start=1):
            _check_question(data / "cases.yaml", f"{case['id']} question {number}", question, references)
    return questions, glossary, cases


def _source_lists(node: Any, path: str = "") -> Iterable[tuple[str, list]]:
    """Every `sources` list in a nested document, with the dotted path of the entry holding it."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "sources":
                yield path, value
            else:
                yield from _source_lists(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for position, item in enumerate(node, start=1):
            label = item.get("id", f"#{position}") if isinstance(item, dict) else f"#{position}"
            yield from _source_lists(item, f"{path}.{label}")


def _load_screening(file: Path, references: dict, drawings: Path) -> dict[str, Any]:
    """The screening's data, with each test's drawing read in as SVG text (under `drawings`, by test)."""
    screening = load_validated(file, "screening")
    for entry, keys in _source_lists(screening):
        _check_sources(file, entry, "sources", keys, references)
    screening["drawings"] = {}
    for name, test in screening["tests"].items():
        if "drawing" in test:
            path = drawings / test["drawing"]
            if not path.is_file():
                raise DataError(file, f"tests.{name}", "drawing", f"no file {path.name} in {drawings}")
            screening["drawings"][name] = path.read_text(encoding="utf-8")
    return screening


def _load_planner(file: Path, references: dict, exercises: list[dict]) -> dict[str, Any]:
    planner = load_validated(file, "planner")
    for entry, sources in _source_lists(planner):
        _check_sources(file, entry, "sources", sources, references)
    ids = {exercise["id"] for exercise in exercises}
    # each entry names an exercise: (where, id)
    named = [("balance_ladder", rung["exercise"]) for rung in planner["balance_ladder"]]
    named += [("balance_start", planner["balance_start"][falls]) for falls in ("low", "high")]
    named += [
        ("after_vertebral_fracture.lower_body_cap", i) for i in planner["after_vertebral_fracture"]["lower_body_cap"]
    ]
    named += [("bench_stand_ins", exercise_id) for exercise_id in planner["bench_stand_ins"]]
    named += [
        (kind, exercise_id)
        for kind in ("household_load", "dumbbell_load", "harder_with_support", "kit_without_dumbbells")
        for exercise_id in planner[kind]
    ]
    named += [
        (f"same_move_when_changed.{exercise_id}", named_id)
        for exercise_id, moves in planner["same_move_when_changed"].items()
        for named_id in (exercise_id, *moves.values())
    ]
    named += [
        ("painful_joints.settles_in_a_rack", i) for i in planner["painful_joints"]["settles_in_a_rack"]["exercises"]
    ]
    named += [("phase_unlocks", unlock["exercise"]) for unlock in planner["phase_unlocks"]]
    named += [("technique_first", planner["technique_first"]["drill"])]
    named += [("squat_check", planner["squat_check"]["lift"])]
    named += [("impact.habitual", planner["impact"]["habitual"]["exercise"])]
    named += [("impact.stand_in", planner["impact"]["stand_in"]["exercise"])]
    for entry, exercise_id in named:
        if exercise_id not in ids:
            raise DataError(file, entry, exercise_id, "no exercise has this id in data/exercises.yaml")
    if planner["falls_review"]["test"] not in {rung["exercise"] for rung in planner["balance_ladder"]}:
        raise DataError(file, "falls_review", "test", "the balance check must be a rung of balance_ladder")
    return planner


def load_catalog(root: Path = PROJECT_ROOT) -> Catalog:
    """Read and check content/ and data/ under root; raises DataError on the first problem."""
    data = root / "data"
    references = load_references(data / "references.yaml")
    lessons = load_lessons(root / "content" / "lessons", references)
    exercises = load_validated(data / "exercises.yaml", "exercises")
    _check_exercises(data / "exercises.yaml", exercises, references)
    impact_forces = load_validated(data / "impact_forces.yaml", "impact_forces")
    trials = load_validated(data / "trials.yaml", "trials")
    for name, records in (("impact_forces", impact_forces), ("trials", trials)):
        for position, record in enumerate(records, start=1):
            _check_sources(data / f"{name}.yaml", f"#{position}", "source", [record["source"]], references)
    guidelines = load_validated(data / "guidelines.yaml", "guidelines")
    _check_unique_ids(data / "guidelines.yaml", guidelines)
    for guideline in guidelines:
        _check_sources(data / "guidelines.yaml", guideline["id"], "sources", guideline["sources"], references)
    rules = load_validated(data / "safety_rules.yaml", "safety_rules")
    _check_rules(data / "safety_rules.yaml", rules, references, exercises)
    wording = load_validated(data / "safety_wording.yaml", "safety_wording")
    _check_wording(data / "safety_wording.yaml", wording, references, rules)
    questions, glossary, cases = _load_study(data, references, {lesson.slug: lesson for lesson in lessons})
    return Catalog(
        references=references,
        lessons=tuple(lessons),
        exercises=tuple(exercises),
        impact_forces=tuple(impact_forces),
        trials=tuple(trials),
        guidelines=tuple(guidelines),
        rules=tuple(rules),
        wording=wording,
        questions=tuple(questions),
        glossary=tuple(glossary),
        cases=tuple(cases),
        screening=_load_screening(data / "screening.yaml", references, root / "content" / "screening"),
        planner=_load_planner(data / "planner.yaml", references, exercises),
    )


@cache
def default_catalog() -> Catalog:
    """The project's own catalog, loaded once per process (lib callers and notebooks)."""
    return load_catalog()
