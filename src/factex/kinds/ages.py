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
from ..text.folding import Folded
from ..text.morph import parses
from ..time.numerals import (
    CARDINAL_RUN,
    CARDINAL_WORD,
    ORDINAL_WORD,
    ORDINALS,
    compound_value,
    compounds,
    words_value,
)

if TYPE_CHECKING:
    from ..document import Analysis, Token
    from ..record import Entity

_ENDING = r"(?:ий|его|ему|им|ем|яя|ей|юю|ие|их|ими|няя)"
_H = r"\-\u2011"  # a hyphen, a non-breaking hyphen
_ADJ = Folded(  # `58-летний`, `25–30-летние`, `85-ти летний`
    rf"(?<![\w{_H}])(?:(?P<lo>\d{{1,3}})\s*[{_H}–—]\s*)?(?P<n>\d{{1,3}})"
    rf"(?:[{_H}](?:х|и|ти|ми))?[{_H}–\s]?летн{_ENDING}(?![\w{_H}])",
    needs=("летн",),
)
_MONTHS_OLD = Folded(  # `полуторагодовалый`: eighteen months, `полугодовалый`: six
    r"(?<![\w-])(?P<half>полутора|полу)годовал(?:ый|ая|ое|ого|ой|ому|ым|ом|ую|ые|ых|ыми)(?![\w-])",
    needs=("годовал",),
)
_ONE_YEAR = Folded(  # `годовалый ребёнок`: one year
    r"(?<![\w-])годовал(?:ый|ая|ое|ого|ой|ому|ым|ом|ую|ые|ых|ыми)(?![\w-])",
    needs=("годовал",),
)
_JUBILEE = Folded(  # `100-летие`, `73-я годовщина`, `111-й день рождения`
    rf"(?P<n>\d(?<![\w{_H}]\d)\d{{0,3}})(?:[{_H}]?лети(?:е|я|ю|ем|и)|[{_H}](?:я|й|ю|ой)\s+годовщин\w*"
    rf"|[{_H}](?:й|го|му|м)\s+(?:день|дня|дню|днём|днем)\s+рождения)(?![\w{_H}])",
    needs=("лети", "годовщин", "рождения"),
)
_WORD_JUBILEE = Folded(  # `сто одиннадцатую годовщину`, `сотый день рождения`
    rf"(?<![\w-])(?:(?P<tens>{CARDINAL_WORD})\s+)?(?P<o>{ORDINAL_WORD})\s+"
    r"(?:годовщин\w*|(?:день|дня|дню|днём|днем)\s+рождения)(?![\w-])",
    needs=("годовщин", "рождения"),
)
# `N лет`, with a range (`19-32 лет`) or a list (`27 и 34 лет`, `10, 9 и 8 лет`) before.
_YEARS = Folded(
    r"(?<![\w.,-])(?:(?P<lo>\d{1,3})\s*[-–—]\s*|(?P<list>(?:\d{1,3}\s*,\s*)*\d{1,3}\s+и\s+))?"
    rf"(?P<n>\d{{1,3}}|{CARDINAL_RUN})(?:-ми|-ти|-х|-и)?\s+(?:с\s+(?:лишним|небольшим)\s+)?"
    r"(?P<unit>лет|года?|годиков|месяц(?:а|ев)?|(?<=по\s\d\d\s)году)(?![\w-])",
    needs=("лет", "год", "месяц"),
)
_IN_YEAR = Folded(  # `на 70-м году жизни`, `на семьдесят восьмом году жизни`
    rf"(?<![\w-])на\s+(?:(?P<n>\d{{1,3}})(?:-?[оеы]?м)?\s+году(?:\s+жизни)?"
    rf"|(?:(?P<tens>{CARDINAL_WORD})\s+)?(?P<o>{ORDINAL_WORD})\s+году\s+жизни)(?![\w-])",
    needs=("году",),
)
# `Ему шёл 45-й год`, `ей пошёл двадцатый год`: the Nth year of life, age N-1.
_GOING = Folded(
    rf"(?<![\w-])(?:шёл|шел|пошёл|пошел|идёт|идет|пошла|шла)\s+"
    rf"(?P<year>(?P<n>\d{{1,3}})-?й|(?:(?P<tens>{CARDINAL_WORD})\s+)?(?P<o>{ORDINAL_WORD}))"
    r"\s+год(?![\w-])",
    needs=("шёл", "шел", "идёт", "идет", "шла"),
)
# `ему исполнилось 70.`, `мне 94,`, `ему было за 30`: a bare number at the end of a
# clause, said of someone in the dative.
_ABOUT = r"(?:(?:(?:далеко|чуть|немногим|слегка)\s+)?(?:за|под|больше|более|около)\s+)?"
_BARE = Folded(
    rf"(?<![\w.,:-]){_ABOUT}(?P<n>\d{{1,3}})(?![.,]\d)(?=\s*(?:[.,;!?)—]|:(?!\d)|$)|\s+и\s+\d|\s+с\s+(?:лишним|небольшим))",
)
# `В свои 58 Иван Орлов полон сил`: the years without `лет`.
_OWN = re.compile(
    rf"(?<![\w-])[вВ]\s+свои\s+(?:неполные\s+|полные\s+)?(?P<n>\d{{1,3}}|{CARDINAL_RUN})(?![\w.,-]|\s+(?:лет|год))"
)
# `ей исполнилось восемнадцать.`: a number word at the end of a clause.
_BARE_WORDS = Folded(
    rf"(?<![\w-]){_ABOUT}(?P<n>{CARDINAL_RUN})(?=\s*(?:[.,;:!?)—]|$)|\s+с\s+(?:лишним|небольшим))",
)
# `1,5 года`, `полтора года`, `полутора лет`: a year and a half; `полгода`: six months.
# `мужчина лет пятидесяти`, `женщину лет 45–50`: an estimate after a living noun.
_INVERTED = Folded(
    rf"(?<![\w-])лет\s+(?:(?P<lo>\d{{1,3}})\s*[-–—]\s*)?(?P<n>\d{{1,3}}|{CARDINAL_RUN})(?![\w.,-]|\s+(?:лет|год))",
    needs=("лет",),
)
# `Каждый пятый житель старше 60.`: a comparison of age with a bare number.
_OLDER = Folded(
    r"(?<![\w-])(?:старше|младше|моложе)\s+(?P<n>\d{1,3})(?![.,]\d)(?=\s*(?:[.,;:!?)—]|$))",
    needs=("старше", "младше", "моложе"),
)
_HALF_YEARS = Folded(
    r"(?<![\w.,-])(?:(?P<n>\d{1,2}),5\s+(?:года|лет)|(?P<one>полтора\s+года|полутора\s+(?:лет|года))"
    r"|полгода)(?![\w-])",
    needs=(",5", "полтора", "полутора", "полгода"),
)
# `Ей исполнится девятнадцать в декабре`: a number right after a cue verb, mid-clause.
_AFTER_CUE = Folded(
    rf"(?<![\w-])(?:исполн|стукн)\w*(?:\s+бы)?\s+(?P<n>\d{{1,3}}|{CARDINAL_RUN})"
    r"(?![\w.,-]|\s+(?:лет|год|месяц|недел|дн|час|минут))",
    needs=("исполн", "стукн"),
)
# Before `N лет` (over `в`, `от N до`): a term or a period (`на срок от 8 до 20 лет`,
# `раз в 2 года`, `в течение трёх лет`), not an age.
_TERM_BEFORE = re.compile(
    r"(?:срок(?:ом|а|е)?|раз|каждые|течение)\s+(?:в\s+|от\s+\d{1,3}\s+до\s+)?$", re.I
)
# After `от N до M лет`: a prison term or a time span, not an age.
_TERM_AFTER = re.compile(
    r"\s+(?:лишения|заключения|колонии|тюрьмы|тюремного|строгого|общего|ареста|назад|спустя|условно|реально|стажа|опыта|службы|работы|учёбы|учебы)",
    re.I,
)
_JUBILEE_AFTER = re.compile(r"\s+со\s+дня\s+[а-яё]", re.I)  # `со дня рождения`, `открытия`
# Before `N лет`: a comparison, `в` (`в 19 лет`), or an opening bracket after a name.
_FROM = rf"от\s+(?P<low>\d{{1,3}}|{CARDINAL_RUN})\s+до\s+"  # `от 18 до`, `от трёх до`
_BEFORE = re.compile(
    rf"(?:(?:не\s+)?(?:старше|моложе|младше)\s+|{_FROM}|(?<![\w-])[вВ]\s+(?:свои\s+)?(?:неполные\s+|полные\s+)?|\(\s*)$",
    re.I,
)
# An impersonal verb between a name and the years: the name is in the dative, even
# when it does not decline (`Овьедо было 69 лет`).
_IMPERSONAL = frozenset(["было", "будет", "исполнилось", "исполнится", "исполняется"])
_SKIP = frozenset(
    ["уже", "быть", "всего", "лишь", "только", "почти", "около", "ровно", "тогда", "сейчас",
     "теперь", "ещё", "примерно", "приблизительно", "по", "соответственно", "на", "тот",
     "момент", "более", "больше", "менее", "немногим", "чуть", "слегка", "далеко", "бы",
     "едва", "лишь"]
)  # fmt: skip


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


