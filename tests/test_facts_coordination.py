"""Coordination: one post for a list of names, respective pairs, several posts of one
name, sequences of meetings."""

from __future__ import annotations

from factex import shared_pipeline as nlp  # the shared, process-wide pipeline


def facts(text: str, kind: str) -> list[dict]:
    return [f for f in nlp()(text, "2026-03-10").to_dict()["facts"] if f["type"] == kind]


def held(text: str) -> set[tuple[str, str | None, str | None]]:
    return {
        (f["person"]["name"], f["position"], (f["org"] or {}).get("name"))
        for f in facts(text, "occupation")
    }


def test_one_post_for_a_list_of_names():
    got = held("Послы Японии Кэндзи Ямада и Такеши Мори приняли участие в приеме.")
    assert ("Кэндзи Ямада", "посол", "Япония") in got
    assert ("Такеши Мори", "посол", "Япония") in got


def test_respective_pairs():
    got = held(
        "Премьер-министры Эстонии и Латвии Кайя Мяги и Андрис Калниньш обсудили энергетику."
    )
    assert ("Кайя Мяги", "премьер-министр", "Эстония") in got
    assert ("Андрис Калниньш", "премьер-министр", "Латвия") in got


def test_a_name_with_two_posts():
    got = held("Генеральный директор и председатель правления банка «Заря» Олег Гурьев ушел.")
    assert ("Олег Гурьев", "генеральный директор", "Заря") in got
    assert ("Олег Гурьев", "председатель правления", "Заря") in got


def test_a_sequence_of_meetings_is_one_meeting_each():
    met = facts(
        "Министр торговли Антон Лаптев провел переговоры с послом Чили Хорхе Рамосом, "
        "а затем встречу с послом Перу Луисом Кастро.",
        "meeting",
    )
    assert {frozenset(p["name"] for p in m["participants"]) for m in met} == {
        frozenset({"Антон Лаптев", "Хорхе Рамос"}),
        frozenset({"Антон Лаптев", "Луис Кастро"}),
    }


def test_an_elided_second_meeting():
    met = facts(
        "Глава Минэнерго Павел Рыжов в среду встретился с послом Катара Али Хамадом, "
        "а в четверг — с послом Омана Саидом Баширом.",
        "meeting",
    )
    assert len(met) == 2
