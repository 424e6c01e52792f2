"""slovnet's CNN taggers (news morphology, NER and syntax) run without padding.

slovnet pads every sentence of a batch to the longest one, so a document's short
sentences pay for its longest: over FactRuEval texts tagged one at a time, half of
the convolutions were over padding. Here the sentences of a batch are laid end to
end, one zero row between two sentences and at either end, which is exactly what a
sentence sees beyond its ends in slovnet (its padding embeds to zeros, and padded
positions are zeroed after every layer). Every number is computed by the same numpy
operations on the same values in the same order as in slovnet, so the scores, and the
tags, are the same; only the padding is not computed.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
from slovnet.shape import word_shape

Read = tuple[np.ndarray, np.ndarray]  # a batch's shape ids and navec vectors (`WordInput`)
CACHE_WORDS = 200_000  # words whose ids are kept (cleared when full)
KEEP_BATCHES = 2  # batches whose input is kept for the next model (morph, then NER)


class WordInput:
    """The part of the input the three models share: slovnet's word and shape ids of
    a batch of sentences and the words' navec vectors, computed once a batch for every
    model built on the same navec and vocabularies (`fits`); each model adds its own
    shape embedding. Kept for the last `KEEP_BATCHES` batches: the NER tagger reads the
    batches the morphology tagger has just read."""

    def __init__(self, infer: Any) -> None:
        encoder, word = infer.encoder, infer.model.emb.word
        self.words, self.shapes = encoder.words_vocab, encoder.shapes_vocab
        self.pad = (self.words.pad_id, self.shapes.pad_id)
        self.indexes, self.codes = word.indexes.array, word.codes.array
        parts, centroids, width = self.codes.shape
        # navec's vector of word w is codes[k, indexes[w, k]] for each part k, laid end to
        # end: one `take` over the parts' centroids flattened (the same values as slovnet's)
        self._centroids = self.codes.reshape(parts * centroids, width)
        self._offsets = np.arange(parts) * centroids
        self._ids: dict[str, tuple[int, int]] = {}
        self._kept: dict[tuple[tuple[str, ...], ...], Read] = {}
        self._lock = threading.Lock()  # the models may read it from two threads at once

    def fits(self, infer: Any) -> bool:
        """Whether a model reads its input as this one does: the same navec arrays and
        the same word and shape vocabularies."""
        encoder, word = infer.encoder, infer.model.emb.word
        return (
            word.indexes.array is self.indexes
            and word.codes.array is self.codes
            and encoder.words_vocab.items == self.words.items
            and encoder.shapes_vocab.items == self.shapes.items
        )

    def _word_ids(self, word: str) -> tuple[int, int]:
        ids = self._ids.get(word)
        if ids is None:
            if len(self._ids) >= CACHE_WORDS:
                self._ids.clear()
            ids = self._ids[word] = (  # the vocabularies' encode, without its call
                self.words.item_ids.get(word.lower(), self.words.unk_id),
                self.shapes.item_ids.get(word_shape(word), self.shapes.unk_id),
            )
        return ids

    def __call__(self, sentences: list[list[str]]) -> Read:
        """Shape ids and navec vectors of the rows of `sentences` laid end to end, with a
        pad row before each sentence and after the last (pad rows' vectors are zeros)."""
        key = tuple(map(tuple, sentences))
        with self._lock:
            return self._kept.get(key) or self._compute(key, sentences)

    def _compute(
        self, key: tuple[tuple[str, ...], ...], sentences: list[list[str]]
    ) -> Read:
        ids = [self.pad]
        for sentence in sentences:
            ids += map(self._word_ids, sentence)
            ids.append(self.pad)
        word_id = np.array([i for i, _ in ids])
        shape_id = np.array([s for _, s in ids])
        at = self.indexes[word_id] + self._offsets
        vectors = np.take(self._centroids, at, axis=0).reshape(len(ids), -1)
        if len(self._kept) >= KEEP_BATCHES:
            del self._kept[next(iter(self._kept))]
        found = self._kept[key] = (shape_id, vectors)
        return found


def not_walked(items: list[Any]) -> tuple[Any, ...]:
    """A model's list of words as a tuple: Python's garbage collector walks every item of
    a list on each full collection (navec's 250,000 words, once per model), never those
    of a tuple of strings, which it stops tracking."""
    return tuple(items)


class CnnTagger:
    """One slovnet tagger (its `infer`: encoder, model and decoder) over word lists;
    `shared` is the input of other models of the same navec, used if it fits."""

    def __init__(self, infer: Any, shared: WordInput | None = None) -> None:
        model = infer.model
        for vocab in (infer.encoder.words_vocab, infer.encoder.shapes_vocab):
            vocab.items = not_walked(vocab.items)
        self.input = shared if shared is not None and shared.fits(infer) else WordInput(infer)
        self.tags: Any = getattr(infer.decoder, "tags_vocab", None)  # the syntax model has none
        self.emb, self.layers, self.head = model.emb, model.encoder.layers, model.head

    def scores(
        self, sentences: list[list[str]], read: Read | None = None
    ) -> tuple[np.ndarray, list[int]]:
        """The head's scores for every word of `sentences`, one row a word, sentence
        after sentence, and the length of each sentence (`read`: their input, if read)."""
        lengths = [len(s) for s in sentences]
        if not any(lengths):
            return np.zeros((0, self.head.proj.out_dim), dtype=np.float32), lengths
        return self.head(self.features(sentences, read)), lengths

    def features(self, sentences: list[list[str]], read: Read | None = None) -> np.ndarray:
        """The encoder's output for every word of `sentences` (at least one word), one
        row a word, sentence after sentence (`read`: their input, if read)."""
        lengths = [len(s) for s in sentences]
        shape_id, vectors = read or self.input(sentences)
        # rows x features, as slovnet's WordShapeEmbedding; pad rows embed to zeros
        x = np.concatenate((vectors, self.emb.shape.weight.array[shape_id]), axis=-1)
        gaps = np.cumsum([0, *(n + 1 for n in lengths)])  # the zero rows
        for layer in self.layers:
            x = _layer(layer, x)
            x[gaps] = 0
        return np.delete(x, gaps, axis=0)


def _layer(layer: Any, x: np.ndarray) -> np.ndarray:
    """Conv1d (kernel 3, padding 1), ReLU and BatchNorm over rows x channels whose
    first and last rows are zeros; the rows out are those in, the ends computed too."""
    conv, norm = layer.conv, layer.norm
    filters, channels, kernel = conv.weight.shape
    if kernel != 3 or conv.padding != 1:
        raise ValueError(f"a convolution of kernel {kernel}, padding {conv.padding}")
    rows = len(x)
    # im2col as slovnet lays it out (channel-major, then kernel position)
    windows = np.empty((rows - 2, channels, kernel), dtype=x.dtype)
    for k in range(kernel):
        windows[:, :, k] = x[k : rows - 2 + k]
    weight = conv.weight.array.reshape(filters, channels * kernel)
    out = np.empty((rows, filters), dtype=x.dtype)
    out[0] = out[-1] = 0
    np.matmul(windows.reshape(rows - 2, channels * kernel), weight.T, out=out[1:-1])
    out[1:-1] += conv.bias.array
    # ReLU and BatchNorm in place: the same operations on the same values, no copies
    np.clip(out, 0, None, out=out)
    out -= norm.mean.array
    out /= norm.std.array
    out *= norm.weight.array
    out += norm.bias.array
    return out


def crf_paths(scores: np.ndarray, lengths: list[int], transitions: np.ndarray) -> list[list[int]]:
    """The best tag path of each sentence under a CRF (Viterbi), as slovnet's
    `CRF.decode` finds it: the same sums in the same order and the same first-maximum
    choices, without its per-step index arrays; `scores` as `CnnTagger.scores` gives.

    The sentences are taken longest first, so that those still going at a step are the
    first rows: each step adds and compares those rows only, and a finished sentence's
    score stays as it was. The path is then read back in Python from the steps' choices.
    """
    longest = max(lengths, default=0)
    if not longest:
        return [[] for _ in lengths]
    count, tags = len(lengths), scores.shape[-1]
    order = sorted(range(count), key=lengths.__getitem__, reverse=True)
    firsts, start = [], 0
    for n in lengths:
        firsts.append(start)
        start += n
    emissions = np.zeros((longest, count, tags), dtype=scores.dtype)
    for row, k in enumerate(order):
        emissions[: lengths[k], row] = scores[firsts[k] : firsts[k] + lengths[k]]
    ordered = [lengths[k] for k in order]
    score = emissions[0].copy()
    candidates = np.empty((count, tags, tags), dtype=scores.dtype)
    history = np.empty((max(longest - 1, 1), count, tags), dtype=np.intp)
    going = count  # the sentences with a word at this step: the first `going` rows
    for step in range(1, longest):
        while ordered[going - 1] <= step:
            going -= 1
        sums = candidates[:going]
        # (score + transition) + emission, as slovnet adds them
        np.add(score[:going, :, None], transitions, out=sums)
        sums += emissions[step, :going, None, :]
        sums.argmax(-2, out=history[step - 1, :going])
        np.maximum.reduce(sums, -2, out=score[:going])
    back, last = history.tolist(), score.argmax(-1).tolist()
    paths: list[list[int]] = [[] for _ in lengths]
    for row, k in enumerate(order):
        n = ordered[row]
        if n:
            tag = last[row]
            path = [tag] * n
            for j in range(n - 2, -1, -1):
                tag = back[j][row][tag]
                path[j] = tag
            paths[k] = path
    return paths