_MONTH = re.compile(
    r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)",
    re.I,
)
_PERSONAL = frozenset({"он", "она"})  # `Орлов ... Ему 58 лет`: the person named before


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
                if i is None or j is None or self._common_first(i, j):
                    continue
                if i != j and _roles().get(self.tokens[i].lemma) == "animal":
                    continue  # `Орангутану Бони`: a pet's name, taken in with its noun
                self.person_at[i] = (e, j + 1)
        self.person_ending = {last - 1: (e, first) for first, (e, last) in self.person_at.items()}

    def at(self, offset: int) -> int | None:
        return self.a.word_at(offset)

    def _common_first(self, i: int, j: int) -> bool:
        """`Школьнице 13 лет`, `Старику почти сто лет`: a one-word "name" first in its
        sentence that is a common noun, no name (capitalised only by its place)."""
        if i != j or (i > 0 and self.tokens[i - 1].sent == self.tokens[i].sent):
            return False
        return _common_noun(self.tokens[i])

    def noun_after(self, i: int) -> int | None:
        """The first noun after token i, over adjectives (`18-летняя теннисистка`)."""
        for j in range(i + 1, min(i + 4, len(self.tokens))):
            pos = self.tokens[j].pos
            if pos in ("NOUN", "PROPN") or pos == "ADJ" and _common_noun(self.tokens[j]):
                return j
            if pos != "ADJ":
                return None
        return None

    def person_after(self, i: int) -> Entity | None:
        """The person named right after token i, over a common noun or two in the
        name's case (not `о 45-летнем отчиме Николая Рыбакова`: the stepfather's age)."""
        noun: Token | None = None
        for j in range(i + 1, min(i + 5, len(self.tokens))):
            t = self.tokens[j]
            if j in self.person_at:
                if noun is not None and (not _agree(noun, t, "Case") or _relative(noun, t)):
                    return None
                if noun is not None and _roles().get(noun.lemma) == "animal":
                    return None  # `тигрицу Лору`: a pet
                return self.person_at[j][0]
            if t.pos not in ("NOUN", "ADJ") or t.feats.get("Animacy") == "Inan":
                return None
            noun = t if t.pos == "NOUN" else noun
        return None

    def holder_after(self, i: int) -> Entity | None:
        """`33-летний представитель Великобритании Ричард Круз`, `57-летнего лидера
        рок-группы «Пилот» Константина Кинева`, `81-летний народный артист России Валентин
        Горский`, `15-летний сноубордист из Японии Кэнто Ямада`: the person named after a
        living noun (with its adjectives before it) and its genitive words (or a quoted
        name, or a phrase: `комитета по экологии`, `из Японии`), in the noun's case."""
        n = i + 1
        while (
            n < min(i + 3, len(self.tokens)) and self.tokens[n].pos == "ADJ"
            and not _common_noun(self.tokens[n])
        ):  # fmt: skip
            n += 1
        if n >= len(self.tokens):
            return None
        head = self.tokens[n]
        if not _living(head) or _roles().get(head.lemma) == "animal":
            return None  # `пёс по кличке Рекс`: a pet
        quoted = False
        for j in range(n + 1, min(n + 10, len(self.tokens))):
            t = self.tokens[j]
            if j in self.person_at and not quoted:
                held = _agree(head, t, "Case") and not _relative(head, t)
                return self.person_at[j][0] if held else None
            if t.text in _QUOTES:
                quoted = not quoted
            elif not quoted and not (_complement(t) or t.pos == "ADP"):
                return None  # `31-летнему блогеру из Краснодара Марку Ветрову`
        return None

    def apposed_to(self, i: int) -> Entity | None:
        """`Анна Котова, 20-летняя студентка`: the person right before a comma, in the
        age word's case."""
        if i < 2 or self.tokens[i - 1].text != "," or i - 2 not in self.person_ending:
            return None
        person, first = self.person_ending[i - 2]
        return person if _agree(self.tokens[i], self.tokens[first], "Case") else None

    def dative_before(self, i: int) -> tuple[bool, Entity | None]:
        """Whether a person or living being in the dative comes before token i
        (`Петрову 60 лет`, `задержанному 27 лет`), over `уже`, `было`, a cue verb, an
        adverb or a phrase of time (`Борису Гринбергу на днях исполнилось 80 лет`)."""
        j, verb = i - 1, False
        if j > 0 and self.tokens[j].text in ("—", "–"):
            j -= 1  # `Олегу Смирнову — 47`: the dash stands for the verb
        while j >= 0:
            t = self.tokens[j]
            if t.text in _QUOTES and j > 0:  # `Водителю «Камаза» 53 года`: over the name
                q = j - 1
                while q > max(-1, j - 8) and self.tokens[q].text not in _QUOTES:
                    q -= 1
                if q > 0 and self.tokens[q].text in _QUOTES and self.tokens[q - 1].pos == "NOUN":
                    j = q - 1
                    break
            role = _roles().get(t.lemma)
            skip = t.lemma in _SKIP or t.text.lower() in _SKIP
            k = self._day_start(j)  # `Белову 3 декабря исполняется`
            if k is None:
                k = self._relative_start(j)  # `мужчине, которого нашли у подъезда, 40`
            if k is not None:
                j = k - 1
            elif skip or role not in _NOUN_ROLES or t.text == "," or t.pos == "ADV":
                verb = verb or t.text.lower() in _IMPERSONAL
                j -= 1
            elif (k := self._phrase_start(j)) is not None:
                j = k - 1
            else:
                break
        if j < 0:
            return False, None
        t = self.tokens[j]
        head = self.head_of_genitive(j)
        while head is not None and head > 0 and self.tokens[head].case == "Gen" and (
            (self.tokens[head - 1].pos == "NOUN" or _common_noun(self.tokens[head - 1]))
            and head - 1 not in self.person_ending
        ):  # `Отцу певицы Маргариты Листовой`: the head of the whole chain (`Сыну` a name)
            head -= 1
        if head is not None:  # `Сыну Алексея Грачёва исполнилось 10 лет`: the son's age
            h = self.tokens[head]
            return h.feats.get("Animacy") == "Anim" and self._may_be_dative(head), None
        if j in self.person_ending and (t.feats.get("Case") == "Dat" or verb):
            return True, self.person_ending[j][0]  # `Петрову 60 лет`, `Овьедо было 69 лет`
        if t.lemma == "который" and t.feats.get("Case") == "Dat" and j >= 2:
            named = self.person_ending.get(j - 2) if self.tokens[j - 1].text == "," else None
            if (
                named is None and j >= 4 and self.tokens[j - 1].text == ","
                and _living(self.tokens[j - 2]) and self.tokens[j - 3].text in ("—", "–", ",")
            ):  # fmt: skip
                named = self.person_ending.get(j - 4)  # `Галина Бесова — актриса, которой`
            if named is not None and _gender_fits(t, self.tokens[named[1]]):
                return True, named[0]  # `Хамдан Али, которому исполнится 55 лет`
        living = (  # `задержанному`, `погибшему`: an adjective or participle as a noun
            t.pos in ("NOUN", "PROPN") and t.feats.get("Animacy") == "Anim"  # `Ребёнку`
            or t.pos in ("ADJ", "PRON")  # `ему`, `которому`
            or t.pos == "VERB" and t.feats.get("VerbForm") == "Part"
        )
        if not (living and self._may_be_dative(j, verb)):
            return False, None
        return True, self.antecedent(j) if t.lemma in _PERSONAL else None

    def antecedent(self, j: int) -> Entity | None:
        """The person `ему`/`ей` at token j stands for: the one person named in the
        nominative, of its gender, before it in its sentence or in the sentence before
        (same paragraph); none when two are. With no one of its gender named before, the
        one named in the nominative after it in its sentence (`Ей было всего 36: певица
        Дарья Осинцева скончалась`)."""
        sent = self.tokens[j].sent
        first = self.a.sentences[sent][0]
        if sent > 0:
            before = self.a.sentences[sent - 1][0]
            if self.tokens[before].start >= self.a.paragraph_start(self.tokens[first].start):
                first = before
        gender = self.tokens[j].feats.get("Gender")
        of_gender = [
            (i, e) for i, (e, last) in self.person_at.items()
            if first <= i < j and self.tokens[last - 1].feats.get("Gender") in (gender, None)
        ]  # fmt: skip
        found = {id(e): e for i, e in of_gender if self.tokens[i].case in ("Nom", None)}
        if not found:  # `Не стало поэта Игоря Кольцова, ему был 71 год`: the one named
            found = {id(e): e for _, e in of_gender}
        if not of_gender:
            found = {
                id(e): e for i, (e, last) in self.person_at.items()
                if i > j and self.tokens[i].sent == sent and self.tokens[i].case in ("Nom", None)
                and self.tokens[last - 1].feats.get("Gender") in (gender, None)
            }  # fmt: skip
        return next(iter(found.values())) if len(found) == 1 else None

    def _day_start(self, j: int) -> int | None:
        """`3 декабря`: the day's number of a date without a preposition ending at token
        j (a month's name in the genitive), or None."""
        t = self.tokens[j]
        if j == 0 or not _MONTH.fullmatch(t.text) or t.feats.get("Case") not in (None, "Gen"):
            return None
        return j - 1 if self.tokens[j - 1].text.isdigit() else None

    def _relative_start(self, j: int) -> int | None:
        """`мужчине, которого нашли у подъезда, около 40 лет`: the opening comma of a
        relative clause whose closing comma is token j, or None."""
        if self.tokens[j].text != ",":
            return None
        sent = self.tokens[j].sent
        for k in range(j - 1, max(0, j - 12), -1):
            t = self.tokens[k]
            if t.sent != sent or t.pos == "PUNCT" and t.text != ",":
                return None
            if t.text == ",":
                relative = self.tokens[k + 1].lemma == "который" or (
                    self.tokens[k + 1].pos == "ADP" and self.tokens[k + 2].lemma == "который"
                )
                return k if relative else None
        return None

    def _phrase_start(self, j: int) -> int | None:
        """`в мае`, `на днях`, `в этом году`, `из которых`: the preposition of a short
        phrase ending at token j, or None."""
        relative = self.tokens[j].lemma == "который"
        if self.tokens[j].pos not in _PHRASE_POS and not relative or j in self.person_ending:
            return None
        for k in range(j - 1, max(-1, j - 4), -1):
            t = self.tokens[k]
            if t.pos == "ADP":
                return k
            if t.pos not in _PHRASE_POS or k in self.person_ending:
                return None
        return None

    def head_of_genitive(self, j: int) -> int | None:
        """`Сыну Алексея Грачёва`, `жителю Японии`: the noun before a genitive (a name or
        a thing) that ends at token j, or None."""
        first = self.person_ending[j][1] if j in self.person_ending else j
        t = self.tokens[first]
        if first == 0 or t.feats.get("Case") != "Gen":
            return None
        if first == j and j not in self.person_ending and t.feats.get("Animacy") != "Inan":
            return None  # `сыну губернатора`: a living noun, read by `of_someone`
        k = first - 1
        if k in self.person_ending or self.tokens[k].pos not in ("NOUN", "PROPN"):
            return None
        return k

    def _may_be_dative(self, j: int, verb: bool = False) -> bool:
        """Whether token j is in the dative, or, first in its sentence or before an
        impersonal verb (where the tagger errs: `Осуждённому 43 года`, `потерпевшей на тот
        момент было 14 лет`), has a dative form."""
        t = self.tokens[j]
        if t.feats.get("Case") == "Dat":
            return True
        if not verb and j > 0 and self.tokens[j - 1].sent == t.sent:
            return False
        return any("datv" in p.tag for p in parses(t.word.lower()))

    def dative_after(self, k: int) -> Entity | None:
        """`Исполнилось 95 лет ветерану войны Михаилу Кузнецову`: the person in the
        dative after token k, over a living noun and its genitive."""
        noun: Token | None = None
        for j in range(k + 1, min(k + 7, len(self.tokens))):
            t = self.tokens[j]
            if j in self.person_at:  # `ветерану труда Марии Зуевой`: in the noun's case
                dative = t.feats.get("Case") == "Dat" or noun is not None and any(
                    "datv" in p.tag for p in parses(t.word.lower())
                )
                return self.person_at[j][0] if dative else None
            if t.pos not in _PHRASE_POS or t.feats.get("Case") == "Nom":
                return None
            if noun is None and _living(t) and t.feats.get("Case") == "Dat":
                noun = t
        return None

    def participle_holder(self, i: int, k: int) -> Entity | None:
        """`Нина Усова, ушедшая из жизни в возрасте 94 лет`, `ушедшему в 62 года музыканту
        Петру Горину`: the person a participle before the years (in their clause) is
        said of, named before its comma or after its phrase, in a case the participle
        can take."""
        lo, hi = self._clause(i, k)
        verbs = [j for j in range(lo, i) if self.tokens[j].feats.get("VerbForm") == "Part"]
        if not verbs:
            return None
        part = self.tokens[verbs[0]]
        comma = lo >= 2 and self.tokens[lo - 1].text == ","
        named = self.person_ending.get(lo - 2) if comma else None
        if named is None and hi + 1 > k and (j := k + 1) < len(self.tokens):
            while j <= hi and self.tokens[j].pos == "ADJ":
                j += 1
            if j in self.person_at:
                named = (self.person_at[j][0], j)
            elif j <= hi and _living(self.tokens[j]) and j + 1 in self.person_at:
                named = (self.person_at[j + 1][0], j + 1)
        if named is None:
            return None
        name = self.tokens[named[1]]
        case = _CASE_TAGS.get(name.feats.get("Case") or "")
        if not _agree(part, name, "Gender") or not _agree(part, name, "Number"):
            return None
        if case is None or not any(case in p.tag for p in parses(part.word.lower())):
            return None
        return named[0]

    def subject(self, i: int, k: int) -> Entity | None:
        """`Вадим Лосев скончался в возрасте 84 лет`, `В 25 лет Кирилл Абрамов стал
        миллиардером`: the one person named in the nominative in the clause of tokens
        i..k (between punctuation; when that clause has no verb of its own, with the
        clauses up to the one that has, before it or, first in its sentence, after it:
        `Лосев умер, не дожив до осени, в возрасте 84 лет`), or None."""
        sent = self.tokens[i].sent
        first, last = self.a.sentences[sent].first, self.a.sentences[sent].last - 1
        lo, hi = self._clause(i, k)
        while not self._finite(lo, hi):
            if lo > first:
                lo = self._clause(lo - 2, lo - 2)[0] if lo - 2 >= first else first
            elif hi < last:
                hi = self._clause(hi + 2, hi + 2)[1] if hi + 2 <= last else last
            else:
                break
        named = self._named(lo, hi, i, k, ("Nom",))
        start = lo
        own = any(  # `чей отец умер в 60 лет`: the clause names its subject otherwise
            self.tokens[j].case == "Nom" and self.tokens[j].pos in ("NOUN", "PRON")
            for j in range(lo, hi + 1) if j < i or j > k
        )  # fmt: skip
        while not named and not own and start > first:  # `Петров, 1960 г. р., умер в 65 лет`
            end = start - 1
            if self.tokens[end].text == ")":  # `Синден (англ. Donald Sinden) умер`: over it
                while end > first and self.tokens[end].text != "(":
                    end -= 1
            while end > first and self.tokens[end].pos == "PUNCT":
                end -= 1
            if self.tokens[end].pos == "PUNCT":
                break
            start = self._clause(end, end)[0]
            if self._finite(start, end) and self.tokens[start].lemma != "который":
                break  # not over a clause of its own, but over `, который жил в Омске,`
            named = {  # the clause's first phrase (`Британский актёр сэр Дональд Синден`)
                e for e in self._named(start, end, i, k, ("Nom",))
                if all(
                    t.pos in ("ADJ", "NOUN", "PROPN", "DET") and t.case in ("Nom", None)
                    for t in self.tokens[start : self._first_of(e, start, end)]
                )
            }  # not `бывший игрок команды «Пэтриотс»`: a complement's name
        if not named:  # `Орлов вернулся в Омск. В 16 лет он уехал в Москву`: as `ему`
            pronouns = [
                j for j in range(lo, hi + 1) if (j < i or j > k)
                and self.tokens[j].lemma in _PERSONAL and self.tokens[j].case == "Nom"
            ]  # fmt: skip
            if len(pronouns) == 1 and (who := self.antecedent(pronouns[0])) is not None:
                return who
        if not named:  # `Смерть настигла Сергея Долгова в 54 года`: the object
            named = self._named(lo, hi, i, k, ("Acc",))
        return named.pop() if len(named) == 1 else None

    def _first_of(self, e: Entity, lo: int, hi: int) -> int:
        """The first token of a mention of e in tokens lo..hi."""
        return min(j for j, (f, _) in self.person_at.items() if f is e and lo <= j <= hi)

    def _clause(self, i: int, k: int) -> tuple[int, int]:
        """The tokens around i..k between punctuation, in their sentence."""
        sent, lo, hi = self.tokens[i].sent, i, k
        while lo > 0 and self.tokens[lo - 1].sent == sent and self.tokens[lo - 1].pos != "PUNCT":
            lo -= 1
        while (
            hi + 1 < len(self.tokens) and self.tokens[hi + 1].sent == sent
            and self.tokens[hi + 1].pos != "PUNCT"
        ):  # fmt: skip
            hi += 1
        return lo, hi

    def _finite(self, lo: int, hi: int) -> bool:
        return any(self.tokens[j].feats.get("VerbForm") == "Fin" for j in range(lo, hi + 1))

    def _named(self, lo: int, hi: int, i: int, k: int, cases: tuple[str, ...]) -> set[Entity]:
        """The persons named in tokens lo..hi outside i..k in one of the cases (or with
        none), not after a preposition."""
        return {
            e for first, (e, last) in self.person_at.items()
            if lo <= first and last - 1 <= hi and (first < i or first > k)
            and self.tokens[first].feats.get("Case") in (None, *cases)
            and (first == 0 or self.tokens[first - 1].pos != "ADP")
        }  # fmt: skip

    def of_someone(self, i: int, stop: int, many: bool = False) -> bool:
        """`мужчину 45 лет`, `мальчик 12 лет`, `мужчины около 50 лет`: one living being
        right before, over a word of estimate (or several, with several ages: `двое мужчин
        40 и 42 лет`, `люди 60 лет и старше`), and no verb after that would make the years
        a duration (`мальчик 12 лет жил`)."""
        j = i - 1
        if many and j > 0 and self.tokens[j].text in (":", "—", "–"):
            j -= 1  # `трое детей: 4, 7 и 11 лет`
        if j > 0 and self.tokens[j].text.lower() == "вид" and self.tokens[j - 1].text == "на":
            j -= 2  # `мужчину на вид 35–40 лет`
        elif j > 0 and self.tokens[j].text.lower() in _ESTIMATE:
            j -= 1
        if j < 0:
            return False
        t = self.tokens[j]
        if not (_living(t) or _roles().get(t.lemma) == "person"):
            return False
        if t.feats.get("Number") != "Sing" and not many and not _OR_OLDER.match(
            self.a.text, stop
        ):
            return False
        if t.feats.get("Case") == "Ins":  # `работала инженером 35 лет`: a duration
            return False
        number = self.tokens[i]
        if number.feats.get("Case") == "Gen" or re.search(r"\d-(?:ти|ми|х)$", number.text):
            return True  # `мальчик пяти лет`, `подросток 15-ти лет`: a duration is no genitive
        if re.search(r"\d\s+и\s+\d", self.a.text[number.start : stop]):
            return True  # `сёстры 11 и 13 лет пропали`: a list of durations is no duration
        k = self.a.word_at(stop - 1)
        after = self.tokens[k + 1] if k is not None and k + 1 < len(self.tokens) else None
        return after is None or after.pos != "VERB" or after.feats.get("VerbForm") == "Part" or (
            _no_duration(after)
        )

    def cue_before(self, i: int) -> bool:
        """A cue in the three words before token i, or `возраст` further in its clause
        (`Пенсионный возраст для женщин составит 60 лет`; not `на 5 лет`, a difference)."""
        if any(_roles().get(self.tokens[j].lemma) == "cue" for j in range(max(0, i - 3), i)):
            return True
        if i > 0 and self.tokens[i - 1].text.lower() == "на":
            return False
        for j in range(i - 1, max(-1, i - 8), -1):
            t = self.tokens[j]
            if t.sent != self.tokens[i].sent or t.pos == "NUM" or t.text[:1].isdigit():
                return False
            if t.pos == "PUNCT" and t.text not in "—–":
                return False
            if t.lemma in ("возраст", "возрастной"):
                return True
        return False


