"""Times with their zone as news writes it; values and exact spans."""

from __future__ import annotations

from factex import Pipeline


def _times(nlp: Pipeline, text: str) -> list[tuple[str, str | None]]:
    items = nlp(text, "2025-11-11").to_dict()["times"]
    for t in items:
        assert text[t["start"] : t["stop"]] == t["text"]
    return [(t["text"], t["value"]) for t in items]


def test_a_bracket_closes_only_what_opened_it(nlp: Pipeline) -> None:
    text = "Взрыв прогремел в 07:40 по местному времени (06:40 мск)."
    assert _times(nlp, text) == [
        ("в 07:40 по местному времени", "07:40"),
        ("06:40 мск", "06:40+03:00"),
    ]
    assert _times(nlp, "Эфир начнётся в 13:00 (мск).") == [("в 13:00 (мск)", "13:00+03:00")]


def test_time_of_a_named_place(nlp: Pipeline) -> None:
    assert _times(nlp, "Поезд ушёл в 21:15 по времени Москвы.") == [
        ("в 21:15 по времени Москвы", "21:15+03:00")
    ]
    assert _times(nlp, "Толчок был в 10:24 по времени Токио.") == [
        ("в 10:24 по времени Токио", "10:24+09:00")
    ]
    assert _times(nlp, "Старт в 9:45 по времени Байконура.") == [
        ("в 9:45 по времени Байконура", "09:45")
    ]


def test_hour_range_with_a_zone(nlp: Pipeline) -> None:
    assert _times(nlp, "Участки открыты с 8 до 20 часов по московскому времени.") == [
        ("с 8 до 20 часов по московскому времени", "08:00+03:00/20:00+03:00")
    ]


def test_zones_after_words_of_the_hour(nlp: Pipeline) -> None:
    assert _times(nlp, "Салют дадут в полночь по Москве.") == [
        ("в полночь по Москве", "00:00+03:00")
    ]
    assert _times(nlp, "Трансляция начнётся в 11 вечера по мск.") == [
        ("в 11 вечера по мск", "23:00+03:00")
    ]


def test_hours_in_the_dative_and_half_hours_after_na(nlp: Pipeline) -> None:
    assert _times(nlp, "Полиция прибыла к 20 часам.") == [("к 20 часам", "20:00")]
    assert _times(nlp, "Встреча назначена на половину седьмого вечера.") == [
        ("на половину седьмого вечера", "18:30")
    ]
    assert _times(nlp, "Команда уступила на половину второго тайма.") == []


def test_hours_spans_before_the_hour_and_limits(nlp: Pipeline) -> None:
    assert _times(nlp, "Участки работают с 7 утра до 11 вечера.") == [
        ("с 7 утра до 11 вечера", "07:00/23:00")
    ]
    assert _times(nlp, "Запрет действует с 22 часов до 6 утра.") == [
        ("с 22 часов до 6 утра", "22:00/06:00")
    ]
    assert _times(nlp, "Без четверти двенадцать прозвучал выстрел.") == [
        ("Без четверти двенадцать", "11:45")
    ]
    assert _times(nlp, "Сигнал прозвучал без пяти восемь утра.") == [
        ("без пяти восемь утра", "07:55")
    ]
    assert _times(nlp, "Суд объявил перерыв до 14 часов.") == [("до 14 часов", "14:00")]
    assert _times(nlp, "После 21 часа продажа запрещена.") == [("После 21 часа", "21:00")]
    assert _times(nlp, "Смены длятся до 3 часов.") == []  # a span
    assert _times(nlp, "Он был без пяти минут чемпионом.") == []


def test_zones_written_otherwise_and_what_is_no_time(nlp: Pipeline) -> None:
    assert _times(nlp, "Старт на 02:30 по UTC.") == [("02:30 по UTC", "02:30+00:00")]
    assert _times(nlp, "Брифинг в 11:00 (время московское).") == [
        ("в 11:00 (время московское)", "11:00+03:00")
    ]
    assert _times(nlp, "Обыск начался в 11 ч утра по московскому.") == [
        ("в 11 ч утра по московскому", "11:00+03:00")
    ]
    assert _times(nlp, "Звоните в 10:00 по городскому телефону.") == [("в 10:00", "10:00")]
    assert _times(nlp, "Финишировали в 10 ч 30 мин.") == [("в 10 ч 30 мин", "10:30")]
    assert _times(nlp, "Результат забега — 2:05:37.") == []
    assert _times(nlp, "Масштаб карты 1:50 000.") == []
