"""Checking every offset of a record against its text, and texts made to break them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _span(text: str, item: dict[str, Any], where: str) -> list[str]:
    """Problems with one `{"start", "stop", ...}` item: bounds and its `text` surface."""
    start, stop = item.get("start"), item.get("stop")
    if not (isinstance(start, int) and isinstance(stop, int) and 0 <= start <= stop <= len(text)):
        return [f"{where}: bad span {start!r}:{stop!r} (text length {len(text)})"]
    if "text" in item and text[start:stop] != item["text"]:
        return [f"{where}: text[{start}:{stop}] is {text[start:stop]!r}, not {item['text']!r}"]
    if start == stop:
        return [f"{where}: empty span at {start}"]
    return []


def _one_line(text: str, item: dict[str, Any], where: str) -> list[str]:
    """A mention, date, number or token never crosses a line break (SPEC)."""
    if LINE_BREAK.search(text, item["start"], item["stop"]):
        return [f"{where}: {text[item['start'] : item['stop']]!r} crosses a line break"]
    return []


def _args(value: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every dict nested in a fact's arguments, with a path for messages."""
    if isinstance(value, dict):
        yield where, value
        for key, inner in value.items():
            yield from _args(inner, f"{where}.{key}")
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _args(inner, f"{where}[{i}]")


def _taken_from(quote: str, evidence: str) -> bool:
    """The quote is a piece of its evidence, or pieces of it joined where the author's
    words interrupted it (`«А, — сказал он. — Б»` gives `А. Б`): its words in order."""
    if quote in evidence:
        return True
    rest = iter(re.findall(r"\w+", evidence))
    return all(word in rest for word in re.findall(r"\w+", quote))


def _fact(text: str, fact: dict[str, Any], names: dict[str, dict[str, Any]]) -> list[str]:
    where = f"fact {fact['id']}"
    problems = _span(text, fact["evidence"], f"{where}.evidence")
    evidence = text[fact["evidence"]["start"] : fact["evidence"]["stop"]]
    for path, arg in _args({k: v for k, v in fact.items() if k != "evidence"}, where):
        if "ref" in arg:
            target = names.get(arg["ref"])
            if target is None:
                problems.append(f"{path}: ref {arg['ref']!r} names no entity or item")
                continue
            for key in ("name", "text", "value"):
                if key in arg and arg[key] != target.get(key):
                    problems.append(f"{path}.{key} {arg[key]!r} differs from {target.get(key)!r}")
        elif "start" in arg or "stop" in arg:
            problems += _span(text, arg, path)
    if fact["type"] == "quote" and not _taken_from(fact["text"], evidence):
        problems.append(f"{where}.text {fact['text']!r} is not in its evidence")
    return problems


def problems(text: str, record: dict[str, Any]) -> list[str]:
    """Everything wrong with the offsets and references of `record` for `text`."""
    out: list[str] = []
    names: dict[str, dict[str, Any]] = {}
    for entity in record["entities"]:
        names[entity["id"]] = entity
        for k, m in enumerate(entity["mentions"]):
            where = f"entity {entity['id']} mention {k}"
            out += _span(text, m, where) or _one_line(text, m, where)
        for k, d in enumerate(entity.get("descriptions", [])):
            out += _span(text, d, f"entity {entity['id']} description {k}")
    from factex.layers import LAYERS

    kinds = [key for key in LAYERS if key in record]  # dates, numbers, money...
    for kind in kinds:
        for item in record[kind]:
            names.setdefault(item["id"], item)
            out += _span(text, item, f"{kind} {item['id']}") or _one_line(text, item, item["id"])
    ids = [x["id"] for x in record["entities"]] + [x["id"] for k in kinds for x in record[k]]
    if len(ids) != len(set(ids)):
        out.append(f"duplicate ids: {sorted(ids)}")
    dateline = record["doc"].get("dateline")
    if dateline:
        out += _span(text, dateline, "dateline")
    for fact in record["facts"]:
        out += _fact(text, fact, names)
    for k, sent in enumerate(record.get("sentences", [])):
        out += _span(text, sent, f"sentence {k}") or _one_line(text, sent, f"sentence {k}")
    for k, token in enumerate(record.get("tokens", [])):
        out += _span(text, token, f"token {k}") or _one_line(text, token, f"token {k}")
        if not 0 <= token["sent"] < len(record["sentences"]):
            out.append(f"token {k}: sentence {token['sent']} does not exist")
    return out


