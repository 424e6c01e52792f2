"""ownership facts (SPEC 0.2): owner, property (or property_text), share."""

from __future__ import annotations

from factex import shared_pipeline as nlp  # the shared, process-wide pipeline


def owned(text: str) -> set[tuple[str, str | None, str | None]]:
    facts = [f for f in nlp()(text).to_dict()["facts"] if f["type"] == "ownership"]
    return {
        (
            f["owner"]["name"],
            (f["property"] or {}).get("name") or f.get("property_text"),
            f["share"],
        )
        for f in facts
    }


def test_owner_noun_with_the_name_after():
    assert owned("Владелец сети «Крендель» Марат Гиляров открыл пекарню в Самаре.") == {
        ("Марат Гиляров", "Крендель", None)
    }


def test_possessive_genitive_after_a_quoted_name():
    assert owned("Журнал «Пульс города» Инны Ворониной вышел в новом формате.") == {
        ("Инна Воронина", "Пульс города", None)
    }


def test_a_post_is_no_possessor():
    assert owned("Директор журнала «Пульс города» Инна Воронина ушла в отставку.") == set()


def test_belonging_with_a_share():
    assert owned("Компании «Агроплюс» принадлежит 60% акций завода «Сахарный край».") == {
        ("Агроплюс", "Сахарный край", "60%")
    }


def test_which_owns():
    assert owned("Клуб «Торпедо-Юг», которым владеет Руслан Бекоев, купил нападающего.") >= {
        ("Руслан Бекоев", "Торпедо-Юг", None)
    }


def test_a_subsidiary_and_a_part():
    assert owned("«Лесэкспорт-Трейд» является дочерней компанией холдинга «Лесэкспорт».") == {
        ("Лесэкспорт", "Лесэкспорт-Трейд", None)
    }
    assert owned("Телеканал «Прибой» входит в холдинг «Морские медиа».") == {
        ("Морские медиа", "Прибой", None)
    }


def test_a_named_thing_that_is_no_entity():
    (fact,) = [
        f
        for f in nlp()("Руслан Бекоев владеет яхтой «Северное сияние».").to_dict()["facts"]
        if f["type"] == "ownership"
    ]
    assert fact["property"] is None or fact["property"]["name"] == "Северное сияние"
    if fact["property"] is None:
        assert fact["property_text"] == "Северное сияние"


def test_no_owner_no_fact():
    assert owned("Владельцы автомобилей жалуются на дороги.") == set()
    assert owned("Акции «Агроплюса» подорожали на 4%.") == set()


def test_shareholders_in_brackets_each_with_a_share():
    text = "Совет «Кварц-Инвеста» (Олег Рудин — 45,5%, Инна Лосева — 12%) собрался в пятницу."
    found = owned(text)
    assert {(o, s) for o, _, s in found} == {("Олег Рудин", "45,5%"), ("Инна Лосева", "12%")}
    assert all(p and p.startswith("Кварц-Инвест") for _, p, _ in found)


def test_each_owner_of_a_list_has_its_own_share():
    text = "Владельцами «Сорта-Агро» являются Пётр Кубанов (60%) и Вера Ясенева (40%)."
    found = owned(text)
    assert {(o, s) for o, _, s in found} == {("Пётр Кубанов", "60%"), ("Вера Ясенева", "40%")}


def test_a_possessive_genitive_after_a_description():
    text = "Журнал «Северный путь» бизнесмена Карена Аветова сменил редактора."
    assert ("Карен Аветов", "Северный путь", None) in owned(text)


def test_controlled_by_before_its_noun():
    text = "Подконтрольная «Промгазу» компания «Газ-Сервис» открыла филиал."
    assert [(o[:7], p) for o, p, _ in owned(text)] == [("Промгаз", "Газ-Сервис")]


def test_a_source_is_no_property():
    text = "По данным агентства «Финмаркер», 30% компании принадлежит Игорю Сватову."
    assert all(prop != "Финмаркер" for _, prop, _ in owned(text))


def test_a_list_belonging_to_one_owner():
    # a plural verb: the list is its subject, whichever side of it the owner is
    expected = {("Гамма", "Луч", None), ("Гамма", "Искра", None)}
    assert owned("Холдингу «Гамма» принадлежат заводы «Луч» и «Искра».") == expected
    assert owned("Заводы «Луч» и «Искра» принадлежат холдингу «Гамма».") == expected


def test_a_pronoun_is_the_person_subject_before_not_a_place_after_a_preposition():
    text = (
        "Фермер Кирилл Данилов из Алтайского края купил элеватор в соседнем районе. "
        "Теперь ему принадлежит мельница «Кулунда»."
    )
    assert ("Кирилл Данилов", "Кулунда", None) in owned(text)
    text = "Кирилл Данилов и Олег Пестов приехали на Алтай. Ему принадлежит мельница «Кулунда»."
    assert not any(owner == "Кирилл Данилов" for owner, _, _ in owned(text))