_QUOTES = frozenset("«»\"„“”")
_CASE_TAGS = {
    "Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"
}  # fmt: skip
_NOUN_ROLES = frozenset([None, "kin", "person"])  # roles of the holder's own words
_ESTIMATE = frozenset(["около", "примерно", "приблизительно", "порядка"])
_OR_OLDER = re.compile(r"\s+и\s+(?:старше|младше|моложе|более|выше)(?![\w-])", re.I)
_PHRASE_POS = frozenset(["NOUN", "PROPN", "ADJ", "DET", "NUM"])
_GENITIVE_POS = frozenset(["NOUN", "PROPN", "ADJ", "NUM"])


# Perfective verbs that measure a span of time (`проработал 35 лет`, `отсидел`, `пожил`).
_SPAN_VERBS = (
    "прожи", "прорабо", "просид", "прослуж", "пролеж", "пробы", "провес", "проуч", "прожд",
    "продерж", "прост", "отсид", "отрабо", "отслуж", "отбы", "пожи", "побы", "порабо", "посид",
)  # fmt: skip


def _no_duration(verb: Token) -> bool:
    """`Мужчина 40 лет облил соседа`, `мужчина 80 лет погиб`: a perfective verb takes no
    span of time, but those that measure one (`проработал`, `отсидел`, `пожил`)."""
    return verb.feats.get("Aspect") == "Perf" and not verb.lemma.startswith(_SPAN_VERBS)


