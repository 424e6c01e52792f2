"""The named stages of the pipeline, each declaring the stages it needs.

A stage is registered with `@stage(name, needs=...)` on a factory that receives
the shared `Models` and returns the function run on each document's `Analysis` (or an
`Early`, whose model work may run in the pipeline's worker thread before its turn);
`clear` names what the stage's layer is when the stage did not run (disabled,
failed, or a stage it needs did not run). Stages run in registration order.

>>> [s.name for s in STAGES.values()]
['segment', 'header', 'morph', 'ner', 'entities', 'syntax', 'dates', 'numbers', 'money',
 ..., 'facts']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from .layers import LAYERS, Layer
from .registry import Registry
from .resources import model_path
from .text.batch import blas_controller
from .text.segment import LINE_BREAK

if TYPE_CHECKING:
    from .document import Analysis, WordRange
    from .entities.ner import NerTagger, Scored
    from .text.cnn import CnnTagger, WordInput
    from .text.morph import MorphTagger
    from .text.segment import Segments
    from .text.syntax import SyntaxParser

Run = Callable[["Analysis"], None]


OVERLAP_WORDS = 1_000  # a text's words from which a model's work may run in the worker


@dataclass(frozen=True)
class Early:
    """A stage whose model work reads nothing but the stages it needs: `start(a)` reads
    the document (in the calling thread) and returns that work, a function of what it
    read alone, which the pipeline runs in its worker thread while the stages before
    this one run (`background.py`), for a text of `OVERLAP_WORDS` words or more;
    `finish(a, result)` does the rest at the stage's turn. Called as a `Run`, it does
    both at once."""

    start: Callable[[Analysis], Callable[[], Any]]
    finish: Callable[[Analysis, Any], None]

    def __call__(self, a: Analysis) -> None:
        self.finish(a, self.start(a)())

    @staticmethod
    def worth(a: Analysis) -> bool:
        """Whether the text is long enough for its work to gain from the worker thread:
        over a short text (a news item of 250 words) the thread's hand-overs and the
        GIL take what the second core gives (`docs/performance.md`)."""
        return len(a.tokens) >= OVERLAP_WORDS


class Models:
    """Model files shared by the stages, loaded on first use."""

    def __init__(self, batch_size: int = 128) -> None:
        self.batch_size = batch_size
        self.segments: dict[str, Segments] = {}  # segmented ahead by Pipeline.together
        self.input: WordInput | None = None  # the navec input the taggers share
        blas_controller()

    def _shared(self, net: CnnTagger) -> None:
        self.input = self.input or net.input

    @cached_property
    def navec(self) -> Any:
        from navec import Navec

        from .text.cnn import not_walked

        navec = Navec.load(str(model_path("emb/navec_news_v1_1B_250K_300d_100q.tar")))
        vocab = navec.vocab
        vocab.words, vocab.counts = not_walked(vocab.words), not_walked(vocab.counts)
        return navec

    @cached_property
    def morph(self) -> MorphTagger:
        from .text.morph import MorphTagger

        tagger = MorphTagger(self.navec, self.batch_size, self.input)
        self._shared(tagger.net)
        return tagger

    @cached_property
    def syntax(self) -> SyntaxParser:
        from .text.syntax import SyntaxParser

        parser = SyntaxParser(self.navec, self.batch_size, self.input)
        self._shared(parser.net)
        return parser

    @cached_property
    def ner(self) -> NerTagger:
        from .entities.ner import NerTagger

        tagger = NerTagger(self.navec, self.batch_size, self.input)
        self._shared(tagger.net)
        return tagger


@dataclass(frozen=True)
class Stage:
    """A registered stage: its name, the stages it needs, its factory and its empty layer."""

    name: str
    needs: tuple[str, ...]
    make: Callable[[Models], Run | Early]
    clear: Callable[[Analysis], None]
    doc: str


STAGES: Registry[Stage] = Registry("stage")


Make = TypeVar("Make", bound=Callable[[Models], "Run | Early"])


def stage(
    name: str, *, needs: Iterable[str] = (), clear: Callable[[Analysis], None]
) -> Callable[[Make], Make]:
    """Register a stage factory under `name` (after the stages it needs)."""

    def register(make: Make) -> Make:
        required = tuple(needs)
        unknown = [n for n in required if n not in STAGES]
        if unknown:
            raise ValueError(f"stage {name!r} needs unregistered stages {unknown}")
        STAGES.add(name, Stage(name, required, make, clear, (make.__doc__ or "").strip()))
        return make

    return register


def needed_by(names: Iterable[str]) -> set[str]:
    """`names` and every stage that needs one of them, directly or not."""
    out = set(names)
    for s in STAGES.values():  # registration order: needs come first
        if any(n in out for n in s.needs):
            out.add(s.name)
    return out


# The stages, in the order they run.


def _clear_segment(a: Analysis) -> None:
    a.set_tokens([], [], [])


@stage("segment", clear=_clear_segment)
def _segment(models: Models) -> Run:
    """Paragraphs, sentences and words with exact offsets (razdel)."""
    from .text.segment import segment

    def run(a: Analysis) -> None:
        seg = models.segments.pop(a.text, None)
        if seg is None:
            seg = segment(a.text)
        a.set_tokens(seg.tokens, seg.sentences, seg.paragraphs)

    return run


def _clear_header(a: Analysis) -> None:
    from .time.reference import Reference

    info = a.document.info
    info.dateline = info.title = None
    info.date = a.option.iso() if a.option else None
    info.date_source = "option" if a.option else None
    a.reference = a.option or Reference()


@stage("header", needs=["segment"], clear=_clear_header)
def _header(models: Models) -> Run:
    """The headline, the agency dateline and the reference date for dates."""
    from .header import dateline_reference, find_dateline, find_title

    def run(a: Analysis) -> None:
        _clear_header(a)
        info, paragraphs = a.document.info, a.paragraphs
        dateline = find_dateline(a.text, paragraphs)
        info.dateline = dateline
        info.title = find_title(a.text, paragraphs, dateline)
        from_dateline = dateline_reference(dateline)
        if a.option is not None:
            if dateline and from_dateline.year is None and from_dateline.month:
                dateline.date = replace(from_dateline, year=a.option.year).iso()
        elif from_dateline.year is not None:
            info.date, info.date_source = from_dateline.iso(), "dateline"
            a.reference = from_dateline
        else:
            a.reference = from_dateline

    return run


def _clear_morph(a: Analysis) -> None:
    """Without morphology every word is of unknown part of speech, its lemma in lower case."""
    for t in a.tokens:
        t.pos, t.feats, t.lemma = "X", {}, t.word.lower()


@stage("morph", needs=["segment"], clear=_clear_morph)
def _morph(models: Models) -> Run:
    """Part of speech and features (slovnet), lemmas (pymorphy3)."""
    from .text.morph import analyzer, lemma
    from .text.segment import sentence_words

    tagger = models.morph  # shared with Pipeline.together
    analyzer()  # pymorphy3's dictionaries, loaded with the models

    def run(a: Analysis) -> None:
        sentences = tagger.tagged(sentence_words(a.tokens, a.sentences))
        tags = [tag for sent in sentences for tag in sent]
        if len(tags) != len(a.tokens):
            raise ValueError(f"{len(tags)} tags for {len(a.tokens)} tokens")
        for t, (pos, feats, key) in zip(a.tokens, tags):
            t.pos, t.feats = pos, feats
            t.lemma = lemma(t.word, pos, key)  # key: t.tag, sorted once per tag

    return run


def _clear_ner(a: Analysis) -> None:
    a.ner_spans = []


@stage("ner", needs=["segment"], clear=_clear_ner)
def _ner(models: Models) -> Early:
    """Person, place and organisation word spans (slovnet NER)."""
    from .entities.ner import bio_to_spans
    from .text.segment import sentence_words

    tagger = models.ner  # shared with Pipeline.together

    def start(a: Analysis) -> Callable[[], tuple[list[list[str]], Scored]]:
        words = sentence_words(a.tokens, a.sentences)
        reads = tagger.read(words)
        return lambda: (words, tagger.network(reads))  # numpy's work alone

    def finish(a: Analysis, scored: tuple[list[list[str]], Scored]) -> None:
        spans = []
        for (first, _), sent_tags in zip(a.sentences, tagger.crf(*scored)):
            spans.extend(bio_to_spans(sent_tags, first))
        a.ner_spans = spans

    return Early(start, finish)


def _clear_entities(a: Analysis) -> None:
    a.document.entities = []


@stage("entities", needs=["morph", "ner"], clear=_clear_entities)
def _entities(models: Models) -> Run:
    """Repaired and refined spans, normal forms, clustered into entities."""
    from .entities.mentions import find_entities

    def run(a: Analysis) -> None:
        a.document.entities = find_entities(a, a.ner_spans)

    return run


def _clear_syntax(a: Analysis) -> None:
    for t in a.tokens:
        t.head = t.dep = None


@stage("syntax", needs=["morph"], clear=_clear_syntax)
def _syntax(models: Models) -> Run:
    """Dependency parse: each word's head and UD relation (slovnet syntax), for the
    sentences a fact frame can read (every sentence with `tokens=True`)."""
    from .text.segment import sentence_words

    parser = models.syntax

    def run(a: Analysis) -> None:
        chosen = a.sentences if a.parse_all else _to_parse(a)
        parsed = parser(sentence_words(a.tokens, chosen))
        for (first, last), arcs in zip(chosen, parsed):
            if len(arcs) != last - first:
                raise ValueError(f"{len(arcs)} arcs for {last - first} words")
            for t, (head, dep) in zip(a.tokens[first:last], arcs):
                t.head, t.dep = (first + head - 1 if head else None), dep

    return run


def _to_parse(a: Analysis) -> list[WordRange]:
    """The sentences a fact frame can read: a frame's trigger and an entity mention (a
    frame's roles are entity mentions) or a pronoun or generic noun standing for one
    (`компания приобрела`), with the sentences of its paragraph before it where its
    antecedent may be (`facts/anaphora.py`)."""
    from .facts.anaphora import BACK, may_refer
    from .facts.patterns import needs_parse

    if "entities" not in a.ran:
        return [s for s in a.sentences if needs_parse(a.tokens, *s)]
    named = {a.sentence_of(m.start) for e in a.document.entities for m in e.mentions}
    paragraph: dict[int, int] = {}  # sentence -> the start of its paragraph
    for p in a.paragraphs:
        k = a.sentence_of(p.start)
        if k is not None:
            paragraph[k] = p.start
    chosen: set[int] = set()
    start = 0
    for k, s in enumerate(a.sentences):
        start = paragraph.get(k, start)
        if not needs_parse(a.tokens, *s):
            continue
        if k in named:
            chosen.add(k)
        if may_refer(a.tokens, *s):
            chosen.add(k)
            chosen.update(
                j for j in range(max(0, k - BACK), k)
                if j in named and a.tokens[a.sentences[j].first].start >= start
            )  # fmt: skip
    return [a.sentences[k] for k in sorted(chosen)]


def layer_stage(lay: Layer) -> None:
    """Register the stage of a layer, named by its key: it runs the layer's finder;
    when it does not run the key is absent from the record (SPEC 0.3), or an empty
    list for the layers of SPEC version 1 (`always`)."""
    key = lay.key

    def clear(a: Analysis) -> None:
        if lay.always:
            a.document.layers[key] = []
        else:
            a.document.layers.pop(key, None)

    def make(models: Models) -> Run:
        if lay.load is not None:
            lay.load()

        def run(a: Analysis) -> None:
            # No item crosses a line break (SPEC), whatever its finder's reach.
            text = a.text
            a.document.layers[key] = [
                i for i in lay.find(a) if not LINE_BREAK.search(text, i.start, i.stop)
            ]

        return run

    make.__doc__ = lay.doc
    stage(key, needs=lay.needs, clear=clear)(make)


from . import kinds  # noqa: E402, F401 (registers the layers)

for _layer in LAYERS.values():  # after the entities, before the facts that read them
    layer_stage(_layer)


def _clear_facts(a: Analysis) -> None:
    a.document.facts = []


# Facts need the layers they cannot do without; the kinds they point to (a profession, an
# event mention) are read when their layer ran, so `--disable events` keeps the facts.
@stage("facts", needs=["entities", "dates", "numbers"], clear=_clear_facts)
def _facts(models: Models) -> Run:
    """The chosen fact types (`Pipeline(facts=...)`), in text order."""
    from .facts import extract_facts

    def run(a: Analysis) -> None:
        a.document.facts = extract_facts(a, a.fact_types)

    return run
