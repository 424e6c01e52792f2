"""factex: Russian entities, dates and facts as JSON records with exact offsets.

>>> import factex
>>> doc = factex.extract("МОСКВА, 11 ноября. /ТАСС/. ...", date="2025-11-11")
>>> doc.to_dict()["entities"]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .pipeline import Pipeline
from .record import DateExpr, Document, Entity, Fact, Mention, Number

if TYPE_CHECKING:
    from .time.reference import Reference

__version__ = "0.2.0"
__all__ = [
    "DateExpr",
    "Document",
    "Entity",
    "Fact",
    "Mention",
    "Number",
    "Pipeline",
    "extract",
    "load",
    "pipeline",
    "read_jsonl",
    "to_frames",
    "to_html",
]

_LAZY = {
    "to_frames": "frames",
    "read_jsonl": "frames",
    "load": "spacy_component",
    "to_html": "html",
}


def __getattr__(name: str) -> Any:
    """Import pandas, spaCy and HTML helpers only when first used."""
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_shared: Pipeline | None = None


def pipeline() -> Pipeline:
    """The process-wide pipeline, loaded on first use."""
    global _shared
    if _shared is None:
        _shared = Pipeline()
    return _shared


def extract(text: str, date: str | Reference | None = None, **options: Any) -> Document:
    """Extract entities, dates, numbers and facts from one Russian text.

    `date` is the reference date (`YYYY-MM-DD`) for relative and partial dates;
    `tokens=True` adds the linguistic layer; `doc_id=`/`source=` fill `doc`.
    """
    return pipeline()(text, date, **options)