def _common_noun(t: Token) -> bool:
    """Whether a word is a living common noun and no name in the dictionary (`школьница`,
    `слониха`, `экс-глава`; not `Роза`, `Лев`)."""
    found = parses(t.word.lower())
    if not found or any(g in found[0].tag for g in ("Name", "Surn", "Patr")):
        return False
    return "NOUN" in found[0].tag and "anim" in found[0].tag


def _living(t: Token) -> bool:
    """A living noun, also where the tagger took it for an adjective or a name
    (`экс-главу`, `Первоклассница` first in a sentence)."""
    if t.pos == "NOUN":
        return t.feats.get("Animacy") == "Anim"
    return t.pos in ("ADJ", "PROPN") and _common_noun(t)


def _complement(t: Token) -> bool:
    """A word of a noun's genitive complement (`мэра Томска`); a thing's name may be
    tagged nominative (`рок-группы`), a person's not."""
    nominative = t.feats.get("Case") == "Nom" and t.feats.get("Animacy") != "Inan"
    return t.pos in _GENITIVE_POS and not nominative


def _relative(noun: Token, name: Token) -> bool:
    """`семилетнего сына Ивана Орлова`: a name in the genitive (or its form, the animate
    accusative) after a word of kin (`kinds-ages.tsv`, role `kin`) is the relative's,
    not the holder's."""
    return _roles().get(noun.lemma) == "kin" and name.feats.get("Case") in ("Gen", "Acc")


