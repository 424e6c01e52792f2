"""Turning one Item into its record, in whichever process holds the pipeline."""

from __future__ import annotations

import re
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..json_stream import release_to_dict
from ..reading import InputError, read_input
from ..record import DocInfo, error_record
from .inputs import Item

if TYPE_CHECKING:
    from ..pipeline import Pipeline
    from ..record import Document

_CYRILLIC = re.compile("[А-ЯЁа-яё]")


@dataclass(frozen=True)
class Options:
    """How every document of a run is processed."""

    encoding: str | None = None
    date: Any = None  # YYYY-MM-DD or a Reference
    tokens: bool = False
    keep_text: bool = False  # send the text back with the record (for HTML pages)
    pipeline: dict[str, Any] = field(default_factory=dict)  # Pipeline(**pipeline)
    documents: bool = False  # Documents instead of records; errors raise (Pipeline.pipe)


@dataclass
class Outcome:
    """A processed document: its record, what to say about it on stderr, its size."""

    item: Item
    record: dict[str, Any]
    notes: list[str]
    chars: int = 0
    text: str = ""
    document: Document | None = None

    @property
    def failed(self) -> bool:
        return "error" in self.record


def _read(item: Item, encoding: str | None, notes: list[str]) -> tuple[str, str | None]:
    """The text of a file item, decoded, and the encoding when it was not UTF-8."""
    assert item.path is not None
    decoded = read_input(item.path, encoding)
    if decoded.encoding not in ("utf-8", "utf-8-sig") and not encoding:
        notes.append(f"decoded as {decoded.encoding}")
    return decoded.text, None if decoded.encoding == "utf-8" else decoded.encoding


def _message(err: Exception) -> str:
    return " ".join(f"{type(err).__name__}: {err}".split())


class Processor:
    """Builds the pipeline on first use and turns Items into Outcomes."""

    def __init__(self, options: Options, nlp: Pipeline | None = None) -> None:
        self.options = options
        self._nlp = nlp

    @property
    def nlp(self) -> Pipeline:
        if self._nlp is None:
            from ..pipeline import Pipeline

            self._nlp = Pipeline(**self.options.pipeline)
        return self._nlp

    def __call__(self, item: Item) -> Outcome:
        return self.chunk([item])[0]

    def chunk(self, chunk: list[Item]) -> list[Outcome]:
        """Outcomes of several items; the sentences of their texts are tagged together."""
        if self.options.documents:
            texts = [item.text for item in chunk if isinstance(item.text, str)]
            with self._together(texts):
                return [self._document(item) for item in chunk]
        loaded = [self._load(item) for item in chunk]
        texts = [text for text, _, _, failed in loaded if failed is None]
        if not texts:
            return [self._finish(item, *load) for item, load in zip(chunk, loaded)]
        with self._together(texts):
            return [self._finish(item, *load) for item, load in zip(chunk, loaded)]

    def _together(self, texts: list[str]) -> AbstractContextManager[None]:
        together = getattr(self.nlp, "together", None)  # not on a stand-in pipeline
        return together(texts) if together is not None else nullcontext()

    def _load(self, item: Item) -> tuple[str, str | None, list[str], dict[str, Any] | None]:
        """The text of an item, its encoding, notes about it, and its error record if it
        cannot be read."""
        notes: list[str] = []
        if item.error is not None:
            return "", None, notes, error_record(DocInfo(item.id, item.source), *item.error)
        try:
            encoding = None
            if item.text is not None:
                text = item.text
            else:
                text, encoding = _read(item, self.options.encoding, notes)
        except InputError as err:
            return "", None, notes, error_record(DocInfo(item.id, item.source), err.code,
                                                 err.message)  # fmt: skip
        if text.strip() and not _CYRILLIC.search(text):
            notes.append("no Cyrillic letters; factex reads Russian text")
        return text, encoding, notes, None

    def _finish(
        self, item: Item, text: str, encoding: str | None, notes: list[str],
        failed: dict[str, Any] | None,
    ) -> Outcome:  # fmt: skip
        """The outcome of an item whose text is read (or that failed to be)."""
        record = failed
        if record is None:
            try:
                doc = self.nlp(
                    text, self._date(item), doc_id=item.id, source=item.source,
                    tokens=self.options.tokens,
                )  # fmt: skip
                doc.info.encoding = encoding
                notes += [f"stage {w.stage} failed, its layer is empty: {w.message}"
                          for w in doc.warnings]  # fmt: skip
                record = release_to_dict(doc)  # a huge text's objects go as its record grows
            except Exception as err:  # one broken document must not stop a batch
                info = DocInfo(id=item.id, source=item.source)
                record = error_record(info, "processing-error", _message(err))
        kept = text if self.options.keep_text else ""
        return Outcome(item, record, notes, len(text), kept)

    def _date(self, item: Item) -> Any:
        """The reference date of an item: its own, else the run's."""
        return self.options.date if item.date is None else item.date

    def _document(self, item: Item) -> Outcome:
        """The Document of a text, as `Pipeline.__call__` gives it (errors raise); an
        item known to be bad gives its error record and no Document."""
        if item.error is not None:
            return Outcome(item, error_record(DocInfo(item.id, item.source), *item.error), [])
        doc = self.nlp(
            item.text, self._date(item), doc_id=item.id, tokens=self.options.tokens  # type: ignore[arg-type]
        )
        return Outcome(item, {}, [], len(item.text or ""), document=doc)
