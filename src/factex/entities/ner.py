"""slovnet's news NER over factex's own tokens, as word-index spans."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ..text.batch import Ahead, blas_within_one_thread
from ..text.cnn import Read, WordInput, crf_paths

# the results computed ahead, and each batch of the other sentences with its input read
Reads = tuple[dict[tuple[str, ...], list[str]], list[tuple[list[list[str]], Read]]]
# the results computed ahead, and the network's scores and sentence lengths of each batch
# of the other sentences
Scored = tuple[dict[tuple[str, ...], list[str]], list[tuple[np.ndarray, list[int]]]]


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
        return self.decode(*self.net.scores(chunk))

    def decode(self, scores: np.ndarray, lengths: list[int]) -> list[list[str]]:
        """The CRF's best tags for the network's scores of a batch of sentences."""
        tag = self.net.tags.items.__getitem__  # the vocabulary's decode, without a call
        paths = crf_paths(scores, lengths, self.model.infer.model.head.crf.transitions.array)
        return [list(map(tag, path)) for path in paths]

    def read(self, sentences: list[list[str]]) -> Reads:
        """The input of the sentences not tagged ahead, batch by batch (the Python part
        of the network's work: word ids)."""
        ready, missing = self.ahead.split(sentences)
        if not ready:
            missing = sentences
        size = self.batch_size
        batches = [missing[k : k + size] for k in range(0, len(missing), size)]
        return ready, [(batch, self.net.input(batch)) for batch in batches]

    def network(self, reads: Reads) -> Scored:
        """The network's scores of what `read` read: numpy's work alone, which the
        pipeline's worker thread may run while this one runs Python."""
        ready, batches = reads
        with blas_within_one_thread():
            return ready, [self.net.scores(batch, read) for batch, read in batches]

    def crf(self, sentences: list[list[str]], scored: Scored) -> list[list[str]]:
        """`tags` from what `network` gave for these sentences."""
        ready, batches = scored
        fresh: list[Any] = [tags for batch in batches for tags in self.decode(*batch)]
        return Ahead.merge(sentences, ready, fresh) if ready else fresh

    def tags(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO tags (`B-PER`, `I-LOC`, `O`...) for each word of each sentence."""
        return self.crf(sentences, self.network(self.read(sentences)))