def _agree(a: Token, b: Token, feat: str) -> bool:
    """Whether two words agree in a feature (either may lack it; an animate accusative
    is the genitive's form)."""
    x, y = a.feats.get(feat), b.feats.get(feat)
    return x is None or y is None or x == y or {x, y} == {"Acc", "Gen"}


_OC_GENDERS = {"Masc": "masc", "Fem": "femn"}


def _gender_fits(word: Token, name: Token) -> bool:
    """Whether `которой` (word) may refer to a person whose name starts with `name`: the
    tagger's genders agree, or the dictionary knows the name in the word's gender (the
    tagger reads `Евдокию Черных` as a man's accusative)."""
    if _agree(word, name, "Gender"):
        return True
    gender = _OC_GENDERS.get(word.feats.get("Gender") or "")
    return any("Name" in p.tag and p.tag.gender == gender for p in parses(name.word.lower()))


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
    adjectives += [
        (m.start(), m.end(), 1, None, 6 if m["half"].lower() == "полу" else 18)
        for m in _MONTHS_OLD.finditer(text)
    ]
    for m in compounds(text.lower()):
        word = m.group()
        if "летн" in word:
            adjectives.append((m.start(), m.end(), compound_value(m), None, None))
        elif "месячн" in word:  # `девятимесячный`, `11-месячного`
            adjectives.append((m.start(), m.end(), 0, None, compound_value(m)))
        elif any(x in word for x in ("летие", "летия", "летию")) and (
            m["digits"] or compound_value(m) not in (10, 100, 1000) or _celebrated(w, m)
        ):
            add(m.start(), m.end(), compound_value(m), "anniversary", None)
    for start, stop, years, low, months in adjectives:
        _adjective(w, start, stop, years, partial(add, months=months, low=low))
    for m in _YEARS.finditer(text):
        _years(w, m, add)
    for m in _IN_YEAR.finditer(text):
        i, k = w.at(m.start()), w.at(m.end() - 1)
        who = w.subject(i, k) if i is not None and k is not None else None
        if m["n"]:
            add(m.start("n"), m.end(), int(m["n"]) - 1, "age", who)
        else:
            tens = _value(m["tens"]) if m["tens"] else 0
            start = m.start("tens") if m["tens"] else m.start("o")
            add(start, m.end(), (tens or 0) + ORDINALS[m["o"].lower()] - 1, "age", who)
    for m in _GOING.finditer(text):  # `Ему шёл 45-й год`
        i = w.at(m.start())
        if i is not None and (held := w.dative_before(i))[0]:
            tens = (_value(m["tens"]) or 0) if m["tens"] else 0
            nth = int(m["n"]) if m["n"] else tens + ORDINALS[m["o"].lower()]
            add(m.start("year"), m.end(), nth - 1, "age", held[1])
    for m in _OWN.finditer(text):  # `В свои 58 Иван Орлов полон сил`
        i = w.at(m.start("n"))
        if i is not None:
            add(m.start("n"), m.end("n"), _value(m["n"]), "age", w.subject(i, i))
    for m in _HALF_YEARS.finditer(text):  # `Ребёнку 1,5 года`, `в возрасте полутора лет`
        i = w.at(m.start())
        if i is None:
            continue
        held = w.dative_before(i)
        if held[0] or w.cue_before(i):
            months = int(m["n"]) * 12 + 6 if m["n"] else 18 if m["one"] else 6
            add(m.start(), m.end(), 0, "age", held[1] or _dative_person(w, i), months=months)
    for m in _INVERTED.finditer(text):  # `мужчину лет пятидесяти`
        i = w.at(m.start())
        if i is not None and i > 0 and _living(w.tokens[i - 1]):
            low = int(m["lo"]) if m["lo"] else None
            add(m.start(), m.end(), _value(m["n"]), "age", None, low=low)
    for m in _OLDER.finditer(text):  # `житель старше 60.`
        add(m.start("n"), m.end("n"), int(m["n"]), "age", None)
    for m in _WORD_JUBILEE.finditer(text):
        tens = (_value(m["tens"]) or 0) if m["tens"] else 0
        start = m.start("tens") if m["tens"] else m.start("o")
        add(start, m.end(), tens + ORDINALS[m["o"].lower()], "anniversary", None)
    bare: list[tuple[re.Match[str], int | None]] = [(m, int(m["n"])) for m in _BARE.finditer(text)]
    bare += [(m, _value(m["n"])) for m in _BARE_WORDS.finditer(text)]
    bare += [(m, _value(m["n"])) for m in _AFTER_CUE.finditer(text)]
    for m, n in bare:
        i = w.at(m.start())
        if i is not None and n is not None:
            dative, person = w.dative_before(i)
            inverted = re.search(r"(?<![\w-])лет\s+$", text[max(0, m.start() - 6) : m.start()])
            start = m.start() - len(inverted.group()) if inverted else m.start("n")  # `лет 40`
            if dative and (i > 0 and w.tokens[i - 1].pos != "ADP"):
                add(start, m.end("n"), n, "age", person or _dative_person(w, i))
            elif inverted and i > 1 and _living(w.tokens[i - 2]):
                add(start, m.end("n"), n, "age", None)  # `мужчину лет 30`
            elif _closes(text, m) and (name := _name_before(w, i, m.end())):
                add(m.start("n"), m.end("n"), n, "age", name)  # `Лаурентий, 27,`, `Рябов (51)`
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
    value = _value(m["n"])
    if not months and _JUBILEE_AFTER.match(text, m.end()):  # `80 лет со дня рождения`
        add(m.start("n"), m.end(), value, "anniversary", None)
        return
    if _TERM_BEFORE.search(text[max(0, m.start() - 25) : m.start()]):
        return
    dative, person = w.dative_before(i)
    before = _BEFORE.search(text[max(0, m.start() - 40) : m.start()])
    if months and before and not before.group().strip().startswith(("от", "(")):
        before = None  # `раз в 3 месяца`, `старше 6 месяцев` of things
    name = _name_before(w, i, m.end())
    cue = w.cue_before(i)
    until = _until(w, i, m) if not months else False
    many = bool(m["list"] or m["lo"])  # `двое мужчин 40 и 42 лет`
    apposed = _noun_apposed(w, i, m.end())  # `Водитель, 52 года, скончался`
    if not (dative or cue or before or name or until or apposed or w.of_someone(i, m.end(), many)):
        return
    last = w.at(m.end() - 1)
    if _TERM_AFTER.match(text, m.end()) or _infinitive_after(w, last):
        return
    if person is None and cue:
        person = _dative_person(w, i) or (w.dative_after(last) if last is not None else None)
    if person is None and not dative and last is not None and _at_age(w, i, before):
        # `Нина Усова, ушедшая в возрасте 94 лет`, `Вадим Лосев скончался в возрасте 84 лет`
        person = w.participle_holder(i, last) or w.subject(i, last)
    person = person or name
    if months:
        add(m.start(), m.end(), 0, "age", person, months=value)
        return
    for n in re.finditer(r"\d{1,3}", m["list"] or ""):  # `27 и 34 лет`: each an age
        add(m.start("list") + n.start(), m.start("list") + n.end(), int(n.group()), "age", None)
    span = before.group() if before else ""
    low = _value(before["low"]) if before and before["low"] else None
    if low:
        add(m.start() - len(span), m.end(), value, "age", person, low=low)
    elif m["lo"]:
        add(m.start(), m.end(), value, "age", person, low=int(m["lo"]))
    else:
        add(m.start("n"), m.end(), value, "age", person)


