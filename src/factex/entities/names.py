"""Person name parts: first, middle (patronymic) and last name."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from ..document import Token
from ..resources import wordlist
from ..text.morph import best_parse
from .normalize import analyses, east_asian_order, east_asian_surnames

PARTS = ("first", "middle", "last")
NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
# Russian surnames in the nominative, for `Иванов Иван` written surname first.
SURNAME_ENDINGS = (
    "ов",
    "ев",
    "ёв",
    "ин",
    "ын",
    "ский",
    "цкий",
    "ова",
    "ева",
    "ина",
    "ская",
    "цкая",
)


@cache
def _particles() -> frozenset[str]:
    return frozenset(wordlist("entities-name-particles"))


def _is_initial(text: str) -> bool:
    return len(text) == 1 or len(text) == 2 and text.endswith(".")


PATRONYMIC_SUFFIXES = (
    "овича",
    "евича",
    "ович",
    "евич",
    "овна",
    "евна",
    "овны",
    "евны",
    "ична",
    "ич",
)
NAME_ENDINGS = ("", "ий", "ь", "а", "я", "й")


def _from_first_name(text: str) -> bool:
    """A patronymic the dictionary only guesses is one when its stem is a first name
    (`Тагирович` from `Тагир`); `Статкевич`, `Бозович` are surnames."""
    low = text.lower()
    suffix = next((s for s in PATRONYMIC_SUFFIXES if low.endswith(s)), None)
    if suffix is None:
        return False
    stem = low[: -len(suffix)]
    return any(
        "Name" in p.tag and p.is_known and p.tag.case == "nomn"
        for ending in NAME_ENDINGS
        for p in analyses(stem + ending)
    )


def _role(word: Token) -> str | None:
    """`first`, `middle`, `last` from the dictionary, or None when unknown."""
    if _is_initial(word.word):
        return "initial"
    parse = best_parse(word.word, word.pos, word.tag)
    if parse is None:  # the tagger's case was wrong (`Наине Иосифовне` as nominative)
        parse = next((p for p in analyses(word.word) if NAME_TAGS & p.tag.grammemes), None)
    if parse is None:
        return None
    grammemes = parse.tag.grammemes
    if "Patr" in grammemes:
        return "middle" if parse.is_known or _from_first_name(word.word) else "last"
    if "Name" in grammemes:
        return "first"
    if "Surn" in grammemes:
        return "last"
    return None


def _units(words: list[Token], forms: list[str]) -> list[tuple[Token, str]]:
    """Words with their forms; pieces written without a space (`О’Рейли`, `В.`) are one."""
    units: list[tuple[Token, str]] = []
    for w, f in zip(words, forms):
        if units and not w.space:
            prev, form = units[-1]
            text = prev.word + w.word
            pos = w.pos if w.word[:1].isalpha() else prev.pos
            joined = replace(prev, text=text, word=text, pos=pos, stop=w.stop, space=True)
            units[-1] = (joined, form + f)
        else:
            units.append((w, f))
    return [(w, f) for w, f in units if any(ch.isalpha() for ch in w.word)]


def _respelt(token: Token, word: str) -> Token:
    """A copy of `token` read as `word` (an initial given back its dot)."""
    return replace(token, text=word, word=word)


def _split_initials(pairs: list[tuple[Token, str]]) -> list[tuple[Token, str]]:
    """`В.В.` (or `В.В` before a full stop) written without a space is two
    initials, `В.` and `В.`; an initial after another whose dot ended the sentence
    gets it back (`Путину В. В`)."""
    out: list[tuple[Token, str]] = []
    for w, f in pairs:
        pieces = w.word.rstrip(".").split(".")
        if len(pieces) == 2 and all(len(p) == 1 and p.isupper() for p in pieces):
            out += [(_respelt(w, p + "."), p + ".") for p in pieces[:2]]
        elif len(w.word) == 1 and w.word.isupper() and out and _is_initial(out[-1][0].word):
            out.append((_respelt(w, w.word + "."), f + "."))
        else:
            out.append((w, f))
    return out


def _initials_after(pairs: list[tuple[Token, str]], roles: list[str | None]) -> bool:
    """`Путин В.В.`: a surname then initials, one of them with its dot
    (`Ван И` is a Chinese name)."""
    return (
        len(pairs) > 1
        and roles[0] != "initial"
        and all(r == "initial" for r in roles[1:])
        and any(w.word.endswith(".") for w, _ in pairs[1:])
        and pairs[0][0].word.lower() not in east_asian_surnames()
    )


def _order(pairs: list[tuple[Token, str]]) -> list[str]:
    """The part each word plays, by dictionary tags and position."""
    roles = [_role(w) for w, _ in pairs]
    n = len(pairs)
    if n == 1:
        return [roles[0] if roles[0] in ("first", "last") else "last"]
    texts, forms = [w.word for w, _ in pairs], [f for _, f in pairs]
    if east_asian_order(texts, forms) and "initial" not in roles:
        return ["last"] + ["first"] * (n - 1)  # `Ху Цзиньтао`, `Ким Чен Ир`
    if _initials_after(pairs, roles):
        return ["last", "first", "middle"][:n]  # `Путин В. В.`
    if n == 2 and roles[1] == "middle":
        return ["first", "middle"]  # `Наина Иосифовна`
    if n == 3 and roles[0] in ("last", None) and roles[2] == "middle":
        return ["last", "first", "middle"]
    if n == 2 and roles == ["last", "first"] and pairs[0][1].endswith(SURNAME_ENDINGS):
        return ["last", "first"]
    if n == 2:
        return ["first", "last"]
    if n == 3:
        return ["first", "middle", "last"]
    return ["first"] * (n - 2) + ["middle", "last"]


def name_parts(words: list[Token], forms: list[str]) -> dict[str, str | None]:
    """Assign each normalised word of a person mention to a name part.

    Dictionary tags decide where they exist; otherwise position does:
    `Имя Фамилия`, `Имя Отчество Фамилия`, `Фамилия Имя Отчество`, and a single
    unknown word is taken as a surname. East Asian names put the surname first
    (`Ху Цзиньтао`); a particle starts the surname (`Марин Ле Пен`).
    """
    pairs = _split_initials(_units(words, forms))
    parts: dict[str, str | None] = dict.fromkeys(PARTS)
    if not pairs:
        return parts
    particle = next(
        (
            i
            for i, (w, _) in enumerate(pairs[:-1])
            if w.word.lower() in _particles()
            and (i or pairs[0][0].word.lower() not in east_asian_surnames())
        ),
        None,
    )
    tail: list[tuple[Token, str]] = []
    if particle is not None:
        pairs, tail = pairs[:particle], pairs[particle:]
    order = _order(pairs) if pairs else []
    if tail:
        order = ["middle" if p == "last" else p for p in order]
        if order.count("middle") > 1 or (len(order) == 1 and order[0] == "middle"):
            order = ["first"] * len(order)
        pairs += tail
        order += ["last"] * len(tail)
    for (_, form), part in zip(pairs, order):
        parts[part] = f"{parts[part]} {form}" if parts[part] else form
    return parts


def surname_first(parts: dict[str, str | None], normals: list[str]) -> bool:
    """An East Asian name written surname first in the text (`Ху Цзиньтао`)."""
    last, first = parts.get("last"), parts.get("first")
    if not last or not first or last.lower() not in east_asian_surnames():
        return False
    return any(n.lower().startswith(f"{last} {first}".lower()) for n in normals)


def full_name(parts: dict[str, str | None], last_first: bool = False) -> str:
    """`Имя Отчество Фамилия` from whatever parts are known (`Фамилия Имя` if asked)."""
    keys = ("last", "first", "middle") if last_first else PARTS
    return " ".join(p for p in (parts.get(k) for k in keys) if p)
