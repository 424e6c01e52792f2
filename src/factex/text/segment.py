"""Paragraphs, sentences and tokens with exact character offsets (razdel)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial

from razdel import sentenize, tokenize

# What str.splitlines() breaks on: LF, CR (old Mac files), VT, FF, FS/GS/RS, NEL, LS, PS.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
LINE_BREAK = re.compile(f"[{LINE_BREAKS}]")
_LINE = re.compile(f"[^{LINE_BREAKS}]+")
# Characters that are not seen: zero-width space, joiners, word joiner, BOM, soft hyphen.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# The longest sentence of the FactRuEval devset has 131 words.
MAX_SENTENCE = 200
_SOFT_BREAKS = {",", ";", ":", "—", "–", "-"}
_VISIBLE = partial(re.compile(f"[{INVISIBLE}]").sub, "")
_CONTENT = re.compile(f"[^\\s{INVISIBLE}](?:.*[^\\s{INVISIBLE}])?")


def one_line(text: str, start: int, stop: int) -> bool:
    """Whether text[start:stop] has no line break: no mention, date or number crosses one."""
    return LINE_BREAK.search(text, start, stop) is None


@dataclass
class Segments:
    """Words of a text grouped into sentences, and the paragraph spans.

    `words[i]` is `(start, stop, word)`, the word as the models see it: the text
    `text[start:stop]` without invisible characters; `sentences[k]` is the half-open range
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
        content = _CONTENT.search(line.group())
        if content is None:
            continue
        base = line.start()
        out.paragraphs.append((base + content.start(), base + content.end()))
        for sent in sentenize(line.group()):
            first = len(out.words)
            for tok in tokenize(sent.text):
                word = tok.text.strip(INVISIBLE)
                if word:
                    lead = len(tok.text) - len(tok.text.lstrip(INVISIBLE))
                    start = base + sent.start + tok.start + lead
                    out.words.append((start, start + len(word), _VISIBLE(word)))
            out.sentences.extend(_pieces(out.words, first, len(out.words)))
    return out


def _pieces(words: list[tuple[int, int, str]], first: int, last: int) -> Iterator[tuple[int, int]]:
    """Word ranges of one sentence, a run-on one (a list, text without full stops) cut
    into pieces of at most MAX_SENTENCE words, after a comma or the like where possible,
    so that the work per sentence stays bounded."""
    while last - first > MAX_SENTENCE:
        soft = range(first + MAX_SENTENCE - 1, first + MAX_SENTENCE // 2, -1)
        cut = next((k + 1 for k in soft if words[k][2] in _SOFT_BREAKS), first + MAX_SENTENCE)
        yield first, cut
        first = cut
    if last > first:
        yield first, last
