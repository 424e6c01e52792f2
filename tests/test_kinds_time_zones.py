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
