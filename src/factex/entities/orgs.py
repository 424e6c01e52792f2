"""Organisation span rules kept apart from `rules.py`: what names an organisation
by its context or its shape.

- `ПАО` alone is a legal form with no name: not an entity.
- `команда Феррари`, `в центре Кин-Топ`: a name standing in apposition to an
  organisation word is an organisation, whatever the tagger said.
- `Театр им. Йозефа Бойса`, `МГУ имени Ломоносова`: the person an organisation
  is named after belongs to its name.
- `клуба Тоттенхэм Хотспур Ледли Кинг`: a first name and a surname at the end
  of an organisation span are a person of their own.
- `государственной Комиссии`, `ГУ МЧС России по Санкт-Петербургу`: a relational
  adjective, a unit abbreviation and the region served belong to the name;
  `ИА Regnum`: the organisation word before a Latin-script name does not.
"""

from __future__ import annotations

from ..resources import wordlist
from .ner import WordSpan
from .rules import OPEN_QUOTES, Words, _descriptor, _parses

NAMED_AFTER = frozenset({"им", "имени"})


def _legal_form(word: str) -> bool:
    return word.lower() in wordlist("entities-legal-forms")


def drop_bare_forms(spans: list[WordSpan], words: Words) -> list[WordSpan]:
    """Drop organisation spans made of legal forms only (`ПАО`, `ООО`)."""
    return [
        s
        for s in spans
        if s.type != "ORG" or not all(_legal_form(words.text[i]) for i in range(s.first, s.last))
    ]


def _indeclinable(word: str) -> bool:
    """`Феррари`, `Кин-Топ`: unknown to the dictionary or fixed in form, not a known place."""
    parses = _parses(word)
    if any("Geox" in p.tag for p in parses):
        return False  # `посольства Перу`: the owner, not the name
    return not parses or any("Fixd" in p.tag for p in parses)


def _apposition(words: Words, cue: int, span: WordSpan) -> bool:
    """The span names the organisation word at `cue` rather than its owner."""
    head = span.first
    lower = words.text[cue].islower() or cue == 0 or words.sent[cue - 1] != words.sent[cue]
    if not lower or words.sent[cue] != words.sent[head] or words.text[head].isupper():
        return False  # `правительства США`: an abbreviation is the owner
    return span.last - span.first == 1 and _indeclinable(words.text[head])


def apposition_orgs(spans: list[WordSpan], words: Words) -> list[WordSpan]:
    """`команда Феррари`, `центре Кин-Топ`: an indeclinable one-word name right after
    a lower-case organisation word is an organisation; so is that name elsewhere."""
    named: set[str] = set()
    for s in spans:
        cue = s.first - 1
        if s.type != "ORG" and cue >= 0 and _descriptor(words, cue) and _apposition(words, cue, s):
            named.add(words.lemma[s.first])
    if not named:
        return spans
    return [
        WordSpan(s.first, s.last, "ORG")
        if s.last - s.first == 1 and words.lemma[s.first] in named
        else s
        for s in spans
    ]


def _named_after(words: Words, org: WordSpan, person: WordSpan) -> bool:
    """`Театра` + `им.` / `имени` + `Йозефа Бойса`."""
    gap = [w.lower() for w in words.text[org.last : person.first]]
    if words.text[org.last - 1].lower() in NAMED_AFTER and org.last - org.first > 1:
        gap = [words.text[org.last - 1].lower()] + gap
    return (
        person.type == "PER"
        and gap in (["им", "."], ["им."], ["имени"])
        and words.sent[org.first] == words.sent[person.first]
    )


def named_after(spans: list[WordSpan], words: Words) -> list[WordSpan]:
    """Join `им.` / `имени` and the person an organisation is named after to its name."""
    out: list[WordSpan] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.type == "ORG" and _named_after(words, prev, span):
            out[-1] = WordSpan(prev.first, span.last, "ORG")
            continue
        out.append(span)
    return out


def _first_name(word: str) -> bool:
    return word[:1].isupper() and any("Name" in p.tag for p in _parses(word))


