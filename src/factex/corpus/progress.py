"""A progress bar on standard error (documents and characters a second, time left), and
messages about documents printed without breaking it."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from .process import Outcome

_bar: Any = None


def say(message: str) -> None:
    """One line on standard error, above the progress bar when there is one."""
    if _bar is not None:
        _bar.write(message, file=sys.stderr)
    else:
        print(message, file=sys.stderr)


def _rate(chars: float) -> str:
    for unit, size in (("M", 1e6), ("k", 1e3)):
        if chars >= size:
            return f"{chars / size:.1f}{unit} chars/s"
    return f"{chars:.0f} chars/s"


def tracked(outcomes: Iterator[Outcome], count: Callable[[], int] | None) -> Iterator[Outcome]:
    """`outcomes`, passed through a tqdm bar; `count` (run in a thread) gives the total
    for the time left, without delaying the first document."""
    global _bar
    from tqdm import tqdm

    total: list[int] = []
    if count is not None:
        threading.Thread(target=lambda: total.append(count()), daemon=True).start()
    bar = tqdm(unit="doc", desc="factex", file=sys.stderr, smoothing=0.05, dynamic_ncols=True)
    _bar = bar
    chars = 0
    start = shown = time.perf_counter()
    try:
        for outcome in outcomes:
            chars += outcome.chars
            if total and bar.total is None:
                bar.total = total[0]
            now = time.perf_counter()
            if now - shown > 0.5:
                bar.set_postfix_str(_rate(chars / (now - start)), refresh=False)
                shown = now
            bar.update(1)
            yield outcome
        if total and bar.total is None:
            bar.total = total[0]
        elapsed = time.perf_counter() - start
        bar.set_postfix_str(_rate(chars / elapsed if elapsed else 0.0), refresh=False)
    finally:
        _bar = None
        bar.close()
