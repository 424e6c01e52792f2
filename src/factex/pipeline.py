"""The pipeline: loads models once, runs the stages over many texts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .analysis import Analysis
from .entities.mentions import find_entities
from .entities.ner import NerTagger, WordSpan, bio_to_spans
from .facts import extract_facts
from .header import dateline_reference, find_dateline, find_title
from .numbers import find_numbers
from .record import DocInfo, Document, Token
from .resources import model_path
from .text.morph import MorphTagger, lemma
from .text.segment import segment
from .time.dates import find_dates
from .time.reference import Reference

if TYPE_CHECKING:
    from .corpus.inputs import Item

DateArg = str | Reference | None


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


class Pipeline:
    """All of factex's stages with their models loaded once.

    >>> nlp = Pipeline()
    >>> doc = nlp("МОСКВА, 11 ноября. /ТАСС/. Владимир Путин ...", date="2025-11-11")
    >>> for doc in nlp.pipe(texts): ...
    """

    def __init__(self, batch_size: int = 32) -> None:
        from navec import Navec

        self.config: dict[str, Any] = {"batch_size": batch_size}  # rebuilds it in workers
        navec = Navec.load(str(model_path("emb/navec_news_v1_1B_250K_300d_100q.tar")))
        self.morph = MorphTagger(navec, batch_size)
        self.ner = NerTagger(navec, batch_size)

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
        return self.analyse(text, date, doc_id=doc_id, source=source, tokens=tokens).document

    def pipe(
        self,
        texts: Iterable[Any],
        date: DateArg = None,
        *,
        tokens: bool = False,
        n_process: int = 1,
        batch_size: int = 32,
        as_tuples: bool = False,
    ) -> Iterator[Any]:
        """Stream documents for many texts, in order (ids `doc1`, `doc2`...), as spaCy's
        `nlp.pipe`: `as_tuples` takes (text, context) pairs and gives (Document, context);
        `n_process` worker processes (0: one per core) each load the models once and take
        `batch_size` texts at a time; memory stays bounded however many texts come."""
        from .corpus.pipe import pipe_documents

        yield from pipe_documents(
            self, texts, date, tokens=tokens, n_process=n_process, batch_size=batch_size,
            as_tuples=as_tuples,
        )  # fmt: skip

    def pipe_batches(
        self, items: Iterable[Item], date: DateArg = None, *, tokens: bool = False,
        batch_size: int = 32,
    ) -> Iterator[Document]:  # fmt: skip
        """Documents of corpus items that carry their text, in order, in this process."""
        for item in items:
            yield self(item.text, date, doc_id=item.id, tokens=tokens)  # type: ignore[arg-type]

    def analyse(
        self,
        text: str,
        date: DateArg = None,
        *,
        doc_id: str = "",
        source: str | None = None,
        tokens: bool = False,
    ) -> Analysis:
        """Run every stage and keep the layers (for facts, spaCy and debugging)."""
        if not isinstance(text, str):
            raise TypeError(_not_text(text))
        option = as_reference(date)
        seg = segment(text)
        sentences = seg.sentence_words()
        pos: list[str] = []
        feats: list[dict[str, str]] = []
        for sent in self.morph(sentences):
            for p, f in sent:
                pos.append(p)
                feats.append(f)
        lemmas = [
            lemma(w[2], p, tuple(sorted(f.items()))) for w, p, f in zip(seg.words, pos, feats)
        ]
        info = DocInfo(id=doc_id, source=source)
        analysis = Analysis(text, seg, pos, feats, lemmas, Document(text, info))

        spans: list[WordSpan] = []
        for (first, _), tags in zip(seg.sentences, self.ner.tags(sentences)):
            spans.extend(bio_to_spans(tags, first))
        analysis.document.entities = find_entities(analysis, spans)

        dateline = find_dateline(text, seg.paragraphs)
        info.dateline = dateline
        info.title = find_title(text, seg.paragraphs, dateline)
        analysis.reference = self._reference(info, option, dateline_reference(dateline))

        document = analysis.document
        document.dates = find_dates(text, analysis.reference, analysis)
        document.numbers = find_numbers(text, document.dates, analysis)
        for prefix, items in (("D", document.dates), ("N", document.numbers)):
            for i, item in enumerate(items, 1):
                item.id = f"{prefix}{i}"  # before facts, whose date arguments refer to them
        document.facts = extract_facts(analysis)
        for i, fact in enumerate(document.facts, 1):
            fact.id = f"F{i}"
        if tokens:
            self._tokens(analysis)
        return analysis

    @staticmethod
    def _reference(info: DocInfo, option: Reference | None, dateline: Reference) -> Reference:
        if option is not None:
            info.date, info.date_source = option.iso(), "option"
            if info.dateline and dateline.year is None and dateline.month:
                info.dateline.date = replace(dateline, year=option.year).iso()
            return option
        if dateline.year is not None:
            info.date, info.date_source = dateline.iso(), "dateline"
        return dateline

    @staticmethod
    def _tokens(analysis: Analysis) -> None:
        doc = analysis.document
        doc.sentences = [analysis.sentence_span(k) for k in range(len(analysis.segments.sentences))]
        doc.tokens = [
            Token(
                s,
                e,
                analysis.text[s:e],
                analysis.lemmas[i],
                analysis.pos[i],
                analysis.feats[i],
                analysis.sent_of_word[i],
            )
            for i, (s, e, _) in enumerate(analysis.words)
        ]
