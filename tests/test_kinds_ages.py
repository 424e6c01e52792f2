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


def _person(nlp: Pipeline, text: str, surface: str) -> str | None:
    person = _one(nlp, text, surface)["person"]
    return person["name"] if person else None


def test_the_person_named_after_a_post_and_its_genitive_or_in_apposition(nlp: Pipeline) -> None:
    text = "В финале ему противостоял 33-летний представитель Великобритании Ричард Круз."
    assert _person(nlp, text, "33-летний") == "Ричард Круз"
    text = "Суд арестовал 38-летнего заместителя мэра Томска Павла Грина."
    assert _person(nlp, text, "38-летнего") == "Павел Грин"
    text = "Виктор Лазарев, 47-летний инженер из Самары, выиграл конкурс."
    assert _person(nlp, text, "47-летний") == "Виктор Лазарев"
    text = "Премьер Олег Ветров, которому 62 года, не стал комментировать отставку."
    assert _person(nlp, text, "62 года") == "Олег Ветров"


def test_no_person_across_a_verb_a_case_or_a_gender(nlp: Pipeline) -> None:
    text = "33-летний представитель команды обратился к Ивану Петрову с просьбой."
    assert _person(nlp, text, "33-летний") is None
    assert _person(nlp, "Сын Ирины Котовой, 14-летний школьник, пропал.", "14-летний") is None
    text = "Компания Андрея Белова, которой исполнилось 20 лет, отметила юбилей."
    assert all(a["person"] is None for a in _ages(nlp, text))


def _whose(age: dict[str, Any]) -> str | None:
    return age["person"]["name"] if age["person"] else None


def test_whose_age_over_time_phrases_subjects_and_relatives(nlp: Pipeline) -> None:
    late = _one(nlp, "Борису Гринбергу на днях исполнилось 80 лет.", "80 лет")
    assert _whose(late) == "Борис Гринберг"
    after = _one(nlp, "Исполнилось 95 лет ветерану войны Михаилу Кузнецову.", "95 лет")
    assert _whose(after) == "Михаил Кузнецов"
    died = _one(nlp, "Вадим Лосев скончался в возрасте 84 лет.", "84 лет")
    assert _whose(died) == "Вадим Лосев"
    young = _one(nlp, "В 25 лет Кирилл Абрамов стал миллиардером.", "25 лет")
    assert _whose(young) == "Кирилл Абрамов"
    son = _one(nlp, "Сыну Алексея Грачёва исполнилось 10 лет.", "10 лет")
    assert son["years"] == 10 and son["person"] is None
    stepfather = _one(nlp, "Девушка рассказала о 45-летнем отчиме Николая Рыбакова.", "45-летнем")
    assert stepfather["person"] is None
    artist = _one(nlp, "Умер 81-летний народный артист России Валентин Горский.", "81-летний")
    assert _whose(artist) == "Валентин Горский"


def test_ages_in_brackets_words_and_halves(nlp: Pipeline) -> None:
    text = "В списке кандидатов — Марина Яковлева (44) и Олег Рябов (51)."
    assert [(a["years"], _whose(a)) for a in _ages(nlp, text)] == [
        (44, "Марина Яковлева"), (51, "Олег Рябов")
    ]  # fmt: skip
    assert _one(nlp, "Водитель, 52 года, скончался на месте.", "52 года")["years"] == 52
    assert _one(nlp, "Ей исполнилось восемнадцать.", "восемнадцать")["years"] == 18
    half = _one(nlp, "Ребёнку 1,5 года.", "1,5 года")
    assert (half["years"], half["months"]) == (1, 18)
    assert _one(nlp, "В больницу доставили 11-месячного ребёнка.", "11-месячного")["months"] == 11
    assert _one(nlp, "Кредит выдаётся гражданам от 21 года.", "21 года")["years"] == 21
    assert not _ages(nlp, "Требуется опыт работы от 3 лет.")
    assert not _ages(nlp, "Ему в течение трёх лет запрещено занимать должности.")
    assert not _ages(nlp, "Следствие позволило ему 15 лет скрываться.")


def test_a_relative_named_after_a_word_of_kin_is_not_the_holder(nlp: Pipeline) -> None:
    son = _one(nlp, "Полиция задержала семилетнего сына Ивана Орлова.", "семилетнего")
    assert son["years"] == 7 and son["person"] is None
    named = _one(nlp, "Его 7-летний сын Иван пошёл в школу.", "7-летний")
    assert _whose(named) == "Иван"
    own = _one(nlp, "В свои 58 Иван Орлов полон сил.", "58")
    assert own["years"] == 58 and _whose(own) == "Иван Орлов"
    assert _one(nlp, "Мальчик пяти лет выпал из окна.", "пяти лет")["years"] == 5
    assert not _ages(nlp, "Мальчик 12 лет жил в лесу.")


def test_a_pronoun_s_age_is_the_one_person_named_before_it(nlp: Pipeline) -> None:
    text = "Умер британский музыкант Марк Холлис. Ему было 64 года."
    assert _one(nlp, text, "64 года")["person"]["name"] == "Марк Холлис"
    text = "Анна Белова родилась в Твери. Ей исполнилось 45 лет."
    assert _one(nlp, text, "45 лет")["person"]["name"] == "Анна Белова"
    text = "Иван Орлов и Петр Белов встретились в Москве. Ему 58 лет."
    assert _one(nlp, text, "58 лет").get("person") is None  # two men: no one


