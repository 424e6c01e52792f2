"""Rules over NER spans that fix what the tagger gets wrong, read from word lists.

- `компания «Газпром»`, `ОАО «Газпром»`: the organisation is the quoted name;
  a quoted capitalised name after an organisation word or a reporting verb
  (`сообщает «Интерфакс»`) is an organisation even when the tagger missed it.
- `Министерстве культуры и информации` + `Казахстана`: the country a named
  body belongs to is part of its full name (`owners`).
- Capitalised common words taken for persons (`Побритый`, `Всё-таки Проди`) and
  plural nationality nouns taken for places (`Американцы`) are dropped.
"""

from __future__ import annotations

import re
from functools import cache

from ..document import Token, words_of
from ..resources import table, wordlist
from ..text.chars import CLOSE_QUOTES, OPEN_QUOTES, fold
from ..text.noun_group import Modifiers, Walk
from .ner import WordSpan
from .normalize import analyses
from .types import LOC, ORG, PER

MAX_QUOTED = 8  # words inside quotes for a name
NOT_NAME_POS = frozenset(
    {"ADVB", "PRCL", "CONJ", "PREP", "INTJ", "VERB", "INFN", "PRTF", "PRTS", "GRND", "PRED"}
)
FUNCTION_POS = frozenset({"ADVB", "PRCL", "CONJ", "PREP", "INTJ"})
NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


# Heads that make compounds naming a kind of organisation: `агрохолдинг`, `авиакомпания`.
COMPOUND_HEADS = ("холдинг", "компания", "концерн", "корпорация", "фирма")


def org_word(words: list[Token], i: int) -> bool:
    """An organisation word or legal form; `PR-служба` by its last part, `медиахолдинг`
    by its head."""
    kinds = wordlist("entities-org-descriptors")
    text = words[i].word.lower()
    lemma = words[i].lemma
    return (
        lemma in kinds
        or text in kinds
        or "-" in text
        and (lemma.rsplit("-", 1)[-1] in kinds)
        or any(lemma.endswith(h) and len(lemma) >= len(h) + 3 for h in COMPOUND_HEADS)
    )


def quote_end(words: list[Token], q: int, limit: int) -> int | None:
    """Index of the quote closing the one at `q`, within the sentence and `MAX_QUOTED` words."""
    for i in range(q + 1, min(limit, q + MAX_QUOTED + 2, len(words))):
        if words[i].sent != words[q].sent:
            return None
        if words[i].word in CLOSE_QUOTES and i > q + 1:
            return i
        if words[i].word in OPEN_QUOTES and words[i].word != words[q].word:
            return None
    return None


def name_like(words: list[Token], first: int, last: int) -> bool:
    """Whether the words [first, last) open like a name: a capital, a digit, Latin."""
    head = words[first].word
    return head[:1].isupper() or head[:1].isdigit() or head[:1].isascii() and head.isalpha()


def overlaps(span: WordSpan, first: int, last: int) -> bool:
    """Whether a span shares a word with the words [first, last)."""
    return span.first < last and first < span.last


