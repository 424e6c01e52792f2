"""factex on Dask: records and tables of texts in a Bag or a DataFrame, one pipeline per
worker process, built on first use and kept for every partition.

    >>> import dask.bag as db, factex.dask
    >>> records = factex.dask.extract(db.read_text("news/*.txt", files_per_partition=1000))
    >>> tables = factex.dask.to_frames(records)          # dask DataFrames
    >>> tables["entities"].to_parquet("tables/entities")

Needs the extra: pip install "factex[dask]".
"""

from __future__ import annotations

import ctypes
import os
import threading
from typing import TYPE_CHECKING, Any

from .corpus.inputs import Item, dated
from .corpus.pool import chunks
from .corpus.process import Options, Processor
from .extras import require

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd

require("dask", "dask")

_lock = threading.Lock()
_processors: dict[str, Processor] = {}

# glibc's mallopt parameters, and the largest thresholds its own dynamic tuning reaches
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_MMAP_MAX = 32 * 1024 * 1024


def glibc_malloc_defaults() -> bool:
    """Undo a Dask nanny's MALLOC_TRIM_THRESHOLD_ in this worker process.

    The nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which also switches off
    glibc's dynamic mmap threshold: every array slovnet allocates above 128 KiB is then
    mapped and unmapped afresh, and the heap is trimmed and regrown all the time. That
    cost factex a third more CPU per document (13x the page faults) than in a `--jobs`
    worker. Here the thresholds are set where glibc's own tuning would take them, so a
    worker allocates as a `--jobs` worker does; its peak memory is unchanged. True when
    the thresholds were set (glibc, and the variable present)."""
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ:
        return False
    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_MAX)) and bool(
        mallopt(_M_TRIM_THRESHOLD, 2 * _MMAP_MAX)
    )


def processor(options: Options) -> Processor:
    """This worker process's Processor (and Pipeline) for `options`, built once."""
    with _lock:
        found = _processors.get(repr(options))
        if found is None:
            found = _processors[repr(options)] = Processor(options)
            glibc_malloc_defaults()
            found.nlp  # noqa: B018  (load the models now, under the lock)
        return found


def _item(
    element: Any, partition: int, i: int, text_column: str, id_column: str | None,
    date_column: str = "date",
) -> Item:  # fmt: skip
    """A Bag element as an Item: a text (id `PARTITION-N`) or a dict with a text key
    (and its own reference date under `date_column`, if any)."""
    default_id = f"{partition}-{i}"
    if isinstance(element, str):
        return Item(default_id, "", text=element)
    if not isinstance(element, dict):
        kind = type(element).__name__
        return Item(default_id, "", error=("bad-row", f"a {kind}, not a text or a dict"))
    doc_id = element.get(id_column) if id_column else element.get("id", element.get("index"))
    doc_id = default_id if doc_id is None else str(doc_id)
    text = element.get(text_column)
    if not isinstance(text, str):
        what = "missing" if text is None else f"a {type(text).__name__}, not text"
        return Item(doc_id, "", error=("bad-row", f"{text_column!r} is {what}"))
    item = Item(doc_id, str(element.get("source") or ""), text=text)
    return dated(item, element.get(date_column), date_column)


def _records(
    elements: list[Any], partition: list[int], options: Options, text_column: str,
    id_column: str | None, date_column: str = "date",
) -> list[dict[str, Any]]:  # fmt: skip
    run = processor(options)
    part = partition[0] if partition else 0
    todo = [_item(e, part, i, text_column, id_column, date_column)
            for i, e in enumerate(elements, 1)]  # fmt: skip
    return [o.record for chunk in chunks(todo, 16) for o in run.chunk(chunk)]


def _as_bag(
    data: Any, text_column: str, id_column: str | None, date_column: str | None
) -> dask.bag.Bag:
    import dask.bag as db
    import dask.dataframe as dd

    if isinstance(data, db.Bag):
        return data
    if isinstance(data, dd.DataFrame):
        date = date_column or ("date" if "date" in data.columns else None)
        wanted = [c for c in dict.fromkeys((text_column, id_column, date)) if c is not None]
        missing = [c for c in wanted if c not in data.columns]
        if missing:
            raise ValueError(f"the DataFrame has no column {missing[0]!r}; "
                             f"its columns: {', '.join(map(str, data.columns))}")  # fmt: skip
        return data[wanted].to_bag(index=True, format="dict")
    raise TypeError(f"factex.dask needs a dask Bag or DataFrame, not {type(data).__name__}")


def extract(
    data: dask.bag.Bag | dask.dataframe.DataFrame,
    *,
    date: str | None = None,
    tokens: bool = False,
    text_column: str = "text",
    id_column: str | None = None,
    date_column: str | None = None,
    pipeline: dict[str, Any] | None = None,
) -> dask.bag.Bag:
    """A Bag of SPEC records, one per text, in order.

    `data` is a Bag of texts (ids `PARTITION-N`) or of dicts with the text under
    `text_column` and the id under `id_column` (default: `id`), or a DataFrame with a
    text column (ids from `id_column`, default the index). Each text's reference date
    is its own under `date_column` (default: a `date` key or column, if any; a
    publication date per article), else `date`. A text that cannot be processed, or
    whose own date is no date, becomes an error record in its place. `pipeline`:
    options of the workers' `Pipeline(**pipeline)` (`disable`, `facts`, `window`...).
    """
    import dask.bag as db

    bag = _as_bag(data, text_column, id_column, date_column)
    numbers = db.from_sequence(range(bag.npartitions), npartitions=bag.npartitions)
    options = Options(date=date, tokens=tokens, pipeline=dict(pipeline or {}))
    return bag.map_partitions(_records, numbers, options, text_column, id_column,
                              date_column or "date")  # fmt: skip


def _tables(records: list[dict[str, Any]]) -> dict[str, pd.DataFrame]:
    from .frames import to_frames

    return dict(to_frames(records))


def _table(tables: dict[str, pd.DataFrame], name: str) -> pd.DataFrame:
    return tables[name]


def to_frames(
    data: dask.bag.Bag | dask.dataframe.DataFrame, *, records: bool = False, **options: Any
) -> dict[str, dask.dataframe.DataFrame]:
    """The tables of `factex.to_frames` as dask DataFrames, one partition per partition
    of `data`: texts as for `extract` (with its options), or a Bag of records already
    extracted (`records=True`). Compute or write them together (`dask.compute`) so
    that every text is processed once."""
    import dask
    import dask.dataframe as dd

    from .frames import to_frames as pandas_frames

    bag = data if records else extract(data, **options)
    parts = [dask.delayed(_tables)(part) for part in bag.to_delayed()]
    empty = pandas_frames([])
    return {
        name: dd.from_delayed(
            [dask.delayed(_table)(part, name) for part in parts], meta=empty[name],
            verify_meta=False,
        )  # fmt: skip
        for name in empty
    }
