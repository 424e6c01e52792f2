"""From tagged word spans to the document's entities: rules, normal forms, clusters."""

from __future__ import annotations

from ..document import Analysis, Token, WordRange, words_of
from ..record import Entity, Mention
from ..text.chars import CLOSE_QUOTES, fold
from ..text.segment import one_line
from .coref import Candidate, build_entities
from .names import name_parts
from .ner import WordSpan
from .normalize import analyses, normalize_name, normalize_person
from .refine import refine
from .repair import repair
from .rules import owners, retype
from .types import LOC, ORG, PER


def _latin(word: str) -> bool:
    return any(ch.isalpha() for ch in word) and all(
        ch.isascii() or not ch.isalpha() or "\u00c0" <= ch <= "\u024f" for ch in word
    )


def _transcribed(before: WordSpan, span: WordSpan, words: list[str]) -> bool:
    """`Гаррета Рейсмана (Garrett Reisman)`: a person in Latin script in brackets
    right after a person's name gives that name in the original."""
    return (
        before.type == PER
        and before.last + 1 == span.first
        and words[before.last] == "("
        and span.last < len(words)
        and words[span.last] == ")"
        and all(_latin(w) for w in words[span.first : span.last])
        and not all(_latin(w) for w in words[before.first : before.last])
    )


def _words_in(tokens: list[Token], start: int, stop: int) -> WordRange:
    """The word range of the tokens inside characters [start, stop)."""
    inside = [i for i, t in enumerate(tokens) if t.start >= start and t.stop <= stop]
    return WordRange(inside[0], inside[-1] + 1) if inside else WordRange(0, 0)


def dateline_spans(
    analysis: Analysis, spans: list[WordSpan]
) -> tuple[list[WordSpan], WordSpan | None, str | None]:
    """`НИЖНИЙ НОВГОРОД, 7 июля. /Киодо/`: the dateline's place is a place, whatever
    the tagger made of its capitals, and its agency an organisation. Returns the
    spans, the place's span and its name in title case. The dateline is the header
    stage's (none when that stage did not run)."""
    text, words = analysis.text, analysis.tokens
    dateline = analysis.document.info.dateline
    if dateline is None or not dateline.place:
        return spans, None, None
    stop = dateline.start + len(dateline.place)
    first, last = _words_in(words, dateline.start, stop)
    if last <= first or text[dateline.start : stop].upper() != dateline.place.upper():
        return spans, None, None
    place = WordSpan(first, last, LOC)
    out = [s for s in spans if s.last <= first or s.first >= last] + [place]
    agency = dateline.agency
    at = text.find(agency, stop, dateline.stop) if agency else -1
    if agency and at >= 0:
        a, b = _words_in(words, at, at + len(agency))
        if b > a and not any(s.first < b and a < s.last for s in out):
            out.append(WordSpan(a, b, ORG))
    return sorted(out, key=lambda s: s.first), place, dateline.place


def _no_place(words: list[str]) -> bool:
    """No word of a name the dictionary knows as a place (`Минфин`, not `Москва`)."""
    return not any("Geox" in p.tag for w in words for p in analyses(w) if p.is_known)


def bracketed(spans: list[WordSpan], owned: dict[int, int], words: list[str]) -> dict[int, int]:
    """`Министерство финансов Российской Федерации (Минфин)`, `Центральный банк
    (Банк России)`, `«Тойота» (Toyota Motor)`: a name in brackets right after an
    organisation (with its owner, its closing quote, or another bracketed name of it
    between) is another name of it. Maps the bracketed span's index to the
    organisation's."""
    out: dict[int, int] = {}
    starts = {s.first: j for j, s in enumerate(spans)}
    for k, org in enumerate(spans):
        if org.type != ORG or k in out:
            continue
        end = owned.get(k, org.last)
        if end < len(words) and words[end] in CLOSE_QUOTES:
            end += 1
        while end < len(words) and words[end] == "(":
            nxt = starts.get(end + 1)
            if nxt is None or nxt in out:
                break
            inner = spans[nxt]
            if not (
                inner.last < len(words)
                and words[inner.last] == ")"
                and inner.type != PER
                and (inner.type == ORG or _no_place(words[inner.first : inner.last]))
            ):
                break
            out[nxt] = k
            end = inner.last + 1
    return out


