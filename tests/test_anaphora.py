"""Arguments named by a pronoun or a generic noun (facts/anaphora.py): the entity they
stand for in their paragraph, or none when none or several agree."""

from __future__ import annotations

from factex.facts.anaphora import resolve
from factex.facts.context import Context
from factex.facts.tree import Tree


def _resolved(nlp, text: str, word: str, types: str = "PER ORG LOC") -> list[str]:
    """The names the first word `word` of the text stands for."""
    ctx = Context(nlp.analyse(text))
    k = next(i for i in range(ctx.n) if ctx.text(i) == word)
    return [e.name for e in resolve(Tree(ctx), k, types)]


def test_a_pronoun_stands_for_the_one_person_before_it(nlp):
    text = "Иван Орлов много лет работал в банковском секторе. В 2019 году он возглавил «Вегу»."
    assert _resolved(nlp, text, "он", "PER") == ["Иван Орлов"]


def test_the_gender_decides_between_two_persons(nlp):
    text = "Анна Белова и Игорь Сомов выступили на форуме. Позднее она возглавила фонд."
    assert _resolved(nlp, text, "она", "PER") == ["Анна Белова"]


def test_two_persons_that_agree_leave_it_unresolved(nlp):
    text = "Андрей Соколов поблагодарил Павла Громова за работу. В пятницу он возглавил «Лидер»."
    assert _resolved(nlp, text, "он", "PER") == []


def test_a_name_of_its_own_clause_is_not_its_antecedent(nlp):
    text = "Губернатор Алексей Дронов прибыл в Москву. Премьер Михаил Орлов принял его."
    assert _resolved(nlp, text, "его", "PER") == ["Алексей Дронов"]


def test_no_antecedent_outside_the_paragraph(nlp):
    text = "Иван Орлов много лет работал в банке.\nВ 2019 году он возглавил «Вегу»."
    assert _resolved(nlp, text, "он", "PER") == []


def test_they_stand_for_a_list_of_names(nlp):
    text = "Ольга Синицына и Роман Бурцев познакомились в МГУ. Позже они основали агентство."
    assert sorted(_resolved(nlp, text, "они", "PER")) == ["Ольга Синицына", "Роман Бурцев"]


def test_a_pronoun_stands_for_an_organisation_of_its_gender(nlp):
    text = "Завод «Луч» три года простаивал. В прошлом году его купил холдинг «Гамма»."
    assert _resolved(nlp, text, "его", "ORG") == ["Луч"]


def test_a_generic_noun_takes_an_organisation_of_its_kind(nlp):
    text = (
        "Банк «Восход» и Министерство энергетики Киргизии подписали соглашение. "
        "Ведомство возглавляет Бакыт Осмонов."
    )
    assert _resolved(nlp, text, "Ведомство", "ORG") == ["Министерство энергетики Киргизии"]


def test_a_generic_noun_with_two_candidates_of_its_kind_is_unresolved(nlp):
    text = "«Вега» и «Альфа» подали заявки на аукцион. Компания купила завод «Луч»."
    assert _resolved(nlp, text, "Компания", "ORG") == []


def test_a_modified_generic_noun_is_no_anaphor(nlp):
    text = "Группа «Вега» выросла. Другая компания купила завод «Луч»."
    assert _resolved(nlp, text, "компания", "ORG") == []


def _facts(nlp, text: str, kind: str) -> list[dict]:
    record = nlp(text).to_dict()
    names = {e["id"]: e["name"] for e in record["entities"]}

    def name(v):
        if isinstance(v, dict) and "ref" in v:
            return names.get(v["ref"])
        return sorted(name(x) for x in v) if isinstance(v, list) else v

    return [{k: name(v) for k, v in f.items()} for f in record["facts"] if f["type"] == kind]


def test_every_fact_type_gains_from_it(nlp):
    text = "Иван Орлов много лет работал в банковском секторе. В 2019 году он возглавил «Вегу»."
    assert [(f["person"], f["org"]) for f in _facts(nlp, text, "occupation")] == [
        ("Иван Орлов", "Вега")
    ]
    text = "Выручка группы «Вега» выросла. В октябре компания приобрела 30% акций банка «Альфа»."
    assert [f["parties"] for f in _facts(nlp, text, "deal")] == [["Альфа", "Вега"]]


def test_a_rule_fact_on_a_bare_generic_mention_takes_the_name(nlp):
    text = "Банк «Восход» увеличил прибыль. Банку принадлежит 25% страховой компании «Надежда»."
    assert [(f["owner"], f["property"]) for f in _facts(nlp, text, "ownership")] == [
        ("Восход", "Надежда")
    ]
