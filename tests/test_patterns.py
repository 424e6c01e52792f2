"""Fact frames over the dependency tree (facts/patterns.py, facts/tree.py): what the
engine does for every frame (passive, clauses, conjuncts, apposition) and the pattern
files it reads."""

from __future__ import annotations

import pytest

from factex.facts.patterns import FRAME_TYPES, _role, frames


def _facts(nlp, text: str, kind: str) -> list[dict]:
    record = nlp(text).to_dict()
    names = {e["id"]: e["name"] for e in record["entities"]}

    def name(v):
        if isinstance(v, dict) and "ref" in v:
            return names.get(v["ref"], v.get("text"))
        if isinstance(v, list):
            return sorted(name(x) for x in v)
        return v

    return [{k: name(v) for k, v in f.items()} for f in record["facts"] if f["type"] == kind]


def _pairs(facts: list[dict], a: str, b: str) -> set[tuple[str, str]]:
    return {(f[a], f[b]) for f in facts}


def test_every_pattern_file_reads():
    for kind in FRAME_TYPES:
        assert frames(kind), kind
    with pytest.raises(ValueError):
        _role("person=nsubj")  # no entity types


def test_a_relative_clause_gives_its_antecedent_the_role(nlp):
    text = "Холдинг «Гамма», которым руководит Денис Рябцев, открыл завод."
    facts = _facts(nlp, text, "occupation")
    assert ("Денис Рябцев", "Гамма") in _pairs(facts, "person", "org")


def test_a_participle_gives_its_antecedent_the_subject_role(nlp):
    text = "Пётр Жаров, ранее руководивший сетью магазинов «Колос», ушёл в отставку."
    assert ("Пётр Жаров", "Колос") in _pairs(_facts(nlp, text, "occupation"), "person", "org")


def test_conjuncts_share_the_role(nlp):
    text = "В группу «Омега» входят компании «Кедр», «Ясень» и «Клён»."
    pairs = _pairs(_facts(nlp, text, "ownership"), "owner", "property")
    assert {owner for owner, _ in pairs} == {"Омега"}
    assert {"Кедр", "Клён"} <= {prop for _, prop in pairs}  # the first and the last


def test_passive_voice_swaps_agent_and_patient(nlp):
    text = "Компания «Луч» была куплена холдингом «Гамма» в прошлом году."
    parties = [f["parties"] for f in _facts(nlp, text, "deal")]
    assert ["Гамма", "Луч"] in parties


def test_a_generic_noun_after_names_stands_for_them(nlp):
    text = "«Кедр-Транс» и «Кедр-Финанс», дочерние компании «Кедра», сменили офис."
    pairs = _pairs(_facts(nlp, text, "ownership"), "owner", "property")
    assert {("Кедр", "Кедр-Транс"), ("Кедр", "Кедр-Финанс")} <= pairs


def test_no_frame_without_the_parse(nlp):
    from factex import Pipeline

    text = "Холдинг «Гамма», которым руководит Денис Рябцев, открыл завод."
    record = Pipeline(exclude=["syntax"])(text).to_dict()
    assert not [f for f in record["facts"] if f["type"] == "occupation"]


def test_a_meeting_noun_takes_its_genitive_sides(nlp):
    text = "Вчера прошли переговоры премьер-министров Дании и Польши Ларса Холма и Яна Новака."
    sides = [f["participants"] for f in _facts(nlp, text, "meeting")]
    assert ["Ларс Холм", "Ян Новак"] in sides


def test_an_apposition_is_a_name_after_its_noun(nlp):
    """A name the parser hangs on a later noun is not that noun's name."""
    text = (
        "Переговоры главы МИД Андрея Соколова с госсекретарем США Джоном Миллером, а затем "
        "его встреча с министром Турции Мехметом Йылмазом прошли в Женеве."
    )
    for f in _facts(nlp, text, "meeting"):
        assert f["participants"] != ["Джон Миллер", "Мехмет Йылмаз"]


def test_a_supply_contract_is_a_service(nlp):
    text = "Компания «Вымпел» заключила с заводом «Прибор» контракт на поставку датчиков."
    deals = _facts(nlp, text, "deal")
    assert [(d["parties"], d["kind"]) for d in deals] == [(["Вымпел", "Прибор"], "услуги")]


def test_a_post_one_leaves_is_a_former_post(nlp):
    text = "Олег Сазонов покинул пост генерального директора компании «Полюс-Строй»."
    facts = _facts(nlp, text, "occupation")
    assert [(f["person"], f["org"], f.get("former")) for f in facts] == [
        ("Олег Сазонов", "Полюс-Строй", True)
    ]


def test_sanctions_by_a_list_are_one_deal_a_party(nlp):
    text = "Санкции против компании «Северолес» ввели Канада, Австралия и Япония."
    deals = [d["parties"] for d in _facts(nlp, text, "deal")]
    assert sorted(deals) == [["Австралия", "Северолес"], ["Канада", "Северолес"],
                             ["Северолес", "Япония"]]  # fmt: skip


def test_a_frame_reads_features_and_required_roles():
    finite, participle = [f for f in frames("ownership") if "принадлежать" in f.lemmas]
    assert finite.pos == "VERB" and ("VerbForm", "Fin") in finite.feats
    assert ("VerbForm", "Part") in participle.feats
    assert _role("other!:ORG=iobj").required and not _role("other:ORG=iobj").required


