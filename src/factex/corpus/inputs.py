"""What to extract from: files, folders walked lazily, and tables of texts, as a stream
of `Item`s in input order. Texts of files are read later, by whoever processes them."""

from __future__ import annotations

import csv
import json
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from ..time.reference import Reference

TABLE_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet")


class UsageError(Exception):
    """An input that cannot be used as given (a table without the text column...)."""


@dataclass
class Item:
    """One document to process: a file to read (`path`), a text in hand (`text`), or an
    input already known to be bad (`error` as code and message)."""

    id: str
    source: str
    path: str | None = None
    text: str | None = None
    error: tuple[str, str] | None = None
    row: int | None = None  # its row in a table
    date: Reference | None = None  # its own reference date (a table's date column)

    @property
    def label(self) -> str:
        """How messages name it."""
        return self.source if self.row is None else f"{self.source}, row {self.row}"

    @property
    def key(self) -> tuple[str, str]:
        """What identifies its record in an output (for `--resume`)."""
        return (self.source, self.id)


@dataclass
class Columns:
    """Which columns of a table hold the text, the document id (None: row number) and
    the document's reference date (None: the `date` key of a JSON Lines row, if any)."""

    text: str = "text"
    id: str | None = None
    date: str | None = None


def is_table(name: str) -> bool:
    return name.lower().endswith(TABLE_SUFFIXES)


def _file_item(path: str) -> Item:
    return Item(id="stdin" if path == "-" else Path(path).stem, source=path, path=path)


def _matches(rel: str, name: str, pattern: str) -> bool:
    return fnmatch(rel, pattern) if "/" in pattern else fnmatch(name, pattern)


def walk(folder: str, pattern: str = "*.txt") -> Iterator[tuple[str, tuple[str, str] | None]]:
    """Paths under `folder` whose name matches `pattern`, sorted, depth first, one
    directory at a time (names only in memory, never texts); with each, why it cannot be
    read if that is known from the walk (a directory, a FIFO, an unreadable folder).
    Symbolic links are followed; a folder met twice (a link loop) is walked once."""
    seen: set[tuple[int, int]] = set()
    stack: list[str] = [folder]
    while stack:
        top = stack.pop()
        try:
            st = os.stat(top)
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(top) as it:
                names = sorted(entry.name for entry in it)
        except OSError as err:
            yield top, ("unreadable", f"folder cannot be read: {err.strerror or err}")
            continue
        subdirs: list[str] = []
        for name in names:
            path = os.path.join(top, name)
            rel = os.path.relpath(path, folder).replace(os.sep, "/")
            matches = _matches(rel, name, pattern)
            try:
                mode = os.stat(path).st_mode
            except OSError as err:  # a dangling link, a link loop
                if matches:
                    yield path, ("unreadable", err.strerror or str(err))
                continue
            if stat.S_ISDIR(mode):
                if matches:
                    yield path, ("is-directory", "is a directory, not a file (its files are read)")
                subdirs.append(path)
            elif matches:
                regular = stat.S_ISREG(mode)
                yield path, None if regular else ("not-a-file", "not a regular file")
        stack.extend(reversed(subdirs))


def _row_error(item_id: str, source: str, message: str, n: int) -> Item:
    return Item(id=item_id, source=source, error=("bad-row", message), row=n)


def dated(item: Item, value: Any, name: str) -> Item:
    """`item` with its own reference date `value` (from column or key `name`); a value
    that is no date makes it a `bad-date` error item that says why."""
    try:
        item.date = Reference.of(value)
    except ValueError as err:
        item.error = ("bad-date", f"{name!r} is not a reference date (YYYY-MM-DD): {err}")
    return item


def _row(source: str, n: int, row: Any, columns: Columns, date: str | None = None) -> Item:
    """One table row as an Item; a row without a usable text becomes an error item, one
    whose `date` (column or key) is no date a `bad-date` error item."""
    row_id = str(n)
    if not isinstance(row, dict):
        return _row_error(row_id, source, "not an object", n)
    if columns.id is not None and row.get(columns.id) is not None:
        row_id = str(row[columns.id])
    text = row.get(columns.text)
    if not isinstance(text, str):
        what = "missing" if text is None else f"a {type(text).__name__}, not text"
        return _row_error(row_id, source, f"column {columns.text!r} is {what}", n)
    item = Item(id=row_id, source=source, text=text, row=n)
    date = columns.date or date
    return dated(item, row.get(date), date) if date else item


