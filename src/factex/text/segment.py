"""Paragraphs, sentences and tokens with exact character offsets (razdel)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial

from razdel import sentenize
from razdel.segmenters.tokenize import ATOM, Atom, TokenSplit
from razdel.segmenters.tokenize import tokenize as _razdel_tokenize

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
            for tok_start, tok_text in tokenize(sent.text):
                surface = tok_text if clean else tok_text.strip(INVISIBLE)
                if surface:
                    lead = 0 if clean else len(tok_text) - len(tok_text.lstrip(INVISIBLE))
                    start = at + tok_start + lead
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


def tokenize(text: str) -> list[tuple[int, str]]:
    """razdel's tokens of `text` (start, text), the same as `razdel.tokenize` gives.

    razdel cuts `text` into atoms (a run of letters of one script, of digits, one other
    character), always splits where space separates two atoms, and asks its join rules
    at each place where two atoms touch, with up to three atoms on either side in view.
    This asks the same rules with the same view, only where atoms touch: razdel builds
    a split for every pair of atoms, and then finds each token's offset again."""
    matches = list(ATOM.finditer(text))
    if not matches:
        return []
    atoms: dict[int, Atom] = {}

    def atom(k: int) -> Atom:
        found = atoms.get(k)
        if found is None:
            m = matches[k]
            found = atoms[k] = Atom(m.start(), m.end(), m.lastgroup, m.group())
        return found

    out = []
    start, stop = matches[0].span()
    for k in range(1, len(matches)):
        here, end = matches[k].span()
        if here == stop:  # no space between: razdel's rules decide
            left = [atom(j) for j in range(max(0, k - 3), k)]
            right = [atom(j) for j in range(k, min(len(matches), k + 3))]
            split = TokenSplit(left, "", right)
            split.buffer = text[start:stop]
            if _razdel_tokenize.join(split):
                stop = end
                continue
        out.append((start, text[start:stop]))
        start, stop = here, end
    out.append((start, text[start:stop]))
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
