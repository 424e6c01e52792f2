"""`--resume`: which documents a JSON Lines output already holds complete records for."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator

from .inputs import Item


def _key(line: bytes) -> tuple[str, str] | None:
    """The (source, id) of a complete record line, or None for a broken line."""
    if not line.endswith(b"\n"):
        return None
    try:
        record = json.loads(line)
        doc = record["doc"]
        return (str(doc["source"]), str(doc["id"]))
    except (ValueError, KeyError, TypeError):
        return None


def completed(path: str) -> Counter[tuple[str, str]]:
    """Keys of the complete records in `path`; the file is cut after the last of them
    that precede any broken line (a run killed mid-write leaves half a line)."""
    done: Counter[tuple[str, str]] = Counter()
    if not os.path.exists(path):
        return done
    good = 0
    with open(path, "rb") as f:
        for line in f:
            key = _key(line)
            if key is None:
                break
            done[key] += 1
            good += len(line)
    if good != os.path.getsize(path):
        os.truncate(path, good)
    return done


def skip_done(items: Iterable[Item], done: Counter[tuple[str, str]]) -> Iterator[Item]:
    """`items` without those whose records are already written (each record counts once,
    so that two inputs with the same source and id are both kept track of)."""
    for item in items:
        if done[item.key] > 0:
            done[item.key] -= 1
            continue
        yield item
