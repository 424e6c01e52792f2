"""event facts: name, kind, ordinal, place, theme."""

from __future__ import annotations

from functools import cache

from factex.pipeline import Pipeline


@cache
def nlp() -> Pipeline:
    return Pipeline()


def events(text: str) -> list[dict]:
    return [f for f in nlp()(text).to_dict()["facts"] if f["type"] == "event"]


def test_numbered_forum_with_place_and_theme():
    (e,) = events(
        "В Казани откроется X Международный экономический форум «Россия — исламский мир». "
        'Главная тема мероприятия в этом году - "Технологии и партнерство".'
    )
    assert e["kind"] == "форум"
    assert e["ordinal"] == 10
    assert e["name"] == "Международный экономический форум «Россия — исламский мир»"
    assert e["place"]["name"] == "Казань"
    assert e["theme"] == "Технологии и партнерство"


def test_days_of_culture():
    (e,) = events("В Москве открылись Дни культуры Казахстана.")
    assert e["kind"] == "дни культуры"
    assert e["name"] == "Дни культуры Казахстана"
    assert e["place"]["name"] == "Москва"


def test_generic_plural_is_no_event():
    assert events("Форумы проводятся поочередно в разных странах.") == []


def test_a_bare_mention_refers_back_to_the_named_event():
    found = events(
        "В Екатеринбурге открылась 16-я Международная промышленная выставка «Иннопром». "
        "Главная тема выставки в этом году - «Технологический суверенитет». "
        "На выставке покажут новые станки."
    )
    assert len(found) == 1
    assert found[0]["theme"] == "Технологический суверенитет"
    assert found[0]["name"] == "Международная промышленная выставка «Иннопром»"