def split_person_tail(spans: list[WordSpan], words: Words) -> list[WordSpan]:
    """`Тоттенхэм Хотспур Ледли Кинг` -> ORG `Тоттенхэм Хотспур` + PER `Ледли Кинг`:
    a known first name and a capitalised word end the span, something else starts it."""
    out: list[WordSpan] = []
    for s in spans:
        cut = s.last - 2
        if (
            s.type == "ORG"
            and cut > s.first
            and words.text[s.last - 1][:1].isupper()
            and not _legal_form(words.text[cut - 1])
            and words.text[cut - 1] not in NAMED_AFTER | {"."}
            and _first_name(words.text[cut])
            and not _first_name(words.text[cut - 1])
        ):
            out += [WordSpan(s.first, cut, "ORG"), WordSpan(cut, s.last, "PER")]
        else:
            out.append(s)
    return out


def _agrees(words: Words, a: int, b: int) -> bool:
    return words.case[a] == words.case[b] and words.number[a] == words.number[b]


def _relational(word: str) -> bool:
    """`государственный`, `синодальный`, not `влиятельный`: no qualitative reading."""
    parses = _parses(word)
    return bool(parses) and not any("Qual" in p.tag or "Apro" in p.tag for p in parses)


def leading_adjectives(spans: list[WordSpan], words: Words) -> list[WordSpan]:
    """`синодального Отдела...`, `государственной Комиссии...`: a lower-case relational
    adjective agreeing with a capitalised common noun that starts an organisation is its part."""
    out: list[WordSpan] = []
    for span in spans:
        a, head = span.first - 1, span.first
        if (
            span.type == "ORG"
            and a >= 0
            and (not out or out[-1].last <= a)
            and words.pos[a] == "ADJ"
            and words.text[a].isalpha()
            and words.text[a].islower()
            and words.text[head][:1].isupper()
            and words.pos[head] in ("NOUN", "PROPN")
            and _descriptor(words, head)
            and words.sent[a] == words.sent[head]
            and _agrees(words, a, head)
            and _relational(words.text[a])
        ):
            span = WordSpan(a, span.last, "ORG")
        out.append(span)
    return out


def _branch_end(spans: list[WordSpan], k: int, words: Words) -> int | None:
    """Where `по` + a place (`и` + a place) after spans[k] ends, or None."""
    first = spans[k].first if k < len(spans) else 0
    if first == 0 or spans[k].type != "LOC" or words.text[first - 1] != "по":
        return None
    end, nxt = spans[k].last, k + 1
    if (
        nxt < len(spans)
        and spans[nxt].type == "LOC"
        and words.text[end : spans[nxt].first] == ["и"]
        and words.case[spans[nxt].first] == words.case[spans[k].first]
    ):
        end = spans[nxt].last
    return end


def regional_branches(spans: list[WordSpan], words: Words) -> list[WordSpan]:
    """`МЧС (России) по Санкт-Петербургу и Ленобласти`: an abbreviated body, its
    owner and the region it serves are one name."""
    out: list[WordSpan] = []
    k = 0
    while k < len(spans):
        span = spans[k]
        k += 1
        if span.type != "ORG" or not words.text[span.last - 1].isupper():
            out.append(span)
            continue
        last, j = span.last, k
        if (
            j < len(spans)
            and spans[j].type == "LOC"
            and spans[j].first == last
            and words.case[last] == "Gen"
        ):
            last, j = spans[j].last, j + 1
        same = j < len(spans) and words.sent[spans[j].first] == words.sent[span.first]
        if same and spans[j].first == last + 1:
            end = _branch_end(spans, j, words)
            if end is not None:
                out.append(WordSpan(span.first, end, "ORG"))
                k = next((i for i in range(j, len(spans)) if spans[i].first >= end), len(spans))
                continue
        out.append(span)
    return out


