"""Ordinals as NEREL marks them: Roman numerals after names, not English words; the
year of life is an age, not an ordinal."""

from __future__ import annotations

from factex import Pipeline


def _ordinals(nlp: Pipeline, text: str) -> list[tuple[str, int]]:
    numbers = nlp(text).to_dict()["numbers"]
    for n in numbers:
        assert text[n["start"] : n["stop"]] == n["text"]
    return [(n["text"], n["value"]) for n in numbers if n["kind"] == "ordinal"]


def test_roman_numerals_after_names(nlp: Pipeline) -> None:
    assert _ordinals(nlp, "Император Николай II отрёкся от престола.") == [("II", 2)]
    assert _ordinals(nlp, "Пётр I основал город.") == [("I", 1)]


def test_english_words_are_no_numerals(nlp: Pipeline) -> None:
    assert _ordinals(nlp, "Он спел «I Love You» и «I’m Your Man».") == []


def test_year_of_life_is_no_ordinal(nlp: Pipeline) -> None:
    text = "Писатель умер на 97-м году жизни."
    assert _ordinals(nlp, text) == []
    assert nlp(text).to_dict()["ages"][0]["years"] == 96
