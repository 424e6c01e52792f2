"""One version everywhere: the package metadata, `factex.__version__`, `factex --version`
and the latest release in CHANGELOG.md."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import factex

ROOT = Path(__file__).resolve().parent.parent


def test_one_version() -> None:
    assert factex.__version__ == version("factex"), "reinstall: pip install -e '.[dev]'"
    run = subprocess.run([sys.executable, "-m", "factex", "--version"],
                         capture_output=True, text=True, check=True)  # fmt: skip
    assert run.stdout.strip() == f"factex {factex.__version__}"
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", changelog, re.M)
    assert released and released[0] == factex.__version__, (
        f"CHANGELOG.md's latest release is {released[:1]}, the package is {factex.__version__}"
    )
    assert "## [Unreleased]" in changelog


def test_record_format_version_unchanged() -> None:
    """The record's `factex` field is the format's version, not the package's."""
    assert factex.extract("Москва.").to_dict()["factex"] == "1"
