"""deal facts (SPEC 0.2): parties, kind, subject, dates."""

from __future__ import annotations

from factex import shared_pipeline as nlp  # the shared, process-wide pipeline


def deals(text: str, date: str = "2026-03-10") -> list[dict]:
    return [f for f in nlp()(text, date).to_dict()["facts"] if f["type"] == "deal"]


def names(fact: dict) -> set[str]:
    return {p["name"] for p in fact["parties"]}


def test_a_purchase_from_a_seller():
    (d,) = deals("Концерн «Полимер-Строй» купил у группы «Дельта» завод «Химволокно».")
    assert d["kind"] == "купля/продажа"
    assert names(d) == {"Полимер-Строй", "Дельта", "Химволокно"}
    assert set(d) >= {"parties", "kind", "subject", "dates"}


def test_the_subject_is_what_was_bought_when_no_name():
    (d,) = deals("Банк «Орион» приобрел 40% акций страховой компании «Оберег» в январе.")
    assert d["subject"] == "40% акций страховой компании «Оберег»"
    assert d["dates"]["value"] == "2026-01"


def test_a_fine_and_a_loan():
    (fine,) = deals("Роскомнадзор оштрафовал платформу «Видеопоток» на 3 млн рублей.")
    assert fine["kind"] == "штраф" and names(fine) == {"Роскомнадзор", "Видеопоток"}
    (loan,) = deals("Казахстан предоставил Киргизии кредит на 100 млн долларов.")
    assert loan["kind"] == "займ" and names(loan) == {"Казахстан", "Киргизия"}


def test_sanctions_and_investments():
    (s,) = deals("Канада ввела санкции против судоходной компании «Сириус».")
    assert s["kind"] == "санкции" and names(s) == {"Канада", "Сириус"}
    (i,) = deals("Фонд «Рассвет» вложил 500 млн рублей в компанию «Агроплюс».")
    assert i["kind"] == "инвестиции" and names(i) == {"Рассвет", "Агроплюс"}


def test_places_and_reporters_are_no_parties():
    (d,) = deals(
        "Как сообщает газета «Деловой вестник», компания «Лесэкспорт» построит в Петрозаводске "
        "комбинат и вложит в него 2 млрд рублей."
    )
    assert names(d) == {"Лесэкспорт"}


def test_no_deal_without_a_side():
    assert deals("Продажи автомобилей в стране выросли на 12%.") == []
    assert deals("Инвестиционный климат в области улучшился.") == []
    assert deals("Штрафы за парковку на газонах повысят.") == []


def test_a_refusal_is_negated():
    (d,) = deals("«Агроплюс» не будет продавать свои активы», — сказал Петр Игнатов.")
    assert d["modality"] == "negated"


def test_a_currency_country_is_no_party():
    (d,) = deals("Фонд «Арктур» купил завод «Полимер» за 90 млн долларов США.")
    assert "США" not in names(d)
    assert d["amount"]["currency"] == "USD"


def test_a_description_before_a_quoted_name_is_no_second_party():
    (d,) = deals("Пермский завод «Техприбор» выиграл тендер «Уралэнерго» на обслуживание котлов.")
    assert names(d) == {"Техприбор", "Уралэнерго"}  # not `Пермский завод` beside them
    assert d["kind"] == "услуги"


def test_a_refused_purchase_is_negated():
    found = deals("Холдинг «Орбита» отказался от покупки сети «Уют».")
    assert all(d.get("modality") == "negated" for d in found)


def test_a_remark_in_brackets_names_no_party():
    text = "Банк «Кедр» (входит в группу «Тайга») выдал заводу «Станкомаш» кредит."
    assert all("Тайга" not in names(d) for d in deals(text))


def test_who_approves_a_deal_is_no_party():
    text = "ФАС одобрила сделку по покупке компанией «Альфа-Строй» завода «Ростех-Металл»."
    (d,) = deals(text)
    assert names(d) == {"Альфа-Строй", "Ростех-Металл"}


def test_a_supply_contract_is_a_service_a_loan_for_building_is_not():
    (d,) = deals("Компания «Вега» заключила с «Газпромом» контракт на поставку труб.")
    assert d["kind"] == "услуги" and names(d) == {"Вега", "Газпром"}
    (loan,) = deals("Завод «Омега» получил кредит на строительство цеха от банка «Кедр».")
    assert loan["kind"] == "займ" and names(loan) == {"Омега", "Кедр"}


def test_a_fine_of_a_list_is_one_deal_a_fined_party():
    found = deals("Роскомнадзор оштрафовал компании «Альфа» и «Бета».")
    assert sorted(sorted(names(d)) for d in found) == [
        ["Альфа", "Роскомнадзор"], ["Бета", "Роскомнадзор"]]  # fmt: skip


def test_a_fine_read_per_party_keeps_its_amount():
    text = "Федеральная антимонопольная служба оштрафовала «Медиагруппу Север» на 500 тыс. рублей."
    (d,) = deals(text)
    assert d["amount"]["amount"] == 500000
    assert [p["name"] for p in d["parties"]][0] == "Федеральная антимонопольная служба"


def test_where_a_buyer_is_from_is_no_party():
    (fact,) = deals("Фермер Кирилл Данилов из Алтайского края купил элеватор.")
    assert names(fact) == {"Кирилл Данилов"}