def _unit_of(words: Words, unit: WordSpan, body: WordSpan) -> bool:
    """`ГУ` + `МЧС`: a one-word abbreviation right before an abbreviated body."""
    head = words.text[unit.first]
    return (
        unit.type == body.type == "ORG"
        and unit.last - unit.first == 1
        and unit.last == body.first
        and words.sent[unit.first] == words.sent[body.first]
        and head.isupper()
        and len(head) > 1
        and not _legal_form(head)
        and words.text[body.first].isupper()
    )


def joined_units(spans: list[WordSpan], words: Words) -> list[WordSpan]:
    """`ГУ МЧС России...`: a unit abbreviation and the body it belongs to are one name."""
    out: list[WordSpan] = []
    for span in spans:
        if out and _unit_of(words, out[-1], span):
            out[-1] = WordSpan(out[-1].first, span.last, "ORG")
        else:
            out.append(span)
    return out


def _latin(word: str) -> bool:
    return word[:1].isascii() and any(ch.isalpha() for ch in word)


def foreign_names(spans: list[WordSpan], words: Words) -> list[WordSpan]:
    """`ИА Regnum`, `Агентство France-Presse`: the organisation word before a name in
    Latin script is not part of it."""
    out: list[WordSpan] = []
    for s in spans:
        if (
            s.type == "ORG"
            and s.last - s.first > 1
            and _descriptor(words, s.first)
            and not _latin(words.text[s.first])
            and all(_latin(w) for w in words.text[s.first + 1 : s.last])
        ):
            s = WordSpan(s.first + 1, s.last, "ORG")
        out.append(s)
    return out


TOP_DOMAINS = frozenset(
    {"ru", "рф", "su", "com", "net", "org", "info", "ua", "by", "kz", "tv", "fm"}
)
ADDRESS_CUES = frozenset({"адрес", "домен", "имя", "почта"})


def _domain_start(words: Words, tld: int) -> int | None:
    """First word of a site address ending in the top-level domain at `tld`."""
    if tld < 2 or words.text[tld - 1] != "." or not words.glued(tld) or not words.glued(tld - 1):
        return None
    first = tld - 2
    while (
        first >= 2
        and words.text[first - 1] == "."
        and words.glued(first)
        and words.glued(first - 1)
    ):
        first -= 2
    return None if words.glued(first) else first


def domain_orgs(spans: list[WordSpan], words: Words) -> list[WordSpan]:
    """`сообщает baltinfo.ru`: a site cited by its address is an organisation (an
    outlet, a service), unless it is named as an address (`адрес fb.com`, quoted)."""
    out = list(spans)
    for i, word in enumerate(words.text):
        if word.lower() not in TOP_DOMAINS:
            continue
        first = _domain_start(words, i)
        if (
            first is None
            or first > 0
            and (words.text[first - 1] in OPEN_QUOTES or words.lemma[first - 1] in ADDRESS_CUES)
        ):
            continue
        if any(s.first < first < s.last or s.first <= i < s.last and s.last > i + 1 for s in out):
            continue  # part of a longer name
        out = [s for s in out if not (first <= s.first and s.last <= i + 1)]
        out.append(WordSpan(first, i + 1, "ORG"))
    return sorted(out, key=lambda s: s.first)


ARTICLE_PREFIXES = ("Аль-", "Эль-", "Ас-", "Ан-")


def split_article_orgs(spans: list[WordSpan], words: Words) -> list[WordSpan]:
    """`Аль-Джазиры Сами аль-Хадж` -> ORG `Аль-Джазиры` + PER `Сами аль-Хадж`: inside a
    name the Arabic article is written in lower case, so a capitalised one that is
    followed by two more names opens an organisation (`Аль-Каида`, `Аль-Арабия`)."""
    out: list[WordSpan] = []
    for s in spans:
        head = words.text[s.first]
        if (
            s.type == "PER"
            and s.last - s.first >= 3
            and head.startswith(ARTICLE_PREFIXES)
            and words.text[s.first + 1][:1].isupper()
        ):
            out += [WordSpan(s.first, s.first + 1, "ORG"), WordSpan(s.first + 1, s.last, "PER")]
        else:
            out.append(s)
    return out
