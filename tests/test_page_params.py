"""Each page's URL parameters are declared once (pages/components/page_params.py, given to each page in
site_map.py): the README documents exactly those keys, and the links the app makes keep their form."""

from __future__ import annotations

import re

from lib.profiles import PRESETS, Profile
from lib.urlstate import choice, deferred
from pages.components import page_params, site_map
from pages.components.common import APP_WIDE_PARAMS, catalog
from pages.components.profile_form import profile_query_params
from pages.components.screening_link import screening_query_params
from tests.conftest import PROJECT_ROOT


def readme_parameter_keys() -> set[str]:
    """The keys in the first column of the README's table of link parameters."""
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| Parameter | Page | Values |") :].split("\n\n")[0]
    return {key for line in table.splitlines()[2:] for key in re.findall(r"`([a-z_]+)`", line.split("|")[1])}


def test_the_readme_documents_every_key_a_page_declares_and_no_other():
    assert readme_parameter_keys() == site_map.app_param_keys() | set(APP_WIDE_PARAMS)


def test_every_page_with_a_script_is_in_the_menu_once():
    scripts = [spec.script for spec in site_map.PAGES]
    assert len(scripts) == len(set(scripts)) == len(list((PROJECT_ROOT / "pages").glob("*.py")))


def test_preset_links_keep_their_keys_and_values():
    assert profile_query_params(PRESETS["frail-faller"]) == {
        "bone": "osteoporosis",
        "falls": "high",
        "joints": "true",
        "nofloor": "true",
    }
    assert profile_query_params(PRESETS["osteoporosis-cleared"]) == {
        "bone": "osteoporosis",
        "exp": "trained",
        "cleared": "true",
    }
    assert profile_query_params(Profile(vertebral_fracture=True)) == {"vf": "true"}
    assert profile_query_params(Profile()) == {}


def test_a_screening_link_carries_the_profile_fields_it_asked_as_a_profile_link_does():
    params = screening_query_params({"age": 72, "joint_limits": True, "experience": "trained", "clearance": False})
    assert params == {"age": "72", "joints": "true", "exp": "trained"}
    assert screening_query_params({"experience": "novice", "joint_limits": False}) == {}


def test_a_deferred_parameter_builds_its_choices_once_when_a_link_is_first_checked():
    built = []
    param = deferred(lambda: built.append(1) or choice(["a", "b"]), repeatable=True)
    assert built == []  # declared, not built: the catalog may not be loaded yet
    assert param.accepts(["a", "b"]) and not param.accepts(["c"])
    assert built == [1]


def test_a_key_means_one_thing_on_every_page_that_declares_it():
    """Widget keys are shared across pages in a session, and links carry other pages' keys along: the DXA site
    of "Screen a client" once used `site`, the skeletal-site filter's key, so it leaked into Safe options' link
    and was lost on Back (usertest 3). A key two pages declare is the same declaration."""
    declarations: dict[str, list] = {}
    for spec in site_map.PAGES:
        for key, param in spec.params.items():
            declarations.setdefault(key, []).append(param)
    lesson_keys = {key for lesson in catalog().lessons for key in page_params.lesson_params(lesson)}
    assert not lesson_keys & declarations.keys()
    assert {key for key, params in declarations.items() if any(param is not params[0] for param in params)} == set()