def _jsonl_rows(path: str, encoding: str | None, columns: Columns) -> Iterator[Item]:
    with open(path, encoding=encoding or "utf-8-sig", errors="replace") as lines:
        n = 0
        for line in lines:
            if not line.strip():
                continue
            n += 1
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                yield _row_error(str(n), path, f"not JSON: {err.msg}", n)
                continue
            yield _row(path, n, row, columns, "date")


def _check_header(path: str, names: list[str], columns: Columns) -> None:
    wanted_columns = (
        (columns.text, "--text-column"), (columns.id, "--id-column"),
        (columns.date, "--date-column"),
    )  # fmt: skip
    for wanted, option in wanted_columns:
        if wanted is not None and wanted not in names:
            have = ", ".join(names) or "none"
            raise UsageError(f"{path} has no column {wanted!r} ({option}); its columns: {have}")


def _csv_rows(path: str, encoding: str | None, columns: Columns) -> Iterator[Item]:
    csv.field_size_limit(sys.maxsize)
    with open(path, encoding=encoding or "utf-8-sig", errors="replace", newline="") as f:
        reader = csv.DictReader(f)
        _check_header(path, list(reader.fieldnames or []), columns)
        for n, row in enumerate(reader, 1):
            yield _row(path, n, row, columns)


def _parquet_rows(path: str, columns: Columns) -> Iterator[Item]:
    from ..extras import MissingExtra, require

    try:
        require("pyarrow", "parquet")
    except MissingExtra as err:
        raise UsageError(f"{path}: {err}") from None
    import pyarrow.parquet as pq

    table = pq.ParquetFile(path)
    _check_header(path, list(table.schema_arrow.names), columns)
    wanted = [c for c in (columns.text, columns.id, columns.date) if c is not None]
    n = 0
    for batch in table.iter_batches(batch_size=256, columns=list(dict.fromkeys(wanted))):
        for row in batch.to_pylist():
            n += 1
            yield _row(path, n, row, columns)


def table_rows(path: str, encoding: str | None, columns: Columns) -> Iterator[Item]:
    """The rows of a JSON Lines, CSV or Parquet file as Items, streamed."""
    name = path.lower()
    if name.endswith(".parquet"):
        return _parquet_rows(path, columns)
    if name.endswith(".csv"):
        return _csv_rows(path, encoding, columns)
    return _jsonl_rows(path, encoding, columns)


def check_table(path: str, encoding: str | None, columns: Columns) -> str | None:
    """Why the table at `path` cannot be read as given (checked before any work), or None."""
    try:
        if path.lower().endswith((".csv", ".parquet")):
            next(iter(table_rows(path, encoding, columns)), None)
        elif not os.access(path, os.R_OK):
            return f"cannot read {path}: permission denied"
    except UsageError as err:
        return str(err)
    except OSError as err:
        return f"cannot read {path}: {err.strerror or err}"
    except Exception as err:  # a Parquet or CSV file that is not one
        return f"cannot read {path} as a table: {type(err).__name__}: {err}"
    return None


def items(
    names: list[str], pattern: str = "*.txt", columns: Columns | None = None,
    encoding: str | None = None,
) -> Iterator[Item]:  # fmt: skip
    """Every document named by `names`, in order: files, folders (walked), tables (rows)."""
    columns = columns or Columns()
    for name in names:
        if name != "-" and os.path.isdir(name):
            for path, problem in walk(name, pattern):
                item = _file_item(path)
                item.error = problem
                item.path = None if problem else path
                yield item
        elif name != "-" and is_table(name) and os.path.isfile(name):
            try:
                yield from table_rows(name, encoding, columns)
            except (OSError, UnicodeError) as err:
                reason = getattr(err, "strerror", None) or str(err)
                yield Item(id=Path(name).stem, source=name, error=("unreadable", reason))
        else:
            yield _file_item(name)


def count(names: list[str], pattern: str = "*.txt") -> int:
    """How many documents `items` will give (for a progress bar's time left)."""
    total = 0
    for name in names:
        if name != "-" and os.path.isdir(name):
            total += sum(1 for _ in walk(name, pattern))
        elif name != "-" and is_table(name) and os.path.isfile(name):
            total += _count_rows(name)
        else:
            total += 1
    return total


def _count_rows(path: str) -> int:
    try:
        if path.lower().endswith(".parquet"):
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(path).metadata.num_rows)
        if path.lower().endswith(".csv"):
            with open(path, encoding="utf-8-sig", errors="replace", newline="") as f:
                return max(0, sum(1 for _ in csv.reader(f)) - 1)
        with open(path, "rb") as f:
            return sum(1 for line in f if line.strip())
    except Exception:  # counting is only for the progress bar
        return 0
