"""Facts that are not claimed: a question, a condition, a denial, a cancelled event; and
a generic noun after a list of names of its kind, which names none of them."""

from __future__ import annotations


def _facts(nlp, text, kind):
    return [f for f in nlp(text).to_dict()["facts"] if f["type"] == kind]


def _claims(nlp, text, kind):
    return [f for f in _facts(nlp, text, kind) if f.get("modality") not in {"negated", "cancelled"}]


def test_a_question_states_no_deal(nlp):
    assert not _claims(nlp, "Продаст ли Антон Серов сеть кафе «Блинная», он не уточнил.", "deal")


def test_an_indirect_question_states_no_owner(nlp):
    text = "Депутат Олег Рыбин попросил выяснить, кому принадлежит завод «Сталь-Профиль»."
    assert not _claims(nlp, text, "ownership")


def test_a_condition_states_no_deal(nlp):
    text = "Если суд разрешит, «Лотос-Групп» купит сеть аптек «Ромашка-Фарм»."
    assert not _claims(nlp, text, "deal")


def test_a_denied_owner_is_negated(nlp):
    text = "Холдинг «Вега-Трейд» отрицает, что его владельцем стал Игорь Сомов."
    found = _facts(nlp, text, "ownership")
    assert found and all(f.get("modality") == "negated" for f in found)


def test_a_called_off_sale_is_cancelled(nlp):
    text = "Сделка по покупке банка «Левобережный» компанией «Финвест» сорвалась."
    found = _facts(nlp, text, "deal")
    assert found and all(f.get("modality") == "cancelled" for f in found)


def test_talks_cancelled_after_a_participle(nlp):
    text = "Встреча Олега Котова с Анной Беловой, назначенная на среду, отменена."
    assert all(f.get("modality") == "cancelled" for f in _facts(nlp, text, "meeting"))


def test_an_apposition_is_not_the_negated_subject(nlp):
    text = "Павел Грин, совладелец «Веги-Строй», не стал комментировать новость."
    assert any(f["owner"]["name"] == "Павел Грин" for f in _claims(nlp, text, "ownership"))


def test_a_generic_noun_after_two_names_of_its_kind_names_neither(nlp):
    text = "Минфин и Минэнерго подготовили поправки. Министерство возглавляет Ольга Кравец."
    assert not [f for f in _facts(nlp, text, "occupation") if f.get("org")]
    text = (
        "Холдинг «Петрохим» и концерн «Невский завод» объявили о сотрудничестве. "
        "Компания также купила долю в операторе «Балтлогистик»."
    )
    assert not _claims(nlp, text, "ownership")
