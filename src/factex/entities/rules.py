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

from dataclasses import dataclass, field
from functools import cache

from ..resources import table, wordlist
from .ner import WordSpan
from .normalize import analyses

OPEN_QUOTES = frozenset('«„“"')
CLOSE_QUOTES = frozenset('»”“"')
MAX_QUOTED = 8  # words inside quotes for a name
NOT_NAME_POS = frozenset(
    {"ADVB", "PRCL", "CONJ", "PREP", "INTJ", "VERB", "INFN", "PRTF", "PRTS", "GRND", "PRED"}
)
FUNCTION_POS = frozenset({"ADVB", "PRCL", "CONJ", "PREP", "INTJ"})
NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


@dataclass
class Words:
    """The words of a document with what the rules read: text, lemma, UD tag, sentence."""

    text: list[str]
    lemma: list[str]
    pos: list[str]
    case: list[str | None]
    number: list[str | None]
    sent: list[int]
    space: list[bool] = field(default_factory=list)  # whitespace before the word

    def glued(self, i: int) -> bool:
        """Word i follows the one before it with no space between."""
        return i > 0 and bool(self.space) and not self.space[i]

    def __len__(self) -> int:
        return len(self.text)


def _descriptor(words: Words, i: int) -> bool:
    """An organisation word or legal form; `PR-служба` by its last part."""
    kinds = wordlist("entities-org-descriptors")
    text = words.text[i].lower()
    return (
        words.lemma[i] in kinds
        or text in kinds
        or "-" in text
        and (words.lemma[i].rsplit("-", 1)[-1] in kinds)
    )


def _closing(words: Words, q: int, limit: int) -> int | None:
    """Index of the quote closing the one at `q`, within the sentence and `MAX_QUOTED` words."""
    for i in range(q + 1, min(limit, q + MAX_QUOTED + 2, len(words))):
        if words.sent[i] != words.sent[q]:
            return None
        if words.text[i] in CLOSE_QUOTES and i > q + 1:
            return i
        if words.text[i] in OPEN_QUOTES and words.text[i] != words.text[q]:
            return None
    return None


def _name_like(words: Words, first: int, last: int) -> bool:
    head = words.text[first]
    return head[:1].isupper() or head[:1].isdigit() or head[:1].isascii() and head.isalpha()


def _overlaps(span: WordSpan, first: int, last: int) -> bool:
    return span.first < last and first < span.last


def quoted_orgs(spans: list[WordSpan], words: Words) -> list[WordSpan]:
    """Organisation names in quotes, with descriptors and legal forms left out."""
    out: list[WordSpan] = []
    for span in spans:
        q = next(
            (i for i in range(span.first + 1, span.last) if words.text[i] in OPEN_QUOTES), None
        )
        if span.type != "ORG" or q is None:
            out.append(span)
            continue
        close = _closing(words, q, span.last + 1)
        stop = close if close is not None else span.last
        if all(_descriptor(words, i) for i in range(span.first, q)) or close is None:
            out.append(WordSpan(q + 1, stop, "ORG"))
        else:
            out.append(WordSpan(span.first, q, "ORG"))
            out.append(WordSpan(q + 1, stop, "ORG"))
        if close is not None and close + 1 < span.last:
            out.append(WordSpan(close + 1, span.last, span.type))
    cues = wordlist("entities-quote-cues")
    for i in range(len(words) - 2):
        if words.text[i + 1] not in OPEN_QUOTES:
            continue
        if not (_descriptor(words, i) or words.lemma[i] in cues):
            continue
        close = _closing(words, i + 1, len(words))
        if close is None or not _name_like(words, i + 2, close):
            continue
        first, last = i + 2, close
        if any(s.type == "ORG" and s.first <= first and last <= s.last for s in out):
            continue
        if any(
            _overlaps(s, first, last) and not (first <= s.first and s.last <= last) for s in out
        ):
            continue
        out = [s for s in out if not _overlaps(s, first, last)]
        out.append(WordSpan(first, last, "ORG"))
    return sorted(out, key=lambda s: s.first)


