"""Running the `factex` command as a user would, and a short article to run it on."""

from __future__ import annotations

import subprocess
import sys

from schema_check import assert_valid_output

ARTICLE = (
    "Путин встретится с президентом Казахстана\n\n"
    "МОСКВА, 11 ноября. /ТАСС/. Президент Казахстана Касым-Жомарт Токаев начинает "
    "государственный визит в Россию. Его примет Владимир Путин.\n"
)


def factex(
    *args: str, stdin: bytes | None = None, text: bool = False
) -> subprocess.CompletedProcess:
    """`python -m factex ARGS` in a subprocess, output captured; every record it prints
    is checked against the JSON Schema of the SPEC record."""
    run = subprocess.run(
        [sys.executable, "-m", "factex", *args],
        input=stdin,
        capture_output=True,
        text=text,
        timeout=300,
    )
    assert_valid_output(run.stdout)
    return run
