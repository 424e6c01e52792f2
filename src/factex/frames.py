"""SPEC records as pandas tables: one DataFrame per layer, joined by `doc_id`.

The tables of the layers (`dates`, `numbers`...) have the columns each layer
declares (`factex/kinds/`), after `doc_id`, its id, `start`, `stop` and `text`.

>>> frames = to_frames(factex.Pipeline().pipe(texts))
>>> frames.entities.sort_values("mention_count", ascending=False).head()

Columns and dtypes are fixed (see `columns()`), so empty input gives empty
tables with the same columns. Fact arguments are flattened: an entity argument
`visitor` becomes `visitor_ref` and `visitor_name`, a date argument `dates`
becomes `dates_ref`, `dates_text`, `dates_value`, a list of entities
`participants` becomes `participants` (names) and `participants_refs`.
Arguments unknown to this version are flattened the same way, after the
documented columns.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .extras import require
from .layers import LAYERS

if TYPE_CHECKING:
    from .record import Document

Record = Mapping[str, Any]

STR, INT, NINT, BOOL, LIST = "string", "int64", "Int64", "boolean", "object"

_ENTITY_ARGS = ["person", "org", "visitor", "destination", "host", "place", "speaker"]

_CORE: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": STR, "source": STR, "title": STR, "date": STR, "date_source": STR,
        "dateline_place": STR, "dateline_date": STR, "dateline_agency": STR,
        "entity_count": INT, "fact_count": INT, "error_code": STR, "error_message": STR,
        "warnings": STR,
    },
    "entities": {
        "doc_id": STR, "entity_id": STR, "type": STR, "name": STR,
        "first": STR, "middle": STR, "last": STR, "mention_count": INT,
    },
    "mentions": {
        "doc_id": STR, "entity_id": STR, "type": STR, "name": STR,
        "start": INT, "stop": INT, "text": STR,
    },
    "facts": {
        "doc_id": STR, "fact_id": STR, "type": STR, "evidence_start": INT, "evidence_stop": INT,
        **{f"{a}_{k}": STR for a in _ENTITY_ARGS for k in ("ref", "name")},
        "position": STR, "kind": STR, "format": STR, "name": STR, "theme": STR, "text": STR,
        "document": STR, "direct": BOOL, "ordinal": NINT, "duration_days": NINT,
        "dates_ref": STR, "dates_text": STR, "dates_value": STR,
        "participants": LIST, "participants_refs": LIST, "parties": LIST, "parties_refs": LIST,
        "topics": LIST,
        # added with deal and ownership (SPEC 0.2), after the columns of version 1
        "owner_ref": STR, "owner_name": STR, "property_ref": STR, "property_name": STR,
        "property_text": STR, "subject": STR, "share": STR,
    },
}  # fmt: skip


def columns() -> dict[str, dict[str, str]]:
    """Every table's documented columns and their pandas dtypes, in order: the tables
    of the registered layers come between `mentions` and `facts`."""
    layers = {
        key: {"doc_id": STR, layer.id_column: STR, "start": INT, "stop": INT, "text": STR,
              **layer.columns}
        for key, layer in LAYERS.items()
    }  # fmt: skip
    core = list(_CORE.items())
    return dict([*core[:3], *layers.items(), *core[3:]])


COLUMNS = columns()
"""The tables' columns when factex was imported (see `columns`)."""

LIST_COLUMNS = [c for c, t in _CORE["facts"].items() if t == LIST]


class Frames(dict):
    """The tables by name; also readable as attributes (`frames.facts`)."""

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __dir__(self) -> list[str]:
        return [*super().__dir__(), *self.keys()]


def _records(docs: Any) -> Iterator[Record]:
    if isinstance(docs, Mapping) or hasattr(docs, "to_dict"):
        docs = [docs]
    if isinstance(docs, (str, bytes)) or not isinstance(docs, Iterable):
        raise TypeError(f"to_frames needs Documents or records (dicts), not {_kind(docs)}")
    for i, doc in enumerate(docs, 1):
        if isinstance(doc, Mapping):
            yield doc
        elif hasattr(doc, "to_dict"):
            yield doc.to_dict()
        else:
            raise TypeError(f"to_frames: item {i} is {_kind(doc)}, not a Document or a record")


def _kind(value: Any) -> str:
    return "None" if value is None else f"a {type(value).__name__}"


def _flatten_arg(key: str, value: Any, row: dict[str, Any]) -> None:
    if isinstance(value, Mapping):
        for sub in ("ref", "name", "text", "value"):
            if sub in value:
                row[f"{key}_{sub}"] = value[sub]
        for sub, v in value.items():
            row.setdefault(f"{key}_{sub}", v)
    elif isinstance(value, list):
        items = [v for v in value if v is not None]
        if any(isinstance(v, Mapping) for v in items):
            row[key] = [
                v.get("name", v.get("text")) if isinstance(v, Mapping) else v for v in items
            ]
            row[f"{key}_refs"] = [v.get("ref") if isinstance(v, Mapping) else None for v in items]
        else:
            row[key] = items
            row.setdefault(f"{key}_refs", [])
    else:
        row[key] = value


def fact_row(doc_id: str, fact: Record) -> dict[str, Any]:
    """One fact as a flat row (entity/date arguments split into `_ref`, `_name`...)."""
    evidence = fact.get("evidence") or {}
    row: dict[str, Any] = {
        "doc_id": doc_id,
        "fact_id": fact.get("id"),
        "type": fact.get("type"),
        "evidence_start": evidence.get("start"),
        "evidence_stop": evidence.get("stop"),
    }
    for key, value in fact.items():
        if key not in ("id", "type", "evidence"):
            _flatten_arg(key, value, row)
    return row


