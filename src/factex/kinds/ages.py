"""The `ages` layer: a person's age, or an anniversary (SPEC 0.3).

- `58-летний`, `тридцатилетний` are ages, unless the noun they qualify is a thing
  (`10-летний контракт`); with `юбилей` or `годовщина` they are anniversaries.
- `N лет`/`N год(а)` is an age after a cue (`в возрасте`, `исполнилось`, `старше`),
  or said of a person in the dative (`Петрову 60 лет`); `на N-м году жизни` too.
- `100-летие`, `столетие`, `70-я годовщина` are anniversaries.
- `на 70-м году жизни` is 69 years: the Nth year of life is age N-1.
- Ranges (`25–30-летние`, `от 18 до 25 лет`) have `min` and `max`, `years` the
  lower bound; ages in months (`девятимесячный`, `9 месяцев`, `полуторагодовалый`)
  have `months` (9, 18) and `years` the whole years in them (0, 1).
The person an age is attached to (`58-летний Петров`, `Петрову 60 лет`) is the
item's `person`, and the age goes on that entity (`age`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, partial
from typing import TYPE_CHECKING, Any

from ..entities.types import PER
from ..layers import Item, layer
from ..resources import table
from ..time.numerals import (
    CARDINAL_RUN,
    CARDINAL_WORD,
    COMPOUND,
    ORDINAL_WORD,
    ORDINALS,
    compound_value,
    words_value,
)

if TYPE_CHECKING:
    from ..document import Analysis, Token
    from ..record import Entity

_ENDING = r"(?:ий|его|ему|им|ем|яя|ей|юю|ие|их|ими|няя)"
_ADJ = re.compile(
    rf"(?<![\w-])(?:(?P<lo>\d{{1,3}})\s*[-–—]\s*)?(?P<n>\d{{1,3}})(?:-х)?[-\s]?летн{_ENDING}(?![\w-])",
    re.I,
)
_MONTHS_OLD = re.compile(  # `полуторагодовалый`: eighteen months
    r"(?<![\w-])полуторагодовал(?:ый|ая|ое|ого|ой|ому|ым|ом|ую|ые|ых|ыми)(?![\w-])", re.I
)
_ONE_YEAR = re.compile(  # `годовалый ребёнок`: one year
    r"(?<![\w-])годовал(?:ый|ая|ое|ого|ой|ому|ым|ом|ую|ые|ых|ыми)(?![\w-])",
    re.I,
)
_JUBILEE = re.compile(
    r"(?<![\w-])(?P<n>\d{1,4})(?:-?лети(?:е|я|ю|ем|и)|-(?:я|й|ю|ой)\s+годовщин\w*)(?![\w-])",
    re.I,
)
_YEARS = re.compile(
    rf"(?<![\w.,-])(?P<n>\d{{1,3}}|{CARDINAL_RUN})(?:-ми|-ти|-х|-и)?\s+(?P<unit>лет|года?|годиков|месяц(?:а|ев)?)(?![\w-])",
    re.I,
)
_IN_YEAR = re.compile(  # `на 70-м году жизни`, `на семьдесят восьмом году жизни`
    rf"(?<![\w-])на\s+(?:(?P<n>\d{{1,3}})(?:-?о?м)?\s+году(?:\s+жизни)?"
    rf"|(?:(?P<tens>{CARDINAL_WORD})\s+)?(?P<o>{ORDINAL_WORD})\s+году\s+жизни)(?![\w-])",
    re.I,
)
# `ему исполнилось 70.`: the bare number after the verb, at the end of a clause.
_TURNED = re.compile(
    r"(?<![\w-])(?:исполнил(?:ось|ся|ась)|исполнится|исполняется|стукнуло)\s+(?P<n>\d{1,3})"
    r"(?=\s*(?:[.,;!?)]|$))",
    re.I,
)
# After `от N до M лет`: a prison term or a time span, not an age.
_TERM_AFTER = re.compile(
    r"\s+(?:лишения|заключения|колонии|тюрьмы|тюремного|строгого|общего|ареста|назад|спустя)",
    re.I,
)
# Before `N лет`: a comparison, `в` (`в 19 лет`), or an opening bracket after a name.
_BEFORE = re.compile(
    r"(?:(?:не\s+)?(?:старше|моложе|младше)\s+|от\s+\d{1,3}\s+до\s+|(?<![\w-])[вВ]\s+(?:свои\s+)?|\(\s*)$"
)
_SKIP = frozenset(["уже", "быть", "всего", "лишь", "только", "почти", "около", "ровно", "тогда"])


@dataclass
class Age:
    """`years` of a person (`kind` age) or of an anniversary; `person` when attached."""

    start: int
    stop: int
    text: str
    years: int
    kind: str
    person: Entity | None = None
    id: str = ""
    months: int | None = None  # ages given in months (`девятимесячный`: 9)
    min: int | None = None  # ranges (`от 18 до 25 лет`): `years` is `min`
    max: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "start": self.start, "stop": self.stop, "text": self.text,
            "years": self.years, "kind": self.kind,
            "person": self.person.ref() if self.person is not None else None,
        }  # fmt: skip
        if self.months is not None:
            out["months"] = self.months
        if self.min is not None:
            out |= {"min": self.min, "max": self.max}
        return out


@cache
def _roles() -> dict[str, str]:
    return {row[0]: row[1] for row in table("kinds-ages")}


class _Words:
    """The tokens of the text with the person mentions by token."""

    def __init__(self, a: Analysis) -> None:
        self.a, self.tokens = a, a.tokens
        self.person_at: dict[int, tuple[Entity, int]] = {}  # first token -> (entity, last)
        for e in a.document.entities:
            if e.type != PER:
                continue
            for m in e.mentions:
                i, j = a.word_at(m.start), a.word_at(m.stop - 1)
                if i is not None and j is not None:
                    self.person_at[i] = (e, j + 1)
        self.person_ending = {last - 1: (e, first) for first, (e, last) in self.person_at.items()}

    def at(self, offset: int) -> int | None:
        return self.a.word_at(offset)

    def noun_after(self, i: int) -> int | None:
        """The first noun after token i, over adjectives (`18-летняя теннисистка`)."""
        for j in range(i + 1, min(i + 4, len(self.tokens))):
            pos = self.tokens[j].pos
            if pos in ("NOUN", "PROPN"):
                return j
            if pos != "ADJ":
                return None
        return None

    def person_after(self, i: int) -> Entity | None:
        """The person named right after token i, over a common noun or two."""
        for j in range(i + 1, min(i + 5, len(self.tokens))):
            if j in self.person_at:
                return self.person_at[j][0]
            t = self.tokens[j]
            if t.pos not in ("NOUN", "ADJ") or t.feats.get("Animacy") == "Inan":
                return None
        return None

    def dative_before(self, i: int) -> tuple[bool, Entity | None]:
        """Whether a person or living being in the dative comes before token i
        (`Петрову 60 лет`, `задержанному 27 лет`), over `уже`, `было`, a cue verb."""
        j = i - 1
        while j >= 0 and (self.tokens[j].lemma in _SKIP or _roles().get(self.tokens[j].lemma)):
            j -= 1
        if j < 0:
            return False, None
        t = self.tokens[j]
        if j in self.person_ending and t.feats.get("Case") == "Dat":
            return True, self.person_ending[j][0]
        living = (  # `задержанному`, `погибшему`: an adjective or participle as a noun
            t.pos in ("NOUN", "PROPN") and t.feats.get("Animacy") == "Anim"  # `Ребёнку`
            or t.pos in ("ADJ", "PRON")  # `ему`, `которому`
            or t.pos == "VERB" and t.feats.get("VerbForm") == "Part"
        )
        return t.feats.get("Case") == "Dat" and living, None

    def of_someone(self, i: int, stop: int) -> bool:
        """`мужчину 45 лет`, `мальчик 12 лет`: one living being right before, and no
        verb after that would make the years a duration (`мальчик 12 лет жил`)."""
        if i == 0:
            return False
        t = self.tokens[i - 1]
        if t.pos != "NOUN" or t.feats.get("Animacy") != "Anim" or t.feats.get("Number") != "Sing":
            return False
        k = self.a.word_at(stop - 1)
        after = self.tokens[k + 1] if k is not None and k + 1 < len(self.tokens) else None
        return after is None or after.pos != "VERB" or after.feats.get("VerbForm") == "Part"

    def cue_before(self, i: int) -> bool:
        return any(
            _roles().get(self.tokens[j].lemma) == "cue" for j in range(max(0, i - 3), i)
        )


def _value(text: str) -> int | None:
    return int(text) if text.isdigit() else words_value(text.lower())


def find_ages(a: Analysis) -> list[Age]:
    """Ages and anniversaries in text order, not overlapping."""
    text, w = a.text, _Words(a)
    found: list[Age] = []

    def add(
        start: int, stop: int, years: int | None, kind: str, person: Entity | None,
        months: int | None = None, low: int | None = None,
    ) -> None:  # fmt: skip
        if years is None or "\n" in text[start:stop]:
            return
        if months is not None:
            if 0 < months < 36:
                span = text[start:stop]
                found.append(Age(start, stop, span, months // 12, kind, person, months=months))
            return
        if low is not None and not 0 < low < years:
            return
        if 0 < years < 2000:
            age = Age(start, stop, text[start:stop], low or years, kind, person)
            if low is not None:
                age.min, age.max = low, years
            found.append(age)

    for m in _JUBILEE.finditer(text):
        add(m.start(), m.end(), int(m["n"]), "anniversary", None)
    # (start, stop, years, lower bound of a range, months)
    adjectives: list[tuple[int, int, int, int | None, int | None]] = [
        (m.start(), m.end(), int(m["n"]), int(m["lo"]) if m["lo"] else None, None)
        for m in _ADJ.finditer(text)
    ]
    adjectives += [(m.start(), m.end(), 1, None, None) for m in _ONE_YEAR.finditer(text)]
    adjectives += [(m.start(), m.end(), 1, None, 18) for m in _MONTHS_OLD.finditer(text)]
    for m in COMPOUND.finditer(text.lower()):
        word = m.group()
        if "летн" in word:
            adjectives.append((m.start(), m.end(), compound_value(m), None, None))
        elif "месячн" in word and not m["digits"]:  # `девятимесячный`
            adjectives.append((m.start(), m.end(), 0, None, compound_value(m)))
        elif "летие" in word or "летия" in word or "летию" in word:
            add(m.start(), m.end(), compound_value(m), "anniversary", None)
    for start, stop, years, low, months in adjectives:
        _adjective(w, start, stop, years, partial(add, months=months, low=low))
    for m in _YEARS.finditer(text):
        _years(w, m, add)
    for m in _IN_YEAR.finditer(text):
        if m["n"]:
            add(m.start("n"), m.end(), int(m["n"]) - 1, "age", None)
        else:
            tens = _value(m["tens"]) if m["tens"] else 0
            start = m.start("tens") if m["tens"] else m.start("o")
            add(start, m.end(), (tens or 0) + ORDINALS[m["o"].lower()] - 1, "age", None)
    for m in _TURNED.finditer(text):
        i = w.at(m.start())
        if i is not None and (w.dative_before(i)[0] or _dative_person(w, i + 1)):
            add(m.start("n"), m.end("n"), int(m["n"]), "age", _dative_person(w, i + 1))
    out: list[Age] = []
    for age in sorted(found, key=lambda x: (x.start, -x.stop)):
        if out and age.start < out[-1].stop:
            continue
        out.append(age)
        if age.person is not None and age.kind == "age":
            age.person.age = age.years
    return out


def _years(w: _Words, m: re.Match[str], add: Any) -> None:
    """`N лет` (or `N месяцев`) when the text says it is someone's age."""
    text = w.a.text
    i = w.at(m.start())
    if i is None:
        return
    months = m["unit"].lower().startswith("месяц")
    dative, person = w.dative_before(i)
    before = _BEFORE.search(text[max(0, m.start() - 20) : m.start()])
    if months and before and not before.group().strip().startswith(("от", "(")):
        before = None  # `раз в 3 месяца`, `старше 6 месяцев` of things
    after_name = _after_name(w, i)
    if not (dative or w.cue_before(i) or before or after_name or w.of_someone(i, m.end())):
        return
    if person is None and w.cue_before(i):
        person = _dative_person(w, i)
    elif person is None and after_name:
        person = w.person_ending[i - 2][0]
    value = _value(m["n"])
    if months:
        add(m.start(), m.end(), 0, "age", person, months=value)
        return
    span = before.group() if before else ""
    low = re.match(r"от\s+(\d{1,3})\s+до", span)
    if low:
        if _TERM_AFTER.match(text, m.end()):
            return
        add(m.start() - len(span), m.end(), value, "age", person, low=int(low[1]))
        return
    add(m.start(), m.end(), value, "age", person)


