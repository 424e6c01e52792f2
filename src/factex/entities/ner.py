"""slovnet's news NER over factex's own tokens, as word-index spans."""

from __future__ import annotations

from dataclasses import dataclass

from ..text.batch import Ahead
from ..text.cnn import WordInput, crf_paths


@dataclass
class WordSpan:
    """A tagged run of words `[first, last)` of one sentence, with its type."""

    first: int
    last: int
    type: str


def bio_to_spans(tags: list[str], offset: int = 0) -> list[WordSpan]:
    """Turn BIO tags into spans; a stray `I-X` opens a span of its own."""
    spans: list[WordSpan] = []
    current: WordSpan | None = None
    for i, tag in enumerate(tags, offset):
        kind, _, label = tag.partition("-")
        if kind == "I" and current is not None and current.type == label:
            current.last = i + 1
            continue
        if current is not None:
            spans.append(current)
            current = None
        if kind in ("B", "I"):
            current = WordSpan(i, i + 1, label)
    if current is not None:
        spans.append(current)
    return spans


class NerTagger:
    """slovnet_ner_news_v1 from natasha's wheel, applied to pre-split sentences."""

    def __init__(self, navec, batch_size: int = 16, shared: WordInput | None = None) -> None:
        from slovnet import NER

        from ..resources import model_path
        from ..text.cnn import CnnTagger

        self.batch_size = batch_size
        self.model = NER.load(str(model_path("model/slovnet_ner_news_v1.tar")), batch_size)
        self.model.navec(navec)
        self.net = CnnTagger(self.model.infer, shared)
        self.ahead: Ahead[list[str]] = Ahead()  # several documents' sentences at once (pipe)

    def run_batch(self, chunk: list[list[str]]) -> list[list[str]]:
        """The CRF's best tags for each sentence, as slovnet decodes them."""
        scores, lengths = self.net.scores(chunk)
        decode = self.net.tags.decode
        paths = crf_paths(scores, lengths, self.model.infer.model.head.crf.transitions.array)
        return [[decode(i) for i in path] for path in paths]

    def tags(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO tags (`B-PER`, `I-LOC`, `O`...) for each word of each sentence."""
        return self.ahead.run(sentences, self.batch_size, self.run_batch)
