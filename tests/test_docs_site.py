"""The documentation site builds with `mkdocs build --strict`: no broken link, no missing
page, no API reference that fails to resolve (CI also runs the build, in `.ci/run`)."""

from __future__ import annotations

import os
import re
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


def slug(heading: str) -> str:
    """The anchor GitHub and MkDocs give a heading."""
    words = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return words.replace(" ", "-")


def test_readme_links_reach_their_pages_and_headings() -> None:
    """README is not part of the site, so its links are checked here."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", readme):
        if re.match(r"[a-z]+://", target):
            continue
        path, _, anchor = target.partition("#")
        page = ROOT / path
        if not page.is_file():
            broken.append(f"{target}: no file {path}")
        elif anchor:
            headings = re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), re.M)
            if anchor not in {slug(h) for h in headings}:
                broken.append(f"{target}: {path} has no heading with the anchor #{anchor}")
    assert not broken, "README.md links that lead nowhere:\n" + "\n".join(broken)