def owners(spans: list[WordSpan], words: Words) -> dict[int, int]:
    """`Министерство культуры` + `Казахстана`, `Конгресс` + `США`: for each
    organisation followed directly by a place in the genitive (or by the
    organisation it belongs to, see `_owning_org`), the end of that owner (and of
    the owner's own). The mentions stay apart (as FactRuEval marks them); the
    organisation's full name includes its owner."""
    out: dict[int, int] = {}
    for k in range(len(spans) - 1):
        org, owner = spans[k], spans[k + 1]
        if (
            org.type == "ORG"
            and org.last == owner.first
            and words.sent[org.first] == words.sent[owner.first]
            and (
                owner.type == "LOC"
                and words.case[owner.first] == "Gen"
                or owner.type == "ORG"
                and _owning_org(words, org, owner)
            )
        ):
            out[k] = owner.last
    for k in sorted(out, reverse=True):  # `Палата представителей` + `Конгресса` + `США`
        if k + 1 in out:
            out[k] = out[k + 1]
    return out


def _owning_org(words: Words, org: WordSpan, owner: WordSpan) -> bool:
    """`Свердловского обкома` + `КПСС`, `Служба прессы` + `Конституционного суда`: a
    body named by its kind belongs to the organisation named right after it, in the
    genitive or as an abbreviation."""
    head = words.text[owner.first]
    kind = _descriptor(words, org.first) or _descriptor(words, org.last - 1)
    if not kind or words.text[org.first].isupper() or head in OPEN_QUOTES:
        return False
    abbreviation = owner.last - owner.first == 1 and head.isupper() and len(head) > 1
    return abbreviation or words.case[owner.first] == "Gen" and head[:1].isupper()


def _parses(word: str) -> list:
    return [p for p in analyses(word) if p.is_known]


def _not_a_name(word: str, pos: frozenset[str]) -> bool:
    """True when the dictionary knows `word` and only outside `pos`-free roles."""
    parses = _parses(word)
    return bool(parses) and all(
        p.tag.POS in pos and not NAME_TAGS & p.tag.grammemes for p in parses
    )


def _adjective_only(word: str) -> bool:
    parses = _parses(word)
    return bool(parses) and all(
        p.tag.POS in NOT_NAME_POS | {"ADJF", "ADJS"} and not NAME_TAGS & p.tag.grammemes
        for p in parses
    )


def _demonym(word: str) -> bool:
    """`Американцы`, `Республиканцам`: an animate plural common noun."""
    parses = _parses(word)
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


def _sentence_start(words: Words, i: int) -> bool:
    return i == 0 or words.sent[i - 1] != words.sent[i]


def _not_a_person(words: Words, i: int) -> bool:
    """A lone word that cannot be a person's name: a plural, or an adjective or verb
    form (`Будничная`, `Подана`) that only the tagger, or a sentence start, capitalised."""
    text = words.text[i]
    if _plural_only(text):
        return True
    start = _sentence_start(words, i) and not text.lower().endswith(SURNAME_SHAPES)
    return (words.pos[i] != "PROPN" or start) and _adjective_only(text)


def _place_only(word: str) -> bool:
    """Every dictionary reading of the word is a place name (`Эфиопия`, not `Киров`)."""
    parses = _parses(word)
    return bool(parses) and all("Geox" in p.tag for p in parses)


def drop_common_words(spans: list[WordSpan], words: Words) -> list[WordSpan]:
    """Remove capitalised common words that the tagger took for names; a lone
    person word that can only be a place is a place."""
    out: list[WordSpan] = []
    for span in spans:
        first = span.first
        if span.type == "PER" and any(_has_digit(w) for w in words.text[first : span.last]):
            continue  # `Формулы-1`: no person's name has digits
        if span.type == "PER":
            # the dictionary is asked only about words the tagger did not read as names
            while (
                first < span.last - 1
                and words.pos[first] != "PROPN"
                and _not_a_name(words.text[first], FUNCTION_POS)
            ):
                first += 1
            if first == span.last - 1 and _not_a_person(words, first):
                continue
            if first == span.last - 1 and _place_only(words.text[first]):
                out.append(WordSpan(first, span.last, "LOC"))  # `Эфиопия`
                continue
        elif (
            span.last - span.first == 1
            and words.number[first] == "Plur"
            and _demonym(words.text[first])
        ):
            continue
        out.append(WordSpan(first, span.last, span.type))
    return out


VEHICLE_CUES = frozenset({"шаттл", "корабль", "телескоп"})


def _is_cue(words: Words, i: int, cues: frozenset[str] | tuple[str, ...]) -> bool:
    return i >= 0 and (words.lemma[i] in cues or words.text[i].lower() in cues)


