"""visit facts: visitor, destination, host, kind, duration, modality."""

from __future__ import annotations

from factex import shared_pipeline as nlp  # the shared, process-wide pipeline


def visits(text: str) -> list[dict]:
    return [f for f in nlp()(text).to_dict()["facts"] if f["type"] == "visit"]


def test_state_visit_with_duration():
    (v,) = visits(
        "Президент Казахстана Касым-Жомарт Токаев начинает двухдневный государственный визит "
        "в Россию."
    )
    assert v["visitor"]["name"] == "Касым-Жомарт Токаев"
    assert v["destination"]["name"] == "Россия"
    assert v["kind"] == "государственный"
    assert v["duration_days"] == 2
    assert v["host"] is None
    assert "modality" not in v


def test_host_by_invitation():
    (v,) = visits(
        "Президент Франции Эммануэль Макрон посетит Китай с официальным визитом "
        "по приглашению председателя КНР Си Цзиньпина."
    )
    assert v["visitor"]["name"] == "Эммануэль Макрон"
    assert v["destination"]["name"] == "Китай"
    assert v["host"]["name"] == "Си Цзиньпин"
    assert v["kind"] == "официальный"


def test_host_of_an_arrival_by_invitation():
    (v,) = visits(
        "Касым-Жомарт Токаев прибыл в Москву по приглашению президента России Владимира Путина."
    )
    assert v["visitor"]["name"] == "Касым-Жомарт Токаев"
    assert v["destination"]["name"] == "Москва"
    assert v["host"]["name"] == "Владимир Путин"


def test_denied_visit_carries_modality():
    (v,) = visits("Канцлер Германии Фридрих Мерц не посетит Москву.")
    assert v["modality"] == "negated"


def test_no_visit_without_visit_words():
    assert visits("Канцлер Германии Фридрих Мерц провел совещание в Берлине.") == []


def test_visitor_after_a_post_in_the_genitive():
    (v,) = visits(
        "Министры обсудили подготовку к визиту президента Монголии Ухнаагийна Хурэлсуха в Китай."
    )
    assert v["visitor"]["name"] == "Ухнаагийн Хурэлсух" or "Хурэлсух" in v["visitor"]["name"]
    assert v["destination"]["name"] == "Китай"


def test_a_document_term_is_not_the_visit_date():
    (v,) = visits(
        "Президент Кубы Мигель Диас-Канель посетит Вьетнам, где подпишет программу "
        "сотрудничества на 2027-2030 годы."
    )
    assert v["dates"] is None


def test_destination_before_the_visit_noun():
    (v,) = visits("Глава МИД Китая Ван И 12 марта прибыл в Пхеньян с двухдневным визитом.")
    assert v["visitor"]["name"] == "Ван И"
    assert v["destination"]["name"] == "Пхеньян"
    assert v["duration_days"] == 2


def test_destination_where_the_visitor_stays():
    (v,) = visits("Премьер-министр Индии Нарендра Моди находится с рабочим визитом в Китае.")
    assert v["destination"]["name"] == "Китай"
    assert v["kind"] == "рабочий"


def test_arrival_with_a_visit_and_a_host():
    (v,) = visits(
        "Президент Египта Абдель Фаттах ас-Сиси прибудет в Россию с государственным визитом "
        "по приглашению Владимира Путина."
    )
    assert v["destination"]["name"] == "Россия"
    assert v["host"]["name"] == "Владимир Путин"
    assert v["kind"] == "государственный"


def test_destination_after_a_long_visitor_name():
    (v,) = visits("Визит президента Бразилии Луиса Инасиу Лулы да Силвы в Аргентину перенесен.")
    assert v["destination"]["name"] == "Аргентина"


def test_a_trip_to_a_city():
    (v,) = visits(
        "Губернатор Санкт-Петербурга Александр Беглов побывал с рабочей поездкой в Минске."
    )
    assert v["visitor"]["name"] == "Александр Беглов"
    assert v["destination"]["name"] == "Минск"


def test_a_visit_that_is_not_planned_is_negated():
    (v,) = visits("Визит в Москву не планируется, сообщили в Кремле.")
    assert v["modality"] == "negated"
    assert v["visitor"] is None


def test_a_place_where_one_speaks_is_no_destination():
    (v,) = visits("Находясь с визитом во Вьетнаме, Сергей Лавров выступил в Ханое.")
    assert v["destination"]["name"] == "Вьетнам"


def test_arrival_in_a_capital_is_a_visit():
    (v,) = visits("Президент Киргизии Садыр Жапаров прибыл в Москву.")
    assert v["visitor"]["name"] == "Садыр Жапаров"
    assert v["destination"]["name"] == "Москва"


def test_arrival_and_visit_in_one_sentence_are_one_visit():
    (v,) = visits("Президент Вьетнама То Лам прибыл с официальным визитом в Москву.")
    assert v["kind"] == "официальный"


def test_arrival_without_a_named_place_is_no_visit():
    assert visits("Сергей Петров прибыл на место происшествия.") == []


def test_visiting_an_exhibition_is_no_visit():
    assert visits("Министр культуры Ольга Любимова посетила выставку.") == []


def test_a_duration_is_no_date_but_the_length():
    (v,) = visits("Визит Си Цзиньпина в Москву продлится три дня.")
    assert v["dates"] is None
    assert v["duration_days"] == 3


def test_length_from_a_compound_adjective_before_the_kind():
    (v,) = visits("Премьер-министр Индии прибыл в Москву с двухдневным официальным визитом.")
    assert v["duration_days"] == 2
    assert v["kind"] == "официальный"


def test_visiting_an_organisation_is_no_visit():
    assert visits("Туристы из Китая посетили Эрмитаж.") == []


def test_who_speaks_of_a_visit_is_not_the_visitor():
    assert visits(
        "Премьер-министр Японии Наото Кан назвал посещение островов министром обороны "
        "достойным сожаления."
    ) == []
    (v,) = visits("Сергей Лавров осудил визит председателя КНР Си Цзиньпина в Москву.")
    assert v["visitor"]["name"] == "Си Цзиньпин"


def test_who_makes_a_visit_is_the_visitor():
    (v,) = visits("Канцлер Австрии Карл Нехаммер совершит визит в Японию.")
    assert v["visitor"]["name"] == "Карл Нехаммер"


def test_a_postponed_or_cancelled_visit_carries_modality():
    (v,) = visits("Визит президента Узбекистана Шавката Мирзиёева в Москву перенесен на декабрь.")
    assert v["modality"] == "postponed"
    assert v["dates"]["value"].endswith("-12")
    (v,) = visits("Визит премьер-министра Японии Сигэру Исибы в Китай отменен.")
    assert v["modality"] == "cancelled"
    (v,) = visits("Президент Франции Эммануэль Макрон посетит Китай в декабре.")
    assert "modality" not in v


def test_a_relative_week_gives_no_visit_length():
    (v,) = visits("Глава МИД Китая Ван И посетит Москву на следующей неделе.")
    assert v["duration_days"] is None
    (v,) = visits("Президент Армении посетит Москву 2-3 декабря.")
    assert v["duration_days"] == 2


def test_visiting_an_exhibition_is_no_visit_whatever_the_order():
    assert visits('Премьер-министр Михаил Мишустин посетил промышленную выставку "Иннопром".') == []
    assert visits("Экспозицию посетил мэр Москвы Сергей Собянин.") == []
    (v,) = visits("Москву посетил президент Египта Абдель Фаттах ас-Сиси.")
    assert v["destination"]["name"] == "Москва"
