"""The whole pipeline on the seed article and on small texts."""

from __future__ import annotations

import factex


def _entities(record: dict) -> dict[str, dict]:
    return {e["name"]: e for e in record["entities"]}


def test_record_has_spec_keys(seed_record):
    from factex.layers import LAYERS

    keys = list(seed_record)  # version 1 in its order, then the lists of SPEC 0.3, then facts
    assert keys[:5] == ["factex", "doc", "entities", "dates", "numbers"] and keys[-1] == "facts"
    assert keys[3:-1] == list(LAYERS)
    assert {"money", "percents", "ages", "times", "laws", "awards"} <= set(keys)  # SPEC 0.3
    assert {"nationalities", "professions", "events"} <= set(keys)
    assert set(seed_record["doc"]) >= {"id", "source", "title", "date", "date_source", "dateline"}


def test_seed_header(seed_record):
    doc = seed_record["doc"]
    assert doc["title"] == "Путин встретится с президентом Казахстана в России"
    assert doc["date"] == "2025-11-11" and doc["date_source"] == "option"
    dateline = doc["dateline"]
    assert (dateline["place"], dateline["date"], dateline["agency"]) == (
        "Москва",
        "2025-11-11",
        "ТАСС",
    )


def test_seed_persons(seed_record):
    persons = {e["name"]: e for e in seed_record["entities"] if e["type"] == "PER"}
    for name in (
        "Касым-Жомарт Токаев",
        "Владимир Путин",
        "Дмитрий Песков",
        "Руслан Желдибай",
        "Рустам Минниханов",
        "Толен Абдиков",
    ):
        assert name in persons, name
    tokaev = persons["Касым-Жомарт Токаев"]
    assert tokaev["parts"] == {"first": "Касым-Жомарт", "middle": None, "last": "Токаев"}
    texts = {m["text"] for m in tokaev["mentions"]}
    assert {"Касым-Жомарт Токаев", "Токаеву", "Токаева", "Токаев"} <= texts
    putin = {m["text"] for m in persons["Владимир Путин"]["mentions"]}
    assert {"Владимиром Путиным", "Путин"} <= putin


def test_seed_places_and_organisations(seed_record):
    names = _entities(seed_record)
    for name in ("Россия", "Уральск", "Душанбе", "Астана", "Москва", "Татарстан", "Украина"):
        assert names.get(name, {}).get("type") == "LOC", name
    assert any(n.endswith("Казахстан") for n, e in names.items() if e["type"] == "LOC")
    for name in ("ТАСС", "Новая Третьяковская галерея", "Малый театр"):
        assert names.get(name, {}).get("type") == "ORG", name
    russia = {m["text"] for m in names["Россия"]["mentions"]}
    assert {"России", "РФ", "Россию"} <= russia


def test_seed_offsets_and_paragraphs(seed_text, seed_record):
    for entity in seed_record["entities"]:
        for m in entity["mentions"]:
            assert seed_text[m["start"] : m["stop"]] == m["text"]
            assert "\n" not in m["text"]
            assert "©" not in m["text"] and "/" not in m["text"]
        starts = [m["start"] for m in entity["mentions"]]
        assert starts == sorted(starts)


def test_extract_api_and_pipe():
    doc = factex.extract("Владимир Путин прибыл в Казань.", doc_id="x")
    assert doc.to_dict()["doc"]["id"] == "x"
    assert '"Владимир Путин"' in doc.to_json()
    docs = list(factex.shared_pipeline().pipe(["Сергей Лавров прилетел в Минск.", ""]))
    assert [d.info.id for d in docs] == ["doc1", "doc2"]
    assert docs[1].to_dict()["entities"] == []


def test_reference_from_dateline_with_year():
    record = factex.extract(
        "ЕРЕВАН, 2 июня 2026. /Интерфакс/. Никол Пашинян провел совещание."
    ).to_dict()
    assert record["doc"]["date"] == "2026-06-02"
    assert record["doc"]["date_source"] == "dateline"
    assert record["doc"]["dateline"]["place"] == "Ереван"


def test_no_year_no_reference():
    record = factex.extract("МОСКВА, 11 ноября. /ТАСС/. Сергей Лавров прибыл в Минск.").to_dict()
    assert record["doc"]["date"] is None and record["doc"]["date_source"] is None
    assert record["doc"]["dateline"]["date"] == "--11-11"


def test_bad_reference_date_is_refused():
    import pytest

    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        factex.extract("Текст.", date="11 ноября")


def test_bytes_are_refused_with_a_hint():
    import pytest

    with pytest.raises(TypeError, match="decode bytes first"):
        factex.extract("Текст".encode())


def test_impossible_dateline_date_is_not_given():
    record = factex.extract("МОСКВА, 31 февраля. /ТАСС/. Сергей Лавров прибыл в Минск.").to_dict()
    assert record["doc"]["dateline"]["place"] == "Москва"
    assert record["doc"]["dateline"]["date"] is None
    leap = factex.extract("МОСКВА, 29 февраля. /ТАСС/. Текст.").to_dict()
    assert leap["doc"]["dateline"]["date"] == "--02-29"