def _titles_from(words: Words, q: int) -> set[tuple[str, ...]]:
    """The quoted title at `q` and those joined to it (`шаттлы «Индевор» и «Атлантис»`),
    a bracketed remark between them allowed."""
    titles: set[tuple[str, ...]] = set()
    while q < len(words) and words.text[q] in OPEN_QUOTES:
        close = _closing(words, q, len(words))
        if close is None:
            break
        titles.add(tuple(words.lemma[q + 1 : close]))
        q = close + 1
        if q < len(words) and words.text[q] == "(":
            q = next((j + 1 for j in range(q, min(q + 12, len(words))) if words.text[j] == ")"), q)
        if q + 1 < len(words) and words.text[q] in ("и", ","):
            q += 1
    return titles


def _work_titles(words: Words) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
    """Lemmas of titles in quotes after a cue word (`шаттла «Дискавери»`), and of
    capitalised names right after a vehicle word (`телескопа Хаббл`)."""
    cues = wordlist("entities-not-org-cues")
    quoted: set[tuple[str, ...]] = set()
    bare: set[tuple[str, ...]] = set()
    for i in range(1, len(words) - 1):
        if words.text[i] in OPEN_QUOTES and _is_cue(words, i - 1, cues):
            quoted |= _titles_from(words, i)
        elif words.text[i][:1].isupper() and _is_cue(words, i - 1, VEHICLE_CUES):
            bare.add((words.lemma[i],))
    return quoted, bare


def drop_quoted_works(spans: list[WordSpan], words: Words) -> list[WordSpan]:
    """Names in quotes after `шаттл`, `фильм`, `статья`... are not entities,
    there or anywhere else in the document; nor are organisation or place names
    right after `шаттл`, `корабль`, `телескоп` (`телескопа Хаббл`)."""
    quoted, bare = _work_titles(words)
    for span in spans:
        q = span.first - 1
        if q >= 1 and words.text[q] in OPEN_QUOTES and _is_cue(words, q - 1, _cues()):
            quoted.add(tuple(words.lemma[span.first : span.last]))
    if not quoted and not bare:
        return spans
    return [
        s
        for s in spans
        if tuple(words.lemma[s.first : s.last]) not in quoted
        and (s.type == "PER" or tuple(words.lemma[s.first : s.last]) not in bare)
    ]


def _cues() -> tuple[str, ...]:
    return wordlist("entities-not-org-cues")


def _noun_group(words: Words, i: int, limit: int = 6) -> int:
    """End of the noun group starting at word i (adjectives, nouns, `и` between nouns);
    after its head only genitives follow (`по развитию общества`, not `+ глава`)."""
    j, end, head = i, i, None
    while j < len(words) and j - i < limit and words.sent[j] == words.sent[i]:
        pos = words.pos[j]
        if head is not None and words.case[j] not in ("Gen", None, head):
            break
        if (
            head not in (None, "Gen")
            and words.case[j] == head
            and words.text[j - 1] != "и"
            and pos != "ADJ"
        ):
            break
        if pos in ("NOUN", "PROPN"):
            head = head or words.case[j]
            end = j + 1
        elif pos in ("ADJ", "NUM", "DET") or words.text[j] == "и" and end > i:
            pass
        else:
            break
        j += 1
    return end


def _genitive_group(words: Words, i: int, limit: int = 4) -> int:
    """End of a lower-case genitive noun group at word i (`пострадавших соинвесторов`)."""
    j, end = i, i
    while (
        j < len(words)
        and j - i < limit
        and words.case[j] == "Gen"
        and words.text[j].islower()
        and words.pos[j] in ("ADJ", "NOUN", "VERB")
        and words.sent[j] == words.sent[i - 1]
    ):
        if words.pos[j] == "NOUN":
            end = j + 1
        j += 1
    return end


def _geo_adjective(words: Words, i: int) -> bool:
    return words.text[i].islower() and (
        words.lemma[i].endswith(("ский", "цкий"))
        and not words.lemma[i].endswith("ческий")
        or words.lemma[i] == "международный"
    )


def _names_follow(words: Words, org_starts: set[int], i: int) -> bool:
    """`центра «Кин-Топ»`, `клуба Челси`: the organisation word introduces a name."""
    if i >= len(words):
        return False
    return words.text[i] in OPEN_QUOTES or i in org_starts and not words.text[i].isupper()


