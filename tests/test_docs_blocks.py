"""Every command and Python block in README.md and docs/ runs, so the docs cannot drift.

One test per page: its blocks run in order in one scratch folder (with `samples/` linked
in), commands through bash with the real `factex` of this environment, Python blocks in
one namespace (so a page reads as one session; `factex.extract` shares one pipeline).
Markers and the excerpt rule are in `doc_blocks.py`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import traceback
from pathlib import Path

import pytest
from doc_blocks import COMMANDS, PYTHON, Block, blocks, is_excerpt

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
BIN = str(Path(sys.executable).parent)
OUTPUTS: dict[str, str] = {}  # an excerpt's command, run once per session


HINT = (
    "(blocks run in order in a scratch folder with samples/ linked in; a block that cannot "
    "run in CI, such as a server or a cluster, gets `<!-- docs-test: skip (reason) -->` on "
    "the line before it)"
)


def run_command(code: str, cwd: Path, where: str) -> str:
    env = {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", "")}
    try:
        run = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", code], cwd=cwd, env=env,
                             capture_output=True, text=True, timeout=180)  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.fail(f"{where}: the block ran for more than 3 minutes {HINT}:\n{code}")
    assert run.returncode == 0, (
        f"{where}: the block failed (exit {run.returncode}) {HINT}:\n{code}\n"
        f"stderr:\n{run.stderr[-3000:]}"
    )
    return run.stdout


def check_excerpt(block: Block, cwd: Path) -> None:
    assert block.excerpt_of
    try:
        part = json.loads(block.code)
    except json.JSONDecodeError as err:
        pytest.fail(f"{block.where}: the excerpt is not JSON: {err}")
    if block.excerpt_of not in OUTPUTS:
        OUTPUTS[block.excerpt_of] = run_command(block.excerpt_of, cwd, block.where)
    whole = json.loads(OUTPUTS[block.excerpt_of])
    problem = is_excerpt(part, whole)
    assert problem is None, (
        f"{block.where}: the excerpt of `{block.excerpt_of}` differs from its real output at "
        f"{problem}; run the command and copy the values again"
    )


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(ROOT).as_posix() for p in PAGES])
def test_blocks_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "samples").symlink_to(ROOT / "samples")
    (tmp_path / ".venv").symlink_to(sys.prefix)  # README runs `.venv/bin/factex`
    namespace: dict[str, object] = {"__name__": "__docs__"}
    monkeypatch.chdir(tmp_path)
    for block in blocks(page):
        assert block.lang, (
            f"{block.where}: a code block without a language; say what it is "
            "(```bash, ```python, ```json, ```text) so the test knows whether to run it"
        )
        if block.skip:
            continue
        if block.excerpt_of:
            check_excerpt(block, tmp_path)
        elif block.lang in COMMANDS:
            run_command(block.code, tmp_path, block.where)
        elif block.lang in PYTHON:
            try:
                exec(compile(block.code, block.where, "exec"), namespace)
            except Exception as err:
                pytest.fail(f"{block.where}: the block raised {type(err).__name__}: {err} "
                            f"{HINT}; Python blocks of one page share their names\n"
                            + traceback.format_exc(limit=-3))


def test_few_blocks_skipped() -> None:
    skipped = [b.where for page in PAGES for b in blocks(page) if b.skip]
    assert len(skipped) <= 14, f"too many blocks are not run: {skipped}"


def test_readme_setup_is_what_ci_runs() -> None:
    """README's set-up command is the one `.ci/run` runs on a fresh clone."""
    setup = [b for b in blocks(ROOT / "README.md") if "pip install" in b.code]
    assert setup, "README.md has no set-up block (python3 -m venv ... pip install ...)"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for line in setup[0].code.splitlines():
        if line.strip() and not line.startswith("#"):
            assert line.strip() in ci, f".ci/run does not run README's set-up line: {line}"
