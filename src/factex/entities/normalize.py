"""Normal forms of mentions: nominative singular, proper-name case kept.

`Новой Третьяковской галерее` -> `Новая Третьяковская галерея`,
`Толена Абдикова` -> `Толен Абдиков`, `Касым-Жомарта` -> `Касым-Жомарт`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pymorphy3.analyzer import Parse

from ..resources import table
from ..text.morph import UD_TO_OC_CASE, UD_TO_OC_GENDER, analyzer, best_parse

QUOTES = "«»\"„“”'"


@dataclass(frozen=True)
class Word:
    """A word of a mention with slovnet's tag."""

    text: str
    pos: str
    feats: tuple[tuple[str, str], ...]
    space: bool = True  # whitespace stands before the word in the text

    @property
    def case(self) -> str | None:
        return dict(self.feats).get("Case")


def _case_like(form: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return form.upper()
    if original[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def restore_case(form: str, original: str) -> str:
    """Give `form` the capitalisation of `original`, hyphen part by hyphen part."""
    parts, orig = form.split("-"), original.split("-")
    if len(parts) != len(orig):
        return _case_like(form, original)
    return "-".join(_case_like(p, o) for p, o in zip(parts, orig))


def _loose_parse(word: Word) -> Parse | None:
    """For a name the tagger's part of speech rules out (`Долгорукому` is an adjective,
    `Райкконена` a guess): the likeliest parse in the tagged case and gender."""
    feats = dict(word.feats)
    cases = UD_TO_OC_CASE.get(feats.get("Case", ""), set())
    gender = UD_TO_OC_GENDER.get(feats.get("Gender", ""))
    for parse in analyzer().parse(word.text):
        tag = parse.tag
        if tag.POS in ("NOUN", "ADJF") and tag.case in cases and tag.number != "plur":
            if gender and tag.gender and tag.gender != gender:
                continue
            return parse
    return None


def _inflect(word: Word, grammemes: set[str], loose: bool = False) -> str | None:
    if word.text.isupper() and len(word.text) > 1:  # abbreviations do not inflect
        return None
    parse = best_parse(word.text, word.pos, word.feats)
    if parse is None and loose and word.case not in (None, "Nom"):
        parse = _loose_parse(word)
    if parse is None or parse.tag.case is None:
        return None
    if parse.tag.case == "nomn" and not grammemes - {"nomn"}:
        return None
    form = parse.inflect(grammemes)
    if form is None:
        return None
    if "Supr" in parse.tag:
        return restore_case(_closest_form(parse, grammemes, word.text.lower()), word.text)
    return restore_case(form.word, word.text)


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _closest_form(parse: Parse, grammemes: set[str], original: str) -> str:
    """`высшего` -> `высший`, not `высочайший`: of a superlative's forms with the
    wanted grammemes, the one closest to the word as written."""
    wanted = grammemes | {"Supr"}
    forms = [f.word for f in parse.lexeme if wanted <= f.tag.grammemes]
    return max(forms, key=lambda f: _shared_prefix(f, original), default=original)


def _inflect_hyphenated(word: Word, grammemes: set[str], loose: bool = False) -> str:
    """Inflect a word; for `Касым-Жомарта` inflect the last part only if whole fails."""
    whole = _inflect(word, grammemes, loose)
    if whole is not None or "-" not in word.text:
        return whole or word.text
    head, _, tail = word.text.rpartition("-")
    last = _inflect(Word(tail, word.pos, word.feats), grammemes)
    return f"{head}-{last}" if last else word.text


def _agreeing(words: list[Word]) -> list[Word]:
    """Parts of one name agree in case and gender: take them from the first word
    (the tagger sometimes reads `Абдикова` after `Толена` as another case)."""
    lead = next((w for w in words if len(w.text) > 2 and w.case), None)
    if lead is None:
        return words
    shared = {k: v for k, v in lead.feats if k in ("Case", "Gender", "Number")}
    return [
        Word(w.text, w.pos, tuple(sorted({**dict(w.feats), **shared}.items())), w.space)
        if len(w.text) > 2
        else w
        for w in words
    ]


def normalize_person(words: list[Word]) -> list[str]:
    """Each word of a person's name in the nominative, gender kept.

    Parts agree in case with the first one; a part left as it was (an
    indeclinable first name such as `Кими` leads) is retried in its own case.
    """
    out = []
    for w, agreed in zip(words, _agreeing(words)):
        if not any(c.isalpha() for c in w.text):
            out.append(w.text)
            continue
        form = _inflect_hyphenated(agreed, {"nomn"}, loose=True)
        if form == w.text and agreed.case != w.case:
            form = _inflect_hyphenated(w, {"nomn"}, loose=True)
        out.append(form)
    return out


def _is_nominal(word: Word) -> bool:
    return word.pos in {"NOUN", "PROPN"}


@cache
def _countries() -> dict[str, str]:
    return {row[0]: row[1] for row in table("facts-nationality") if len(row) > 1}


def _genitive(name: str) -> str:
    """`Россия` -> `России`; names that do not inflect (`США`) stay."""
    if name.isupper() or " " in name:
        return name
    for parse in analyzer().parse(name):
        if "Geox" in parse.tag and parse.tag.case == "nomn":
            form = parse.inflect({"gent"})
            return restore_case(form.word, name) if form else name
    return name


def _owner_first(words: list[Word]) -> str | None:
    """`российского МИД` -> `МИД России`: a country adjective before an abbreviation
    names the abbreviation's owner, written after it in the genitive."""
    if len(words) != 2 or not words[0].text.islower() or not words[1].text.isupper():
        return None
    parse = best_parse(words[0].text, words[0].pos, words[0].feats)
    country = _countries().get(parse.normal_form) if parse is not None else None
    if country is None or len(words[1].text) < 2:
        return None
    return f"{words[1].text} {_genitive(country)}"


def normalize_name(words: list[Word]) -> str:
    """A place or organisation name in the nominative.

    The leading agreement group (adjectives and the first noun, in the case of
    the first word) is put in the nominative; complements after it
    (`культуры и информации Казахстана`) and quoted names stay as written.
    """
    if not words:
        return ""
    owned = _owner_first(words)
    if owned is not None:
        return owned
    case = words[0].case
    out: list[str] = []
    inflecting = case is not None and case != "Nom" and words[0].text[0] not in QUOTES
    head_number: str | None = None
    head_gender: str | None = None
    for w in words:
        if _is_nominal(w):
            parse = best_parse(w.text, w.pos, w.feats)
            if parse is not None:
                head_number, head_gender = parse.tag.number, parse.tag.gender
            break
    for w in words:
        if inflecting and w.case == case:
            grammemes = {"nomn"}
            if w.pos in {"ADJ", "DET"}:
                if head_number == "plur":
                    grammemes.add("plur")
                elif head_gender:
                    grammemes |= {"sing", head_gender}
            out.append(_inflect_hyphenated(w, grammemes))
            if _is_nominal(w):
                inflecting = False
        else:
            if _is_nominal(w) or w.case != case:
                inflecting = False
            out.append(w.text)
    return join_words(out, words)


def join_words(forms: list[str], words: list[Word]) -> str:
    """Join normalised words, with a space where the text had whitespace."""
    return "".join((" " if i and w.space else "") + f for i, (f, w) in enumerate(zip(forms, words)))