def lowercase_orgs(spans: list[WordSpan], words: Words) -> list[WordSpan]:
    """`американского министерства иностранных дел`: a geographic adjective, an
    organisation word from `models/entities-org-heads-lower.txt` and its complement."""
    heads = wordlist("entities-org-heads-lower")
    covered = bytearray(len(words))
    for s in spans:
        covered[s.first : s.last] = b"\x01" * (s.last - s.first)
    org_starts = {s.first for s in spans if s.type == "ORG"}
    out = list(spans)
    for i in range(1, len(words)):
        if covered[i] or words.lemma[i] not in heads or not words.text[i].islower():
            continue
        if words.number[i] != "Sing":
            continue
        first = i
        while (
            first > 0
            and not covered[first - 1]
            and words.pos[first - 1] == "ADJ"
            and words.text[first - 1].islower()
            and words.case[first - 1] == words.case[i]
        ):
            first -= 1
        if first == i or not _geo_adjective(words, first):
            continue
        last = _genitive_group(words, i + 1)
        if any(covered[first:last]) or _names_follow(words, org_starts, last):
            continue
        covered[first:last] = b"\x01" * (last - first)
        out.append(WordSpan(first, last, "ORG"))
    return sorted(out, key=lambda s: s.first)


def _owner(words: Words, i: int) -> bool:
    """`РФ` in `Совета при Президенте РФ по развитию...`: a genitive name that is
    followed by a further complement of the organisation's name."""
    return (
        i + 1 < len(words)
        and words.pos[i] == "PROPN"
        and words.case[i] == "Gen"
        and words.text[i + 1] in wordlist("entities-org-extensions")
    )


def extend_orgs(spans: list[WordSpan], words: Words) -> list[WordSpan]:
    """`Следственный комитет` + `при прокуратуре`, `японский` + `МИД`: one name.

    A prepositional complement joins an organisation that ends in an organisation
    word; a lower-case geographic adjective (`-ский`, `-цкий`) in the same case
    joins the name it stands before.
    """
    preps = wordlist("entities-org-extensions")
    out: list[WordSpan] = []
    taken = sorted(spans, key=lambda s: s.first)
    for k, span in enumerate(taken):
        if span.type != "ORG":
            out.append(span)
            continue
        first, last = span.first, span.last
        prev_end = out[-1].last if out else 0
        a = first - 1
        if (
            a >= prev_end
            and words.pos[a] == "ADJ"
            and words.text[a].islower()
            and words.lemma[a].endswith(("ский", "цкий"))
            and words.case[a] == words.case[first]
        ):
            first = a
        nxt = taken[k + 1].first if k + 1 < len(taken) else len(words)
        if _descriptor(words, last - 1) and words.text[span.first][:1].isupper():
            last = _genitive_group(words, last)
        extended = any(words.text[i] in preps for i in range(first + 1, last))
        while (
            last < len(words) - 1
            and (words.text[last] in preps or extended and _owner(words, last))
            and (extended or _descriptor(words, last - 1))
            and words.sent[last] == words.sent[first]
        ):
            if words.text[last] not in preps:
                last += 1
                continue
            end = _noun_group(words, last + 1)
            if end == last + 1:
                break
            last, extended = end, True
        out.append(WordSpan(first, last, "ORG"))
        if last > nxt:
            # the complement swallowed the next spans: skip those it covers
            taken[k + 1 :] = [
                s if s.first >= last else WordSpan(last, s.last, s.type)
                for s in taken[k + 1 :]
                if s.last > last
            ]
    return out


def _surnames(spans: list[WordSpan], words: Words) -> set[str]:
    """Lemmas of the last words of persons named with two words or more."""
    return {
        words.lemma[s.last - 1]
        for s in spans
        if s.type == "PER"
        and s.last - s.first > 1
        and len(words.text[s.last - 1]) > 3
        and words.text[s.last - 1][:1].isupper()
    }


def _lone_name(words: Words, covered: bytearray, i: int) -> bool:
    """A singular name word with no name or capitalised word of its sentence
    before it (not `Дом Бхутто`, `братьев Ямадаевых`)."""
    if words.pos[i] != "PROPN" or words.number[i] == "Plur":
        return False
    return (
        i == 0
        or not covered[i - 1]
        and not (words.sent[i - 1] == words.sent[i] and words.text[i - 1][:1].isupper())
    )


