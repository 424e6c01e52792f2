"""The `money` layer: amounts of money with their ISO 4217 currency (SPEC 0.3).

`$3,3 млрд`, `1.234.567,89 рубля`, `150 млн руб.`, `полмиллиона долларов`,
`около 3 млрд евро` (`approx`), `от 2 до 4 млн евро` and `2,5–3 млрд рублей`
(one item with `min` and `max`), `12 500 ₽`. The currencies and their names are
`models/kinds-currencies.tsv`; quantities are read by `quantity.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from ..layers import Item, layer
from ..resources import table
from ..text.folding import Folded
from .quantity import MULTIPLIER, NUMBER, number_value, plain, scale

if TYPE_CHECKING:
    from ..document import Analysis

APPROX = (
    r"(?:около|почти|свыше|более(?:\s+чем)?|менее(?:\s+чем)?|порядка|примерно"
    r"|приблизительно|не\s+менее|не\s+более|больше|меньше)"
)
_RANGE = r"(?:\s*[-–—]\s*|\s+до\s+)"
_SYMBOLS = "$€₽£¥₴₸"
_CODES = r"(?:USD|EUR|RUB|GBP|CNY|JPY|CHF|KZT|BYN|UAH|US\$)"  # before the number: `USD 12 млн`
# Between the amount and the currency: the amount in words, in brackets, as contracts and
# courts write it (`300 000 (триста тысяч) рублей`).
_IN_WORDS = r"(?:\s*\([а-яё\s-]{3,80}\))?"
# A country's adjective before a currency the table names alone (`американских долларов`,
# `казахстанских тенге`); tried after the table's own adjectives (`канадских долларов`).
_COUNTRY = r"(?:[а-яё]+[сц]к(?:ий|ого|ому|им|ом|ая|ой|ую|ие|их|ими)\s+)??"
_BARE = r"(?:миллион|миллиард|триллион|тысяч[уа])(?![\w-])"  # `миллион рублей`
_THOUSANDS_DOT = re.compile(r"\d{1,3}\.\d{3}")
_SENTENCE_START = re.compile(r"\s*(?:$|\n|[\"«„]?[A-ZА-ЯЁ])")


@dataclass
class Money:
    """An amount of money: `amount`, or `min`/`max` for a range; `currency` ISO 4217."""

    start: int
    stop: int
    text: str
    amount: int | float | None
    currency: str | None
    approx: bool = False
    min: int | float | None = None
    max: int | float | None = None
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "start": self.start, "stop": self.stop,
                               "text": self.text, "amount": self.amount}  # fmt: skip
        if self.min is not None or self.max is not None:
            out |= {"min": self.min, "max": self.max}
        return out | {"currency": self.currency, "approx": self.approx}

    def ref(self) -> dict[str, Any]:
        """The SPEC form of a fact argument that names this amount."""
        return {"ref": self.id, "text": self.text, "amount": self.amount,
                "currency": self.currency}  # fmt: skip


@cache
def _currencies() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(row[0]), row[1]) for row in table("kinds-currencies")]


@cache
def _pattern() -> Folded:
    names = "|".join(f"(?:{row[0]})" for row in table("kinds-currencies"))
    symbol = f"[{re.escape(_SYMBOLS)}]"

    def amount(n: str) -> str:
        """A number with its multiplier (`1 млн 200 тыс.`, `3 млн 250 тыс. 500`), or a
        range of two."""
        return (
            rf"(?P<a{n}>{NUMBER})(?:\s*(?P<ma{n}>{MULTIPLIER})"
            rf"(?:\s+(?P<t{n}>\d{{1,3}})(?:\s*(?P<mt{n}>{MULTIPLIER})"
            rf"(?:\s+(?P<u{n}>\d{{1,3}})(?![\d.,]\d))?)?(?![\d.,]\d))?)?"
            rf"(?:{_RANGE}(?P<b{n}>{NUMBER})(?:\s*(?P<mb{n}>{MULTIPLIER}))?)?"
        )

    kopecks = r"(?:\s+(?P<kop>\d{1,2})\s*коп(?:\.|еек|ейк[аи])?(?!\w))?"  # `руб. 00 коп.`
    after = (  # 150 млн руб.
        rf"(?:{amount('')}|(?P<bare>{_BARE})){_IN_WORDS}\s*{_COUNTRY}(?P<cur>{names}){kopecks}"
    )
    codes = _CODES.lower()  # the same ignoring case; lower case runs faster (`Folded`)
    before = rf"(?P<sym>{symbol}|{codes}(?=\s*\d))\s*{amount('2')}"  # $3,3 млрд, USD 12 млн
    lead = rf"(?:(?P<approx>{APPROX})(?:\s+(?:в|на|за))?\s+)?(?:(?P<from>от)\s+)?"
    return Folded(rf"(?<![\w{_SYMBOLS}]){lead}(?:{after}|{before})")


def _currency(text: str) -> str | None:
    low = text.lower()
    for pattern, code in _currencies():
        if pattern.fullmatch(low):
            return low.upper() if code == "CODE" else code
    return None


def _group(m: re.Match[str], name: str) -> str | None:
    return m[name] or m[name + "2"]


def _value(number: str, multiplier: str | None) -> Decimal | None:
    """A number times its multiplier; `300.000 рублей` has a thousands dot."""
    if multiplier is None and _THOUSANDS_DOT.fullmatch(number):
        number = number.replace(".", "")
    value = number_value(number)
    return None if value is None else value * scale(multiplier)


def read(m: re.Match[str], text: str) -> Money | None:
    """The money item of a match of the pattern, or None when it is no amount."""
    currency = _currency(m["cur"]) if m["cur"] else _currency(m["sym"])
    start, stop = m.start(), m.end()
    if m["sym"] and text[stop - 1] == "." and _SENTENCE_START.match(text, stop):
        stop -= 1  # `€4,7 млрд.` at the end of a sentence
    b = _group(m, "b")
    if m["from"] and not b and not m["approx"]:  # `от 5 млн рублей`: the lower bound
        start = m.start("from") + 3
        start += len(text[start:stop]) - len(text[start:stop].lstrip())
    item = Money(start, stop, text[start:stop], None, currency, bool(m["approx"]))
    if m["bare"]:  # `миллион рублей`
        item.amount = scale(m["bare"])
        return item
    a, ma, mb = _group(m, "a") or "", _group(m, "ma"), _group(m, "mb")
    first = _value(a, ma)
    tail = _group(m, "t")
    if first is not None and tail:  # `1 млн 200 тыс.`
        mt = _group(m, "mt")
        if scale(mt) >= scale(ma):
            return None
        first += Decimal(tail) * scale(mt)
        if units := _group(m, "u"):  # `3 млн 250 тыс. 500 рублей`
            first += Decimal(units)
    if first is None:
        return None
    if not b:
        if m["kop"]:  # `5 000 000 руб. 50 коп.`
            first += Decimal(m["kop"]) / 100
        item.amount = plain(first)
        return item
    second = _value(b, mb)
    if second is None:
        return None
    inner = mb or (words.group() if (words := re.search(MULTIPLIER, b, re.I)) else None)
    if not ma and inner and first * scale(inner) <= second:  # `от 2 до 4 млн`: for both
        first *= scale(inner)  # (in `от 900 тыс. до 2 млн` the first has its own;
        # `от двух до трёх миллионов`: the words carry it)
    item.min, item.max = plain(first), plain(second)
    return item


def find_money(text: str) -> list[Money]:
    """Every amount of money in `text`, in text order, not overlapping."""
    out: list[Money] = []
    for m in _pattern().finditer(text):
        item = read(m, text)
        if item is not None and "\n" not in item.text:
            out.append(item)
    return out


def _hover(m: Item) -> str:
    amount = m.get("amount")
    value = f"{m.get('min')}–{m.get('max')}" if amount is None else str(amount)
    return f"money: {'~' if m.get('approx') else ''}{value} {m.get('currency') or ''}".strip()


_NUMBER_OR_NULL = {"type": ["number", "null"]}


@layer(
    "money", one="money", item=Money, prefix="M",
    fields={
        "amount": _NUMBER_OR_NULL, "min": _NUMBER_OR_NULL, "max": _NUMBER_OR_NULL,
        "currency": {"type": ["string", "null"], "pattern": "^[A-Z]{3}$"},
        "approx": {"type": "boolean"},
    },
    required=["amount", "currency", "approx"],
    columns={"amount": "Float64", "min": "Float64", "max": "Float64", "currency": "string",
             "approx": "boolean"},
    label="MONEY", legend="money", colour="#c8f0e6", hover=_hover, value="amount",
    load=lambda: (_pattern(), _currencies()),
)  # fmt: skip
def find(a: Analysis) -> list[Money]:
    """Amounts of money with their currency."""
    return find_money(a.text)
