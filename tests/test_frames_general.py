"""Fact frames read from word classes and the engine's general readings (issue 17):
copulas, sanction verbs, service nouns, participles, names a clause or a parse slip
hides, the gender of a network's name, a subject pronoun's person."""

from __future__ import annotations


def _facts(nlp, text, kind):
    doc = nlp(text).to_dict()
    return [f for f in doc["facts"] if f["type"] == kind and f.get("modality") != "negated"]


def _name(value):
    return value["name"] if isinstance(value, dict) else value


def _pairs(nlp, text, kind, a, b):
    return {(_name(f[a]), _name(f[b])) for f in _facts(nlp, text, kind) if f.get(a) and f.get(b)}


def _parties(nlp, text):
    return [sorted(_name(p) for p in f["parties"]) for f in _facts(nlp, text, "deal")]


def test_owners_named_after_any_copula(nlp):
    text = (
        "Акционерами авиакомпании «Полярные линии» выступают банк «Сибирь-Кредит» "
        "и холдинг «Аэрогрупп»."
    )
    assert _pairs(nlp, text, "ownership", "owner", "property") >= {
        ("Сибирь-Кредит", "Полярные линии"),
        ("Аэрогрупп", "Полярные линии"),
    }


def test_sanctions_widened_by_two_countries_are_two_deals(nlp):
    text = "Канада и Норвегия расширили санкции против концерна «Уралхим-Экспорт»."
    assert sorted(_parties(nlp, text)) == [
        ["Канада", "Уралхим-Экспорт"],
        ["Норвегия", "Уралхим-Экспорт"],
    ]


def test_a_contract_for_waste_removal_is_a_service(nlp):
    text = "Мэрия Перми заключила с компанией «Эко-Сервис» контракт на вывоз мусора."
    deals = _facts(nlp, text, "deal")
    assert [d["kind"] for d in deals] == ["услуги"]


def test_fines_on_a_list_one_deal_each(nlp):
    text = "Штрафы на банки «Заря-Кредит» и «Волга-Инвест» наложил Центробанк."
    assert len(_facts(nlp, text, "deal")) == 2


def test_an_owning_participle_before_its_noun(nlp):
    text = "Принадлежащий депутату Олегу Силину телеканал «Волна-ТВ» сменил сетку вещания."
    assert ("Олег Силин", "Волна-ТВ") in _pairs(nlp, text, "ownership", "owner", "property")


def test_who_ran_a_network_in_a_relative_clause(nlp):
    text = "Инна Лосева, которая управляла сетью магазинов «Парус», ушла в отставку."
    assert ("Инна Лосева", "Парус") in _pairs(nlp, text, "occupation", "person", "org")


def test_a_noun_the_parser_hung_past_the_verb_is_the_verb_s(nlp):
    text = "С 2019 года заводом «Балтмаш» руководит Олег Котов, выпускник Бауманского университета."
    assert ("Олег Котов", "Балтмаш") in _pairs(nlp, text, "occupation", "person", "org")


def test_a_participial_clause_after_a_name_is_that_name_s(nlp):
    text = (
        "Как пишет журнал «Деньги», фонд «Альтаир Капитал», принадлежащий Игорю Сомову, "
        "купил акции банка «Северный»."
    )
    owners = _pairs(nlp, text, "ownership", "owner", "property")
    assert ("Игорь Сомов", "Альтаир Капитал") in owners
    assert all(prop != "Деньги" for _, prop in owners)


def test_a_network_s_name_takes_the_network_s_gender(nlp):
    text = "Сеть закусочных «Пышка» работает с 2010 года. В 2023 году ее купил холдинг «Гурман»."
    assert ["Гурман", "Пышка"] in _parties(nlp, text)


def test_a_subject_pronoun_continues_the_person(nlp):
    text = "Алла Зуева владела сетью аптек «Ромашка». В мае она продала ее группе «Арсенал»."
    assert any("Алла Зуева" in p for p in _parties(nlp, text))


def test_a_relative_clause_after_a_name_is_that_name_s(nlp):
    text = (
        "Банк «Заря» входит в группу «Капитал-Инвест», которой также принадлежит "
        "лизинговая компания «Дон-Лизинг»."
    )
    owners = _pairs(nlp, text, "ownership", "owner", "property")
    assert ("Капитал-Инвест", "Дон-Лизинг") in owners
    assert ("Заря", "Дон-Лизинг") not in owners


def test_a_post_s_organisation_is_not_its_holder(nlp):
    text = "Владельцем компании «Норд-Транс» оказался депутат Госдумы Олег Рябов."
    owners = {o for o, _ in _pairs(nlp, text, "ownership", "owner", "property")}
    assert owners == {"Олег Рябов"}


def test_members_joining_a_board(nlp):
    text = "В совет директоров «Сибэнерго» вошли Ирина Котова и Павел Грин."
    assert _pairs(nlp, text, "occupation", "person", "org") >= {
        ("Ирина Котова", "Сибэнерго"),
        ("Павел Грин", "Сибэнерго"),
    }


def test_a_negated_heading_is_no_post(nlp):
    text = "Олег Рябов, вопреки слухам, не возглавит правление банка «Заря»."
    assert not _facts(nlp, text, "occupation")


def test_giving_up_a_mayor_s_powers(nlp):
    text = "Игорь Котов сложил полномочия мэра Костромы."
    found = _facts(nlp, text, "occupation")
    assert any(_name(f["person"]) == "Игорь Котов" and f.get("former") for f in found)


def test_a_relative_clause_shares_the_subject_it_lacks(nlp):
    text = "В 2005 году Павел Грин основал компанию «Гринлаб», которую возглавлял десять лет."
    assert ("Павел Грин", "Гринлаб") in _pairs(nlp, text, "occupation", "person", "org")


def test_a_holding_named_a_group_before(nlp):
    text = (
        "Группа «Агро-Юг» отчиталась о прибыли. В мае холдинг приобрел элеватор «Колос-Зерно»."
    )
    assert ["Агро-Юг", "Колос-Зерно"] in _parties(nlp, text)


def test_a_gapped_clause_meets_with_its_own_subject(nlp):
    text = (
        "Олег Рябов встретился с фермерами, а Павел Грин — с министром сельского хозяйства "
        "Ириной Котовой."
    )
    found = [sorted(_name(p) for p in f["participants"]) for f in _facts(nlp, text, "meeting")]
    assert found == [["Ирина Котова", "Павел Грин"]]
