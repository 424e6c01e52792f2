"""occupation facts: who holds which post."""

from __future__ import annotations

import pytest

from factex import shared_pipeline as nlp  # the shared, process-wide pipeline


def occupations(text: str) -> list[tuple[str, str, str | None]]:
    doc = nlp()(text).to_dict()
    return [
        (f["person"]["name"], f["position"], f["org"]["name"] if f["org"] else None)
        for f in doc["facts"]
        if f["type"] == "occupation"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Об этом заявил пресс-секретарь президента Дмитрий Песков.",
            ("Дмитрий Песков", "пресс-секретарь", None),
        ),
        (
            "В Казань приехал глава Татарстана Рустам Минниханов.",
            ("Рустам Минниханов", "глава", "Татарстан"),
        ),
        (
            "Визит начал президент Казахстана Касым-Жомарт Токаев.",
            ("Касым-Жомарт Токаев", "президент", "Казахстан"),
        ),
        (
            "На форум приехал Касым-Жомарт Токаев, президент Казахстана.",
            ("Касым-Жомарт Токаев", "президент", "Казахстан"),
        ),
        (
            "Об этом сообщил министр промышленности и торговли России Антон Алиханов.",
            ("Антон Алиханов", "министр промышленности и торговли", "Россия"),
        ),
        (
            "Президент назначил Ивана Петрова министром экономики.",
            ("Иван Петров", "министр экономики", None),
        ),
        (
            "Ученый совет избрал ректором вуза профессора Марата Хуснутдинова.",
            ("Марат Хуснутдинов", "ректор вуза", None),
        ),
    ],
)
def test_positions_are_read_in_the_nominative(text, expected):
    found = occupations(text)
    person, position, org = expected
    assert any(p == person and pos == position for p, pos, _ in found), found
    if org:
        assert any(p == person and o and org in o for p, _, o in found), found


def test_person_without_post_gives_no_occupation():
    assert occupations("Вчера Иван Петров гулял по парку с собакой.") == []


def test_a_list_of_names_is_no_apposition():
    assert occupations("На встречу пришли Иван Петров, Сергей Сидоров и Анна Кузнецова.") == []


def test_where_the_post_was_given_is_not_part_of_it():
    found = occupations(
        "Накануне Денис Рогачев был избран ректором вуза на заседании ученого совета."
    )
    assert ("Денис Рогачев", "ректор вуза", None) in found


def org_texts(text: str) -> list[tuple[str, str, str | None]]:
    doc = nlp()(text).to_dict()
    return [
        (f["person"]["name"], f["position"], f.get("org_text"))
        for f in doc["facts"]
        if f["type"] == "occupation"
    ]


def test_chained_posts_before_a_name_are_all_theirs():
    found = occupations(
        "Об этом сказал лидер Меджлиса крымско-татарского народа, "
        "народный депутат Украины Мустафа Джемилев."
    )
    assert any(p == "Мустафа Джемилев" and pos == "лидер" for p, pos, _ in found), found
    assert any(p == "Мустафа Джемилев" and pos == "народный депутат" for p, pos, _ in found)


def test_a_post_in_another_case_does_not_chain():
    found = occupations(
        "Об этом сказал в беседе с корреспондентом агентства лидер движения Александр Белов."
    )
    assert all(pos != "корреспондент" for _, pos, _ in found), found


def test_post_in_parenthesis_after_a_name():
    found = occupations("Решение приняли Юрген Клинсман и Йоахим Лёв (второй тренер).")
    assert any(p == "Йоахим Лёв" and "тренер" in pos for p, pos, _ in found), found


def test_a_parenthesis_after_a_name_without_a_post_gives_nothing():
    assert occupations("Решение принял Йоахим Лёв (Германия).") == []


@pytest.mark.parametrize(
    ("text", "person", "position"),
    [
        (
            "Марк Тоунер, исполняющий обязанности официального представителя Госдепартамента "
            "США, выступил с заявлением.",
            "Марк Тоунер",
            "исполняющий обязанности официального представителя",
        ),
        ("В город приехал врио губернатора Иван Петров.", "Иван Петров", "врио губернатора"),
        ("В город приехал и.о. мэра Олег Сидоров.", "Олег Сидоров", "и.о. мэра"),
        ("В город приехал И. о. мэра Олег Сидоров.", "Олег Сидоров", "и.о. мэра"),
        (
            "Временно исполняющий обязанности губернатора Орловской области Сергей Лапин "
            "подписал указ.",
            "Сергей Лапин",
            "временно исполняющий обязанности губернатора",
        ),
    ],
)
def test_acting_posts(text, person, position):
    assert any(p == person and pos == position for p, pos, _ in occupations(text))