NEWS = (
    "Путин встретится с президентом Казахстана\n\n"
    "МОСКВА, 11 ноября. /ТАСС/. Президент Казахстана Касым-Жомарт Токаев 11-12 ноября "
    "совершит государственный визит в Россию. Его примет Владимир Путин. "
    "«Мы обсудим XXI век», — заявил пресс-секретарь президента РФ Дмитрий Песков. "
    "Стороны подпишут двусторонние документы в Кремле.\n"
    "В Екатеринбурге пройдет II Форум межрегионального сотрудничества России и Казахстана.\n"
)


def _variants(text: str) -> dict[str, str]:
    """The news text with its spaces, line ends and letters replaced in tricky ways."""
    return {
        "crlf": text.replace("\n", "\r\n"),
        "cr": text.replace("\n", "\r"),
        "tabs": text.replace(" ", "\t"),
        "nbsp": text.replace(" ", "\u00a0"),
        "narrow-nbsp": text.replace(" ", "\u202f"),
        "zero-width": text.replace("Путин", "Пу\u200bтин").replace(" ", " \u200b"),
        "zwnj-bom": "\ufeff" + text.replace("ов", "о\u200cв"),
        "combining-short-i": text.replace("й", "и\u0306"),
        "combining-acute": text.replace("Путин", "Пу\u0301тин"),
        "soft-hyphens": text.replace("Казахстана", "Казах\u00adстана"),
        "yo": text.replace("е", "ё")[:200] + text[200:],
        "emoji": text.replace(". ", ". 🇷🇺😀 ").replace("Токаев", "Токаев👍"),
        "astral": text.replace("Россию", "Россию 𝐀𝐁 \U00020000"),
        "one-line": text.replace("\n", " ") * 15,
        "paragraph-breaks": text.replace("\n", "\n \n\t\n\n\n"),
        "padded": "  \n\t \u00a0" + text + " \n\n\u3000 ",
        "line-separators": text.replace("\n", "\u2028").replace(". ", ".\u2029"),
        "form-feeds": text.replace("\n\n", "\n\f\n").replace(". ", ".\v"),
        "upper": text.upper(),
        "no-spaces": text.replace(" ", ""),
    }


def adversarial() -> dict[str, str]:
    """Texts that stress segmentation and offsets, by name."""
    texts = {
        "empty": "",
        "spaces": " \t\n\r\n \u00a0",
        "latin": "Vladimir Putin met Kassym-Jomart Tokayev in Moscow on 11 November 2025.",
        "french-latin1": "Le président Emmanuel Macron a rencontré à l'Élysée, le 3 décembre.",
        "punctuation": ".,;:!?-—–«»\"'()[]{}…/\\|@#$%^&*_+=~`" * 5,
        "digits": "0123456789 2025 11.11.2025 1 000 000 XXI 21-й 3,14 " * 5,
        "one-quote": "«",
        "one-straight-quote": '"',
        "unbalanced-quotes": "«Путин «заявил: „Москва“ — и ушел. \"Лавров» сказал",
        "nested-quotes": "Песков заявил: " + "«" * 30 + "Путин прибыл" + "»" * 30 + ".",
        "nested-mixed": "Он сказал: «А „Б «В „Г «Д»“ В» Б“ А».",
        "single-letter": "й",
        "combining-alone": "\u0306\u0301",
        "control": "Путин\x01прибыл\x1f в\x7fМоскву\x0b.",
        "surrogates-emoji": "😀" * 50,
        "long-word": "а" * 5000,
        "long-line": ("Путин прибыл в Москву 11 ноября 2025 года. " * 150).strip(),
        "many-dates": "11 ноября, 12 ноября и с 1 по 3 декабря 2025 года; вчера; в 2024-2025 гг.",
        "dateline-only": "МОСКВА, 11 ноября. /ТАСС/.",
        "dateline-crlf": "МОСКВА, 11 ноября 2025 года. /ТАСС/.\r\nПутин прибыл.",
        "hyphen-soup": "-- - — – ‐ ‑ ‒ −" * 10,
        "bidi": "Путин \u202eприбыл\u202c в Москву.",
        "nul": "Путин\x00прибыл в\x00Москву.\x00",
        "lone-surrogates": "Путин \ud800прибыл в Москву \udfff.",
        "other-scripts": "التقى بوتين في موسكو. 普京在莫斯科。Путин прибыл в Москву。",
        "emoji-sequences": "Путин\ufe0f прибыл ✈\ufe0f в Москву 👨\u200d👩\u200d👧 11 ноября.",
        "fullwidth-digits": "Путин прибыл в Москву １１ ноября ２０２５ года.",
        "tab-dateline": "МОСКВА,\t11\tноября.\t/ТАСС/.\tПутин прибыл.",
    }
    for name, text in _variants(NEWS).items():
        texts[name] = text
    return texts
