"""Companies named after their trade: `производитель труб «Уралтрубпром»`, `оператор
сотовой связи «Волна»`, `издатель компьютерных игр Nordic Pixel`.

An agent noun of trade (`models/entities-trade-agents.txt`) followed by the goods it
deals in, in the genitive, makes the quoted or Latin name after them an organisation:
the goods are plural (`игр`, `труб`), indeclinable (`сеть кафе`) or a mass noun
(`оборудования`, `models/entities-trade-goods.txt`). After a producer's single thing
(`разработчик игры «Звёздный путь»`, `создатель мессенджера «Пульс»`) the name is that
product's, so a quoted name there is no organisation; so are several names after one
producer (`разработчика игр FarmVille и CityVille`), while several producers take
several names (`разработчики программного обеспечения «Софтлайн-Про» и «Кодекс Системс»`).
"""

from __future__ import annotations

from ..document import Token
from ..resources import wordlist
from ..text.chars import OPEN_QUOTES
from .ner import WordSpan
from .orgs import latin
from .rules import known_parses, name_like, org_word, overlaps, quote_end
from .types import ORG

LIST_WORDS = frozenset({"и", ","})
MAX_MODIFIERS = 3  # adjectives before the goods noun: `минеральных удобрений`
# Agents whose goods may be one product with its own name (`создатель мессенджера «Пульс»`).
CREATORS = frozenset({"производитель", "изготовитель", "разработчик", "создатель", "издатель"})


def _goods(words: list[Token], agent: int) -> tuple[int, bool] | None:
    """The goods after the agent noun at `agent`: (index of the goods noun, whether it
    names a kind of goods rather than one thing), or None when none follows."""
    j = agent + 1
    while j < len(words) and j - agent <= MAX_MODIFIERS and words[j].pos == "ADJ":
        if words[j].case != "Gen":
            return None
        j += 1
    if j >= len(words) or words[j].pos != "NOUN" or words[j].case != "Gen":
        return None
    if words[j].sent != words[agent].sent:
        return None
    goods = words[j]
    kind = (
        goods.number == "Plur"
        or goods.lemma in wordlist("entities-trade-goods")
        or any("Fixd" in p.tag for p in known_parses(goods.word))  # `сеть кафе`
    )
    return j, kind


def _name_after(words: list[Token], k: int) -> tuple[int, int] | None:
    """The words of a quoted name opening at k, or of a run of Latin words starting
    there: (first, last), or None."""
    if k >= len(words):
        return None
    if words[k].word in OPEN_QUOTES:
        close = quote_end(words, k, len(words))
        if close is None or not name_like(words, k + 1, close):
            return None
        return k + 1, close
    last = k
    while last < len(words) and latin(words[last].word) and words[last].word[:1].isupper():
        last += 1
    return (k, last) if last > k else None


def _names_after(words: list[Token], k: int) -> list[tuple[int, int]]:
    """The name at k and those listed after it: `«Софтлайн-Про» и «Кодекс Системс»`."""
    names: list[tuple[int, int]] = []
    name = _name_after(words, k)
    while name is not None:
        names.append(name)
        k = name[1] + (words[name[0] - 1].word in OPEN_QUOTES)
        if k + 1 >= len(words) or words[k].word not in LIST_WORDS:
            break
        name = _name_after(words, k + 1)
    return names


def trade_names(spans: list[WordSpan], words: list[Token]) -> list[WordSpan]:
    """Names after a trade's agent noun and its goods (module docstring)."""
    agents = wordlist("entities-trade-agents")
    out = list(spans)
    for i, word in enumerate(words):
        if word.lemma not in agents:
            continue
        found = _goods(words, i)
        if found is None:
            continue
        goods, kind = found
        if org_word(words, goods):
            continue
        names = _names_after(words, goods + 1)
        if len(names) > 1 and word.number != "Plur":
            continue  # one producer, several names: its products (`игр FarmVille и CityVille`)
        if not kind:
            if word.lemma not in CREATORS:
                continue
            names = [n for n in names[:1] if words[n[0] - 1].word in OPEN_QUOTES]
            out = [s for s in out if not (s.type == ORG and (s.first, s.last) in names)]
            continue
        for first, last in names:
            if any(s.type == ORG and s.first <= first and last <= s.last for s in out):
                continue
            out = [s for s in out if not overlaps(s, first, last)]
            out.append(WordSpan(first, last, ORG))
    return sorted(out, key=lambda s: s.first)
