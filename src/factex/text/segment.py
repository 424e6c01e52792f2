"""Paragraphs, sentences and tokens with exact character offsets (razdel)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from razdel import sentenize, tokenize

_LINE = re.compile(r"[^\n]+")


@dataclass
class Segments:
    """Words of a text grouped into sentences, and the paragraph spans.

    `words[i]` is `(start, stop, text)`; `sentences[k]` is the half-open range
    of word indices of sentence k; paragraphs are character spans of non-empty
    lines, so nothing built from words can cross a line break.
    """

    words: list[tuple[int, int, str]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)

    def sentence_words(self) -> list[list[str]]:
        return [[w[2] for w in self.words[a:b]] for a, b in self.sentences]


def segment(text: str) -> Segments:
    """Split `text` into paragraphs (lines), sentences and razdel tokens."""
    out = Segments()
    for line in _LINE.finditer(text):
        if not line.group().strip():
            continue
        base = line.start()
        stripped = line.group().rstrip()
        lead = len(stripped) - len(stripped.lstrip())
        out.paragraphs.append((base + lead, base + len(stripped)))
        for sent in sentenize(line.group()):
            first = len(out.words)
            for tok in tokenize(sent.text):
                start = base + sent.start + tok.start
                out.words.append((start, start + len(tok.text), tok.text))
            if len(out.words) > first:
                out.sentences.append((first, len(out.words)))
    return out