def _adjective(w: _Words, start: int, stop: int, years: int, add: Any) -> None:
    """`58-летний`: an age, an anniversary (`20-летний юбилей`) or a thing's duration."""
    i = w.at(stop - 1)
    if i is None:
        return
    noun = w.noun_after(i)
    if noun is not None:
        t: Token = w.tokens[noun]
        if _roles().get(t.lemma) == "anniversary":
            add(start, t.stop, years, "anniversary", None)
            return
        if _roles().get(t.lemma) == "cue":  # `в 63-летнем возрасте`
            add(start, stop, years, "age", None)
            return
        if t.pos == "NOUN" and t.feats.get("Animacy") == "Inan":
            return
    add(start, stop, years, "age", w.person_after(i))


def _after_name(w: _Words, i: int) -> bool:
    """`Клэренс Картер, 49 лет,`, `Иван Седов (58 лет)`: the age right after a name."""
    return i >= 2 and w.tokens[i - 1].text in (",", "(") and (i - 2) in w.person_ending


def _dative_person(w: _Words, i: int) -> Entity | None:
    """`Петрову исполнилось 60 лет`: the person in the dative before the cue verb."""
    for j in range(i - 1, max(-1, i - 4), -1):
        if j in w.person_ending and w.tokens[j].feats.get("Case") == "Dat":
            return w.person_ending[j][0]
    return None


def _hover(age: Item) -> str:
    person = age.get("person") or {}
    who = f" ({person.get('name')})" if person else ""
    return f"{age.get('kind')}: {age.get('years')}{who}"


@layer(
    "ages", one="age", item=Age, prefix="A",
    fields={
        "years": {"type": "integer"}, "kind": {"enum": ["age", "anniversary"]},
        "person": {"$ref": "#/$defs/entity_arg"},
        "months": {"type": "integer"}, "min": {"type": "integer"}, "max": {"type": "integer"},
    },
    required=["years", "kind", "person"],
    columns={"years": "Int64", "kind": "string", "person_ref": "string", "person_name": "string",
             "months": "Int64", "min": "Int64", "max": "Int64"},
    label="AGE", legend="age", colour="#ffd8b0", hover=_hover, value="years",
)  # fmt: skip
def find(a: Analysis) -> list[Age]:
    """Ages of persons and anniversaries."""
    return find_ages(a)
