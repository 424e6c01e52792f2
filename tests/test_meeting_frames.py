"""Meeting frames (models/patterns-meeting.tsv): a host and a guest, a meeting named by a
pronoun, sides that each met someone else."""

from __future__ import annotations


def _meetings(nlp, text: str) -> list[list[str]]:
    record = nlp(text).to_dict()
    names = {e["id"]: e["name"] for e in record["entities"]}
    return sorted(
        sorted(names[p["ref"]] for p in f["participants"])
        for f in record["facts"]
        if f["type"] == "meeting"
    )


def test_receiving_a_guest_is_a_meeting(nlp):
    text = "Президент Алексей Воронов принял в Кремле губернатора Калужской области Игоря Ветрова."
    assert _meetings(nlp, text) == [["Алексей Воронов", "Игорь Ветров"]]
    text = "Президент Египта Ахмед Саид был принят в Кремле президентом России Алексеем Вороновым."
    assert _meetings(nlp, text) == [["Алексей Воронов", "Ахмед Саид"]]


def test_taking_part_and_a_decision_are_no_meeting(nlp):
    text = "В церемонии приняли участие губернатор Игорь Ветров и мэр Алексей Огнев."
    assert _meetings(nlp, text) == []
    text = "Президент Алексей Воронов принял решение о назначении Игоря Ветрова."
    assert _meetings(nlp, text) == []
    assert _meetings(nlp, "Игорь Ветров принял на работу Алексея Огнева.") == []


def test_a_guest_named_by_a_pronoun(nlp):
    text = (
        "Канцлер Австрии Франц Хубер посетил Белград. "
        "Там его принял президент Сербии Драган Маркович."
    )
    assert _meetings(nlp, text) == [["Драган Маркович", "Франц Хубер"]]


def test_two_people_who_each_met_someone_else_are_not_paired(nlp):
    text = (
        "Андрей Соколов встретился с Джоном Миллером, "
        "а Михаил Орлов провел переговоры с Раджешем Кумаром."
    )
    assert _meetings(nlp, text) == [
        ["Андрей Соколов", "Джон Миллер"],
        ["Михаил Орлов", "Раджеш Кумар"],
    ]


def test_a_pronoun_that_may_be_either_of_two_people_pairs_no_one(nlp):
    text = (
        "Президент Ерлан Сапаров прибыл в Москву. Вечером его принял Алексей Воронов, "
        "а затем он встретился с Михаилом Орловым."
    )
    assert _meetings(nlp, text) == [["Алексей Воронов", "Ерлан Сапаров"]]