def _infinitive_after(w: _Words, last: int | None) -> bool:
    """`позволили ему 15 лет скрываться`: the years of an infinitive are a duration."""
    if last is None or last + 1 >= len(w.tokens):
        return False
    return w.tokens[last + 1].feats.get("VerbForm") == "Inf"


def _at_age(w: _Words, i: int, before: re.Match[str] | None) -> bool:
    """`в возрасте 84 лет`, `в (свои) 60 лет`, `с двенадцати лет`: the age at which
    someone did something, or from which."""
    if before is not None and before.group().strip().lower().startswith("в"):
        return True
    if i > 0 and w.tokens[i - 1].text.lower() == "с":
        return True
    return i > 0 and w.tokens[i - 1].lemma == "возраст"


def _noun_apposed(w: _Words, i: int, stop: int) -> bool:
    """`Водитель, 52 года, скончался`, `мужчина (45 лет)`: the years between commas or
    in brackets right after a living noun."""
    if i < 2 or w.tokens[i - 1].text not in (",", "("):
        return False
    t = w.tokens[i - 2]
    closing = ")" if w.tokens[i - 1].text == "(" else ","
    return (
        t.pos == "NOUN" and t.feats.get("Animacy") == "Anim"
        and w.a.text[stop:].lstrip().startswith(closing)
    )  # fmt: skip


