"""Long texts in windows: the same record as one pass, with small windows forced."""

from __future__ import annotations

import pytest
from conftest import SAMPLES
from offsets import problems

from factex.time.reference import Reference
from factex.windows import assemble, windows

# Articles of similar length (each more than half the longest), so that windows of
# the longest article's length hold one article each.
ARTICLES = (
    "governor-appointment",
    "gazprom-sber-agreement",
    "court-personal-data",
    "culture-days-minsk",
)


def _article(name: str) -> str:
    lines = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if line.strip())


@pytest.fixture(scope="module")
def articles() -> tuple[str, int]:
    """Four articles, paragraphs one a line, separated by a blank line; the window size."""
    docs = [_article(name) for name in ARTICLES]
    return "\n\n".join(docs) + "\n", max(len(d) for d in docs) + 2


@pytest.fixture(scope="module")
def whole(nlp, articles) -> dict:
    return nlp(articles[0], "2026-04-22").to_dict()


def _date():
    return Reference.parse("2026-04-22")


def _cover(text: str, size: int) -> list[tuple[int, int]]:
    spans = list(windows(text, size))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 < b - a <= size for a, b in spans)
    return spans


def test_windows_end_at_paragraphs():
    text = "".join(f"Абзац номер {i}. Второе предложение абзаца.\n" for i in range(50))
    for _, b in _cover(text, 200):
        assert text[b - 1] == "\n"


def test_windows_prefer_a_blank_line():
    text = "Первая статья.\n" * 5 + "\n" + "Вторая статья.\n" * 5
    assert _cover(text, 120)[0][1] == text.index("\n\n") + 2


def test_long_paragraph_cut_after_a_sentence_then_a_space():
    sentences = "Путин прибыл в Москву. " * 40
    for a, b in _cover(sentences, 100)[:-1]:
        assert sentences[a:b].endswith(". ")
    words = "слово " * 100
    for a, b in _cover(words, 50)[:-1]:
        assert words[a:b].endswith(" ")
    assert _cover("я" * 1000, 300) == [(0, 300), (300, 600), (600, 900), (900, 1000)]


def test_windows_of_short_and_empty_text():
    assert list(windows("", 10)) == [(0, 0)]
    assert list(windows("абв", 10)) == [(0, 3)]
    with pytest.raises(ValueError):
        list(windows("абв", 0))


def test_a_window_per_article_gives_the_same_record(nlp, articles, whole):
    text, size = articles
    assert len(list(windows(text, size))) == len(ARTICLES)
    windowed = assemble(nlp.analyse, text, _date(), size).to_dict()
    assert problems(text, windowed) == []
    # Descriptions (`губернатор`) are resolved within a window: one pass over all four
    # articles leaves some unresolved that another article's governor makes ambiguous.
    assert _without_descriptions(windowed) == _without_descriptions(whole)


def _without_descriptions(record: dict) -> dict:
    entities = [{k: v for k, v in e.items() if k != "descriptions"} for e in record["entities"]]
    return dict(record, entities=entities)


def test_small_windows_keep_entities_dates_and_numbers(nlp, articles, whole):
    """Windows of a few sentences, cut inside paragraphs: persons named in full in one
    window and by surname in another are still one entity; every id and offset holds."""
    text, _ = articles
    record = assemble(nlp.analyse, text, _date(), 400).to_dict()
    assert problems(text, record) == []
    for key in ("doc", "entities", "numbers"):
        assert _without_descriptions(record)[key] == _without_descriptions(whole)[key], key
    assert [d["text"] for d in record["dates"]] == [d["text"] for d in whole["dates"]]
    for prefix, key in (("T", "entities"), ("D", "dates"), ("N", "numbers"), ("F", "facts")):
        ids = [x["id"] for x in record[key]]
        assert ids == [f"{prefix}{i}" for i in range(1, len(ids) + 1)]
    far = [
        e
        for e in record["entities"]
        if e["mentions"][-1]["start"] - e["mentions"][0]["start"] > 400
    ]
    assert len(far) > 5, "entities named in windows far apart are one entity each"


def test_the_pipeline_runs_long_texts_in_windows(nlp, articles, whole, monkeypatch):
    """Only the first window gives the header: a later article's dateline is no dateline."""
    text, size = articles
    longer = text + "\n" + "МОСКВА, 3 мая. /ТАСС/. " + _article("mfa-vks") + "\n"
    one_pass = nlp(longer, "2026-04-22", doc_id="long").to_dict()
    monkeypatch.setattr(nlp, "window", size)
    record = nlp(longer, "2026-04-22", doc_id="long").to_dict()
    assert record["doc"] == dict(whole["doc"], id="long")
    assert problems(longer, record) == []
    for key in ("doc", "entities", "dates", "numbers"):
        assert _without_descriptions(record)[key] == _without_descriptions(one_pass)[key], key


# Paragraphs written for this test: each person named in full once, elsewhere by a
# case form the normaliser may read in another way (`Юн Сок Ёля`, `Абдель Ати`).
_PEOPLE = (
    "Музыкант Виктор Цой выступил в Ленинграде вместе с группой «Кино».",
    "Президент Южной Кореи Юн Сок Ёль прибыл в Сеул после визита в Токио.",
    "Министр иностранных дел Египта Бадр Абдель Ати провёл переговоры в Каире.",
    "Лидер партии Ли Цзай Мин выступил перед сторонниками.",
    "Канцлер Германии Фридрих Мерц прилетел в Берлин.",
)
_LATER = (
    "Песни Цоя звучали на концерте в Москве до позднего вечера.",
    "Указ Юн Сок Ёля опубликован в официальной газете.",
    "Слова Абдель Ати привели журналисты нескольких изданий.",
    "Речь Ли Цзай Мина транслировали по всем каналам страны.",
    "Встреча с Мерцем прошла в Берлине, сообщили в правительстве.",
    "Погода в Москве была тёплой весь день, светило солнце.",
)


def _clusters(record: dict) -> list[list[str]]:
    """The mention texts of each entity named more than once."""
    found = [sorted({m["text"] for m in e["mentions"]}) for e in record["entities"]]
    return sorted(c for c in found if len(c) > 1)


def test_one_clusterer_whatever_the_window(nlp):
    """A long text of repeated and varied paragraphs: the names that recur far apart
    cluster as they do in one pass, with windows of a paragraph or of the whole text."""
    paragraphs = list(_PEOPLE)
    for k in range(30):
        paragraphs.append(_LATER[k % len(_LATER)])
        paragraphs.append(_LATER[(k * 5 + 2) % len(_LATER)])
    text = "\n\n".join(paragraphs) + "\n"
    whole = nlp(text, "2025-11-11").to_dict()
    for size in (150, 2_000):
        record = assemble(nlp.analyse, text, _date(), size).to_dict()
        assert problems(text, record) == []
        assert _clusters(record) == _clusters(whole), size
    persons = {e["name"]: len(e["mentions"]) for e in whole["entities"] if e["type"] == "PER"}
    for name in ("Виктор Цой", "Юн Сок Ёль", "Бадр Абдель Ати", "Ли Цзай Мин", "Фридрих Мерц"):
        assert persons.get(name, 0) > 5, (name, persons)
