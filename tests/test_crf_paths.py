"""`cnn.crf_paths` finds the paths slovnet's CRF decoding finds, ties included."""

from __future__ import annotations

import numpy as np
import pytest

from factex.text.cnn import crf_paths


def viterbi(scores: np.ndarray, lengths: list[int], transitions: np.ndarray) -> list[list[int]]:
    """One sentence at a time, as slovnet's `CRF.decode` sums and compares: (score +
    transition) + emission, the first maximum."""
    out, start = [], 0
    for n in lengths:
        emissions = scores[start : start + n]
        start += n
        if not n:
            out.append([])
            continue
        score, history = emissions[0].copy(), []
        for step in range(1, n):
            sums = (score[:, None] + transitions) + emissions[step][None, :]
            history.append(sums.argmax(0))
            score = sums.max(0)
        tag = int(score.argmax())
        path = [tag]
        for choice in reversed(history):
            tag = int(choice[tag])
            path.append(tag)
        out.append(path[::-1])
    return out


@pytest.mark.parametrize("seed", range(20))
def test_the_same_paths_as_one_sentence_at_a_time(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for _ in range(50):
        lengths = [int(n) for n in rng.integers(0, 9, int(rng.integers(0, 7)))]
        tags = int(rng.integers(1, 6))
        # small whole numbers: many ties, which the first maximum must settle alike
        scores = rng.integers(-2, 3, (sum(lengths), tags)).astype(np.float32)
        transitions = rng.integers(-2, 3, (tags, tags)).astype(np.float32)
        assert crf_paths(scores, lengths, transitions) == viterbi(scores, lengths, transitions)


def test_real_valued_scores() -> None:
    rng = np.random.default_rng(7)
    lengths = [12, 3, 40, 1, 0, 40, 7]
    scores = rng.normal(size=(sum(lengths), 8)).astype(np.float32)
    transitions = rng.normal(size=(8, 8)).astype(np.float32)
    assert crf_paths(scores, lengths, transitions) == viterbi(scores, lengths, transitions)
    assert crf_paths(scores[:0], [], transitions) == []
