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

from functools import cache

from ..document import Token, glued, words_of
from ..resources import table, wordlist
from ..text.chars import OPEN_QUOTES
from .ner import WordSpan
from .rules import known_parses, org_word, sentence_start
from .types import LOC, ORG, PER

NAMED_AFTER = frozenset({"им", "имени"})


def _legal_form(word: str) -> bool:
    return word.lower() in wordlist("entities-legal-forms")


def drop_bare_forms(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """Drop organisation spans made of legal forms only (`ПАО`, `ООО`)."""
    return [
        s
        for s in spans
        if s.type != ORG or not all(_legal_form(words[i].word) for i in range(s.first, s.last))
    ]


def _indeclinable(word: str) -> bool:
    """`Феррари`, `Кин-Топ`: unknown to the dictionary or fixed in form, not a known place."""
    parses = known_parses(word)
    if any("Geox" in p.tag for p in parses):
        return False  # `посольства Перу`: the owner, not the name
    return not parses or any("Fixd" in p.tag for p in parses)


def _apposition(words: list[Token], cue: int, span: WordSpan) -> bool:
    """The span names the organisation word at `cue` rather than its owner."""
    head = span.first
    lower = words[cue].word.islower() or cue == 0 or words[cue - 1].sent != words[cue].sent
    if not lower or words[cue].sent != words[head].sent or words[head].word.isupper():
        return False  # `правительства США`: an abbreviation is the owner
    return span.last - span.first == 1 and _indeclinable(words[head].word)


def apposition_orgs(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """`команда Феррари`, `центре Кин-Топ`: an indeclinable one-word name right after
    a lower-case organisation word is an organisation; so is that name elsewhere."""
    named: set[str] = set()
    for s in spans:
        cue = s.first - 1
        if s.type != ORG and cue >= 0 and org_word(words, cue) and _apposition(words, cue, s):
            named.add(words[s.first].lemma)
    if not named:
        return spans
    return [
        WordSpan(s.first, s.last, ORG)
        if s.last - s.first == 1 and words[s.first].lemma in named
        else s
        for s in spans
    ]


def _named_after(words: list[Token], org: WordSpan, person: WordSpan) -> bool:
    """`Театра` + `им.` / `имени` + `Йозефа Бойса`."""
    gap = [t.word.lower() for t in words[org.last : person.first]]
    if words[org.last - 1].word.lower() in NAMED_AFTER and org.last - org.first > 1:
        gap = [words[org.last - 1].word.lower()] + gap
    return (
        person.type == PER
        and gap in (["им", "."], ["им."], ["имени"])
        and words[org.first].sent == words[person.first].sent
    )


def named_after(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """Join `им.` / `имени` and the person an organisation is named after to its name."""
    out: list[WordSpan] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.type == ORG and _named_after(words, prev, span):
            out[-1] = WordSpan(prev.first, span.last, ORG)
            continue
        out.append(span)
    return out


def _first_name(word: str) -> bool:
    return word[:1].isupper() and any("Name" in p.tag for p in known_parses(word))


def leading_posts(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """`Главврач городской больницы Елена Сорокина`: a post or an owner's noun that opens a
    sentence is no part of the organisation the tagger reads after it
    (`models/facts-positions.txt`);
    what is left is no name when it is all in lower case."""
    posts = set(wordlist("facts-positions")) | _owner_nouns()
    out: list[WordSpan] = []
    for s in spans:
        lead = s.type == ORG and words[s.first].lemma in posts
        if lead and sentence_start(words, s.first):
            if all(not t.word[:1].isupper() for t in words[s.first + 1 : s.last]):
                continue  # `Совладелица «Веги»`: the noun alone is no name
            s = WordSpan(s.first + 1, s.last, ORG)
        out.append(s)
    return out


@cache
def _owner_nouns() -> frozenset[str]:
    """`совладелица`, `акционер`: nouns of owners (`models/facts-ownership-words.tsv`)."""
    return frozenset(row[0] for row in table("facts-ownership-words") if row[1:] == ("owner-noun",))


def split_person_tail(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """`Тоттенхэм Хотспур Ледли Кинг` -> ORG `Тоттенхэм Хотспур` + PER `Ледли Кинг`:
    a known first name and a capitalised word end the span, something else starts it."""
    out: list[WordSpan] = []
    for s in spans:
        cut = s.last - 2
        if (
            s.type == ORG
            and cut > s.first
            and words[s.last - 1].word[:1].isupper()
            and not _legal_form(words[cut - 1].word)
            and words[cut - 1].word not in NAMED_AFTER | {"."}
            and _first_name(words[cut].word)
            and not _first_name(words[cut - 1].word)
        ):
            out += [WordSpan(s.first, cut, ORG), WordSpan(cut, s.last, PER)]
        else:
            out.append(s)
    return out


def _agrees(words: list[Token], a: int, b: int) -> bool:
    return words[a].case == words[b].case and words[a].number == words[b].number


def _relational(word: str) -> bool:
    """`государственный`, `синодальный`, not `влиятельный`: no qualitative reading."""
    parses = known_parses(word)
    return bool(parses) and not any("Qual" in p.tag or "Apro" in p.tag for p in parses)


def leading_adjectives(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """`синодального Отдела...`, `государственной Комиссии...`: a lower-case relational
    adjective agreeing with a capitalised common noun that starts an organisation is its part."""
    out: list[WordSpan] = []
    for span in spans:
        a, head = span.first - 1, span.first
        if (
            span.type == ORG
            and a >= 0
            and (not out or out[-1].last <= a)
            and words[a].pos == "ADJ"
            and words[a].word.isalpha()
            and words[a].word.islower()
            and words[head].word[:1].isupper()
            and words[head].pos in ("NOUN", "PROPN")
            and org_word(words, head)
            and words[a].sent == words[head].sent
            and _agrees(words, a, head)
            and _relational(words[a].word)
        ):
            span = WordSpan(a, span.last, ORG)
        out.append(span)
    return out


def _branch_end(spans: list[WordSpan], k: int, words: list[Token]) -> int | None:
    """Where `по` + a place (`и` + a place) after spans[k] ends, or None."""
    first = spans[k].first if k < len(spans) else 0
    if first == 0 or spans[k].type != LOC or words[first - 1].word != "по":
        return None
    end, nxt = spans[k].last, k + 1
    if (
        nxt < len(spans)
        and spans[nxt].type == LOC
        and [t.word for t in words[end : spans[nxt].first]] == ["и"]
        and words[spans[nxt].first].case == words[spans[k].first].case
    ):
        end = spans[nxt].last
    return end


def regional_branches(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """`МЧС (России) по Санкт-Петербургу и Ленобласти`: an abbreviated body, its
    owner and the region it serves are one name."""
    out: list[WordSpan] = []
    k = 0
    while k < len(spans):
        span = spans[k]
        k += 1
        if span.type != ORG or not words[span.last - 1].word.isupper():
            out.append(span)
            continue
        last, j = span.last, k
        if (
            j < len(spans)
            and spans[j].type == LOC
            and spans[j].first == last
            and words[last].case == "Gen"
        ):
            last, j = spans[j].last, j + 1
        same = j < len(spans) and words[spans[j].first].sent == words[span.first].sent
        if same and spans[j].first == last + 1:
            end = _branch_end(spans, j, words)
            if end is not None:
                out.append(WordSpan(span.first, end, ORG))
                k = next((i for i in range(j, len(spans)) if spans[i].first >= end), len(spans))
                continue
        out.append(span)
    return out


def _unit_of(words: list[Token], unit: WordSpan, body: WordSpan) -> bool:
    """`ГУ` + `МЧС`: a one-word abbreviation right before an abbreviated body."""
    head = words[unit.first].word
    return (
        unit.type == body.type == ORG
        and unit.last - unit.first == 1
        and unit.last == body.first
        and words[unit.first].sent == words[body.first].sent
        and head.isupper()
        and len(head) > 1
        and not _legal_form(head)
        and words[body.first].word.isupper()
    )


def joined_units(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """`ГУ МЧС России...`: a unit abbreviation and the body it belongs to are one name."""
    out: list[WordSpan] = []
    for span in spans:
        if out and _unit_of(words, out[-1], span):
            out[-1] = WordSpan(out[-1].first, span.last, ORG)
        else:
            out.append(span)
    return out


def latin(word: str) -> bool:
    """A word in Latin script (its first character ASCII, a letter in it)."""
    return word[:1].isascii() and any(ch.isalpha() for ch in word)


def foreign_names(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """`ИА Regnum`, `Агентство France-Presse`: the organisation word before a name in
    Latin script is not part of it."""
    out: list[WordSpan] = []
    for s in spans:
        if (
            s.type == ORG
            and s.last - s.first > 1
            and org_word(words, s.first)
            and not latin(words[s.first].word)
            and all(latin(t.word) for t in words[s.first + 1 : s.last])
        ):
            s = WordSpan(s.first + 1, s.last, ORG)
        out.append(s)
    return out


TOP_DOMAINS = frozenset(
    {"ru", "рф", "su", "com", "net", "org", "info", "ua", "by", "kz", "tv", "fm"}
)
ADDRESS_CUES = frozenset(w.lower() for w in wordlist("entities-address-cues"))


def _domain_start(words: list[Token], tld: int) -> int | None:
    """First word of a site address ending in the top-level domain at `tld`."""
    if tld < 2 or words[tld - 1].word != "." or not glued(words, tld) or not glued(words, tld - 1):
        return None
    first = tld - 2
    while (
        first >= 2
        and words[first - 1].word == "."
        and glued(words, first)
        and glued(words, first - 1)
    ):
        first -= 2
    return None if glued(words, first) else first


def domain_orgs(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """`сообщает baltinfo.ru`: a site cited by its address is an organisation (an
    outlet, a service), unless it is named as an address (`адрес fb.com`, quoted)."""
    out = list(spans)
    for i, word in enumerate(words_of(words)):
        if word.lower() not in TOP_DOMAINS:
            continue
        first = _domain_start(words, i)
        if (
            first is None
            or first > 0
            and (words[first - 1].word in OPEN_QUOTES or words[first - 1].lemma in ADDRESS_CUES)
        ):
            continue
        if any(s.first < first < s.last or s.first <= i < s.last and s.last > i + 1 for s in out):
            continue  # part of a longer name
        out = [s for s in out if not (first <= s.first and s.last <= i + 1)]
        out.append(WordSpan(first, i + 1, ORG))
    return sorted(out, key=lambda s: s.first)


ARTICLE_PREFIXES = ("Аль-", "Эль-", "Ас-", "Ан-")


def split_article_orgs(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """`Аль-Джазиры Сами аль-Хадж` -> ORG `Аль-Джазиры` + PER `Сами аль-Хадж`: inside a
    name the Arabic article is written in lower case, so a capitalised one that is
    followed by two more names opens an organisation (`Аль-Каида`, `Аль-Арабия`)."""
    out: list[WordSpan] = []
    for s in spans:
        head = words[s.first].word
        if (
            s.type == PER
            and s.last - s.first >= 3
            and head.startswith(ARTICLE_PREFIXES)
            and words[s.first + 1].word[:1].isupper()
        ):
            out += [WordSpan(s.first, s.first + 1, ORG), WordSpan(s.first + 1, s.last, PER)]
        else:
            out.append(s)
    return out
