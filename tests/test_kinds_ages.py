"""Ages as a reader checks them: the years (and months, and ranges) and the exact span."""

from __future__ import annotations

from typing import Any

from factex import Pipeline


def _ages(nlp: Pipeline, text: str) -> list[dict[str, Any]]:
    ages = nlp(text, "2025-11-11").to_dict()["ages"]
    for age in ages:
        assert text[age["start"] : age["stop"]] == age["text"]
    return ages


def _one(nlp: Pipeline, text: str, surface: str) -> dict[str, Any]:
    ages = [a for a in _ages(nlp, text) if a["text"] == surface]
    assert len(ages) == 1, _ages(nlp, text)
    assert ages[0]["start"] == text.index(surface)
    return ages[0]


def test_ages_in_months(nlp: Pipeline) -> None:
    baby = _one(nlp, "Девятимесячный младенец остался один в квартире.", "Девятимесячный")
    assert (baby["years"], baby["months"], baby["kind"]) == (0, 9, "age")
    toddler = _one(nlp, "Врачи спасли полуторагодовалого малыша.", "полуторагодовалого")
    assert (toddler["years"], toddler["months"]) == (1, 18)
    said = _one(nlp, "Малышу исполнилось 9 месяцев.", "9 месяцев")
    assert (said["years"], said["months"]) == (0, 9)
    assert "months" not in _one(nlp, "Пострадал 45-летний водитель.", "45-летний")
    assert not _ages(nlp, "Отчёты сдают раз в 3 месяца.")
    assert not _ages(nlp, "Работы заняли девятимесячный срок.")


def test_age_ranges(nlp: Pipeline) -> None:
    span = _one(nlp, "В опросе участвовали люди от 18 до 25 лет.", "от 18 до 25 лет")
    assert (span["years"], span["min"], span["max"]) == (18, 18, 25)
    adjective = _one(nlp, "Чаще всего болеют 25–30-летние мужчины.", "25–30-летние")
    assert (adjective["min"], adjective["max"]) == (25, 30)
    assert not _ages(nlp, "Ему грозит от 3 до 5 лет лишения свободы.")


def test_year_of_life_is_the_year_before(nlp: Pipeline) -> None:
    assert _one(nlp, "Он умер на 70-м году жизни.", "70-м году жизни")["years"] == 69
    words = "Певица скончалась на семьдесят восьмом году жизни."
    assert _one(nlp, words, "семьдесят восьмом году жизни")["years"] == 77


def test_bare_number_after_turned(nlp: Pipeline) -> None:
    assert _one(nlp, "В пятницу ему исполнилось 70.", "70")["years"] == 70
    assert not _ages(nlp, "Проекту исполнилось 70 процентов готовности.")


def test_person_of_an_age(nlp: Pipeline) -> None:
    text = "Задержанный Алексей Смирнов (58 лет) дал показания."
    assert _one(nlp, text, "58 лет")["person"]["name"] == "Алексей Смирнов"
    record = nlp("Двенадцатилетний Артём Котов победил на олимпиаде.").to_dict()
    assert [e["name"] for e in record["entities"]] == ["Артём Котов"]
    assert record["ages"][0]["person"]["name"] == "Артём Котов"
    assert _one(nlp, "Пенсионерке 84 года, она живёт одна.", "84 года")["years"] == 84


def test_ages_in_lists_and_clauses(nlp: Pipeline) -> None:
    text = "Им было 30, 20 и 19 лет."
    assert [(a["text"], a["years"]) for a in _ages(nlp, text)] == [
        ("30", 30), ("20", 20), ("19 лет", 19)
    ]
    assert _one(nlp, "Ему тогда было за 30, а ей — 20.", "30")["years"] == 30
    assert _one(nlp, "Министр, которому сейчас 61 год, уйдёт в отставку.", "61 год")["years"] == 61
    said = _one(nlp, "Мишель Бачелет — 54 года, врач.", "54 года")
    assert said["person"]["name"] == "Мишель Бачелет"
    assert _one(nlp, "Билеты продают лицам до 18 лет.", "18 лет")["years"] == 18
    assert _one(nlp, "Она начала петь с пяти лет.", "пяти лет")["years"] == 5
    assert not _ages(nlp, "Преступнику грозит до 10 лет лишения свободы.")
    assert not _ages(nlp, "Срок увеличат с 10 лет до 15.")


def test_hyphens_and_anniversaries(nlp: Pipeline) -> None:
    assert _one(nlp, "Избран 60-и летний епископ.", "60-и летний")["years"] == 60
    assert _one(nlp, "Погиб 27\u2011летний курьер.", "27\u2011летний")["years"] == 27
    birthday = _one(nlp, "Город отметил 111-й день рождения поэта.", "111-й день рождения")
    assert (birthday["years"], birthday["kind"]) == (111, "anniversary")
    words = _one(nlp, "Отметили сто одиннадцатую годовщину победы.", "сто одиннадцатую годовщину")
    assert (words["years"], words["kind"]) == (111, "anniversary")


def test_terms_are_no_ages(nlp: Pipeline) -> None:
    assert not _ages(nlp, "Его лишат свободы на срок от 8 до 20 лет.")
    assert not _ages(nlp, "Праздник решено проводить раз в 2 года.")
    assert not _ages(nlp, "Она проработала инженером 35 лет.")
    said = _one(nlp, "Лино Овьедо было 69 лет.", "69 лет")  # a name that does not decline
    assert (said["years"], said["person"]["name"]) == (69, "Лино Овьедо")
    half = _one(nlp, "У певца остался полугодовалый сын.", "полугодовалый")
    assert (half["years"], half["months"]) == (0, 6)
