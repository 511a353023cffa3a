"""The folder layout tells the architecture: lib/ decides without Streamlit, so a notebook can use it."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import PROJECT_ROOT

LIB_MODULES = sorted(
    ".".join(path.relative_to(PROJECT_ROOT).with_suffix("").parts)
    for path in (PROJECT_ROOT / "lib").rglob("*.py")
    if path.name != "__init__.py"
)
# In a fresh interpreter: import each lib module in turn and name the first that brings Streamlit in.
FIRST_TO_IMPORT_STREAMLIT = """
import importlib, sys
for module in sys.argv[1:]:
    importlib.import_module(module)
    if "streamlit" in sys.modules:
        print(module)
        break
"""


def test_no_lib_module_imports_streamlit():
    assert len(LIB_MODULES) >= 10, LIB_MODULES  # the modules were found
    result = subprocess.run(
        [sys.executable, "-c", FIRST_TO_IMPORT_STREAMLIT, *LIB_MODULES],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    culprit = result.stdout.strip()
    assert culprit == "", f"{culprit} imports streamlit, itself or through another module"
