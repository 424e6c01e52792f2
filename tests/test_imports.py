"""factex runs on toolchains without pkg_resources (setuptools 81 and newer dropped it)
and never imports pymorphy2 (which needs pkg_resources and breaks on new Pythons); natasha,
whose package imports pymorphy2, is only a source of model files."""

from __future__ import annotations

import json
import subprocess
import sys

FORBIDDEN = ("pkg_resources", "pymorphy2", "natasha")

PROBE = f"""
import json, sys
import factex, factex.cli
factex.Pipeline(strict=True)("Глава МИД России Сергей Лавров 11 ноября прибыл в Москву.")
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {FORBIDDEN!r})))
"""


def test_running_factex_imports_neither_pkg_resources_nor_pymorphy2():
    run = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(run.stdout.splitlines()[-1]) == []