def test_joining_sanctions_is_one_deal_a_party(nlp):
    text = "Норвегия и Исландия присоединились к санкциям против банка «Север-Кредит»."
    parties = [f["parties"] for f in _facts(nlp, text, "deal")]
    assert ["Норвегия", "Север-Кредит"] in parties and ["Исландия", "Север-Кредит"] in parties


def test_a_stake_held_by_and_a_passive_participle(nlp):
    text = "Контрольный пакет акций «Омега-Ойл» находится у компании «Вектра»."
    assert ("Вектра", "Омега-Ойл") in _pairs(_facts(nlp, text, "ownership"), "owner", "property")
    text = "Банк «Меркурий», контролируемый бизнесменом Ильёй Зотовым, закрыл офисы."
    assert ("Илья Зотов", "Меркурий") in _pairs(_facts(nlp, text, "ownership"), "owner", "property")


def test_a_lemma_step_reads_a_word_list():
    role = _role("side:ORG=^nmod=@contract-nouns/nsubj")
    assert {"контракт", "тендер"} <= role.paths[0][0].lemmas


def test_the_buyer_of_a_stake_becomes_an_owner(nlp):
    text = "Фонд «Арктур» выкупил долю в компании «Полимер»."
    assert ("Арктур", "Полимер") in _pairs(_facts(nlp, text, "ownership"), "owner", "property")


def test_a_loan_names_its_lender_and_borrower(nlp):
    text = "В марте банк «Прибой» выдал заводу «Кристалл» кредит на 300 млн рублей."
    assert [(d["parties"], d["kind"]) for d in _facts(nlp, text, "deal")] == [
        (["Кристалл", "Прибой"], "займ")
    ]
    text = "Компания «Вектор» получила кредит от банка «Прибой»."
    assert [d["parties"] for d in _facts(nlp, text, "deal")] == [["Вектор", "Прибой"]]


def test_what_belongs_to_an_owner_named_by_a_pronoun(nlp):
    text = "Ирина Лебедева вложила деньги в ритейл. Ей принадлежит 25% акций сети «Фрукты»."
    assert _pairs(_facts(nlp, text, "ownership"), "owner", "property") == {
        ("Ирина Лебедева", "Фрукты")
    }


def test_an_owner_noun_as_the_predicate(nlp):
    text = "Завод «Искра» построили в 1960 году. Его новым владельцем стал Андрей Котов."
    assert _pairs(_facts(nlp, text, "ownership"), "owner", "property") == {
        ("Андрей Котов", "Искра")
    }


def test_an_owner_noun_with_a_possessive_before_the_owner(nlp):
    text = "Завод «Искра» простаивал. Его владелец Андрей Котов искал покупателя."
    assert _pairs(_facts(nlp, text, "ownership"), "owner", "property") == {
        ("Андрей Котов", "Искра")
    }
    # not without the possessive: the rules read `владелец «X» Y`, a misparse hangs
    # another name under the noun (`совладелец компании «Вега» ... банка «Альфа»`)
    text = "Совладелец компании «Вега» Иван Орлов и владелец банка «Альфа» Петр Белов встретились."
    pairs = _pairs(_facts(nlp, text, "ownership"), "owner", "property")
    assert ("Иван Орлов", "Альфа") not in pairs


def test_an_owner_noun_as_a_predicate_and_a_relative_word(nlp):
    text = "Владельцем сети «Купава» является Степан Жарков."
    assert ("Степан Жарков", "Купава") in _pairs(
        _facts(nlp, text, "ownership"), "owner", "property"
    )
    text = "Завод «Северный», единственным акционером которого является фонд «Горизонт», вырос."
    pairs = _pairs(_facts(nlp, text, "ownership"), "owner", "property")
    assert ("Горизонт", "Северный") in pairs


def test_an_import_ban_is_a_sanction_and_a_deal_noun_takes_its_verbs_subject(nlp):
    text = "Россельхознадзор запретил ввоз мяса из Парагвая."
    deals = _facts(nlp, text, "deal")
    assert [(d["parties"], d["kind"]) for d in deals] == [(["Парагвай", "Россельхознадзор"],
                                                           "санкции")]  # fmt: skip
    text = "Концерн «Тайфун» объявил о покупке сети «Лютик»."
    (d,) = _facts(nlp, text, "deal")
    assert d["parties"] == ["Лютик", "Тайфун"] and d["kind"] == "купля/продажа"


def test_a_sale_moves_ownership_to_a_buyer_named_after_its_noun(nlp):
    text = "Игорь Сизов продал сеть кафе «Шафран» холдингу «Гастромир»."
    pairs = _pairs(_facts(nlp, text, "ownership"), "owner", "property")
    assert ("Гастромир", "Шафран") in pairs


def test_states_that_create_a_body_own_it(nlp):
    text = "Казахстан и Киргизия учредили Евразийский банк развития."
    owners = {f["owner"] for f in _facts(nlp, text, "ownership")}
    assert owners == {"Казахстан", "Киргизия"}


def test_a_supply_contract_with_a_partner_named_on_the_supply(nlp):
    text = "«Татнефть» подписала контракт на поставку битума с компанией «Дорстрой»."
    (d,) = _facts(nlp, text, "deal")
    assert d["parties"] == ["Дорстрой", "Татнефть"] and d["kind"] == "услуги"