def _within_lines(spans: list[WordSpan], analysis: Analysis) -> list[WordSpan]:
    """Spans cut before the first line break inside them: whatever a rule joined,
    a mention never crosses a paragraph."""
    tokens, text = analysis.tokens, analysis.text
    out: list[WordSpan] = []
    for span in spans:
        last = span.first + 1
        while last < span.last and one_line(text, tokens[last - 1].stop, tokens[last].start):
            last += 1
        out.append(span if last == span.last else WordSpan(span.first, last, span.type))
    return out


def _elided_head(spans: list[WordSpan], k: int, tokens: list[Token]) -> int | None:
    """`Тверской и Смоленской областей`, `Курской, Брянской и Белгородской областях`: a
    name of one adjective joined by `и` or a comma to the next name, whose plural head
    noun it shares; that noun's index, or None."""
    while k + 1 < len(spans):
        span, nxt = spans[k], spans[k + 1]
        if span.last - span.first != 1 or tokens[span.first].pos != "ADJ":
            return None
        if nxt.first != span.last + 1 or tokens[span.last].word not in ("и", ","):
            return None
        head = tokens[nxt.last - 1]
        if tokens[nxt.first].pos == "ADJ" and head.pos == "NOUN" and head.number == "Plur":
            return nxt.last - 1
        k += 1
    return None


ADJECTIVE_NOMINATIVES = ("ой", "ый", "ий")


def written_surnames(persons: list[Candidate]) -> None:
    """`Андрей Мостовой ... Андрея Мостового`: a surname declined as an adjective takes
    the nominative the text writes for it (`-ой`, `-ый` or `-ий`: the oblique cases
    do not tell them apart), in parts and normal form."""
    written = {
        fold(last)
        for c in persons
        if (last := c.parts.get("last")) and last in c.mention.text.split()
    }
    for c in persons:
        last = c.parts.get("last")
        if not last or fold(last) in written or not last.endswith(ADJECTIVE_NOMINATIVES):
            continue
        others = [last[:-2] + e for e in ADJECTIVE_NOMINATIVES if last[:-2] + e != last]
        found = [o for o in others if fold(o) in written]
        if len(found) == 1:
            c.parts["last"] = found[0]
            words = c.mention.normal.split(" ")
            c.mention.normal = " ".join(found[0] if w == last else w for w in words)


def find_entities(analysis: Analysis, spans: list[WordSpan]) -> list[Entity]:
    """Repair and refine the tagger's spans, normalise each mention, cluster them."""
    text, tokens = analysis.text, analysis.tokens
    texts = words_of(tokens)
    persons: list[Candidate] = []
    others: list[Mention] = []
    full: dict[int, str] = {}
    spans = _within_lines(refine(repair(spans, texts), tokens), analysis)
    spans, place, place_name = dateline_spans(analysis, spans)
    owned = owners(spans, tokens)
    other_name = bracketed(spans, owned, texts)
    by_span: dict[int, Mention] = {}
    same: dict[int, Mention] = {}
    for k, span in enumerate(spans):
        start, stop = tokens[span.first].start, tokens[span.last - 1].stop
        words = tokens[span.first : span.last]
        mention = Mention(start, stop, text[start:stop], span.type)
        by_span[k] = mention
        if k in other_name:
            mention.type = span.type = ORG
            same[id(mention)] = by_span[other_name[k]]
        if span.type == PER:
            forms = normalize_person(words)
            mention.normal = " ".join(forms)
            parts = name_parts(words, forms)
            if k and _transcribed(spans[k - 1], span, texts):
                parts = dict(persons[-1].parts)  # the same person in the original script
            persons.append(Candidate(mention, parts))
        else:
            head = _elided_head(spans, k, tokens)
            if head is not None:  # `Тверской` of `Тверской и Смоленской областей`
                words = [*words, tokens[head]]
            mention.normal = place_name if span == place and place_name else normalize_name(words)
            mention.type = span.type if k in other_name else retype(mention.normal, span.type)
            others.append(mention)
            if k in owned:
                whole = tokens[span.first : owned[k]]
                full[id(mention)] = normalize_name(whole)
    written_surnames(persons)
    return build_entities(persons, others, full, same)