def test_an_unnamed_organisation_is_not_part_of_the_post():
    found = org_texts("Переговоры вел глава палестинской делегации Саеб Эрекат.")
    assert ("Саеб Эрекат", "глава", "палестинская делегация") in found, found


def test_a_fixed_post_keeps_its_complement():
    found = occupations("Об этом сообщил министр иностранных дел Сергей Лавров.")
    assert any(pos == "министр иностранных дел" for _, pos, _ in found), found


def test_apposition_may_end_in_a_prepositional_tail():
    found = occupations(
        "— Татьяна Скригонюк, заместитель начальника пресс-службы МЧС по Санкт-Петербургу"
    )
    assert any(p == "Татьяна Скригонюк" for p, _, _ in found), found


def test_a_clause_after_the_post_is_no_apposition():
    assert occupations("Иван Петров, директор завода и его жена приехали в город.") == []


def test_a_bare_chained_post_shares_the_organisation():
    found = occupations(
        "Документ подписали президент, председатель правления Сбербанка Герман Греф."
    )
    assert ("Герман Греф", "президент", "Сбербанк") in found, found


def test_an_ordinal_ranks_the_post():
    found = occupations("Решение принял Йоахим Лёв (второй тренер).")
    assert ("Йоахим Лёв", "второй тренер", None) in found


def test_an_ordinal_does_not_count_leaders():
    found = occupations("Первый президент Казахстана Нурсултан Назарбаев выступил.")
    assert ("Нурсултан Назарбаев", "президент", "Казахстан") in found


def test_a_plural_post_complement_stays_in_the_post():
    assert ("Андреас Кёпке", "тренер вратарей", None) in occupations(
        "Решение сообщил Андреас Кёпке (тренер вратарей)."
    )


def test_an_instrumental_complement_names_the_organisation():
    found = occupations("Аарон Гринспен, управляющий компанией FaceCash, выступил против.")
    assert ("Аарон Гринспен", "управляющий", "FaceCash") in found


def test_an_instrumental_complement_needs_a_governing_post():
    found = occupations("Иван Петров, директор, доволен компанией FaceCash.")
    assert all(org != "FaceCash" for _, _, org in found)


def test_a_signature_line():
    found = occupations("Пусть победит сильнейший!\n\nКирсан Илюмжинов Президент ФИДЕ")
    assert ("Кирсан Илюмжинов", "президент", "ФИДЕ") in found


def test_a_name_before_a_post_mid_sentence_is_no_signature():
    found = occupations("Вчера Кирсан Илюмжинов президента ФИДЕ поздравил с победой.")
    assert all(p != "Кирсан Илюмжинов" for p, _, _ in found)


def test_being_a_post():
    found = occupations("Это сделал Борис Ельцин, ещё будучи первым секретарём обкома партии.")
    assert any(p == "Борис Ельцин" and pos.startswith("первый секретарь") for p, pos, _ in found)


def test_a_former_post_tagged_as_an_adjective():
    found = occupations("Экс-председатель Верховного народного собрания КНДР Хван Чжан Еп бежал.")
    assert [p for p, pos, _ in found if pos == "экс-председатель"] == ["Хван Чжан Еп"]


def test_a_second_post_joined_by_and_after_an_apposition():
    found = occupations(
        "Выступит Иван Петров - декан и профессор Московского университета, а также гости."
    )
    assert any(p == "Иван Петров" and pos == "профессор" for p, pos, _ in found)


def test_a_plural_post_after_a_verb_is_no_appointment():
    found = occupations(
        "Эта информация была опровергнута официальными представителями Владимира Путина."
    )
    assert found == []


def test_envoy_to_a_district():
    text = (
        "Полномочный представитель президента в Приволжском федеральном округе Игорь Комаров "
        "провел совещание."
    )
    (o,) = [f for f in nlp()(text).to_dict()["facts"] if f["type"] == "occupation"]
    assert o["person"]["name"] == "Игорь Комаров"
    assert o["position"] == "полномочный представитель президента"


def test_apposition_with_now():
    text = "Сергей Шойгу, ныне секретарь Совета безопасности, принял участие в заседании."
    (o,) = [f for f in nlp()(text).to_dict()["facts"] if f["type"] == "occupation"]
    assert o["person"]["name"] == "Сергей Шойгу"
    assert o["position"] == "секретарь"
    assert o["org"]["name"] == "Совет безопасности"


