"""The documentation site builds with `mkdocs build --strict`: no broken link, no missing
page, no API reference that fails to resolve (CI also runs the build, in `.ci/run`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_site_builds_strict(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs", reason='mkdocs is not installed: pip install -e ".[docs]"')
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert run.returncode == 0, (
        "mkdocs build --strict failed (a broken link, a page missing, a bad reference):\n"
        + run.stderr[-4000:]
    )
    assert (tmp_path / "record" / "index.html").is_file()
