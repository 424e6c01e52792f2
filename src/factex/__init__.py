"""factex: Russian entities, dates and facts as JSON records with exact offsets.

>>> import factex
>>> doc = factex.extract("МОСКВА, 11 ноября. /ТАСС/. ...", date="2025-11-11")
>>> doc.to_dict()["entities"]
"""

from __future__ import annotations

from typing import Any

from .corpus.inputs import UsageError
from .extras import MissingExtra
from .pipeline import Pipeline, StageError
from .reading import InputError
from .record import (
    DateExpr,
    DocInfo,
    Document,
    Entity,
    Fact,
    Mention,
    Number,
    StageWarning,
)
from .resources import ResourceError
from .time.reference import Reference

__version__ = "0.2.0"
__all__ = [
    "DateExpr",
    "DocInfo",
    "Document",
    "Entity",
    "Fact",
    "InputError",
    "Mention",
    "MissingExtra",
    "Number",
    "Pipeline",
    "Reference",
    "ResourceError",
    "StageError",
    "StageWarning",
    "UsageError",
    "extract",
    "load",
    "read_jsonl",
    "shared_pipeline",
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


def shared_pipeline() -> Pipeline:
    """The process-wide pipeline (the one `extract` uses), loaded on first use.
    (`factex.pipeline` is the module of `Pipeline`; calling it is deprecated.)"""
    global _shared
    if _shared is None:
        _shared = Pipeline()
    return _shared


def extract(text: str, date: str | Reference | None = None, **options: Any) -> Document:
    """Extract entities, dates, numbers and facts from one Russian text.

    `date` is the reference date (`YYYY-MM-DD`) for relative and partial dates;
    `tokens=True` adds the linguistic layer; `doc_id=`/`source=` fill `doc`.
    """
    return shared_pipeline()(text, date, **options)