def propagate(spans: list[WordSpan], words: Words) -> list[WordSpan]:
    """A one-word name tagged somewhere in the document is the same name elsewhere,
    a person's surname in any case (`Володину`), and `World Fashion Channel (WFC)`
    gives the abbreviation its type."""
    known: dict[str, str] = {}
    for s in spans:
        if s.last - s.first == 1 and len(words.text[s.first]) > 1:
            known.setdefault(words.text[s.first], s.type)
        if (
            s.last + 2 < len(words)
            and words.text[s.last] == "("
            and words.text[s.last + 2] == ")"
            and words.text[s.last + 1].isupper()
        ):
            known.setdefault(words.text[s.last + 1], s.type)
    covered = bytearray(len(words))
    for s in spans:
        covered[s.first : s.last] = b"\x01" * (s.last - s.first)
    out = list(spans)
    surnames = _surnames(spans, words)
    for i, w in enumerate(words.text):
        kind = known.get(w)
        if kind is None and words.lemma[i] in surnames and _lone_name(words, covered, i):
            kind = "PER"  # `Вячеслав Володин` ... `Володину`
        if kind and not covered[i] and (w.isupper() or words.pos[i] == "PROPN"):
            if i > 0 and words.text[i - 1] in OPEN_QUOTES:
                continue
            out.append(WordSpan(i, i + 1, kind))
    return sorted(out, key=lambda s: s.first)


def drop_events(spans: list[WordSpan], words: Words) -> list[WordSpan]:
    """`Дни культуры`, `Неделя моды`: events are not organisations."""
    events = wordlist("entities-events")
    return [s for s in spans if s.type != "ORG" or words.lemma[s.first] not in events]


TITLE_CUES = frozenset({"чемпионат", "чемпион", "чемпионка", "первенство", "кубок"})


def title_places(spans: list[WordSpan], words: Words) -> list[WordSpan]:
    """`чемпионат Европы`, `чемпионом Германии`: the place a title or a tournament is
    named after, which the tagger reads as part of the event."""
    covered = {i for s in spans for i in range(s.first, s.last)}
    out = list(spans)
    for i in range(1, len(words)):
        if (
            i not in covered
            and words.lemma[i - 1] in TITLE_CUES
            and words.text[i][:1].isupper()
            and words.case[i] == "Gen"
            and any("Geox" in p.tag and p.tag.case == "gent" for p in _parses(words.text[i]))
        ):
            out.append(WordSpan(i, i + 1, "LOC"))
    return sorted(out, key=lambda s: s.first)


def org_headed_places(spans: list[WordSpan], words: Words) -> list[WordSpan]:
    """`Екатеринбургский суд`, `Пермский университет`: a place span whose noun is
    one of `models/entities-place-org-heads.txt` in lower case names an organisation."""
    kinds = wordlist("entities-place-org-heads")
    out = []
    for s in spans:
        inner = range(s.first + 1, s.last)
        if s.type == "LOC" and any(
            words.text[i].islower() and words.lemma[i] in kinds and words.pos[i] == "NOUN"
            for i in inner
        ):
            s = WordSpan(s.first, s.last, "ORG")
        out.append(s)
    return out


def refine(spans: list[WordSpan], words: Words) -> list[WordSpan]:
    """All span rules, in order."""
    from . import orgs

    spans = drop_events(drop_common_words(orgs.split_article_orgs(spans, words), words), words)
    spans = orgs.foreign_names(orgs.apposition_orgs(spans, words), words)
    spans = quoted_orgs(spans, words)
    spans = drop_quoted_works(spans, words)
    spans = extend_orgs(spans, words)
    spans = orgs.named_after(orgs.split_person_tail(spans, words), words)
    spans = orgs.regional_branches(orgs.leading_adjectives(spans, words), words)
    spans = orgs.joined_units(spans, words)
    spans = orgs.domain_orgs(lowercase_orgs(spans, words), words)
    spans = org_headed_places(title_places(spans, words), words)
    return propagate(orgs.drop_bare_forms(spans, words), words)


def _fold(name: str) -> str:
    return " ".join(name.lower().replace("ё", "е").split())


@cache
def _fixed_types() -> dict[str, str]:
    return {_fold(row[0]): row[1] for row in table("entities-types")}


def retype(normal: str, kind: str) -> str:
    """The type fixed for a place or organisation name in `models/entities-types.tsv`."""
    return _fixed_types().get(_fold(normal), kind)
