"""Texts made to break factex, and the properties every output must have.

Shared by the hypothesis tests (tests/test_fuzz.py) and benchmarks/fuzz.py: every
generator and mutation takes a `random.Random`, so hypothesis can draw (and shrink) it
and the benchmark can run the same cases from a seed."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path
from random import Random
from typing import Any

from offsets import NEWS, problems
from schema_check import schema_problems

DEVSET = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "factru" / "devset"

# Our own vocabulary for Russian-looking text: names, places, organisations, verbs,
# words the rules look for, dates and numbers, in several case forms.
VOCABULARY = (
    "Иван Петров Ивана Петрова Ивану Петрову Мария Сидорова Марии Сидоровой Сергей Лавров "
    "Дмитрий Песков Касым-Жомарт Токаев Москва Москве Москву Россия России Россию Казахстан "
    "Казахстана Екатеринбург Екатеринбурге Нью-Йорк Кремль Кремле МИД ООН ТАСС РИА ПАО "
    "«Газпром» «Ромашка» ООО АО банк банка компания компании министр министра глава главы "
    "президент президента пресс-секретарь директор гендиректор посол визит визита встреча "
    "встречи форум форума саммит переговоры соглашение документы сделка акции доля "
    "посетит посетил прибыл встретится встретился провел проведет заявил сообщил сказал "
    "подписали купил продал владеет инвестирует оштрафовал не может будет был в во на с со "
    "по из к о об и а но что который где когда как это он она они его ее их также "
    "государственный официальный рабочий двусторонние II XXI 21-й первый второй "
    "вчера сегодня завтра понедельник января ноября декабре 2025 2024-2025 года г. гг. "
    "11 12 3 15 100 51% 1,5 млн млрд рублей долларов весной осенью летом"
)
WORDS = VOCABULARY.split()
PUNCT = [".", ",", ":", ";", "!", "?", "—", "-", "«", "»", '"', "(", ")", "…", "/", "„", "“"]
SPACES = [" ", " ", " ", " ", "\n", "\n\n", "\t", "\u00a0", "\r\n"]
# Characters to sprinkle: invisible, control, NUL, BOM, combining marks, emoji, astral.
ODD = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f\x85"
    "\u2028\u2029\u0301\u0306\u0308\u202e\u202c\U0001f600\U0001f1f7\U0001f1fa\u2764\ufe0f"
    "\U0001d400\U00020000\U0010fffd\ue000"
)
LATIN_LOOKALIKES = str.maketrans("аеорсхуАВЕКМНОРСТХ", "aeopcxyABEKMHOPCTX")


def base_texts() -> list[str]:
    """The texts to mutate: our own news text, and the devset texts when present."""
    texts = [NEWS]
    if DEVSET.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(DEVSET.glob("*.txt"))]
    return texts


def paragraph(texts: list[str], rng: Random) -> str:
    """One non-empty line of one of the texts."""
    lines = [line for line in rng.choice(texts).splitlines() if line.strip()]
    return rng.choice(lines) if lines else "Путин прибыл в Москву."


# generators
def any_unicode(rng: Random, size: int = 200) -> str:
    """Code points from anywhere (lone surrogates included), Cyrillic and space weighted up."""
    out = []
    for _ in range(rng.randrange(size)):
        pick = rng.random()
        if pick < 0.3:
            out.append(chr(rng.randrange(0x0400, 0x0500)))
        elif pick < 0.45:
            out.append(rng.choice(SPACES + PUNCT))
        elif pick < 0.55:
            out.append(rng.choice(ODD))
        elif pick < 0.75:
            out.append(chr(rng.randrange(0x20, 0x3000)))
        else:
            out.append(chr(rng.randrange(0x110000)))
    return "".join(out)


def russian_like(rng: Random, size: int = 80) -> str:
    """Word salad from our vocabulary with punctuation, quotes, dates and line breaks."""
    out: list[str] = []
    for _ in range(rng.randrange(1, size)):
        pick = rng.random()
        if pick < 0.75:
            word = rng.choice(WORDS)
            out.append(word.capitalize() if rng.random() < 0.15 else word)
        elif pick < 0.92:
            out.append(rng.choice(PUNCT))
        else:
            out.append(rng.choice(SPACES).strip(" ") or ".")
    glue = [rng.choice(("", " ", " ", " ", " ")) for _ in out]
    return "".join(g + w for g, w in zip(glue, out)).strip(" ")


# mutations of a text
def cut_mid_word(text: str, rng: Random) -> str:
    """The text up to, or from, a point inside a word."""
    inside = [i for i in range(1, len(text)) if text[i - 1].isalpha() and text[i].isalpha()]
    if not inside:
        return text
    k = rng.choice(inside)
    return text[:k] if rng.random() < 0.5 else text[k:]


def _insert(text: str, rng: Random, chars: str, count: int) -> str:
    chars_list = list(text)
    for _ in range(count):
        chars_list.insert(rng.randrange(len(chars_list) + 1), rng.choice(chars))
    return "".join(chars_list)


def _remove(text: str, keep: Callable[[str], bool]) -> str:
    return "".join(c for c in text if keep(c))


def one_word_per_line(text: str, rng: Random) -> str:
    return "\n".join(text.split())


def zero_width(text: str, rng: Random) -> str:
    return _insert(text, rng, "\u200b\u200c\u200d\u2060\u00ad", max(1, len(text) // 20))


def bom(text: str, rng: Random) -> str:
    return "\ufeff" + _insert(text, rng, "\ufeff", rng.randrange(3))


def control(text: str, rng: Random) -> str:
    controls = "".join(map(chr, range(32))) + "\x7f\x85"
    return _insert(text, rng, controls, max(1, len(text) // 30))


def nul(text: str, rng: Random) -> str:
    return _insert(text, rng, "\x00", max(1, len(text) // 40))


def latin_cyrillic(text: str, rng: Random) -> str:
    """Some words with Latin look-alike letters, some Latin words inserted."""
    words = text.split(" ")
    for i in range(len(words)):
        if rng.random() < 0.3:
            words[i] = words[i].translate(LATIN_LOOKALIKES)
        elif rng.random() < 0.1:
            words[i] = rng.choice(("Putin", "Moscow", "Gazprom", "iPhone", "COVID-19", "ок"))
    return " ".join(words)


def emoji(text: str, rng: Random) -> str:
    astral = "\U0001f600\U0001f44d\U0001f1f7\U0001f1fa\U0001d400\U00020000"
    astral += "\U0001f468\u200d\U0001f469"  # a family: man, zero-width joiner, woman
    return _insert(text, rng, astral + "\u2764\ufe0f", max(1, len(text) // 25))


def odd_characters(text: str, rng: Random) -> str:
    return _insert(text, rng, ODD, max(1, len(text) // 25))


MUTATIONS: dict[str, Callable[[str, Random], str]] = {
    "cut-mid-word": cut_mid_word,
    "upper": lambda t, r: t.upper(),
    "lower": lambda t, r: t.lower(),
    "no-spaces": lambda t, r: _remove(t, lambda c: not c.isspace()),
    "no-punctuation": lambda t, r: _remove(t, lambda c: c.isalnum() or c.isspace()),
    "one-word-per-line": one_word_per_line,
    "nfd": lambda t, r: unicodedata.normalize("NFD", t),
    "zero-width": zero_width,
    "bom": bom,
    "control": control,
    "nul": nul,
    "latin-cyrillic": latin_cyrillic,
    "emoji-astral": emoji,
    "odd-characters": odd_characters,
}


def mutant(texts: list[str], rng: Random, size: int = 2000) -> tuple[str, str]:
    """A random paragraph or stretch of a text (up to `size` characters) under one or two
    mutations; returns a name for the case and the text."""
    source = rng.choice(texts)
    if len(source) > size:
        start = rng.randrange(len(source) - size)
        source = source[start : start + size]
    names = rng.sample(sorted(MUTATIONS), rng.choice((1, 1, 2)))
    text = source
    for name in names:
        text = MUTATIONS[name](text, rng)
    return "+".join(names), text


# the heavy cases: few, each once
def repeated_paragraph(texts: list[str], rng: Random, times: int = 200) -> str:
    para = paragraph(texts, rng)[:120]
    return "\n".join([para] * times)


def long_word(rng: Random, length: int = 100_000) -> str:
    letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    return "".join(rng.choice(letters) for _ in range(length))


def long_sentence(rng: Random, words: int = 5000) -> str:
    """One sentence of `words` words with no full stop, commas now and then."""
    out = [rng.choice(WORDS).strip("«».") or "и" for _ in range(words)]
    for i in range(7, words, rng.randrange(8, 40)):
        out[i] += ","
    return " ".join(out) + "."


# the properties
def record_of(nlp: Any, text: str) -> dict[str, Any] | str:
    """factex's record for `text` with its tokens, or what it raised."""
    try:
        return nlp(text, "2025-11-11", tokens=True).to_dict()  # type: ignore[no-any-return]
    except Exception as err:  # noqa: BLE001 - the property is that there is none
        return f"exception {type(err).__name__}: {err}"


def judged(text: str, first: dict[str, Any] | str, second: dict[str, Any] | str) -> list[str]:
    """What is wrong with two runs' output for `text`: an exception, a warning (a stage
    failed), an offset that is not exact, a record the schema refuses, or a second run
    that differs. Empty when all is well."""
    for run in (first, second):
        if isinstance(run, str):
            return [run]
    assert isinstance(first, dict)
    found = [f"warning {w}" for w in first.get("warnings", [])]
    found += problems(text, first)
    found += [f"schema: {p}" for p in schema_problems(first)]
    if json.dumps(first, sort_keys=True) != json.dumps(second, sort_keys=True):
        found.append("a second run gave another record")
    return found


def violations(nlp: Any, text: str) -> list[str]:
    """What is wrong with factex's output for `text`, run twice (see `judged`)."""
    return judged(text, record_of(nlp, text), record_of(nlp, text))
