"""Every page's URL parameters, declared once: each key, and what a link may hold in it.

pages/components/site_map.py gives each page its declaration (PageSpec.params; a lesson's comes from
lesson_params). A page hands its own to common.notice_odd_parameters, which lets the keys of every
other page through (a link may carry another page's settings along: site_map.app_param_keys), and
the tests take their page and key lists from site_map. The URL key of each profile field is in
lib/profiles.py (LINK_KEYS).

Choices read from the catalog, or from lib modules that bring pandas (which the app's start and its
lighter pages do without), are `deferred`: built when a link first needs checking.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import import_module

from lib.lessons import Lesson
from lib.profiles import CHOICES, LINK_KEYS
from lib.screening_inputs import DXA_SITES, SEXES
from lib.urlstate import Param, choice, deferred, number_between, whole_number_between
from lib.vocabulary import EQUIPMENT, PATTERNS, SITES
from pages.components.common import catalog

YES_OR_NO = choice([True, False])
SEARCH_LIMIT = 60  # characters: longer than any exercise name, glossary term or phrase worth searching for


def choice_from(module: str, name: str, repeatable: bool = False) -> Param:
    """One of the options a lib module lists, imported when a link first needs checking."""
    return deferred(lambda: choice(getattr(import_module(module), name), repeatable), repeatable)


def is_iso_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


# The risk profile (pages/components/profile_form.py): a DXA score, or a field of lib.profiles.Profile each.
T_SCORE_RANGE = (-6.0, 4.0)  # wider than any DXA result a clinic will see
PROFILE_PARAMS: dict[str, Param] = {
    "t": number_between(*T_SCORE_RANGE),
    "z": number_between(*T_SCORE_RANGE),
    **{key: choice(CHOICES[field]) for field, key in LINK_KEYS.items()},
}

# Filters shared by Safe options and the Exercise library. "none" is no filter: body-weight exercises pass any.
FILTER_EQUIPMENT = tuple(item for item in EQUIPMENT if item != "none")
FILTER_PARAMS: dict[str, Param] = {
    "equip": choice(FILTER_EQUIPMENT, repeatable=True),
    "pattern": choice(PATTERNS, repeatable=True),
    "site": choice(SITES, repeatable=True),
}

# Safe options' groups as its link names them (show=Avoid), by lib.safety's status.
STATUS_LABELS = {"recommended": "Recommended", "modify": "With modifications", "avoid": "Avoid"}
SAFE_OPTIONS_PARAMS: dict[str, Param] = (
    PROFILE_PARAMS
    | FILTER_PARAMS
    | {
        "show": choice(STATUS_LABELS.values()),
        "all": YES_OR_NO,  # every card, not only the first screenful
    }
)

SEARCH = Param(lambda value: len(value) <= SEARCH_LIMIT)  # a search box's text (Exercise library, Glossary)
EXERCISE_LIBRARY_PARAMS: dict[str, Param] = FILTER_PARAMS | {
    "find": SEARCH,
    # A bound selectbox keeps the label it shows: the exercise's name.
    "exercise": deferred(lambda: choice(exercise["name"] for exercise in catalog().exercises)),
}

MONTHS_RANGE = (3, 24)
TIME_IN_LINK = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")  # how a bound time input writes its value: 18:00
PLAN_SETTINGS: dict[str, Param] = {  # the Planner's own settings, beside the profile
    "spw": choice([2, 3]),
    "days": choice_from("lib.plan_charts", "WEEKDAYS", repeatable=True),
    "time": Param(lambda value: bool(TIME_IN_LINK.fullmatch(value))),
    "months": whole_number_between(*MONTHS_RANGE),
    "minutes": choice_from("lib.planner", "SESSION_MINUTES"),
    "kit": choice_from("lib.planner", "EQUIPMENT_SETS"),
    "start": Param(is_iso_date),
}
PLANNER_PARAMS = PROFILE_PARAMS | PLAN_SETTINGS


def lesson_titles() -> dict[str, str]:
    """Slug -> title. A bound multiselect with format_func puts the shown title in the link."""
    return {lesson.slug: lesson.title for lesson in catalog().lessons}


LESSON_TOPICS = deferred(lambda: choice(lesson_titles().values(), repeatable=True), repeatable=True)
DIFFICULTIES = ("easy", "medium", "hard")
PRACTICE_PARAMS: dict[str, Param] = {
    "topics": LESSON_TOPICS,
    "level": choice(DIFFICULTIES, repeatable=True),
    "due": YES_OR_NO,
}
FLASHCARDS_PARAMS: dict[str, Param] = {"topics": LESSON_TOPICS, "due": YES_OR_NO}

SEED_RANGE = (1, 9999)  # four digits: easy to read out to a room
EXAM_PARAMS: dict[str, Param] = {
    "length": choice_from("lib.study", "EXAM_LENGTHS"),
    "seed": whole_number_between(*SEED_RANGE),
}
GLOSSARY_PARAMS: dict[str, Param] = {"find": SEARCH}
CASES_PARAMS: dict[str, Param] = {"case": deferred(lambda: choice(case["title"] for case in catalog().cases))}


# The screening (pages/screening.py). Multiselects bound to the URL carry the label they show, so those
# parameters hold labels, not ids.
SCREENING_NUMBERS = {  # URL key -> screen() argument, for each number the form takes (limits in data/screening.yaml)
    "age": "age",
    "tug": "tug_s",
    "chair": "chair_stands_30s",
    "falls_n": "falls_past_year",
    "t_score": "t_score",
    "z_score": "z_score",
    "height_loss": "height_loss_cm",
    "occiput_wall": "occiput_to_wall_cm",
}
BALANCE_KEYS = ("bal_together", "bal_semi", "bal_tandem", "bal_one")  # the four stances, in the test's order
YES_NO = ("yes", "no")
PROFILE_FIELDS_ON_SCREENING = ("joint_limits", "experience", "clearance")  # asked as on the profile form


def screening_number(name: str) -> Param:
    """A number in the input's range; a whole number where the input counts (stands, falls, years)."""
    spec = catalog().screening["inputs"][name]
    in_range = number_between(*spec["range"])
    if not float(spec["step"]).is_integer():
        return in_range
    return Param(lambda value: in_range.check(value) and float(value).is_integer())


