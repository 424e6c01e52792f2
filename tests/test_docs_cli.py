"""docs/cli.md documents every option of every command, checked against the parser.

The page has one table per command after a marker `<!-- cli: NAME -->` (`factex` for the
top-level options, the command's name for a subcommand); the first cell of each row names
an option in backticks, with all its spellings (`-o`, `--output`), or a positional
argument by its metavar (`FILE`).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from factex.cli import build_parser

PAGE = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
MARKER = re.compile(r"<!--\s*cli:\s*(?P<name>[\w-]+)\s*-->")
ROW = re.compile(r"^\|(?P<cell>[^|]*)\|(?P<rest>.*)$")


def commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    found = {"factex": parser}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.update(action.choices)
    return found


def spellings(action: argparse.Action) -> list[str]:
    if action.option_strings:
        return list(action.option_strings)
    if isinstance(action, argparse._SubParsersAction):
        return []
    return [str(action.metavar or action.dest)]


def documented() -> dict[str, list[set[str]]]:
    """Per command, the names in the first cell of each table row."""
    tables: dict[str, list[set[str]]] = {}
    current: str | None = None
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        marker = MARKER.search(line)
        if marker:
            current = marker["name"]
            tables.setdefault(current, [])
            continue
        if current is None:
            continue
        row = ROW.match(line)
        if row:
            names = set(re.findall(r"`([^`]+)`", row["cell"]))
            if names:
                tables[current].append(names)
        elif line.strip():
            current = None
    return tables


def row_for(command: str, action: argparse.Action) -> str:
    names = ", ".join(f"`{s}`" for s in spellings(action))
    meaning = " ".join((action.help or "").split()).replace("|", "\\|")
    return f"| {names} | {meaning} |"


def test_every_option_is_documented() -> None:
    page = documented()
    missing = []
    for name, parser in commands().items():
        actions = [a for a in parser._actions if spellings(a)]
        if name not in page:
            rows = "\n".join(row_for(name, a) for a in actions)
            title = "factex" if name == "factex" else f"factex {name}"
            missing.append(
                f"- `{title}` has no table: add to docs/cli.md a section `## {title}` "
                f"with `<!-- cli: {name} -->` and\n"
                f"| option | meaning |\n| --- | --- |\n{rows}"
            )
            continue
        rows = page[name]
        for action in actions:
            wanted = set(spellings(action))
            if not any(wanted <= names for names in rows):
                missing.append(
                    f"- `{name}` {'/'.join(sorted(wanted))}: add this row to the table after "
                    f"`<!-- cli: {name} -->` in docs/cli.md (in your words):\n"
                    f"  {row_for(name, action)}"
                )
    assert not missing, "options the parser has and docs/cli.md does not document:\n" + \
        "\n".join(missing)


def test_every_documented_option_exists() -> None:
    parsers = commands()
    extra = []
    for name, rows in documented().items():
        if name not in parsers:
            extra.append(f"- `<!-- cli: {name} -->`: factex has no command {name!r}")
            continue
        known = {s for a in parsers[name]._actions for s in spellings(a)}
        extra += [
            f"- `{name}` `{option}`: documented in docs/cli.md but the parser has no such option"
            for names in rows
            for option in sorted(names - known)
        ]
    assert not extra, "\n".join(extra)


def test_fact_types_and_stages_listed_are_the_registered_ones() -> None:
    """The page names every stage and fact type this installation has."""
    from factex.facts import FACT_TYPES
    from factex.stages import STAGES

    text = PAGE.read_text(encoding="utf-8")
    missing = [f"stage `{n}`" for n in STAGES if f"`{n}`" not in text]
    missing += [f"fact type `{n}`" for n in FACT_TYPES if f"`{n}`" not in text]
    assert not missing, (
        "docs/cli.md does not name " + ", ".join(missing)
        + ": add them to the lists under **What runs** (`--disable`, `--facts`)"
    )
