"""Fenced code blocks of README.md and docs/*.md, and the markers that tell how to check them.

A block's info string names its language. `bash` (or `sh`, `shell`, `console`) blocks are
commands, `python` blocks are Python; both are run by `tests/test_docs_blocks.py`. An HTML
comment on the line before a block changes that:

- `<!-- docs-test: skip (reason) -->`: not run (a Dask cluster, an install); keep these few.
- `<!-- docs-test: excerpt of: COMMAND -->` before a `json` block: the block is a trimmed
  copy of COMMAND's output, and every key and value in it must be in the real output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

COMMANDS = {"bash", "sh", "shell", "console"}
PYTHON = {"python", "py"}
FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>```+|~~~+)(?P<info>.*)$")
MARKER = re.compile(r"<!--\s*docs-test:\s*(?P<what>skip|excerpt of:)\s*(?P<arg>.*?)\s*-->")


@dataclass
class Block:
    path: Path
    line: int  # 1-based line of the opening fence
    lang: str
    code: str
    skip: str | None = None  # the reason, when marked skip
    excerpt_of: str | None = None  # the command whose output this block trims

    @property
    def where(self) -> str:
        return f"{self.path.name}:{self.line}"


def blocks(path: Path) -> list[Block]:
    """The fenced blocks of one Markdown file, in order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    i = 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        lang = opening["info"].strip().split(" ")[0].strip("{}.").lower()
        body: list[str] = []
        j = i + 1
        while j < len(lines) and not lines[j].strip().startswith(fence):
            line = lines[j]
            body.append(line[len(indent):] if line.startswith(indent) else line.lstrip())
            j += 1
        block = Block(path, i + 1, lang, "\n".join(body) + "\n")
        k = i - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        marker = MARKER.search(lines[k]) if k >= 0 else None
        if marker and marker["what"] == "skip":
            block.skip = marker["arg"] or "marked skip"
        elif marker:
            block.excerpt_of = marker["arg"]
        found.append(block)
        i = j + 1
    return found


def is_excerpt(part: object, whole: object, where: str = "") -> str | None:
    """None when `part` is `whole` with some keys and list items left out; else where not.

    Dicts: every key of `part` is in `whole` with an excerpt of its value. Lists: the items
    of `part` are excerpts of items of `whole`, in the same order. Anything else: equal.
    """
    if isinstance(part, dict):
        if not isinstance(whole, dict):
            return f"{where or 'the record'}: an object here, {type(whole).__name__} in the output"
        for key, value in part.items():
            if key not in whole:
                return f"{where}.{key}: no such key in the output"
            problem = is_excerpt(value, whole[key], f"{where}.{key}")
            if problem:
                return problem
        return None
    if isinstance(part, list):
        if not isinstance(whole, list):
            return f"{where}: a list here, {type(whole).__name__} in the output"
        j = 0
        for n, item in enumerate(part):
            while j < len(whole) and is_excerpt(item, whole[j]) is not None:
                j += 1
            if j == len(whole):
                return f"{where}[{n}]: {item!r} is not in the output (in this order)"
            j += 1
        return None
    if part != whole or type(part) is not type(whole):
        return f"{where}: {part!r} here, {whole!r} in the output"
    return None
