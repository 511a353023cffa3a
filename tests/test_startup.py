"""The app starts light: what app.py and the home page need must not pull in altair or pandas.

Together they add about 0.4 s to a cold start (bench/run.py --part cold); pages that chart or
tabulate import them when first shown. Run in a fresh interpreter, since the test session has
long since imported both.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import PROJECT_ROOT

START_UP = """
import sys
import streamlit
import pages.components.common, pages.components.presenter, pages.components.site_map
pages.components.common.load_catalog()
print(sorted(name for name in ("altair", "pandas", "pyarrow", "fpdf") if name in sys.modules))
"""


def test_start_up_imports_no_chart_or_table_library():
    result = subprocess.run(
        [sys.executable, "-c", START_UP], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"
