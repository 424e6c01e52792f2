"""Boundary repair of NER spans: trim punctuation, never swallow credits or tags."""

from __future__ import annotations

from ..resources import wordlist
from ..text.chars import CLOSE_QUOTES, OPEN_QUOTES
from .ner import WordSpan
from .normalize import analyses
from .types import PER

# Tokens that end a name: a photo credit `©`, agency tags `/ТАСС/`, separators.
BREAKS = frozenset({"/", "©", "|", "•", "(", ")", "[", "]", ":", ";", "—", "–"})
EDGE_PUNCT = frozenset(".,!?:;-–—/©|•«»\"„“”'()[]*")


def _has_letters(words: list[str]) -> bool:
    return any(ch.isalpha() for w in words for ch in w)


def _initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def _initials_only(span: WordSpan, words: list[str]) -> bool:
    """`В.В.`: a span of initials and their dots, with no name."""
    inner = words[span.first : span.last]
    return any(_initial(w) for w in inner) and all(_initial(w) or w == "." for w in inner)


def _surname_like(word: str) -> bool:
    """A capitalised word the dictionary knows as a surname or does not know."""
    if not (word[:1].isupper() and word.isalpha() and len(word) > 2):
        return False
    parses = analyses(word)
    return any("Surn" in p.tag for p in parses) or not any(p.is_known for p in parses)


def join_initials(spans: list[WordSpan], words: list[str]) -> list[WordSpan]:
    """`Путин` + `В.В.`: initials the tagger tagged apart join the name before them,
    tagged or not (`Лавров` untagged before `С.В.`)."""
    out: list[WordSpan] = []
    for span in spans:
        if span.type == PER and _initials_only(span, words) and span.first > 0:
            before = words[span.first - 1]
            if _surname_like(before) and not any(s.last == span.first for s in out):
                span = WordSpan(span.first - 1, span.last, PER)  # `Лавров` + `С.В.`
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.type == span.type == PER
            and prev.last == span.first
            and _initials_only(span, words)
            and not _initials_only(prev, words)
        ):
            out[-1] = WordSpan(prev.first, span.last, PER)
        else:
            out.append(span)
    return out


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
            if i == span.last or words[i] in BREAKS or span.type == PER and words[i] == ",":
                piece = _trim(WordSpan(start, i, span.type), words)
                if piece is not None:
                    out.append(piece)
                start = i + 1
    return join_initials(out, words)