def _rows(record: Record, doc_id: str, tables: dict[str, list[dict[str, Any]]]) -> None:
    info = record.get("doc") or {}
    dateline = info.get("dateline") or {}
    error = record.get("error") or {}
    entities = record.get("entities") or []
    tables["documents"].append({
        "doc_id": doc_id, "source": info.get("source"), "title": info.get("title"),
        "date": info.get("date"), "date_source": info.get("date_source"),
        "dateline_place": dateline.get("place"), "dateline_date": dateline.get("date"),
        "dateline_agency": dateline.get("agency"), "entity_count": len(entities),
        "fact_count": len(record.get("facts") or []),
        "error_code": error.get("code"), "error_message": error.get("message"),
        "warnings": "; ".join(f"{w.get('stage')}: {w.get('message')}"
                              for w in record.get("warnings") or []) or None,
    })  # fmt: skip
    for e in entities:
        parts = e.get("parts") or {}
        mentions = e.get("mentions") or []
        base = {"doc_id": doc_id, "entity_id": e.get("id"), "type": e.get("type")}
        base["name"] = e.get("name")
        tables["entities"].append(
            {**base, **{k: parts.get(k) for k in ("first", "middle", "last")},
             "mention_count": len(mentions)}
        )  # fmt: skip
        tables["mentions"].extend(
            {**base, "start": m["start"], "stop": m["stop"], "text": m.get("text")}
            for m in mentions
        )
    for key, layer in LAYERS.items():
        for item in record.get(key) or []:
            row = {"doc_id": doc_id, layer.id_column: item.get("id")}
            for field, value in item.items():  # an entity reference as `_ref`, `_name`
                if isinstance(value, Mapping):
                    _flatten_arg(field, value, row)
                else:
                    row[field] = value
            tables[key].append(row)
    tables["facts"].extend(fact_row(doc_id, f) for f in record.get("facts") or [])


def _frame(columns: dict[str, str], rows: list[dict[str, Any]]) -> pd.DataFrame:
    extra = sorted({k for r in rows for k in r} - set(columns) - {"id"})
    frame = pd.DataFrame.from_records(rows, columns=[*columns, *extra])
    for col, dtype in columns.items():
        if dtype == LIST:
            lists = [v if isinstance(v, list) else [] for v in frame[col]]
            frame[col] = pd.Series(lists, index=frame.index, dtype=object)
        else:
            frame[col] = frame[col].astype(dtype)
    return frame


def to_frames(docs: Document | Record | Iterable[Document | Record]) -> Frames:
    """Tables `documents`, `entities`, `mentions`, one per layer (`dates`, `numbers`...),
    `facts`.

    `docs` are `Document`s or SPEC records (dicts, e.g. from `read_jsonl`), or
    one of them. A record without a `doc.id` gets `doc1`, `doc2`... by position.
    Error records appear only in `documents` (`error_code`, `error_message`), and so
    do stage warnings (`warnings`: "stage: message", joined by "; ").
    """
    tables_columns = columns()
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in tables_columns}
    for i, record in enumerate(_records(docs), 1):
        doc_id = (record.get("doc") or {}).get("id") or f"doc{i}"
        _rows(record, doc_id, tables)
    return Frames({name: _frame(tables_columns[name], rows) for name, rows in tables.items()})


def read_jsonl(path: str | Path, errors: str = "warn") -> list[dict[str, Any]]:
    """Records written by `factex extract --format jsonl` (or `json`), in order.

    Error records (documents factex could not read) are dropped with a warning
    naming them (`errors="warn"`), dropped silently (`"skip"`), kept
    (`"keep"`; `to_frames` lists them in `documents`) or raise (`"raise"`).
    """
    if errors not in ("warn", "skip", "keep", "raise"):
        raise ValueError(f"errors must be warn, skip, keep or raise, not {errors!r}")
    text = Path(path).read_text(encoding="utf-8")
    records = _parse(text, str(path))
    failed = [r for r in records if "error" in r]
    if failed and errors != "keep":
        names = ", ".join(
            f"{(r.get('doc') or {}).get('source') or (r.get('doc') or {}).get('id')}: "
            f"{r['error'].get('message')}"
            for r in failed
        )
        if errors == "raise":
            raise ValueError(f"{path}: {len(failed)} error record(s): {names}")
        if errors == "warn":
            warnings.warn(f"{path}: skipped {len(failed)} error record(s): {names}", stacklevel=2)
        records = [r for r in records if "error" not in r]
    return records


def _parse(text: str, name: str) -> list[dict[str, Any]]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        return list(json.loads(stripped))
    records = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as err:
            if number == 1 and line.strip() == "{":  # one pretty-printed `--format json` record
                return [json.loads(text)]
            raise ValueError(f"{name}:{number}: not a JSON record: {err.msg}") from None
    return records


def _for_csv(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for col in frame.columns:
        if frame[col].dtype == object and any(isinstance(v, list) for v in frame[col]):
            frame[col] = [json.dumps(v, ensure_ascii=False) for v in frame[col]]
    return frame


def write_tables(frames: Mapping[str, pd.DataFrame], directory: str | Path, fmt: str) -> list[Path]:
    """Write each table as `DIR/<name>.csv` or `.parquet`; return the paths.

    In CSV, list columns (`participants`...) are JSON arrays.
    """
    if fmt == "parquet":
        require("pyarrow", "parquet")
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, frame in frames.items():
        path = out / f"{name}.{fmt}"
        if fmt == "csv":
            _for_csv(frame).to_csv(path, index=False)
        else:
            frame.to_parquet(path, index=False)
        paths.append(path)
    return paths
