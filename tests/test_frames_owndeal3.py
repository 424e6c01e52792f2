"""Ownership and deal readings of the third round (issue 17, helper `facts4`): a company
passed to (`отошел`) or taken over by (`поглощена`) a new owner, a stake held `в руках`
(passive), companies on a group's books, a predicative `подконтрольны`, a subsidiary set
up by its parent, the buyer named by `покупатель`, rent and leasing as services, mergers
told by `объединиться`, an investment in building a company's site, a described name
whose apposition's genitive is someone else, and denied, stopped or dropped sales."""

from __future__ import annotations


def _facts(nlp, text, kind):
    doc = nlp(text).to_dict()
    return [
        f for f in doc["facts"]
        if f["type"] == kind and f.get("modality") not in {"negated", "cancelled"}
    ]  # fmt: skip


def _name(value):
    return value["name"] if isinstance(value, dict) else value


def _owned(nlp, text):
    return {(_name(f["owner"]), _name(f["property"])) for f in _facts(nlp, text, "ownership")}


def _parties(nlp, text):
    return [sorted(_name(p) for p in f["parties"]) for f in _facts(nlp, text, "deal")]


def test_a_company_passed_or_taken_over_has_a_new_owner(nlp):
    text = "Ткацкая фабрика «Красная нить» отошла холдингу «Текстильпром» за долги."
    assert ("Текстильпром", "Красная нить") in _owned(nlp, text)
    text = "Интернет-провайдер «Сеть-Плюс» поглощен группой «Телеком-Урал»."
    assert ("Телеком-Урал", "Сеть-Плюс") in _owned(nlp, text)


def test_a_stake_in_someones_hands_and_a_groups_books(nlp):
    text = "Контрольный пакет мебельной фабрики «Кедр» сосредоточен в руках бизнесмена Ильи Фомина."
    assert ("Илья Фомин", "Кедр") in _owned(nlp, text)
    text = "На балансе компании «Курорт-Инвест» числятся санаторий «Дубрава» и отель «Волна»."
    assert _owned(nlp, text) >= {("Курорт-Инвест", "Дубрава"), ("Курорт-Инвест", "Волна")}


def test_a_predicative_controlled_and_a_subsidiary_set_up(nlp):
    text = "Концерну «Вектор» подконтролен оборонный завод «Арсенал-2»."
    assert ("Вектор", "Арсенал-2") in _owned(nlp, text)
    text = "Банк «Велес» зарегистрировал дочернюю лизинговую компанию «Велес-Лизинг»."
    assert ("Велес", "Велес-Лизинг") in _owned(nlp, text)


def test_the_buyer_named_by_a_noun(nlp):
    text = "Покупателем 20% акций завода «Стекломаш» выступил фонд «Прогресс-Инвест»."
    assert ("Прогресс-Инвест", "Стекломаш") in _owned(nlp, text)
    assert ["Прогресс-Инвест", "Стекломаш"] in _parties(nlp, text)


def test_rent_leasing_and_a_merger_told_by_a_verb(nlp):
    text = "Бизнес-центр «Сити Холл» сдал в аренду банку «Приволжский» три этажа."
    deals = _facts(nlp, text, "deal")
    assert any(f.get("kind") == "услуги" for f in deals), deals
    text = "Банки «Северный» и «Приозерный» объединятся до конца года."
    assert ["Приозерный", "Северный"] in _parties(nlp, text)


def test_an_apposition_describing_a_buyer_names_no_other_buyer(nlp):
    text = "Инвестор Олег Щукин, основной владелец компании «Тайга», купил долю в клубе «Факел»."
    assert ("Тайга", "Факел") not in _owned(nlp, text)


def test_denied_stopped_or_dropped_sales_are_no_deal(nlp):
    for text in (
        "Совет директоров «Ангары» опроверг информацию о продаже компании холдингу «Вега».",
        "Бизнесмен Петр Крылов передумал продавать завод «Вега» группе «Альфа».",
    ):
        assert not _facts(nlp, text, "deal"), text


def test_a_generic_noun_stands_for_a_compound_kind(nlp):
    text = (
        "Агрохолдинг «Степной» собрал рекордный урожай. Компании принадлежит "
        "элеватор «Ровный»."
    )
    assert ("Степной", "Ровный") in _owned(nlp, text)
    text = (
        "Ритейлер «Гастроном-Урал» открыл сто магазинов. Сеть получила от банка "
        "«Уральский капитал» кредитную линию."
    )
    assert ["Гастроном-Урал", "Уральский капитал"] in _parties(nlp, text)


def test_a_person_noun_stands_for_the_one_person_before_it(nlp):
    text = (
        "Предприниматель Глеб Ушаков построил в Орле склад. Бизнесмену также "
        "принадлежит 25% завода «Орелмаш»."
    )
    assert ("Глеб Ушаков", "Орелмаш") in _owned(nlp, text)
    text = (
        "Глеб Ушаков и Петр Лавров выступили на форуме. Бизнесмену принадлежит "
        "завод «Орелмаш»."
    )
    assert not _owned(nlp, text)


def test_a_feminine_owner_noun_as_a_predicate(nlp):
    text = "Весной Алина Рябова стала совладелицей сети кофеен «Бариста-Юг»."
    assert ("Алина Рябова", "Бариста-Юг") in _owned(nlp, text)


def test_shareholders_in_brackets_with_a_generic_noun(nlp):
    text = "Агрофирма «Полярник» (Аркадий Бессонов — 60%, компания «Айсберг-Инвест» — 40%) растет."
    assert _owned(nlp, text) >= {("Аркадий Бессонов", "Полярник"), ("Айсберг-Инвест", "Полярник")}


def test_a_generic_phrase_stands_for_a_bank(nlp):
    text = (
        "Банк «Окский» отчитался о прибыли. Кредитная организация выдала "
        "застройщику «Ока-Дом» заем."
    )
    assert ["Ока-Дом", "Окский"] in _parties(nlp, text)


def test_a_share_in_a_company_named_after_adjectives(nlp):
    text = "Доля «Нефтересурса» в нефтяной компании «Обь-Ойл» выросла до 40%."
    assert ("Нефтересурс", "Обь-Ойл") in _owned(nlp, text)
