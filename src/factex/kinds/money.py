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
from .quantity import MULTIPLIER, NUMBER, number_value, plain, scale

if TYPE_CHECKING:
    from ..document import Analysis

APPROX = (
    r"(?:около|почти|свыше|более(?:\s+чем)?|менее(?:\s+чем)?|порядка|примерно"
    r"|приблизительно|не\s+менее|не\s+более|больше|меньше)"
)
_RANGE = r"(?:\s*[-–—]\s*|\s+до\s+)"
_SYMBOLS = "$€₽£¥₴"
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
def _pattern() -> re.Pattern[str]:
    names = "|".join(f"(?:{row[0]})" for row in table("kinds-currencies"))
    symbol = f"[{re.escape(_SYMBOLS)}]"
    amount = (
        rf"(?P<a>{NUMBER})(?:{_RANGE}(?P<b>{NUMBER}))?"
        rf"(?:\s*(?P<mult>{MULTIPLIER}))?"
    )
    after = rf"(?:{amount})\s*(?P<cur>{names})"  # 150 млн руб., 12 500 ₽
    before = (
        rf"(?P<sym>{symbol})\s*(?P<a2>{NUMBER})(?:{_RANGE}(?P<b2>{NUMBER}))?"
        rf"(?:\s*(?P<mult2>{MULTIPLIER}))?"
    )  # $3,3 млрд
    lead = rf"(?:(?P<approx>{APPROX})(?:\s+в)?\s+)?(?:(?P<from>от)\s+)?"
    return re.compile(rf"(?<![\w$€₽£¥₴]){lead}(?:{after}|{before})", re.IGNORECASE)


def _currency(text: str) -> str | None:
    low = text.lower()
    for pattern, code in _currencies():
        if pattern.fullmatch(low):
            return code
    return None


def read(m: re.Match[str], text: str) -> Money | None:
    """The money item of a match of the pattern, or None when it is no amount."""
    a, b = m["a"] or m["a2"], m["b"] or m["b2"]
    factor = Decimal(scale(m["mult"] or m["mult2"]))
    first = number_value(a)
    second = number_value(b) if b else None
    if first is None or (b and second is None):
        return None
    currency = _currency(m["cur"]) if m["cur"] else _currency(m["sym"])
    start, stop = m.start(), m.end()
    if m["sym"] and text[stop - 1] == "." and _SENTENCE_START.match(text, stop):
        stop -= 1  # `€4,7 млрд.` at the end of a sentence
    if m["from"] and not b and not m["approx"]:  # `от 5 млн рублей`: the lower bound
        start = m.start("from") + 3
        start += len(text[start:stop]) - len(text[start:stop].lstrip())
    item = Money(start, stop, text[start:stop], None, currency, bool(m["approx"]))
    if second is not None:
        low = first * (factor if _scaled(first, second) else 1)
        item.min, item.max = plain(low), plain(second * factor)
    else:
        item.amount = plain(first * factor)
    return item


def _scaled(first: Decimal, second: Decimal) -> bool:
    """In `от 2 до 4 млн` the multiplier counts for both; in `от 900 тыс. до 2 млн` the
    first has its own (then it is larger than the second)."""
    return first <= second


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
)  # fmt: skip
def find(a: Analysis) -> list[Money]:
    """Amounts of money with their currency."""
    return find_money(a.text)
