"""visit facts: visitor, destination, host, kind, duration, modality."""

from __future__ import annotations

from factex import pipeline as nlp  # the shared, process-wide pipeline


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
