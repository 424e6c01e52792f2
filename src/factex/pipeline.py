"""The pipeline: loads models once, runs the registered stages over many texts."""

from __future__ import annotations

import copy
import os
import sys
import warnings
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast, overload

from .background import Worker, failed, overlap_default
from .collector import fewer_collections
from .document import Analysis
from .facts import FACT_TYPES
from .layers import LAYERS
from .record import DocInfo, Document, StageWarning
from .stages import STAGES, Early, Models, Run, needed_by
from .text.batch import blas_within_one_thread, prepare
from .text.segment import segment
from .time.reference import Reference
from .windows import WINDOW, assemble

if TYPE_CHECKING:
    from .corpus.inputs import Item

DateArg = str | Reference | None
Context = TypeVar("Context")
TOGETHER_CHARS = 20_000  # texts up to this long have their sentences tagged together


def as_reference(date: DateArg) -> Reference | None:
    """`--date` / `date=` as a Reference; raises ValueError for a malformed date."""
    if date is None or isinstance(date, Reference):
        return date
    return Reference.parse(str(date))


def _not_text(value: object) -> str:
    """Why `value` cannot be extracted from, and what to do instead."""
    message = f"factex needs text as str, not {type(value).__name__}"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return f"{message}: decode bytes first (factex.reading.decode knows Russian encodings)"
    return message


def check_names(
    disable: Iterable[str] = (), exclude: Iterable[str] = (), facts: Iterable[str] | None = None
) -> str | None:
    """Why these stage and fact type names cannot be used (one line), or None."""
    return (
        STAGES.unknown(disable) or STAGES.unknown(exclude) or FACT_TYPES.unknown(facts or ())
    )


def strict_default() -> bool:
    """Strict unless asked otherwise when FACTEX_STRICT is set (the test suite sets it)."""
    return os.environ.get("FACTEX_STRICT", "").lower() in ("1", "true", "yes")


