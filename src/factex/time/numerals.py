"""Russian numeral words: the vocabulary (`models/dates-numerals.tsv`) as fast regexes.

The regexes are lower case: run them over `text.lower()`.

`CARDINALS`, `ORDINALS` and `PREFIXES` map a lower-case word form to its value;
`RUN` matches a run of numeral words ("двадцать первый", "две тысячи"), and
`read_run` turns such a run into one or more numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..resources import table, wordlist

# Adjective endings of ordinals: hard stems (первый, второй) and the soft `третий`.
_HARD = ("ый", "ой", "ая", "ое", "ые", "ого", "ому", "ым", "ом", "ую", "ых", "ыми")
_SOFT = ("ий", "ья", "ье", "ьи", "ьего", "ьему", "ьим", "ьем", "ью", "ьей", "ьих", "ьими")


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching exactly `words`, factored as a trie so matching stays fast."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


def _ordinal_forms(nominative: str) -> list[str]:
    stem = nominative[:-2]
    return [stem + end for end in (_SOFT if nominative.endswith("ий") else _HARD)]


def _load() -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    cardinals: dict[str, int] = {}
    ordinals: dict[str, int] = {}
    prefixes: dict[str, int] = {}
    for row in table("dates-numerals"):
        value = int(row[0])
        for form in row[1].split():
            cardinals[form] = value
        for nominative in row[2].split():
            if nominative == "-":
                continue
            for form in _ordinal_forms(nominative):
                ordinals[form] = value
        for prefix in row[3].split() if len(row) > 3 else ():
            if prefix != "-":
                prefixes[prefix] = value
    return cardinals, ordinals, prefixes


CARDINALS, ORDINALS, PREFIXES = _load()
COMPOUND_ROOTS = wordlist("dates-compound-roots")

CARDINAL_WORD = trie_pattern(CARDINALS)
ORDINAL_WORD = trie_pattern(ORDINALS)
_L = r"(?<![\w-])"
_R = r"(?![\w-])"
# Numeral words written in a row: "двадцать первый", "сто двадцать пять", "две тысячи".
RUN = re.compile(rf"{_L}(?:(?:{CARDINAL_WORD})\s+)*(?:{ORDINAL_WORD}|{CARDINAL_WORD}){_R}")
# A cardinal (no ordinal) run, for "через два дня", "три года назад".
CARDINAL_RUN = rf"(?:(?:{CARDINAL_WORD})\s+)*(?:{CARDINAL_WORD})"
_PREFIX = trie_pattern(PREFIXES)
_ROOT = trie_pattern(COMPOUND_ROOTS)
# двухдневный, трёхдневного, двадцатипятилетний, 5-летний.
COMPOUND = re.compile(
    rf"{_L}(?:(?P<tens>{_PREFIX})(?P<units>{_PREFIX})?|(?P<digits>\d{{1,4}})-)"
    rf"(?={_ROOT})[а-яё]+{_R}"
)
_WORD = re.compile(r"\S+")
_last_compounds: tuple[str, list[re.Match[str]]] = ("", [])


def compounds(low: str) -> list[re.Match[str]]:
    """`COMPOUND`'s matches in a lower-cased text. The last text's are kept: the numbers
    and the ages layers both read them."""
    global _last_compounds
    last = _last_compounds
    if last[0] == low:
        return last[1]
    found = list(COMPOUND.finditer(low))
    _last_compounds = (low, found)
    return found


def _rank(value: int) -> int:
    """Order of magnitude inside a group: units 0, tens and teens 1, hundreds 2."""
    if value < 10:
        return 0
    return 1 if value < 100 else 2


def read_run(text: str) -> list[tuple[int, int, int, bool]]:
    """Numbers in a run of numeral words: (start, stop, value, is_ordinal) per number.

    A word that cannot continue the current number (a smaller order of magnitude,
    or a multiplier after a group) starts a new one: "два три" -> 2, 3.
    """
    out: list[tuple[int, int, int, bool]] = []
    start = stop = -1
    total = group = 0
    last_rank = 99  # rank of the last word in the current group
    last_mult = 10**12
    for m in _WORD.finditer(text):
        word = m.group().lower()
        ordinal = word in ORDINALS
        value = ORDINALS[word] if ordinal else CARDINALS[word]
        mult = value >= 1000
        fits = start >= 0 and (
            (mult and value < last_mult and (group or total == 0))
            or (not mult and _rank(value) < last_rank and not (last_rank == 1 and value >= 10))
        )
        if start >= 0 and not fits:
            out.append((start, stop, total + group, False))
            start, total, group, last_rank, last_mult = -1, 0, 0, 99, 10**12
        if start < 0:
            start = m.start()
        stop = m.end()
        if mult:
            total += (group or 1) * value
            group, last_rank, last_mult = 0, 99, value
        else:
            group += value
            last_rank = _rank(value) if value >= 20 or value < 10 else 0
        if ordinal:
            out.append((start, stop, total + group, True))
            start, total, group, last_rank, last_mult = -1, 0, 0, 99, 10**12
    if start >= 0:
        out.append((start, stop, total + group, False))
    return out


def words_value(text: str) -> int | None:
    """The value of a numeral phrase that is one number ("двадцать пять" -> 25), else None."""
    numbers = read_run(text.strip())
    return numbers[0][2] if len(numbers) == 1 else None


def compound_value(match: re.Match) -> int:
    """The number in a compound matched by `COMPOUND` (двадцатипятилетний -> 25)."""
    if match["digits"]:
        return int(match["digits"])
    value = PREFIXES[match["tens"].lower()]
    if match["units"]:
        value += PREFIXES[match["units"].lower()]
    return value
