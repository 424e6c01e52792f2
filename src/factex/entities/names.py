"""Person name parts: first, middle (patronymic) and last name."""

from __future__ import annotations

from ..text.morph import best_parse
from .normalize import Word

PARTS = ("first", "middle", "last")


def _role(word: Word) -> str | None:
    """`first`, `middle`, `last` from the dictionary, or None when unknown."""
    if len(word.text) <= 2 and word.text.endswith(".") or len(word.text) == 1:
        return "initial"
    parse = best_parse(word.text, word.pos, word.feats)
    if parse is None:
        return None
    grammemes = parse.tag.grammemes
    if "Patr" in grammemes:
        return "middle"
    if "Name" in grammemes:
        return "first"
    if "Surn" in grammemes:
        return "last"
    return None


def name_parts(words: list[Word], forms: list[str]) -> dict[str, str | None]:
    """Assign each normalised word of a person mention to a name part.

    Dictionary tags decide where they exist; otherwise position does:
    `Имя Фамилия`, `Имя Отчество Фамилия`, `Фамилия Имя Отчество`, and a single
    unknown word is taken as a surname.
    """
    pairs = [(w, f) for w, f in zip(words, forms) if any(ch.isalpha() for ch in w.text)]
    parts: dict[str, str | None] = dict.fromkeys(PARTS)
    if not pairs:
        return parts
    roles = [_role(w) for w, _ in pairs]
    if len(pairs) == 1:
        role = roles[0] if roles[0] in ("first", "last") else "last"
        parts[role] = pairs[0][1]
        return parts
    if len(pairs) == 3 and roles[0] in ("last", None) and roles[2] == "middle":
        order = ["last", "first", "middle"]
    elif len(pairs) == 2 and roles[0] == "last" and roles[1] == "first":
        order = ["last", "first"]
    elif len(pairs) == 2:
        order = ["first", "last"]
    else:
        order = ["first", "middle", "last"][: len(pairs) - 1] + ["last"]
        if len(pairs) > 3:
            order = ["first"] * (len(pairs) - 2) + ["middle", "last"]
    for (_, form), part in zip(pairs, order):
        parts[part] = f"{parts[part]} {form}" if parts[part] else form
    return parts


def full_name(parts: dict[str, str | None]) -> str:
    """`Имя Отчество Фамилия` from whatever parts are known."""
    return " ".join(p for p in (parts.get(k) for k in PARTS) if p)