class StageError(RuntimeError):
    """A stage failed on a document in strict mode; the cause is chained."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(f"stage {stage}: {message}")
        self.stage = stage


def _message(err: BaseException) -> str:
    return " ".join(f"{type(err).__name__}: {err}".split())


class Pipeline:
    """factex's registered stages (`factex.stages`) with their models loaded once.

    >>> nlp = Pipeline()
    >>> doc = nlp("МОСКВА, 11 ноября. /ТАСС/. Владимир Путин ...", date="2025-11-11")
    >>> for doc in nlp.pipe(texts): ...
    >>> Pipeline(disable=["facts"])            # entities, dates and numbers only
    >>> Pipeline(facts=["occupation", "quote"])  # only these fact types

    `sentence_batch_size`: sentences per slovnet batch (the old keyword `batch_size`
    still works, with a DeprecationWarning: `pipe(batch_size=)` counts texts).
    `disable`: stages not to run (and every stage that needs one of them); their
    models are still loaded. `exclude`: the same, and their models are never
    loaded. `facts`: the fact types to extract (default: all). `strict`: an
    unexpected error inside a stage raises `StageError` instead of emptying that
    stage's layer and adding a warning to the record (SPEC, "Warnings"). `window`:
    a text longer than this many characters runs in windows of whole paragraphs, in
    memory bounded by the window (`windows.py`). `overlap`: over a text of 1,000 words
    or more, run the NER network in a worker thread while this thread runs the
    morphology (`background.py`; the same records; default: on unless the environment
    has `FACTEX_OVERLAP=0`).
    """

    def __init__(
        self,
        sentence_batch_size: int = 128,  # sentences per slovnet batch (128: fastest measured)
        *,
        disable: Iterable[str] = (),
        exclude: Iterable[str] = (),
        facts: Iterable[str] | None = None,
        strict: bool | None = None,
        window: int = WINDOW,
        overlap: bool | None = None,
        batch_size: int | None = None,
    ) -> None:
        if batch_size is not None:
            warnings.warn(
                "Pipeline(batch_size=) counts sentences and is deprecated: use "
                "sentence_batch_size= (pipe(batch_size=) counts texts)",
                DeprecationWarning, stacklevel=2,
            )  # fmt: skip
            sentence_batch_size = batch_size
        disable, exclude = list(disable), list(exclude)
        facts = None if facts is None else list(facts)
        problem = check_names(disable, exclude, facts)
        if problem:
            raise ValueError(problem)
        self.strict = strict_default() if strict is None else strict
        self.overlap = overlap_default() if overlap is None else overlap
        self.config: dict[str, Any] = {  # rebuilds the same pipeline in worker processes
            "sentence_batch_size": sentence_batch_size, "disable": disable,
            "exclude": exclude, "facts": facts, "strict": self.strict, "window": window,
            "overlap": self.overlap,
        }  # fmt: skip
        self.window = window
        self.fact_types = None if facts is None else tuple(facts)
        off = needed_by(exclude)
        self.models = Models(sentence_batch_size)
        self._runs: dict[str, Run | Early] = {
            name: s.make(self.models) for name, s in STAGES.items() if name not in off
        }
        self._worker = Worker()  # shared with variants: one thread a pipeline
        order = list(STAGES)
        self._early = [(order.index(n), n) for n, r in self._runs.items() if isinstance(r, Early)]
        self.disabled = sorted(needed_by(disable) - off, key=list(STAGES).index)
        self.excluded = sorted(off, key=list(STAGES).index)

    def variant(self, disable: Iterable[str] = (), facts: Iterable[str] | None = None) -> Pipeline:
        """This pipeline with other stages disabled and other fact types, sharing its
        loaded models: the same records as `Pipeline(disable=..., facts=...)`."""
        disable = list(disable)
        facts = None if facts is None else list(facts)
        problem = check_names(disable, (), facts)
        if problem:
            raise ValueError(problem)
        other = copy.copy(self)
        other.config = {**self.config, "disable": disable, "facts": facts}
        other.fact_types = None if facts is None else tuple(facts)
        off = set(self.excluded)
        other.disabled = sorted(needed_by(disable) - off, key=list(STAGES).index)
        return other

    @property
    def pipe_names(self) -> list[str]:
        """The stages that run, in order."""
        return [name for name in self._runs if name not in self.disabled]

    def __call__(
        self,
        text: str,
        date: DateArg = None,
        *,
        doc_id: str = "",
        source: str | None = None,
        tokens: bool = False,
    ) -> Document:
        """Extract everything from one text; `date` is the reference date (YYYY-MM-DD)."""
        if isinstance(text, str) and len(text) > self.window:
            return assemble(self.analyse, text, as_reference(date), self.window,
                            doc_id=doc_id, source=source, tokens=tokens)  # fmt: skip
        return self.analyse(text, date, doc_id=doc_id, source=source, tokens=tokens).document

    @overload
    def pipe(
        self, texts: Iterable[str], date: DateArg = None, *, tokens: bool = False,
        n_process: int = 1, batch_size: int = 32, as_tuples: Literal[False] = False,
    ) -> Iterator[Document]: ...

    @overload
    def pipe(
        self, texts: Iterable[tuple[str, Context]], date: DateArg = None, *,
        tokens: bool = False, n_process: int = 1, batch_size: int = 32,
        as_tuples: Literal[True],
    ) -> Iterator[tuple[Document, Context]]: ...

    def pipe(
        self,
        texts: Iterable[Any],
        date: DateArg = None,
        *,
        tokens: bool = False,
        n_process: int = 1,
        batch_size: int = 32,
        as_tuples: bool = False,
    ) -> Iterator[Any]:  # fmt: skip
        """Stream documents for many texts, in order (ids `doc1`, `doc2`...), as spaCy's
        `nlp.pipe`: `as_tuples` takes (text, context) pairs and gives (Document, context);
        `n_process` worker processes (0: one per core) each load the models once and take
        `batch_size` texts at a time; memory stays bounded however many texts come.

        A context that is a dict with a `date` key (`{"date": "2025-11-11"}`) gives that
        text its own reference date in place of `date` (a publication date per article).
        One Document per text, in order: a text whose worker process dies gives a
        Document whose `error` is `("worker-crashed", message)`, one whose context date
        is no date a Document whose `error` is `("bad-date", message)`."""
        from .corpus.pipe import pipe_documents

        date = as_reference(date)  # a malformed date fails here, before any work
        yield from pipe_documents(
            self, texts, date, tokens=tokens, n_process=n_process, batch_size=batch_size,
            as_tuples=as_tuples,
        )  # fmt: skip

    def pipe_batches(
        self, items: Iterable[Item], date: DateArg = None, *, tokens: bool = False,
        batch_size: int = 32,
    ) -> Iterator[Document]:  # fmt: skip
        """Documents of corpus items that carry their text, in order, in this process
        (an item's own `date` before `date`; an item known to be bad gives a Document
        with its `error`); the sentences of `batch_size` documents go through slovnet's
        models together."""
        from .corpus.pool import chunks

        for batch in chunks(items, max(1, batch_size)):
            with self.together([i.text for i in batch if isinstance(i.text, str)]):
                for item in batch:
                    if item.error is not None:
                        info = DocInfo(id=item.id, source=item.source or None)
                        yield Document(item.text or "", info, error=item.error)
                        continue
                    when = date if item.date is None else item.date
                    yield self(item.text, when, doc_id=item.id, tokens=tokens)  # type: ignore[arg-type]

    @contextmanager
    def together(self, texts: list[str]) -> Iterator[None]:
        """Within this block, the sentences of `texts` are already tagged, in shared
        batches: for short texts, much faster than one text at a time. Long texts are
        left to be tagged on their own, in their own bounded memory."""
        running = self.pipe_names
        # the syntax stage parses only the sentences it picks, after the entities
        taggers = [getattr(self.models, n) for n in ("morph", "ner") if n in running]
        try:
            if taggers:
                sentences: list[list[str]] = []
                for text in texts:
                    if len(text) <= TOGETHER_CHARS and text not in self.models.segments:
                        seg = self.models.segments[text] = segment(text)
                        sentences += seg.sentence_words()
                prepare(taggers, sentences)
        except Exception:  # the documents are then processed one by one, and fail alone
            self._forget(taggers)
        try:
            yield
        finally:
            self._forget(taggers)

    def _forget(self, taggers: list[Any]) -> None:
        self.models.segments.clear()
        for tagger in taggers:
            tagger.ahead.clear()

    def analyse(
        self,
        text: str,
        date: DateArg = None,
        *,
        doc_id: str = "",
        source: str | None = None,
        tokens: bool = False,
        header: bool = True,
    ) -> Analysis:
        """Run the stages and keep the layers (for facts, spaCy and debugging);
        `header=False` for a text that does not start a document (a later window):
        no title or dateline, and `date` is the reference date."""
        if not isinstance(text, str):
            raise TypeError(_not_text(text))
        option = as_reference(date)
        info = DocInfo(id=doc_id, source=source)
        analysis = Analysis(text, Document(text, info))
        analysis.option, analysis.fact_types = option, self.fact_types
        analysis.parse_all = tokens  # the tree users see is whole
        with fewer_collections(), blas_within_one_thread():
            self._run_stages(analysis, header)
        analysis.context = None  # the stages' shared Context refers back to the analysis
        analysis.document.assign_ids()
        if tokens:
            self._tokens(analysis)
        return analysis

    def _runs_on(self, name: str, done: set[str], header: bool) -> Run | Early | None:
        """The stage's run if it runs on this text once the stages in `done` ran."""
        run = self._runs.get(name)
        skip = name in self.disabled or (name == "header" and not header)
        if run is None or skip or not all(n in done for n in STAGES[name].needs):
            return None
        return run

    def _run_stages(self, analysis: Analysis, header: bool) -> None:
        started: dict[str, Future[Any]] = {}  # early stages' work, in the worker thread
        try:
            self._run_each(analysis, header, started)
        finally:
            for work in started.values():
                work.cancel()

    def _run_each(self, analysis: Analysis, header: bool, started: dict[str, Future[Any]]) -> None:
        done = analysis.ran
        for at, (name, spec) in enumerate(STAGES.items()):
            run = self._runs_on(name, done, header)
            if run is None:
                spec.clear(analysis)
                continue
            try:
                work = started.pop(name, None)
                if work is None:
                    run(analysis)
                else:  # an Early stage whose work began in the worker thread
                    cast(Early, run).finish(analysis, work.result())
            except Exception as err:
                if self.strict:
                    raise StageError(name, _message(err)) from err
                spec.clear(analysis)
                if name in LAYERS:  # a failed layer is empty, not absent
                    analysis.document.layers[name] = []
                analysis.document.warnings.append(StageWarning(name, _message(err)))
                continue
            done.add(name)
            if self.overlap:
                self._start(analysis, at, done, header, started)

    def _start(
        self, analysis: Analysis, at: int, done: set[str], header: bool,
        started: dict[str, Future[Any]],
    ) -> None:  # fmt: skip
        """Hand the work of the Early stages after the `at`-th that will run (the stages
        they need have run) to the worker thread; an error is raised at the stage's turn."""
        for place, name in self._early:
            if place <= at or name in started:
                continue
            run = self._runs_on(name, done, header)
            if isinstance(run, Early) and run.worth(analysis):
                try:
                    started[name] = self._worker.submit(run.start(analysis))
                except Exception as err:
                    started[name] = failed(err)

    @staticmethod
    def _tokens(analysis: Analysis) -> None:
        doc = analysis.document
        doc.sentences = [analysis.sentence_span(k) for k in range(len(analysis.sentences))]
        doc.tokens = analysis.tokens


class _CallableModule(ModuleType):
    """`factex.pipeline` is this module; calling it as the function it once was still
    gives the shared pipeline, with a DeprecationWarning."""

    def __call__(self) -> Pipeline:
        from . import shared_pipeline

        warnings.warn("factex.pipeline() is deprecated: use factex.shared_pipeline()",
                      DeprecationWarning, stacklevel=2)  # fmt: skip
        return shared_pipeline()


sys.modules[__name__].__class__ = _CallableModule