def checklist_questions() -> list[str]:
    """The Stay Independent checklist's questions, as worded on the page and in the link."""
    return [item["text"] for item in catalog().screening["tests"]["stay_independent"]["items"]]


def risk_factor_labels() -> dict[str, str]:
    """Id -> label of each risk factor the form asks about (a derived one is worked out, not asked)."""
    return {factor["id"]: factor["label"] for factor in catalog().screening["risk_factors"] if "derived" not in factor}


def fracture_site_labels() -> dict[str, str]:
    return catalog().screening["bone"]["fractures"]["sites"]


SCREENING_PARAMS: dict[str, Param] = {
    **{key: deferred(lambda name=name: screening_number(name)) for key, name in SCREENING_NUMBERS.items()},
    **{key: deferred(lambda: screening_number("balance_stances_s")) for key in BALANCE_KEYS},
    "sex": choice(SEXES),
    "fall_hurt": YES_OR_NO,
    "fear": choice(YES_NO),
    "floor": choice(YES_NO),
    "si": deferred(lambda: choice(checklist_questions(), repeatable=True), repeatable=True),
    "si_asked": YES_OR_NO,
    "dxa_site": choice(DXA_SITES),
    "frac": deferred(lambda: choice(fracture_site_labels().values(), repeatable=True), repeatable=True),
    "risk": deferred(lambda: choice(risk_factor_labels().values(), repeatable=True), repeatable=True),
    **{LINK_KEYS[field]: PROFILE_PARAMS[LINK_KEYS[field]] for field in PROFILE_FIELDS_ON_SCREENING},
}


# Lessons: the section a presenter is shown, and lesson 4's osteogenic index example.
OI_LOADS_BW = tuple(round(1.2 + tenth / 10, 1) for tenth in range(38))  # 1.2 to 4.9, as the README documents
OI_CYCLES = (10, 120)


def lesson_params(lesson: Lesson) -> dict[str, Param]:
    # A section by its heading's slug, or by its number in older links.
    return {
        "step": Param(lambda value: lesson.step_number(value) is not None),
        "oi_load": choice(OI_LOADS_BW),
        "oi_cycles": whole_number_between(*OI_CYCLES),
    }
