"""event facts: name, kind, ordinal, place, theme."""

from __future__ import annotations

from factex import shared_pipeline as nlp  # the shared, process-wide pipeline


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


def test_a_lower_case_kind_word_with_a_common_genitive_is_no_new_event():
    found = events(
        "В Казани открылась выставка «Агрокомплекс». "
        "Объем заключенных на выставке контрактов превысил 5 млрд рублей."
    )
    assert [e["name"] for e in found] == ["Выставка «Агрокомплекс»"]
    assert events("Итоги подписанных на ярмарке договоров подведут позже.") == []


def test_a_named_event_with_a_genitive_stays_an_event():
    (e,) = events("В Самаре откроется выставка художников группы «Бубновый валет».")
    assert e["name"] == "Выставка художников группы «Бубновый валет»"


def test_a_series_phrase_refers_back_and_since_is_no_event_date():
    found = events(
        "В Ташкенте открылись Дни культуры Татарстана. "
        "Дни культуры двух республик проводятся ежегодно с 2015 года."
    )
    assert len(found) == 1
    assert found[0]["dates"] is None or found[0]["dates"]["value"] != "2015"


def test_an_agreement_term_is_not_the_forum_date():
    (e,) = events(
        "Компании подписали на X Каспийском энергетическом форуме (КЭФ) соглашение "
        "о поставках на 2027-2029 годы. КЭФ проходит в Астрахани с 3 по 5 сентября."
    )
    assert e["ordinal"] == 10
    assert e["place"]["name"] == "Астрахань"
    assert e["dates"]["text"] == "с 3 по 5 сентября"


def test_a_later_pronoun_with_an_event_verb_gives_the_dates():
    (e,) = events(
        "В Новосибирске открылась 5-я выставка «Сибирская ярмарка». Она продлится с 10 по 13 марта."
    )
    assert e["dates"]["text"] == "с 10 по 13 марта"


def test_a_later_mention_without_an_event_verb_adds_no_date():
    (e,) = events(
        "В Сочи прошел Форум будущих технологий. В прошлом году на форуме выступили 300 человек."
    )
    assert e["dates"] is None


def test_the_same_organisation_under_two_names_is_one_summit():
    found = events(
        "Лидеры обсудили саммит ОДКБ в Минске. "
        "Саммит Организации Договора о коллективной безопасности (ОДКБ) пройдет осенью."
    )
    assert len(found) == 1


def test_occurrence_adjectives_are_no_part_of_the_name():
    (e,) = events("В Минске пройдет очередное заседание Совета глав правительств СНГ.")
    assert e["name"].startswith("Заседание Совета")


def test_an_invitation_to_take_part_names_no_participant():
    (e,) = events(
        "Министр Иван Петров передал коллеге приглашение принять участие "
        "в III Форуме регионов Беларуси и Казахстана."
    )
    assert e["participants"] == []


def test_adjectives_tagged_in_another_case_stay_in_the_name_with_the_ordinal():
    (e,) = events("В Самаре открылся XI Поволжский международный юридический форум.")
    assert e["name"] == "Поволжский международный юридический форум"
    assert e["ordinal"] == 11


def test_new_event_kinds():
    found = events(
        "В Новосибирске открылась выставка-форум «Технопром-2025». "
        "Международный салон «Комплексная безопасность» откроется в Подмосковье 4 июня. "
        "Церемония открытия Года культуры России и Вьетнама состоялась в Ханое."
    )
    assert [(e["kind"], e["name"]) for e in found] == [
        ("выставка", "Выставка-форум «Технопром-2025»"),
        ("салон", "Международный салон «Комплексная безопасность»"),
        ("церемония открытия", "Церемония открытия Года культуры России и Вьетнама"),
    ]
    assert found[1]["dates"]["value"].endswith("-06-04")


def test_a_po_complement_is_part_of_the_name_but_not_a_circumstance():
    (e,) = events("Чемпионат мира по хоккею пройдет в Швейцарии.")
    assert e["name"] == "Чемпионат мира по хоккею"
    (e,) = events("Губернатор выступил на Уральском форуме по приглашению организаторов.")
    assert e["name"] == "Уральский форум"


def test_a_bare_event_word_has_no_name():
    (e,) = events("Губернатор области посетил выставку в Дубае.")
    assert e["name"] is None
    assert e["kind"] == "выставка"
    assert e["place"]["name"] == "Дубай"


def test_participants_from_the_next_sentence_that_refers_back():
    (e,) = events(
        "Церемония открытия Года культуры России и Вьетнама состоялась в Ханое. "
        "В ней приняла участие министр культуры РФ Ольга Любимова."
    )
    assert [p["name"] for p in e["participants"]] == ["Ольга Любимова"]
    (e,) = events(
        "В Ханое открылся Форум молодежи России и Вьетнама. "
        "Министр культуры РФ Ольга Любимова провела встречу со студентами."
    )
    assert e["participants"] == []


def test_an_event_word_doing_a_bodys_act_is_an_organ():
    assert events("Генеральная Ассамблея ООН приняла резолюцию о правах человека.") == []
    assert events("Съезд партии избрал нового председателя.") == []
    (e,) = events("Форум, который принял тысячи гостей, завершился в Казани.")
    assert e["kind"] == "форум"


def test_a_sport_word_refers_back_to_the_last_sport_event_only():
    (e,) = events(
        "Спортсмены из 40 стран примут участие в чемпионате Европы по дзюдо в Казани. "
        "Турнир пройдет с 20 по 23 апреля."
    )
    assert e["dates"]["text"] == "с 20 по 23 апреля"
    (e,) = events("На форуме в Москве подписали соглашения. Соревнования пройдут 5 мая.")
    assert e["kind"] == "форум" and e["dates"] is None


def test_a_recurring_events_own_name_standing_alone():
    (e,) = events("Иннопром-2025 открылся в Екатеринбурге 7 июля.")
    assert (e["name"], e["kind"]) == ("Иннопром-2025", "выставка")
    assert e["place"]["name"] == "Екатеринбург"
    (e,) = events("На ПМЭФ-2025 было подписано более 1000 соглашений.")
    assert (e["name"], e["kind"], e["place"]) == ("ПМЭФ-2025", "форум", None)
    assert events('Компания "Иннопром" получила заказ.') == []
    (e,) = events(
        "Петербургский международный экономический форум (ПМЭФ) пройдет в Санкт-Петербурге. "
        "ПМЭФ проводится с 1997 года."
    )
    assert e["name"] == "Петербургский международный экономический форум"


def test_games_are_an_event_only_when_named():
    (e,) = events("Россия готова провести Игры будущего в 2028 году.")
    assert (e["name"], e["kind"]) == ("Игры будущего", "игры")
    (e,) = events("Спортсмены выступят на Олимпийских играх в Милане.")
    assert e["name"] == "Олимпийские игры"
    assert events("В Москве в компьютерные игры играют 60% россиян.") == []
    assert events("Игра состоится в Москве.") == []


def test_who_does_not_take_part_is_no_participant_but_a_later_mention_adds_one():
    (e,) = events(
        "Премьер-министр Индии Нарендра Моди не примет участия в саммите ШОС в Тяньцзине. "
        "Вместо него в саммите участвует министр иностранных дел Субраманьям Джайшанкар."
    )
    assert [p["name"] for p in e["participants"]] == ["Субраманьям Джайшанкар"]