def _occ(text: str) -> list[tuple[str, str, str | None]]:
    return [
        (f["person"]["name"], f["position"], (f["org"] or {}).get("name"))
        for f in nlp()(text).to_dict()["facts"]
        if f["type"] == "occupation"
    ]


def test_a_post_after_another_apposition():
    found = _occ(
        "Инициатива оказалась неожиданной для Александра Брода, известного борца с "
        "ксенофобией, члена Общественной палаты."
    )
    assert ("Александр Брод", "член", "Общественная палата") in found


def test_one_of_the_holders_of_a_post():
    found = _occ(
        "Призёры отдали дань Эдуарду Мишлену, одному из президентов группы компаний Michelin."
    )
    assert found == [("Эдуард Мишлен", "президент", "Michelin")]


def test_managing_director_is_one_post():
    found = _occ("В конференции участвует Крис Хелмбрехт - управляющий директор агентства.")
    assert [p for _, p, _ in found] == ["управляющий директор"]


def test_a_pronoun_subject_takes_the_person_of_the_sentence_before():
    found = _occ(
        "Леван Гачечиладзе стал единым кандидатом оппозиции. "
        "В настоящий момент он является депутатом парламента."
    )
    assert ("Леван Гачечиладзе", "депутат", None) in [(n, p, None) for n, p, _ in found]


def test_a_pronoun_of_another_gender_takes_no_one():
    found = _occ(
        "Леван Гачечиладзе стал единым кандидатом оппозиции. "
        "В настоящий момент она является депутатом парламента."
    )
    assert found == []


def test_heading_names_the_organisation_not_a_post():
    found = _occ("Активистов Народной партии, возглавляемой Беназир Бхутто, арестовали.")
    assert found == [("Беназир Бхутто", None, "Народная партия")]
    assert _occ("Алексей Миллер возглавляет «Газпром» с 2001 года.") == [
        ("Алексей Миллер", None, "Газпром")
    ]


def test_a_former_head_of_an_unnamed_department():
    text = "Его место займёт Синдзи Харада, ранее возглавлявший отдел России в японском МИДе."
    (f,) = [f for f in nlp()(text).to_dict()["facts"] if f["type"] == "occupation"]
    assert f["person"]["name"] == "Синдзи Харада"
    assert f["position"] is None
    assert f["org_text"] == "отдел России в японском МИДе"


def test_heading_a_list_is_no_occupation():
    assert _occ("Иван Петров возглавил список кандидатов.") == []


def test_the_subject_takes_the_post_not_the_one_replaced():
    assert _occ("Вместо Оливера Кана, капитаном стал Михаель Баллак.") == [
        ("Михаель Баллак", "капитан", None)
    ]


def test_head_of_state_is_the_head_of_an_unnamed_state():
    text = "Глава государства Дмитрий Медведев выступил с речью."
    (f,) = [f for f in nlp()(text).to_dict()["facts"] if f["type"] == "occupation"]
    assert (f["position"], f["org"], f["org_text"]) == ("глава", None, "государство")


def test_a_unit_of_a_named_company_is_the_organisation_words():
    text = (
        "Об этом сообщил глава отдела корпоративных серверов и сетей Hewlett-Packard "
        "Дейв Донателли."
    )
    (f,) = [f for f in nlp()(text).to_dict()["facts"] if f["type"] == "occupation"]
    assert f["position"] == "глава"
    assert f["org"]["name"] == "Hewlett-Packard"
    assert f["org_text"] == "отдел корпоративных серверов и сетей Hewlett-Packard"


def test_no_preposition_dangles_at_the_end_of_a_post():
    assert _occ("Леван Гачечиладзе является депутатом парламента от партии «Новые правые».") == [
        ("Леван Гачечиладзе", "депутат парламента", "Новые правые")
    ]


def test_the_name_after_an_aide_is_whose_aide():
    assert _occ("Советник Владимира Путина заявил о планах.") == []
    assert _occ("Помощник Хиллари Клинтон по европейским делам посетил Белград.") == []
    assert _occ("Он процитировал слова представителя Марии Захаровой.") == [
        ("Мария Захарова", "представитель", None)
    ]


