"""axe-core on every page, normal and presenter mode: no serious or critical violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_browser import page_paths, visit

pytestmark = pytest.mark.browser
BLOCKING = ("serious", "critical")


def blocking_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("mode", ["normal", "presenter"])
def test_no_serious_accessibility_violations(server, page, catalog, mode):
    found = {}
    for path in page_paths(catalog):
        visit(page, f"{server.url}/{path}" + ("?present=1" if mode == "presenter" else ""))
        problems = blocking_violations(page)
        if problems:
            found[path or "home"] = problems
    assert not found, found
