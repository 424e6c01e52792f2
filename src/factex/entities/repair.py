"""Boundary repair of NER spans: trim punctuation, never swallow credits or tags."""

from __future__ import annotations

from ..resources import wordlist
from .ner import WordSpan

# Tokens that end a name: a photo credit `©`, agency tags `/ТАСС/`, separators.
BREAKS = frozenset({"/", "©", "|", "•", "(", ")", "[", "]", ":", ";", "—", "–"})
EDGE_PUNCT = frozenset(".,!?:;-–—/©|•«»\"„“”'()[]*")
OPEN_QUOTES = frozenset('«„“"')
CLOSE_QUOTES = frozenset('»”"')


def _has_letters(words: list[str]) -> bool:
    return any(ch.isalpha() for w in words for ch in w)


def _trim(span: WordSpan, words: list[str]) -> WordSpan | None:
    first, last = span.first, span.last
    while first < last and words[first] in EDGE_PUNCT:
        if words[first] in OPEN_QUOTES and any(
            words[i] in CLOSE_QUOTES for i in range(first + 1, last)
        ):
            break
        first += 1
    while last > first and words[last - 1] in EDGE_PUNCT:
        if words[last - 1] in CLOSE_QUOTES and any(
            words[i] in OPEN_QUOTES for i in range(first, last - 1)
        ):
            break
        last -= 1
    if first >= last or not _has_letters(words[first:last]):
        return None
    if " ".join(words[first:last]).lower() in wordlist("not-entities"):
        return None
    return WordSpan(first, last, span.type)


def repair(spans: list[WordSpan], words: list[str]) -> list[WordSpan]:
    """Split spans at breaking tokens (and persons at commas: `Овечкин, Фёдоров`)
    and trim punctuation from their edges.

    `words` are all the words of the document; spans index into it.
    """
    out: list[WordSpan] = []
    for span in spans:
        start = span.first
        for i in range(span.first, span.last + 1):
            if i == span.last or words[i] in BREAKS or span.type == "PER" and words[i] == ",":
                piece = _trim(WordSpan(start, i, span.type), words)
                if piece is not None:
                    out.append(piece)
                start = i + 1
    return out
