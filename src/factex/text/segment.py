"""Paragraphs, sentences and tokens with exact character offsets (razdel)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial

from razdel import sentenize, tokenize

from ..document import CharSpan, Token, WordRange

# What str.splitlines() breaks on: LF, CR (old Mac files), VT, FF, FS/GS/RS, NEL, LS, PS.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
LINE_BREAK = re.compile(f"[{LINE_BREAKS}]")
_LINE = re.compile(f"[^{LINE_BREAKS}]+")
# Characters that are not seen: zero-width space, joiners, word joiner, BOM, soft hyphen.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# The longest sentence of the FactRuEval devset has 131 words.
MAX_SENTENCE = 200
_SOFT_BREAKS = {",", ";", ":", "—", "–", "-"}
_HIDDEN = re.compile(f"[{INVISIBLE}]")
_VISIBLE = partial(_HIDDEN.sub, "")
_CONTENT = re.compile(f"[^\\s{INVISIBLE}](?:.*[^\\s{INVISIBLE}])?")


def one_line(text: str, start: int, stop: int) -> bool:
    """Whether text[start:stop] has no line break: no mention, date or number crosses one."""
    return LINE_BREAK.search(text, start, stop) is None


@dataclass
class Segments:
    """The tokens of a text grouped into sentences, and the paragraph spans.

    A token's `text` is `text[start:stop]`, its `word` the same without invisible
    characters, as the models see it; `sentences[k]` is the word range of
    sentence k; paragraphs are character spans of non-empty lines, so nothing
    built from tokens can cross a line break.
    """

    tokens: list[Token] = field(default_factory=list)
    sentences: list[WordRange] = field(default_factory=list)
    paragraphs: list[CharSpan] = field(default_factory=list)

    def sentence_words(self) -> list[list[str]]:
        return sentence_words(self.tokens, self.sentences)


def sentence_words(tokens: list[Token], sentences: list[WordRange]) -> list[list[str]]:
    """The words of each sentence, as the models read them."""
    return [[t.word for t in tokens[first:last]] for first, last in sentences]


def segment(text: str) -> Segments:
    """Split `text` into paragraphs (lines), sentences and razdel tokens."""
    out = Segments()
    tokens = out.tokens
    for line in _LINE.finditer(text):
        content = _CONTENT.search(line.group())
        if content is None:
            continue
        base = line.start()
        out.paragraphs.append(CharSpan(base + content.start(), base + content.end()))
        for sent in sentenize(line.group()):
            first = len(tokens)
            at = base + sent.start
            clean = _HIDDEN.search(sent.text) is None  # most sentences: no invisible character
            for tok in tokenize(sent.text):
                surface = tok.text if clean else tok.text.strip(INVISIBLE)
                if surface:
                    lead = 0 if clean else len(tok.text) - len(tok.text.lstrip(INVISIBLE))
                    start = at + tok.start + lead
                    space = not tokens or start > tokens[-1].stop
                    word = surface if clean else _VISIBLE(surface)
                    tokens.append(
                        Token(start, start + len(surface), surface, word=word, space=space)
                    )
            for piece in _pieces(tokens, first, len(tokens)):
                for t in tokens[piece.first : piece.last]:
                    t.sent = len(out.sentences)
                out.sentences.append(piece)
    return out


def _pieces(words: list[Token], first: int, last: int) -> Iterator[WordRange]:
    """Word ranges of one sentence, a run-on one (a list, text without full stops) cut
    into pieces of at most MAX_SENTENCE words, after a comma or the like where possible,
    so that the work per sentence stays bounded."""
    while last - first > MAX_SENTENCE:
        soft = range(first + MAX_SENTENCE - 1, first + MAX_SENTENCE // 2, -1)
        cut = next((k + 1 for k in soft if words[k].word in _SOFT_BREAKS), first + MAX_SENTENCE)
        yield WordRange(first, cut)
        first = cut
    if last > first:
        yield WordRange(first, last)
