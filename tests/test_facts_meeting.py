"""meeting facts: participants, place, format, topics."""

from __future__ import annotations

from factex import shared_pipeline as nlp  # the shared, process-wide pipeline


def meetings(text: str) -> list[dict]:
    return [f for f in nlp()(text).to_dict()["facts"] if f["type"] == "meeting"]


def names(fact: dict) -> set[str]:
    return {p["name"] for p in fact["participants"]}


def test_phone_call():
    (m,) = meetings(
        "Глава МИД России Сергей Лавров провел телефонный разговор с госсекретарем США Марко Рубио."
    )
    assert names(m) == {"Сергей Лавров", "Марко Рубио"}
    assert m["format"] == "телефонный разговор"


def test_hosting_gives_place():
    (m,) = meetings("Владимир Путин принимал в Москве президента Узбекистана Шавката Мирзиёева.")
    assert names(m) == {"Владимир Путин", "Шавкат Мирзиёев"}
    assert m["place"]["name"] == "Москва"


def test_description_resolves_to_the_person_named_elsewhere():
    (m,) = meetings(
        "Президент Казахстана Касым-Жомарт Токаев прибыл в Москву. "
        "Владимир Путин встретится с казахстанским лидером в Кремле."
    )
    assert names(m) == {"Владимир Путин", "Касым-Жомарт Токаев"}


def test_topics_of_talks():
    (m,) = meetings("Владимир Путин и Касым-Жомарт Токаев обсудят стратегическое партнерство.")
    assert m["topics"] == ["стратегическое партнерство"]


def test_one_person_is_no_meeting():
    assert meetings("Иван Петров провел встречу.") == []


def test_who_reports_the_talks_is_no_participant():
    (m,) = meetings(
        "Как сообщила официальный представитель МИД России Мария Захарова, "
        "Сергей Лавров провел переговоры с Жээнбеком Кулубаевым."
    )
    assert names(m) == {"Сергей Лавров", "Жээнбек Кулубаев"}


def test_taking_part_is_no_hosting():
    assert meetings("В церемонии приняли участие Иван Петров и Сергей Сидоров.") == []


def test_an_in_person_meeting_is_not_the_video_call():
    found = meetings(
        "Министр иностранных дел России Сергей Лавров во вторник провел по видеосвязи "
        "переговоры с главой МИД Таджикистана Сироджиддином Мухриддином. "
        "Последняя очная встреча Лаврова с Мухриддином прошла в Душанбе."
    )
    assert len(found) == 2
    call = next(m for m in found if m["format"] == "ВКС")
    assert call["place"] is None


def test_a_later_mention_of_the_same_talks_merges():
    found = meetings(
        "Сергей Лавров провел переговоры с Ван И в Пекине. "
        "Переговоры Лаврова и Ван И продлились три часа."
    )
    assert len(found) == 1
    assert found[0]["place"]["name"] == "Пекин"


def test_a_meeting_of_two_named_in_the_genitive():
    (m,) = meetings(
        "Состоялась встреча Владимира Путина и Си Цзиньпина в Казани, на которой лидеры "
        "обсудили ситуацию в регионе."
    )
    assert names(m) == {"Владимир Путин", "Си Цзиньпин"}
    assert m["place"]["name"] == "Казань"
    assert m["topics"] == ["ситуацию в регионе"]


def test_talks_that_did_not_take_place_are_negated():
    (m,) = meetings("Переговоры Путина и Трампа не состоялись.")
    assert m["modality"] == "negated"


def test_a_further_topic_after_as_well_as():
    (m,) = meetings(
        "В ходе переговоров Путин и Моди обсудили энергетическое сотрудничество, "
        "а также ситуацию в Афганистане."
    )
    assert m["topics"] == ["энергетическое сотрудничество", "ситуацию в Афганистане"]


def test_a_place_in_the_topic_is_no_meeting_place():
    (m,) = meetings(
        "Министры иностранных дел Сергей Лавров и Хакан Фидан обсудили по телефону "
        "ситуацию в Сирии."
    )
    assert m["place"] is None
    assert m["format"] == "телефонный разговор"


def test_a_long_description_after_with():
    (m,) = meetings(
        "Путин провел переговоры с наследным принцем Саудовской Аравии Мухаммедом бен Сальманом."
    )
    assert names(m) == {"Путин", "Мухаммед бен Сальман"}


def test_spoke_on_the_phone():
    (m,) = meetings("Путин поговорил по телефону с Эрдоганом.")
    assert names(m) == {"Путин", "Эрдоган"}
    assert m["format"] == "телефонный разговор"


def test_the_sides_discuss_topics_of_the_meeting_before():
    (m,) = meetings(
        "Глава Росатома Алексей Лихачев встретился с министром энергетики Египта Махмудом "
        "Эсматом. Стороны обсудили ход строительства АЭС «Эль-Дабаа»."
    )
    assert m["topics"] == ["ход строительства АЭС «Эль-Дабаа»"]


def test_the_sides_far_after_the_meeting_add_nothing():
    (m,) = meetings(
        "Глава Росатома Алексей Лихачев встретился с министром энергетики Египта Махмудом "
        "Эсматом. Строительство идет по графику. Работы начались в 2022 году. "
        "Подрядчики сдали первый блок. Стороны обсудили цены на нефть."
    )
    assert m["topics"] == []


def test_a_place_in_a_post_is_no_meeting_place_but_a_where_clause_gives_one():
    (m,) = meetings(
        "Глава Чечни Рамзан Кадыров провел встречу с послом ОАЭ в России Мохаммедом Аль-Джабером."
    )
    assert m["place"] is None
    (m,) = meetings(
        "Президент Финляндии Александр Стубб прибыл в Вашингтон, где проведет переговоры "
        "с президентом США Дональдом Трампом."
    )
    assert m["place"]["name"] == "Вашингтон"


def test_a_pronoun_subject_meets_as_the_person_before():
    (m,) = meetings(
        "Министр иностранных дел РФ Сергей Лавров прибыл в Анкару с рабочим визитом. "
        "В ходе визита он встретится с главой МИД Турции Хаканом Фиданом."
    )
    assert [p["name"] for p in m["participants"]] == ["Сергей Лавров", "Хакан Фидан"]
    assert meetings("Он встретится с главой МИД Турции Хаканом Фиданом.") == []


def test_talks_during_the_visit_are_held_where_the_visit_goes():
    (m,) = meetings(
        "Президент Вьетнама То Лам прибыл в Москву с официальным визитом. "
        "В ходе визита он проведет переговоры с Владимиром Путиным."
    )
    assert m["place"]["name"] == "Москва"


def test_a_meeting_takes_the_place_a_participant_just_arrived_in():
    text = (
        "Глава МИД Италии Лука Моретти приехал в Москву. С ним провел переговоры "
        "министр иностранных дел России Андрей Соколов."
    )
    (fact,) = meetings(text)
    assert names(fact) == {"Лука Моретти", "Андрей Соколов"}
    assert fact["place"]["name"] == "Москва"


def test_there_stands_for_the_place_named_in_the_sentence_before():
    text = (
        "Алина Грачева и Петр Кузьмин участвовали в форуме в Казани. "
        "Там они провели двустороннюю встречу."
    )
    (fact,) = meetings(text)
    assert fact["place"]["name"] == "Казань"
    call = "Иван Орлов прилетел в Пекин. Там он провел телефонный разговор с Анной Беловой."
    assert [f["place"] for f in meetings(call)] == [None]
