"""Held-out honesty: no four-word run of a held-out text appears in `src/` or `models/`.

A held-out file is one under `tests/data` whose name says `heldout`, `held-out` or
`sealed`; development sets (`*-dev.*`) are read while rules are written and are exempt by
name. Words are runs of letters and digits, lower-cased, `ё` read as `е`; a run is four
words in a row. A text of a held-out set whose run shows up in code, a comment or a word
list has leaked into the rules, and its set no longer measures text nobody has read.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from fact_cases import Run, runs

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SEARCHED = ("src", "models")
HELDOUT_NAME = re.compile(r"held-?out|sealed", re.IGNORECASE)


def heldout_files(data: Path = DATA) -> list[Path]:
    """The held-out files under `data`, by name; development sets are exempt."""
    return sorted(
        p
        for p in data.rglob("*")
        if p.is_file() and HELDOUT_NAME.search(p.name) and not re.search(r"\bdev\b", p.stem)
    )


def heldout_texts(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each case: `text:` lines of a case file; in a table, the column a
    header row names `text` (the header may be a `#` comment), or the longest cell of a
    row when no header names one. Other `#` lines are comments."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if path.suffix != ".tsv":
        return [(n, line[5:]) for n, line in enumerate(lines, 1) if line.startswith("text:")]
    column: int | None = None
    out = []
    for number, row in enumerate(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
        if not row:
            continue
        cells = [row[0].lstrip("#").strip(), *row[1:]]
        if column is None and "text" in cells:
            column = cells.index("text")
        elif not row[0].startswith("#"):
            text = max(row, key=len) if column is None else " ".join(row[column : column + 1])
            out.append((number, text))
    return out


def source_runs(root: Path = ROOT) -> dict[Run, Path]:
    """Every four-word run of the text files under `src/` and `models/`, with one file
    holding it."""
    found: dict[Run, Path] = {}
    for top in SEARCHED:
        for path in sorted((root / top).rglob("*")):
            built = any(p == "__pycache__" or p.endswith(".egg-info") for p in path.parts)
            if built or not path.is_file():
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue  # a binary file holds no rule text
            for run in runs(text):
                found.setdefault(run, path.relative_to(root))
    return found


def leaks(files: list[Path], sources: dict[Run, Path]) -> list[str]:
    out = []
    for path in files:
        for line, text in heldout_texts(path):
            for run in sorted(runs(text) & sources.keys()):
                out.append(f"{path.name}:{line} {' '.join(run)!r} in {sources[run]}")
    return out


def test_no_heldout_run_in_src_or_models():
    files = heldout_files()
    assert any(p.name == "facts-sealed.txt" for p in files)
    found = leaks(files, source_runs())
    assert not found, "held-out text in src/ or models/:\n" + "\n".join(found[:40])


def test_the_check_finds_a_leak(tmp_path):
    data = tmp_path / "tests" / "data"
    data.mkdir(parents=True)
    (data / "facts-sealed.txt").write_text("== g\n\ntext: Вёл Иван Орлов «Вегу» годами.\n")
    (data / "kinds-heldout.tsv").write_text("# kind\ttext\nages\tЕму 58 лет исполнилось вчера.\n")
    (data / "facts-dev.txt").write_text("text: один два три четыре\n")
    (tmp_path / "src").mkdir()
    (tmp_path / "models").mkdir()
    (tmp_path / "src" / "rule.py").write_text("# вел иван орлов вегу\n# один два три четыре\n")
    (tmp_path / "models" / "words.txt").write_text("ему\n58\nлет\nисполнилось\n")
    files = heldout_files(data)
    assert [p.name for p in files] == ["facts-sealed.txt", "kinds-heldout.tsv"]
    found = leaks(files, source_runs(tmp_path))
    assert found == [
        "facts-sealed.txt:3 'вел иван орлов вегу' in src/rule.py",
        "kinds-heldout.tsv:2 'ему 58 лет исполнилось' in models/words.txt",
    ]