def _closes(text: str, m: re.Match[str]) -> bool:
    """`Лаурентий, 27,`: a comma after the number, or `Рябов (51)`: a bracket around it."""
    if text.startswith(",", m.end()):
        return True
    return text.startswith(")", m.end()) and text[: m.start()].rstrip().endswith("(")


def _celebrated(w: _Words, m: re.Match[str]) -> bool:
    """`десятилетие`, `столетие` name a decade or a century (`к середине столетия`)
    unless celebrated (`отмечает столетие`, a word of role `celebrate` before) or of
    something named (`столетие со дня рождения`, `столетие МГУ`)."""
    if re.match(r"\s+(?:со\s+дня|[А-ЯЁA-Z«\"])", w.a.text[m.end() :]):
        return True
    i = w.at(m.start())
    return i is not None and any(
        _roles().get(w.tokens[j].lemma) == "celebrate" for j in range(max(0, i - 3), i)
    )


def _until(w: _Words, i: int, m: re.Match[str]) -> bool:
    """`детям до 12 лет`, `дожил до 90 лет`, `с 14 лет работал`: an age limit or start
    after a living being, a word of `kinds-ages.tsv` (role `until`) or a verb."""
    text = w.a.text
    prep = re.search(r"(?<![\w-])(до|с|от)\s+$", text[max(0, m.start() - 4) : m.start()], re.I)
    if not prep:
        return False
    if prep[1].lower() in ("с", "от") and re.match(r"\s+до\s", text[m.end() :]):
        return False  # `с 10 лет до 15`: a span
    if prep[1].lower() == "с":  # `с 14 лет`
        return True
    if i < 2:
        return False
    t = w.tokens[i - 2]
    if prep[1].lower() == "от":  # `гражданам от 21 года`, not `опыт от 3 лет`
        return t.pos in ("NOUN", "PROPN") and t.feats.get("Animacy") == "Anim"
    living = t.pos in ("NOUN", "PROPN") and t.feats.get("Animacy") == "Anim"
    return living or _roles().get(t.lemma) == "until"


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
        if t.pos == "NOUN" and t.feats.get("Animacy") == "Inan" and not _common_noun(t):
            return  # a thing's years, but a living noun the tagger took for one (`малышку`)
    add(start, stop, years, "age", w.person_after(i) or w.holder_after(i) or w.apposed_to(i))


def _name_before(w: _Words, i: int, stop: int) -> Entity | None:
    """`Клэренс Картер, 49 лет,`, `Иван Седов (58 лет)`, `Мишель Бачелет — 54 года`,
    `Поленти 50 лет,`: the person whose age follows the name; with nothing between
    them, only at the end of a clause (`Путин 20 лет правит` is a duration)."""
    if i >= 2 and w.tokens[i - 1].text in (",", "(", "—", "–"):
        j = i - 2
        if w.tokens[j].text == ")":  # `Фаиз Халид (Faiz Khaleed), 26 лет`
            k = j
            while k > max(0, j - 8) and w.tokens[k].text != "(":
                k -= 1
            j = k - 1 if w.tokens[k].text == "(" else j
        if j in w.person_ending:
            return w.person_ending[j][0]
    if i >= 1 and (i - 1) in w.person_ending and w.head_of_genitive(i - 1) is None:
        last = w.at(stop - 1)
        after = w.tokens[last + 1] if last is not None and last + 1 < len(w.tokens) else None
        if after is None or after.pos == "PUNCT" or last is not None and last + 1 in w.person_at:
            return w.person_ending[i - 1][0]
    return None


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
