"""occupation facts: who holds which post."""

from __future__ import annotations

from functools import cache

import pytest

from factex.pipeline import Pipeline


@cache
def nlp() -> Pipeline:
    return Pipeline()


def occupations(text: str) -> list[tuple[str, str, str | None]]:
    doc = nlp()(text).to_dict()
    return [
        (f["person"]["name"], f["position"], f["org"]["name"] if f["org"] else None)
        for f in doc["facts"]
        if f["type"] == "occupation"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Об этом заявил пресс-секретарь президента Дмитрий Песков.",
            ("Дмитрий Песков", "пресс-секретарь", None),
        ),
        (
            "В Казань приехал глава Татарстана Рустам Минниханов.",
            ("Рустам Минниханов", "глава", "Татарстан"),
        ),
        (
            "Визит начал президент Казахстана Касым-Жомарт Токаев.",
            ("Касым-Жомарт Токаев", "президент", "Казахстан"),
        ),
        (
            "На форум приехал Касым-Жомарт Токаев, президент Казахстана.",
            ("Касым-Жомарт Токаев", "президент", "Казахстан"),
        ),
        (
            "Об этом сообщил министр промышленности и торговли России Антон Алиханов.",
            ("Антон Алиханов", "министр промышленности и торговли", "Россия"),
        ),
        (
            "Президент назначил Ивана Петрова министром экономики.",
            ("Иван Петров", "министр экономики", None),
        ),
        (
            "Ученый совет избрал ректором вуза профессора Марата Хуснутдинова.",
            ("Марат Хуснутдинов", "ректор вуза", None),
        ),
    ],
)
def test_positions_are_read_in_the_nominative(text, expected):
    found = occupations(text)
    person, position, org = expected
    assert any(p == person and pos == position for p, pos, _ in found), found
    if org:
        assert any(p == person and o and org in o for p, _, o in found), found


def test_person_without_post_gives_no_occupation():
    assert occupations("Вчера Иван Петров гулял по парку с собакой.") == []


def test_a_list_of_names_is_no_apposition():
    assert occupations("На встречу пришли Иван Петров, Сергей Сидоров и Анна Кузнецова.") == []


def test_where_the_post_was_given_is_not_part_of_it():
    found = occupations(
        "Накануне Денис Рогачев был избран ректором вуза на заседании ученого совета."
    )
    assert ("Денис Рогачев", "ректор вуза", None) in found
