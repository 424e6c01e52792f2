"""Ownership and deal readings of the second round (issue 17, helper `owndeal2`): a share
`в` a company, stakes held `у` or `в руках`, portfolios, remarks in brackets, owners in
brackets with `у`, a possessive genitive before the name, mergers, credit lines, orders,
agreements between companies, and rumours that state no deal."""

from __future__ import annotations


def _facts(nlp, text, kind):
    doc = nlp(text).to_dict()
    return [f for f in doc["facts"] if f["type"] == kind and f.get("modality") != "negated"]


def _name(value):
    return value["name"] if isinstance(value, dict) else value


def _owned(nlp, text):
    return {(_name(f["owner"]), _name(f["property"]), f.get("share"))
            for f in _facts(nlp, text, "ownership")}  # fmt: skip


def _parties(nlp, text):
    return [sorted(_name(p) for p in f["parties"]) for f in _facts(nlp, text, "deal")]


def test_a_share_in_a_company_and_a_stake_in_someones_hands(nlp):
    text = "Инвестор Роман Белкин владеет долей 12% в страховой компании «Гарантия-Юг»."
    assert ("Роман Белкин", "Гарантия-Юг", "12%") in _owned(nlp, text)
    text = "Контрольный пакет акций порта «Тамань-Терминал» находится в руках группы «Южинвест»."
    assert {(o, p) for o, p, _ in _owned(nlp, text)} == {("Южинвест", "Тамань-Терминал")}


def test_shares_held_with_u_in_brackets(nlp):
    text = "Сеть кинотеатров «Синема-Парк» (60% у Олега Рязанова, 40% у фонда «Лидер») открыла зал."
    assert _owned(nlp, text) >= {
        ("Олег Рязанов", "Синема-Парк", "60%"),
        ("Лидер", "Синема-Парк", "40%"),
    }


def test_a_possessive_genitive_before_the_name(nlp):
    text = "Холдинг Николая Тимохина «Агростепь» открыл элеватор."
    assert ("Николай Тимохин", "Агростепь") in {(o, p) for o, p, _ in _owned(nlp, text)}


def test_a_co_owner_who_will_not_sell_still_owns(nlp):
    text = "Совладелец сети аптек «Здоровье» Игорь Сомов не собирается продавать свой пакет."
    assert ("Игорь Сомов", "Здоровье") in {(o, p) for o, p, _ in _owned(nlp, text)}


def test_a_merger_and_a_credit_line_are_deals(nlp):
    text = "Компании «Уралтранс» и «Волгатранс» договорились о слиянии."
    assert ["Волгатранс", "Уралтранс"] in _parties(nlp, text)
    text = "Банк «Заречный» открыл кредитную линию заводу «Станкомаш»."
    assert ["Заречный", "Станкомаш"] in _parties(nlp, text)


def test_a_rumoured_purchase_is_no_deal(nlp):
    text = "В «Уралтрансе» опровергли слухи о продаже компании холдингу «Ресурс»."
    assert _parties(nlp, text) == []
