"""slovnet's news syntax model (`slovnet_syntax_news_v1`): a head and a UD relation
for every word, run without padding like the taggers (text/cnn.py).

slovnet scores every (word, head) pair of a sentence, the sentence's root included,
takes the best head of each word, then scores the relations of each word with the head
it took. Its best heads need not make a tree (a sentence may get no root, two roots or
a cycle); `tree` mends them where they do not, before the relations are scored, so
that every sentence has one root and every word a path to it. `Parse.tree=False`
keeps slovnet's heads as they come (what slovnet's own `Syntax` gives).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from .batch import in_batches

if TYPE_CHECKING:
    from .cnn import WordInput

SYNTAX_MODEL = "model/slovnet_syntax_news_v1.tar"

# (head, relation) of one word: head 0 is the sentence's root, k the k-th word (from 1).
Arc = tuple[int, str]


def _ff(ff: Any, x: np.ndarray) -> np.ndarray:
    """slovnet's FF: a linear layer and ReLU."""
    return (np.matmul(x, ff.proj.weight.array) + ff.proj.bias.array).clip(0)


def tree(heads: list[int], scores: np.ndarray) -> list[int]:
    """`heads` (0 the root, k the k-th word) mended into a tree with one root.

    `scores[i, h]` is how much word i+1 wants head h. Of several roots the one the
    model prefers as root stays; with none, the word it prefers as root becomes it.
    Every other word that took the root, and one word of each cycle, takes instead the
    head that costs least among the words already attached to the root."""
    n = len(heads)
    heads = list(heads)
    roots = [i for i in range(n) if heads[i] == 0]
    root = max(roots, key=lambda i: scores[i, 0]) if roots else int(scores[:, 0].argmax())
    heads[root] = 0
    attached = np.zeros(n + 1, dtype=bool)
    attached[0] = attached[root + 1] = True
    for i in roots:
        if i != root:
            heads[i] = -1  # detached: finds a head below
    while True:
        changed = True
        while changed:  # attach whatever now reaches the root
            changed = False
            for i in range(n):
                if not attached[i + 1] and heads[i] > 0 and attached[heads[i]]:
                    attached[i + 1] = changed = True
        loose = [i for i in range(n) if not attached[i + 1]]
        if not loose:
            return heads
        # the cheapest move of a detached word or of a word in a cycle to an attached head
        allowed = attached.copy()
        allowed[0] = False  # one root only
        best, best_cost = -1, np.inf
        for i in _movable(heads, loose):
            own = scores[i, heads[i]] if heads[i] > 0 else scores[i].max()
            candidates = np.where(allowed, scores[i], -np.inf)
            cost = own - candidates.max()
            if cost < best_cost:
                best, best_cost = i, cost
        allowed_scores = np.where(allowed, scores[best], -np.inf)
        heads[best] = int(allowed_scores.argmax())


def _movable(heads: list[int], loose: list[int]) -> list[int]:
    """Of the words not attached to the root, those detached and those in a cycle."""
    out = []
    for i in loose:
        j, steps = heads[i], 0
        while j > 0 and j - 1 != i and steps <= len(heads):
            j, steps = heads[j - 1], steps + 1
        if heads[i] < 0 or j - 1 == i:
            out.append(i)
    return out


class SyntaxParser:
    """slovnet_syntax_news_v1 from natasha's wheel, applied to pre-split sentences."""

    def __init__(
        self, navec: Any, batch_size: int = 16, shared: WordInput | None = None, *,
        mend: bool = True,
    ) -> None:  # fmt: skip
        from slovnet import Syntax

        from ..resources import model_path
        from .cnn import CnnTagger

        self.batch_size = batch_size
        self.mend = mend
        self.model = Syntax.load(str(model_path(SYNTAX_MODEL)), batch_size)
        self.model.navec(navec)
        self.net = CnnTagger(self.model.infer, shared)
        model = self.model.infer.model
        self.head, self.rel = model.head, model.rel
        self.rels = self.model.infer.decoder.rels_vocab

    def _run(self, chunk: list[list[str]]) -> list[list[Arc]]:
        """Head and relation of each word of each sentence."""
        lengths = [len(s) for s in chunk]
        if not any(lengths):
            return [[] for _ in chunk]
        x = self.net.features(chunk)  # words x features
        head, rel = self.head, self.rel
        h_words, t_words = _ff(head.head, x), _ff(head.tail, x)
        root = head.root.array[None, :]
        h_root, t_root = _ff(head.head, root), _ff(head.tail, root)
        heads: list[int] = []  # per word, 0 the root, k the k-th word of its sentence
        start = 0
        for n in lengths:
            if n:
                h = np.concatenate((h_root, h_words[start : start + n]))[None]
                t = np.concatenate((t_root, t_words[start : start + n]))[None]
                scores = np.matmul(np.matmul(h, head.kernel.array), t.swapaxes(-2, -1))[0, 1:]
                best = scores.argmax(-1).tolist()
                heads += tree(best, scores) if self.mend else best
            start += n
        # relations, scored with the heads taken (the root's own vector for the root)
        with_root = np.concatenate((rel.root.array[None, :], x))
        starts = np.repeat(np.cumsum([0, *lengths[:-1]]), lengths)
        index = np.array(heads)
        gathered = np.where((index > 0)[:, None], with_root[starts + index], with_root[0])
        hidden, dim = rel.kernel.shape
        r = np.matmul(_ff(rel.head, gathered), rel.kernel.array)
        r = np.matmul(r.reshape(len(x), dim // hidden, hidden), _ff(rel.tail, x)[:, :, None])
        rel_ids = r[:, :, 0].argmax(-1).tolist()
        arcs = list(zip(heads, map(self.rels.items.__getitem__, rel_ids)))  # rels.decode
        ends = np.cumsum(lengths).tolist()
        return [arcs[end - n : end] for n, end in zip(lengths, ends)]

    def __call__(self, sentences: list[list[str]]) -> list[list[Arc]]:
        """(head, relation) for each word of each sentence."""
        return in_batches(sentences, self.batch_size, self._run)
