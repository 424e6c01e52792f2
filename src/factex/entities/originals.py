"""Organisation names given twice, names glued to digits, and descriptor words that
the tagger took for names.

- `концерн «Фольксваген» (Volkswagen)`: a name in Latin script in brackets right
  after an organisation (its closing quote, or another bracketed name, between) is
  that organisation's original name, whatever the tagger said.
- `Sber500`, `3Com`: a name never ends inside a word; it takes the letters and
  digits glued to it.
- `Японская корпорация «Тойота»`, `Фонд A16Z` at the start of a sentence: the
  capitalised descriptor before a name is not a name of its own.
"""

from __future__ import annotations

from ..document import Token, glued
from ..text.chars import CLOSE_QUOTES, OPEN_QUOTES
from .ner import WordSpan
from .rules import NAME_TAGS, known_parses, org_word, sentence_start
from .types import ORG, PER

MAX_BRACKETED = 6  # words of a name in brackets
# Latin letters a Cyrillic initial is written with (`Роберто Себа (Roberto Seba)`)
LATIN = "a b v g d ey zj z i iy k l m n o p r s t u f hk c c s s e uy y"
INITIALS = dict(zip("абвгдежзийклмнопрстуфхцчшщэюя", LATIN.split(), strict=True))
JOINERS = frozenset({"&", "-", ".", "'"})


def _alnum_join(words: list[Token], i: int) -> bool:
    """Token i is glued to the one before it, letter or digit on both sides."""
    return glued(words, i) and words[i - 1].word[-1:].isalnum() and words[i].word[:1].isalnum()


def glued_names(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """`Sber` + `500`: a span grows over the letters and digits glued to its ends."""
    out: list[WordSpan] = []
    for s in spans:
        first, last = s.first, s.last
        while first > 0 and _alnum_join(words, first):
            first -= 1
        while last < len(words) and _alnum_join(words, last):
            last += 1
        if out and out[-1].last > first:  # grown into the span before: keep that one
            first = out[-1].last
        if first < last:
            out.append(WordSpan(first, last, s.type))
    return out


def _latin_name(words: list[Token], first: int, last: int) -> bool:
    """Words in Latin script (digits and joiners allowed), the first capitalised."""
    head = words[first].word
    return (
        (head[:1].isupper() or head[:1].isdigit())
        and any(ch.isascii() and ch.isalpha() for t in words[first:last] for ch in t.word)
        and all(
            t.word in JOINERS or all(ch.isascii() and ch.isalnum() for ch in t.word)
            for t in words[first:last]
        )
    )


def _bracket_end(words: list[Token], opening: int) -> int | None:
    """The index of the `)` closing the bracket opened at `opening`, near it."""
    for j in range(opening + 1, min(opening + MAX_BRACKETED + 2, len(words))):
        if words[j].word == ")":
            return j
        if words[j].word == "(":
            return None
    return None


def after_name(words: list[Token], end: int) -> int:
    """Where a bracket after a name ending at `end` would open: past a closing quote."""
    return end + 1 if end < len(words) and words[end].word in CLOSE_QUOTES else end


def bracketed_originals(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """`«Фольксваген» (Volkswagen)`, `(КЗЖ) (Committee to Protect Journalists)`: a name
    in Latin script in brackets after an organisation is an organisation."""
    starts = {s.first: s for s in spans}
    covered = bytearray(len(words))
    for s in spans:
        covered[s.first : s.last] = b"\x01" * (s.last - s.first)
    added: list[WordSpan] = []
    for s in spans:
        if s.type != ORG:
            continue
        at = after_name(words, s.last)
        while at < len(words) and words[at].word == "(":
            close = _bracket_end(words, at)
            if close is None or close == at + 1:
                break
            inner = starts.get(at + 1)
            if inner is not None and inner.last == close:
                at = close + 1  # a name there already: look past it
                continue
            if (
                not any(covered[at + 1 : close])
                and _latin_name(words, at + 1, close)
                and not _person_spelled(spans, words, at + 1, close)
            ):
                added.append(WordSpan(at + 1, close, ORG))
            break
    return sorted(spans + added, key=lambda s: s.first) if added else spans


def _person_spelled(spans: list[WordSpan], words: list[Token], first: int, last: int) -> bool:
    """`Роберто Себа станет фотографом журнала Time Out (Roberto Seba)`: the bracket
    spells a person of its sentence, word for word by their initials."""
    latin = [t.word[0].lower() for t in words[first:last] if t.word[:1].isalpha()]
    for s in spans:
        if s.type != PER or words[s.first].sent != words[first].sent:
            continue
        cyrillic = [t.word[0].lower() for t in words[s.first : s.last] if t.word[:1].isalpha()]
        if len(cyrillic) == len(latin) and all(
            b in INITIALS.get(a, a) for a, b in zip(cyrillic, latin)
        ):
            return True
    return False


def _common(word: str) -> bool:
    """Known to the dictionary, and never as a name."""
    parses = known_parses(word)
    return bool(parses) and not any(NAME_TAGS & p.tag.grammemes for p in parses)


def drop_descriptors(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """`Японская корпорация «Тойота»`, `Фонд A16Z`: an organisation span of common
    words opening its sentence, its last an organisation word, right before a name
    (quoted, or a span of its own), is the name's descriptor, not a name."""
    starts = {s.first for s in spans}
    out: list[WordSpan] = []
    for s in spans:
        nxt = s.last
        descriptor = (
            s.type == ORG
            and sentence_start(words, s.first)
            and org_word(words, s.last - 1)
            and all(_common(t.word) for t in words[s.first : s.last])
            and all(t.word.islower() for t in words[s.first + 1 : s.last])
            and nxt < len(words)
            and (
                words[nxt].word in OPEN_QUOTES or nxt in starts and _latin_name(words, nxt, nxt + 1)
            )
        )
        if not descriptor:
            out.append(s)
    return out