def test_estimates_and_the_year_going(nlp: Pipeline) -> None:
    assert _one(nlp, "Ему 40 с лишним лет.", "40 с лишним лет")["years"] == 40
    assert _one(nlp, "Незнакомцу лет 40.", "лет 40")["years"] == 40
    assert _one(nlp, "Мужчине под 60, он работает сторожем.", "60")["years"] == 60
    assert _one(nlp, "Ему шёл 45-й год.", "45-й год")["years"] == 44
    assert _one(nlp, "Ей шёл двадцатый год.", "двадцатый год")["years"] == 19
    both = "Ивану Петрову было 45 лет, Олегу Смирнову — 47."
    assert _one(nlp, both, "47")["person"]["name"] == "Олег Смирнов"
    assert not _ages(nlp, "Сотрудникам — 5 лет стажа.")
    assert not _ages(nlp, "Проект шёл 5 лет.")


def test_common_noun_first_is_no_holder(nlp: Pipeline) -> None:
    assert _one(nlp, "Школьнице 13 лет стало плохо на уроке.", "13 лет")["person"] is None


def test_he_or_she_at_an_age_is_the_person_named_before(nlp: Pipeline) -> None:
    text = "Певица Анна Котова родилась в Омске. В 16 лет она уехала учиться в Москву."
    assert _one(nlp, text, "16 лет")["person"]["name"] == "Анна Котова"
    two = "Иван Орлов и Пётр Седов дружили. В 20 лет он уехал."
    assert _one(nlp, two, "20 лет")["person"] is None


def test_the_holder_of_a_participle_or_of_a_relative_clause(nlp: Pipeline) -> None:
    text = "Прощание с Ниной Усовой, ушедшей из жизни в возрасте 94 лет, пройдёт в пятницу."
    assert _one(nlp, text, "94 лет")["person"]["name"] == "Нина Усова"
    text = "Ушедшему из жизни в 62 года музыканту Петру Горину посвятили концерт."
    assert _one(nlp, text, "62 года")["person"]["name"] == "Пётр Горин"
    text = "Скончалась Галина Бесова — актриса, которой было 79 лет."
    assert _one(nlp, text, "79 лет")["person"]["name"] == "Галина Бесова"
    text = "Ей было всего 36: певица Дарья Осинцева скончалась после операции."
    assert _one(nlp, text, "36")["person"]["name"] == "Дарья Осинцева"
    text = "С двенадцати лет Ислам Махачев занимался борьбой."
    assert _one(nlp, text, "двенадцати лет")["person"]["name"] == "Ислам Махачев"
    text = "Тренер Марен Майнерт, выигравшая чемпионат среди девушек до 20 лет, ушла."
    assert all(a["person"] is None for a in _ages(nlp, text))  # a limit, not her age


def test_holders_over_a_place_a_quoted_name_or_a_genitive_chain(nlp: Pipeline) -> None:
    text = "Самым юным участником стал 15-летний сноубордист из Японии Кэнто Ямада."
    assert _one(nlp, text, "15-летний")["person"]["name"] == "Кэнто Ямада"
    assert _one(nlp, "Водителю «Камаза» 53 года.", "53 года")["person"] is None
    assert _one(nlp, "Отцу певицы Маргариты Листовой было 88 лет.", "88 лет")["person"] is None
    text = "Среди пострадавших двое детей, младшему из которых три года."
    assert _one(nlp, text, "три года")["years"] == 3


def test_animals_have_ages_and_no_person(nlp: Pipeline) -> None:
    assert _one(nlp, "Восьмилетнюю тигрицу Лору перевезли.", "Восьмилетнюю")["person"] is None
    assert _one(nlp, "Пятилетний пёс по кличке Рекс спас хозяина.", "Пятилетний")["person"] is None


def test_estimates_halves_and_comparisons_without_years(nlp: Pipeline) -> None:
    assert _one(nlp, "Мужчину лет пятидесяти нашли без сознания.", "лет пятидесяти")["years"] == 50
    half = _one(nlp, "Дочке Анны Сергеевой исполнилось полгода.", "полгода")
    assert (half["years"], half["months"]) == (0, 6)
    assert _one(nlp, "Дети в возрасте полутора лет.", "полутора лет")["months"] == 18
    assert _one(nlp, "Курсы для пенсионеров старше 55.", "55")["years"] == 55
    listed = _ages(nlp, "В семье растут трое детей: 4, 7 и 11 лет.")
    assert [a["years"] for a in listed] == [4, 7, 11]
    assert _one(nlp, "Пожилой мужчина 80 лет погиб при пожаре.", "80 лет")["years"] == 80
    assert not _ages(nlp, "Мужчина 20 лет проработал на заводе.")
    assert not _ages(nlp, "Домашний арест продлили на полгода.")
    assert not _ages(nlp, "Кербер выиграла у Ивановой со счётом 6:4, 3:6, 6:4.")
    ann = _one(nlp, "Ветеран отпраздновал свой сотый день рождения.", "сотый день рождения")
    assert (ann["years"], ann["kind"]) == (100, "anniversary")
    assert _one(nlp, "Дирижёр скончался на 83-ем году жизни.", "83-ем году жизни")["years"] == 82


def test_the_subject_named_before_an_apposition_or_a_relative_clause(nlp: Pipeline) -> None:
    text = "Виктор Петров, 1960 года рождения, умер в возрасте 65 лет."
    assert _one(nlp, text, "65 лет")["person"]["name"] == "Виктор Петров"
    text = "Иван Орлов, который жил в Омске, умер в возрасте 70 лет."
    assert _one(nlp, text, "70 лет")["person"]["name"] == "Иван Орлов"
    text = "Сергей Рябинин, чей отец умер в 60 лет, основал фонд."
    assert _one(nlp, text, "60 лет")["person"] is None  # the father's age
    text = "Бывший игрок клуба «Нева» Олег Зуев (Oleg Zuev) умер в 27 лет."
    assert _one(nlp, text, "27 лет")["person"]["name"] == "Олег Зуев"