def test_a_former_post_is_marked_alike_for_byvshiy_and_eks():
    text = (
        "Бывший министр экономики Алексей Улюкаев прокомментировал решение суда. "
        "Экс-глава Минфина Алексей Кудрин также высказался."
    )
    facts = nlp()(text).to_dict()["facts"]
    found = {f["person"]["name"]: f for f in facts if f["type"] == "occupation"}
    assert found["Алексей Улюкаев"]["position"] == "министр экономики"
    assert found["Алексей Улюкаев"]["former"] is True
    assert found["Алексей Кудрин"]["former"] is True
    current = nlp()("Министр экономики Максим Решетников выступил на форуме.").to_dict()["facts"]
    assert all("former" not in f for f in current)


def test_a_pronoun_does_not_take_a_post_a_named_holder_takes():
    found = occupations(
        "Вчера Олег Рогов был избран ректором академии. Он сменит на этом посту Илью "
        "Корнилова, который руководил академией с 2015 года и теперь займет должность "
        "президента Уральского горного университета."
    )
    assert [p for p, pos, _ in found if pos == "президент"] == ["Илья Корнилов"]


def test_a_post_split_from_its_noun_by_the_parse():
    found = occupations(
        "В 2016 году Олега Шубина уволили с должности главного инженера завода «Электросила»."
    )
    assert found == [("Олег Шубин", "главный инженер", "Электросила")]


def test_a_monarch_holds_a_post_in_the_state_named_with_the_title():
    text = "Король Иордании Абдалла Хасан принял в Аммане делегацию предпринимателей."
    assert occupations(text) == [("Абдалла Хасан", "король", "Иордания")]
    assert occupations("Нападающий «Спартака» Артем Рыжов пропустит три недели.") == [
        ("Артем Рыжов", "нападающий", "Спартак")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Тренер ведет себя, словно царь Иоанн Грозный, сказал ветеран.",
        "Латвия приняла гостей. Музыкальный король Майкл Джексон выступил в Риге.",
        "Пианист Дмитрий Рогов дал сольный концерт в филармонии.",
    ],
)
def test_a_title_or_profession_without_its_state_or_employer_is_no_post(text):
    assert occupations(text) == []


def test_a_rank_between_a_post_and_its_holder_is_passed_over():
    text = (
        "Командующий войсками Южного военного округа генерал-полковник Андрей Савельев "
        "провел смотр частей."
    )
    assert occupations(text) == [
        ("Андрей Савельев", "командующий войсками", "Южный военный округ"),
        ("Андрей Савельев", "генерал-полковник", None),
    ]


def test_a_commander_s_organisation_in_the_instrumental():
    text = "Главнокомандующий Военно-морским флотом адмирал Николай Лебедев принял парад."
    assert ("Николай Лебедев", "главнокомандующий", "Военно-морской флот") in occupations(text)


def test_a_plural_post_s_list_of_names_goes_on_over_a_bracket_after_each():
    text = "Выступили вице-президенты МОК Томас Ридли (Канада) и Ким Сон Хо (Южная Корея)."
    assert occupations(text) == [
        ("Томас Ридли", "вице-президент", "МОК"),
        ("Ким Сон Хо", "вице-президент", "МОК"),
    ]


def test_a_company_s_board_is_part_of_the_post():
    text = "Иван Орлов, председатель совета директоров «Веги», подал в отставку."
    assert occupations(text) == [("Иван Орлов", "председатель совета директоров", "Вега")]
    text = "Председатель правления банка «Вега» Иван Орлов подал в отставку."
    assert occupations(text) == [("Иван Орлов", "председатель правления", "Вега")]
    text = "Членом наблюдательного совета «Веги» стал Иван Орлов."
    assert occupations(text) == [("Иван Орлов", "член наблюдательного совета", "Вега")]
    text = "Членом наблюдательного совета банка «Вега» стал Иван Орлов."
    assert occupations(text) == [("Иван Орлов", "член наблюдательного совета", "Вега")]


def test_a_board_of_a_generic_noun_is_the_organisation_the_text_is_about():
    text = (
        "Совет директоров «Газэнергобанка» собрался на заседание. "
        "Председателем правления банка избран Антон Крылов."
    )
    assert occupations(text) == [("Антон Крылов", "председатель правления", "Газэнергобанк")]


def test_an_object_controls_the_infinitive_under_its_verb():
    text = "Совет директоров пригласил Тимура Галиева возглавить компанию «Оплот»."
    assert occupations(text) == [("Тимур Галиев", None, "Оплот")]
    text = "Иван Орлов пригласил Тимура Галиева в компанию «Оплот»."
    assert occupations(text) == []