def quoted_orgs(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """Organisation names in quotes, with descriptors and legal forms left out."""
    out: list[WordSpan] = []
    for span in spans:
        q = next(
            (i for i in range(span.first + 1, span.last) if words[i].word in OPEN_QUOTES), None
        )
        if span.type != ORG or q is None:
            out.append(span)
            continue
        close = quote_end(words, q, span.last + 1)
        stop = close if close is not None else span.last
        if all(org_word(words, i) for i in range(span.first, q)) or close is None:
            out.append(WordSpan(q + 1, stop, ORG))
        else:
            out.append(WordSpan(span.first, q, ORG))
            out.append(WordSpan(q + 1, stop, ORG))
        if close is not None and close + 1 < span.last:
            out.append(WordSpan(close + 1, span.last, span.type))
    cues = wordlist("entities-quote-cues")
    for i in range(len(words) - 2):
        if words[i + 1].word not in OPEN_QUOTES:
            continue
        if not (org_word(words, i) or words[i].lemma in cues):
            continue
        close = quote_end(words, i + 1, len(words))
        if close is None or not name_like(words, i + 2, close):
            continue
        first, last = i + 2, close
        if any(s.type == ORG and s.first <= first and last <= s.last for s in out):
            continue
        if any(overlaps(s, first, last) and not (first <= s.first and s.last <= last) for s in out):
            continue
        out = [s for s in out if not overlaps(s, first, last)]
        out.append(WordSpan(first, last, ORG))
    return sorted(out, key=lambda s: s.first)


def owners(spans: list[WordSpan], words: list[Token]) -> dict[int, int]:
    """`Министерство культуры` + `Казахстана`, `Конгресс` + `США`: for each
    organisation followed directly by a place in the genitive (or by the
    organisation it belongs to, see `_owning_org`), the end of that owner (and of
    the owner's own). The mentions stay apart (as FactRuEval marks them); the
    organisation's full name includes its owner."""
    out: dict[int, int] = {}
    for k in range(len(spans) - 1):
        org, owner = spans[k], spans[k + 1]
        if (
            org.type == ORG
            and org.last == owner.first
            and words[org.first].sent == words[owner.first].sent
            and (
                owner.type == LOC
                and words[owner.first].case == "Gen"
                or owner.type == ORG
                and _owning_org(words, org, owner)
            )
        ):
            out[k] = owner.last
    for k in sorted(out, reverse=True):  # `Палата представителей` + `Конгресса` + `США`
        if k + 1 in out:
            out[k] = out[k + 1]
    return out


def _owning_org(words: list[Token], org: WordSpan, owner: WordSpan) -> bool:
    """`Свердловского обкома` + `КПСС`, `Служба прессы` + `Конституционного суда`: a
    body named by its kind belongs to the organisation named right after it, in the
    genitive or as an abbreviation."""
    head = words[owner.first].word
    kind = org_word(words, org.first) or org_word(words, org.last - 1)
    if not kind or words[org.first].word.isupper() or head in OPEN_QUOTES:
        return False
    abbreviation = owner.last - owner.first == 1 and head.isupper() and len(head) > 1
    return abbreviation or words[owner.first].case == "Gen" and head[:1].isupper()


def known_parses(word: str) -> list:
    return [p for p in analyses(word) if p.is_known]


def _not_a_name(word: str, pos: frozenset[str]) -> bool:
    """True when the dictionary knows `word` and only outside `pos`-free roles."""
    parses = known_parses(word)
    return bool(parses) and all(
        p.tag.POS in pos and not NAME_TAGS & p.tag.grammemes for p in parses
    )


def _adjective_only(word: str) -> bool:
    parses = known_parses(word)
    return bool(parses) and all(
        p.tag.POS in NOT_NAME_POS | {"ADJF", "ADJS"} and not NAME_TAGS & p.tag.grammemes
        for p in parses
    )


def _demonym(word: str) -> bool:
    """`Американцы`, `Республиканцам`: an animate plural common noun."""
    parses = known_parses(word)
    return bool(parses) and all(
        p.tag.POS == "NOUN"
        and "anim" in p.tag
        and p.tag.number == "plur"
        and not NAME_TAGS & p.tag.grammemes
        for p in parses
    )


# `Сомова` is a short possessive adjective to the dictionary, and a surname.
SURNAME_SHAPES = ("ов", "ова", "ев", "ева", "ёв", "ёва", "ин", "ина", "ын", "ына")
PLURAL_ENDINGS = ("ых", "их", "ам", "ям", "ами", "ями", "ах", "ях", "ые", "ие")


def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def _plural_only(word: str) -> bool:
    """`Ямадаевых`, `Викиновостям`: a plural ending, and no reading of the word is
    singular (`Куниц`, `Гецлаф` have no ending: surnames, not plurals)."""
    if not word.lower().endswith(PLURAL_ENDINGS):
        return False
    parses = analyses(word)
    return bool(parses) and all(p.tag.number == "plur" for p in parses)


def sentence_start(words: list[Token], i: int) -> bool:
    return i == 0 or words[i - 1].sent != words[i].sent


def _not_a_person(words: list[Token], i: int) -> bool:
    """A lone word that cannot be a person's name: a plural, or an adjective or verb
    form (`Будничная`, `Подана`) that only the tagger, or a sentence start, capitalised."""
    text = words[i].word
    if _plural_only(text):
        return True
    start = sentence_start(words, i) and not text.lower().endswith(SURNAME_SHAPES)
    return (words[i].pos != "PROPN" or start) and _adjective_only(text)


VERB_FORMS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


def _lone_verb_form(words: list[Token], span: WordSpan) -> bool:
    """A one-word name opening a sentence, not in capitals (`МОК`), that the dictionary
    knows only as a verb form (`Руководившая`, `Читайте`)."""
    return (
        span.last - span.first == 1
        and sentence_start(words, span.first)
        and words[span.first].word[1:].islower()
        and _not_a_name(words[span.first].word, VERB_FORMS)
    )


def _place_only(word: str) -> bool:
    """Every dictionary reading of the word is a place name (`Эфиопия`, not `Киров`)."""
    parses = known_parses(word)
    return bool(parses) and all("Geox" in p.tag for p in parses)


_AGE_WORD = re.compile(r"(?:\d{1,3}-)?[а-яё]*(?:летн|месячн|годовал)[а-яё]*", re.IGNORECASE)


def drop_common_words(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """Remove capitalised common words that the tagger took for names; a lone
    person word that can only be a place is a place."""
    out: list[WordSpan] = []
    for span in spans:
        first = span.first
        while span.type == PER and first < span.last - 1 and _AGE_WORD.fullmatch(words[first].word):
            first += 1  # `Двенадцатилетний Артём Котов`, `58-летний Петров`: an age, no name
        span = WordSpan(first, span.last, span.type)
        if _lone_verb_form(words, span):
            continue  # `Руководившая до 2019 года фабрикой ...`: a participle, no name
        if span.type == PER and any(_has_digit(t.word) for t in words[first : span.last]):
            continue  # `Формулы-1`: no person's name has digits
        if span.type == PER:
            # the dictionary is asked only about words the tagger did not read as names
            while (
                first < span.last - 1
                and words[first].pos != "PROPN"
                and _not_a_name(words[first].word, FUNCTION_POS)
            ):
                first += 1
            if first == span.last - 1 and _not_a_person(words, first):
                continue
            if first == span.last - 1 and _place_only(words[first].word):
                out.append(WordSpan(first, span.last, LOC))  # `Эфиопия`
                continue
        elif (
            span.last - span.first == 1
            and words[first].number == "Plur"
            and _demonym(words[first].word)
        ):
            continue
        out.append(WordSpan(first, span.last, span.type))
    return out


VEHICLE_CUES = frozenset(w.lower() for w in wordlist("entities-vehicle-cues"))


def _is_cue(words: list[Token], i: int, cues: frozenset[str] | tuple[str, ...]) -> bool:
    return i >= 0 and (words[i].lemma in cues or words[i].word.lower() in cues)


def _titles_from(words: list[Token], q: int) -> set[tuple[str, ...]]:
    """The quoted title at `q` and those joined to it (`шаттлы «Индевор» и «Атлантис»`),
    a bracketed remark between them allowed."""
    titles: set[tuple[str, ...]] = set()
    while q < len(words) and words[q].word in OPEN_QUOTES:
        close = quote_end(words, q, len(words))
        if close is None:
            break
        titles.add(tuple(t.lemma for t in words[q + 1 : close]))
        q = close + 1
        if q < len(words) and words[q].word == "(":
            q = next((j + 1 for j in range(q, min(q + 12, len(words))) if words[j].word == ")"), q)
        if q + 1 < len(words) and words[q].word in ("и", ","):
            q += 1
    return titles


def _work_titles(words: list[Token]) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
    """Lemmas of titles in quotes after a cue word (`шаттла «Дискавери»`), and of
    capitalised names right after a vehicle word (`телескопа Хаббл`)."""
    cues = wordlist("entities-not-org-cues")
    quoted: set[tuple[str, ...]] = set()
    bare: set[tuple[str, ...]] = set()
    for i in range(1, len(words) - 1):
        if words[i].word in OPEN_QUOTES and _is_cue(words, i - 1, cues):
            quoted |= _titles_from(words, i)
        elif words[i].word[:1].isupper() and _is_cue(words, i - 1, VEHICLE_CUES):
            bare.add((words[i].lemma,))
    return quoted, bare


def drop_quoted_works(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """Names in quotes after `шаттл`, `фильм`, `статья`... are not entities,
    there or anywhere else in the document; nor are organisation or place names
    right after `шаттл`, `корабль`, `телескоп` (`телескопа Хаббл`)."""
    quoted, bare = _work_titles(words)
    for span in spans:
        q = span.first - 1
        if q >= 1 and words[q].word in OPEN_QUOTES and _is_cue(words, q - 1, _cues()):
            quoted.add(tuple(t.lemma for t in words[span.first : span.last]))
    if not quoted and not bare:
        return spans
    return [
        s
        for s in spans
        if tuple(t.lemma for t in words[s.first : s.last]) not in quoted
        and (s.type == PER or tuple(t.lemma for t in words[s.first : s.last]) not in bare)
    ]


def _cues() -> tuple[str, ...]:
    return wordlist("entities-not-org-cues")


class _ObjectGroup(Walk):
    """A prepositional object (`по развитию общества`): modifiers and a head noun in any
    case, then genitives, and nouns in the head's case joined to it by `и`."""

    cases = modifier_cases = None
    conj_cases = frozenset()  # `и` is taken below, after a noun only
    limit = 6
    head: str | None = None

    def step(self, k: int) -> int | None:
        t = self.tokens[k]
        if self.head is not None and t.case not in ("Gen", None, self.head):
            return None
        if (
            self.head not in (None, "Gen")
            and t.case == self.head
            and self.tokens[k - 1].word != "и"
            and t.pos != "ADJ"
        ):
            return None  # `по развитию + глава`: a second noun with no `и`
        if t.word == "и":
            return k + 1 if self.end > self.start else None
        return super().step(k)

    def noun(self, k: int) -> None:
        self.head = self.head or self.tokens[k].case
        super().noun(k)


class _GenitiveGroup(Walk):
    """A lower-case genitive noun group (`пострадавших соинвесторов`)."""

    nouns = frozenset({"NOUN"})
    modifiers = frozenset({"ADJ", "VERB"})
    conj_cases = frozenset()
    lower = True
    limit = 4


class _LowerAdjectives(Modifiers):
    """Lower-case adjectives in the head's case right before it, outside other spans."""

    pos = frozenset({"ADJ"})

    def __init__(self, words: list[Token], head: int, covered: bytearray) -> None:
        super().__init__(words, head, 0)
        self.covered = covered

    def step(self, j: int) -> int | None:
        if self.covered[j] or not self.tokens[j].word.islower():
            return None
        return super().step(j)

    def agrees(self, token: Token) -> bool:
        return token.case == self.case


def _geo_adjective(words: list[Token], i: int) -> bool:
    return words[i].word.islower() and (
        words[i].lemma.endswith(("ский", "цкий"))
        and not words[i].lemma.endswith("ческий")
        or words[i].lemma == "международный"
    )


def _names_follow(words: list[Token], org_starts: set[int], i: int) -> bool:
    """`центра «Кин-Топ»`, `клуба Челси`: the organisation word introduces a name."""
    if i >= len(words):
        return False
    return words[i].word in OPEN_QUOTES or i in org_starts and not words[i].word.isupper()


def lowercase_orgs(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """`американского министерства иностранных дел`: a geographic adjective, an
    organisation word from `models/entities-org-heads-lower.txt` and its complement."""
    heads = wordlist("entities-org-heads-lower")
    covered = bytearray(len(words))
    for s in spans:
        covered[s.first : s.last] = b"\x01" * (s.last - s.first)
    org_starts = {s.first for s in spans if s.type == ORG}
    out = list(spans)
    for i in range(1, len(words)):
        if covered[i] or words[i].lemma not in heads or not words[i].word.islower():
            continue
        if words[i].number != "Sing":
            continue
        first = _LowerAdjectives(words, i, covered).run()
        if first == i or not _geo_adjective(words, first):
            continue
        last = _GenitiveGroup(words).run(i + 1)
        if any(covered[first:last]) or _names_follow(words, org_starts, last):
            continue
        covered[first:last] = b"\x01" * (last - first)
        out.append(WordSpan(first, last, ORG))
    return sorted(out, key=lambda s: s.first)


def _owner(words: list[Token], i: int) -> bool:
    """`РФ` in `Совета при Президенте РФ по развитию...`: a genitive name that is
    followed by a further complement of the organisation's name."""
    return (
        i + 1 < len(words)
        and words[i].pos == "PROPN"
        and words[i].case == "Gen"
        and words[i + 1].word in wordlist("entities-org-extensions")
    )


def extend_orgs(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """`Следственный комитет` + `при прокуратуре`, `японский` + `МИД`: one name.

    A prepositional complement joins an organisation that ends in an organisation
    word; a lower-case geographic adjective (`-ский`, `-цкий`) in the same case
    joins the name it stands before.
    """
    preps = wordlist("entities-org-extensions")
    out: list[WordSpan] = []
    taken = sorted(spans, key=lambda s: s.first)
    for k, span in enumerate(taken):
        if span.type != ORG:
            out.append(span)
            continue
        first, last = span.first, span.last
        prev_end = out[-1].last if out else 0
        a = first - 1
        if (
            a >= prev_end
            and words[a].pos == "ADJ"
            and words[a].word.islower()
            and words[a].lemma.endswith(("ский", "цкий"))
            and words[a].case == words[first].case
        ):
            first = a
        nxt = taken[k + 1].first if k + 1 < len(taken) else len(words)
        if org_word(words, last - 1) and words[span.first].word[:1].isupper():
            last = _GenitiveGroup(words).run(last)
        extended = any(words[i].word in preps for i in range(first + 1, last))
        while (
            last < len(words) - 1
            and (words[last].word in preps or extended and _owner(words, last))
            and (extended or org_word(words, last - 1))
            and words[last].sent == words[first].sent
        ):
            if words[last].word not in preps:
                last += 1
                continue
            end = _ObjectGroup(words).run(last + 1)
            if end == last + 1:
                break
            last, extended = end, True
        out.append(WordSpan(first, last, ORG))
        if last > nxt:
            # the complement swallowed the next spans: skip those it covers
            taken[k + 1 :] = [
                s if s.first >= last else WordSpan(last, s.last, s.type)
                for s in taken[k + 1 :]
                if s.last > last
            ]
    return out


def _surnames(spans: list[WordSpan], words: list[Token]) -> set[str]:
    """Lemmas of the last words of persons named with two words or more."""
    return {
        words[s.last - 1].lemma
        for s in spans
        if s.type == PER
        and s.last - s.first > 1
        and len(words[s.last - 1].word) > 3
        and words[s.last - 1].word[:1].isupper()
    }


def _lone_name(words: list[Token], covered: bytearray, i: int) -> bool:
    """A singular name word with no name or capitalised word of its sentence
    before it (not `Дом Бхутто`, `братьев Ямадаевых`)."""
    if words[i].pos != "PROPN" or words[i].number == "Plur":
        return False
    return (
        i == 0
        or not covered[i - 1]
        and not (words[i - 1].sent == words[i].sent and words[i - 1].word[:1].isupper())
    )


def propagate(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """A one-word name tagged somewhere in the document is the same name elsewhere,
    a person's surname in any case (`Володину`), and `World Fashion Channel (WFC)`
    gives the abbreviation its type."""
    known: dict[str, str] = {}
    for s in spans:
        if s.last - s.first == 1 and len(words[s.first].word) > 1:
            known.setdefault(words[s.first].word, s.type)
        if (
            s.last + 2 < len(words)
            and words[s.last].word == "("
            and words[s.last + 2].word == ")"
            and words[s.last + 1].word.isupper()
        ):
            known.setdefault(words[s.last + 1].word, s.type)
    covered = bytearray(len(words))
    for s in spans:
        covered[s.first : s.last] = b"\x01" * (s.last - s.first)
    out = list(spans)
    surnames = _surnames(spans, words)
    for i, w in enumerate(words_of(words)):
        kind = known.get(w)
        if kind is None and words[i].lemma in surnames and _lone_name(words, covered, i):
            kind = PER  # `Вячеслав Володин` ... `Володину`
        if kind and not covered[i] and (w.isupper() or words[i].pos == "PROPN"):
            if i > 0 and words[i - 1].word in OPEN_QUOTES:
                continue
            out.append(WordSpan(i, i + 1, kind))
    return sorted(out, key=lambda s: s.first)


def drop_events(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """`Дни культуры`, `Неделя моды`: events are not organisations."""
    events = wordlist("entities-events")
    return [s for s in spans if s.type != ORG or words[s.first].lemma not in events]


TITLE_CUES = frozenset(w.lower() for w in wordlist("entities-title-cues"))


def title_places(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """`чемпионат Европы`, `чемпионом Германии`: the place a title or a tournament is
    named after, which the tagger reads as part of the event."""
    covered = {i for s in spans for i in range(s.first, s.last)}
    out = list(spans)
    for i in range(1, len(words)):
        if (
            i not in covered
            and words[i - 1].lemma in TITLE_CUES
            and words[i].word[:1].isupper()
            and words[i].case == "Gen"
            and any("Geox" in p.tag and p.tag.case == "gent" for p in known_parses(words[i].word))
        ):
            out.append(WordSpan(i, i + 1, LOC))
    return sorted(out, key=lambda s: s.first)


def org_headed_places(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """`Екатеринбургский суд`, `Пермский университет`: a place span whose noun is
    one of `models/entities-place-org-heads.txt` in lower case names an organisation."""
    kinds = wordlist("entities-place-org-heads")
    out = []
    for s in spans:
        inner = range(s.first + 1, s.last)
        if s.type == LOC and any(
            words[i].word.islower() and words[i].lemma in kinds and words[i].pos == "NOUN"
            for i in inner
        ):
            s = WordSpan(s.first, s.last, ORG)
        out.append(s)
    return out


@cache
def _fixed_types() -> dict[str, str]:
    return {fold(row[0]): row[1] for row in table("entities-types")}


def retype(normal: str, kind: str) -> str:
    """The type fixed for a place or organisation name in `models/entities-types.tsv`."""
    return _fixed_types().get(fold(normal), kind)
