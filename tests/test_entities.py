"""Entities as an analyst checks them: spans, types, normal forms, clustering."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import SEED

from factex import Pipeline
from factex.document import Token


def entities(nlp: Pipeline, text: str) -> dict[str, dict]:
    """Entities of `text` by name."""
    return {e["name"]: e for e in nlp(text).to_dict()["entities"]}


def mentions(nlp: Pipeline, text: str) -> dict[str, str]:
    """Mention text -> entity type."""
    out = {}
    for e in nlp(text).to_dict()["entities"]:
        for m in e["mentions"]:
            out[m["text"]] = e["type"]
    return out


def test_place_or_organisation_in_the_nominative(nlp: Pipeline) -> None:
    ents = entities(nlp, "Выставку открыли в Новой Третьяковской галерее в Москве.")
    assert "Новая Третьяковская галерея" in ents
    assert "Москва" in ents


def test_person_in_the_nominative_with_parts(nlp: Pipeline) -> None:
    ents = entities(nlp, "Спектакль поставлен по произведениям писателя Толена Абдикова.")
    person = ents["Толен Абдиков"]
    assert person["type"] == "PER"
    assert person["parts"] == {"first": "Толен", "middle": None, "last": "Абдиков"}


def test_hyphenated_first_name_stays_whole(nlp: Pipeline) -> None:
    ents = entities(nlp, "Путин встретился с Касым-Жомартом Токаевым в Москве.")
    assert ents["Касым-Жомарт Токаев"]["parts"]["first"] == "Касым-Жомарт"


def test_mentions_of_one_person_cluster(nlp: Pipeline) -> None:
    text = (
        "Токаев прибыл в Москву. Переговоры с Владимиром Путиным пройдут в Кремле. "
        "Путин подарил Токаеву книгу. Визит Касым-Жомарта Токаева продлится два дня. "
        "Путину доложили о визите."
    )
    ents = entities(nlp, text)
    putin, tokayev = ents["Владимир Путин"], ents["Касым-Жомарт Токаев"]
    assert [m["text"] for m in putin["mentions"]] == ["Владимиром Путиным", "Путин", "Путину"]
    assert {m["text"] for m in tokayev["mentions"]} == {
        "Токаев",
        "Токаеву",
        "Касым-Жомарта Токаева",
    }
    assert not any(n in ents for n in ("Путин", "Токаев"))


def test_quoted_organisation_without_descriptor(nlp: Pipeline) -> None:
    found = mentions(nlp, "Об этом сообщили в компании «Газпром нефть» и в ОАО «Газпром».")
    assert found.get("Газпром нефть") == "ORG"
    assert found.get("Газпром") == "ORG"
    assert "ОАО «Газпром»" not in found


def test_quoted_outlet_after_reporting_verb(nlp: Pipeline) -> None:
    found = mentions(nlp, "Как сообщает «Интерфакс», переговоры продолжатся.")
    assert found.get("Интерфакс") == "ORG"


def test_ministry_keeps_its_country(nlp: Pipeline) -> None:
    text = "Об этом сообщили в Министерстве культуры и информации Казахстана."
    ents = entities(nlp, text)
    ministry = ents["Министерство культуры и информации Казахстана"]
    assert ministry["type"] == "ORG"
    # the mention is the name proper and the country a place of its own, as in FactRuEval
    assert ministry["mentions"][0]["text"] == "Министерстве культуры и информации"
    assert ents["Казахстан"]["type"] == "LOC"


def test_owner_and_abbreviation_cluster(nlp: Pipeline) -> None:
    text = (
        "В Министерстве спорта Республики Татарстан сообщили об итогах. "
        "Представитель Министерства иностранных дел Казахстана выступил. Позже МИД уточнил."
    )
    ents = entities(nlp, text)
    assert "Министерство спорта Республики Татарстан" in ents
    mfa = ents["Министерство иностранных дел Казахстана"]
    assert [m["text"] for m in mfa["mentions"]] == ["Министерства иностранных дел", "МИД"]


def test_person_name_parts(nlp: Pipeline) -> None:
    text = (
        "Ху Цзиньтао принял Марин Ле Пен. Президент В. В. Путин приехал. "
        "Владимир Путин поблагодарил Наину Иосифовну."
    )
    ents = entities(nlp, text)
    assert ents["Ху Цзиньтао"]["parts"] == {"first": "Цзиньтао", "middle": None, "last": "Ху"}
    assert ents["Марин Ле Пен"]["parts"]["last"] == "Ле Пен"
    assert len(ents["Владимир Путин"]["mentions"]) == 2
    assert ents["Наина Иосифовна"]["parts"]["middle"] == "Иосифовна"


def test_types_fixed_by_word_list(nlp: Pipeline) -> None:
    found = mentions(nlp, "Представитель Кремля обсудил с ЕС ситуацию. Экипаж МКС вернулся.")
    assert found.get("Кремля") == "ORG"
    assert found.get("ЕС") == "ORG"
    assert found.get("МКС") == "LOC"


def test_not_entities(nlp: Pipeline) -> None:
    found = mentions(
        nlp,
        "Путин и Токаев в режиме ВКС обратятся к участникам форума. "
        "Американцы рассматривают возможность задержки старта шаттла «Дискавери». "
        "В Москве открылись Дни культуры Казахстана.",
    )
    for word in ("ВКС", "Американцы", "Дискавери", "Дни культуры"):
        assert word not in found
    assert found.get("Казахстана") == "LOC"


def test_mention_never_crosses_a_line_break(nlp: Pipeline) -> None:
    text = "Сообщил Дмитрий\nПесков встретился с Алексеем Ивановым."
    for e in nlp(text).to_dict()["entities"]:
        for m in e["mentions"]:
            assert "\n" not in m["text"]


EXPECTED = {
    ("PER", "Владимир Путин"),
    ("PER", "Касым-Жомарт Токаев"),
    ("PER", "Дмитрий Песков"),
    ("PER", "Руслан Желдибай"),
    ("PER", "Рустам Минниханов"),
    ("PER", "Толен Абдиков"),
    ("PER", "Александр Казаков"),
    ("LOC", "Россия"),
    ("LOC", "Москва"),
    ("LOC", "Уральск"),
    ("LOC", "Украина"),
    ("LOC", "Астана"),
    ("LOC", "Душанбе"),
    ("LOC", "Татарстан"),
    ("LOC", "Центральная Азия"),
    ("ORG", "ТАСС"),
    ("ORG", "Кремль"),
    ("ORG", "Новая Третьяковская галерея"),
    ("ORG", "Малый театр"),
    ("ORG", "Министерство культуры и информации Казахстана"),
}


def test_seed_article(nlp: Pipeline) -> None:
    if not SEED.is_file():
        pytest.skip("seed article not available")
    text = SEED.read_text("utf-8")
    record = nlp(text).to_dict()
    found = {(e["type"], e["name"]) for e in record["entities"]}
    assert not EXPECTED - found
    assert ("LOC", "Республика Казахстан") in found or ("LOC", "Казахстан") in found
    assert not {n for _, n in found} & {"ВКС", "Дни культуры", "Путин", "Токаев"}
    for e in record["entities"]:
        for m in e["mentions"]:
            assert text[m["start"] : m["stop"]] == m["text"]
            assert "\n" not in m["text"]
    tokayev = next(e for e in record["entities"] if e["name"] == "Касым-Жомарт Токаев")
    assert {"Токаеву", "Токаева", "Касым-Жомарт Токаев"} <= {m["text"] for m in tokayev["mentions"]}


def test_devset_offsets(nlp: Pipeline) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from devset import FACTRU

    if not (FACTRU / "devset.jsonl").is_file():
        pytest.skip("FactRuEval devset not available")
    from devset import load

    for doc in load():
        text = doc["text"]
        for e in nlp(text).to_dict()["entities"]:
            for m in e["mentions"]:
                assert text[m["start"] : m["stop"]] == m["text"], doc["doc"]
                assert "\n" not in m["text"]


def test_surname_outside_the_dictionary_in_the_nominative(nlp: Pipeline) -> None:
    ents = entities(nlp, "Памятник Юрию Долгорукому стоит в Москве. Визит Сейджи Маехары.")
    assert "Юрий Долгорукий" in ents
    assert "Сейджи Маехара" in ents


def test_lone_surname_read_as_first_name_joins_the_person(nlp):
    text = (
        "Путин провел телефонный разговор с Николом Пашиняном. "
        "По словам Пашиняна, стороны обсудили повестку."
    )
    persons = [e for e in nlp(text).entities if e.type == "PER"]
    pashinyan = [e for e in persons if "Пашинян" in e.name]
    assert len(pashinyan) == 1
    assert {m.text for m in pashinyan[0].mentions} == {"Николом Пашиняном", "Пашиняна"}


def test_a_person_after_an_organisation_is_split_off(nlp: Pipeline) -> None:
    text = "Об этом сообщил представитель Следственного комитета при прокуратуре Владимир Маркин."
    found = mentions(nlp, text)
    assert found["Владимир Маркин"] == "PER"
    assert found["Следственного комитета при прокуратуре"] == "ORG"


def test_an_organisation_ending_in_a_common_word_stays_whole(nlp: Pipeline) -> None:
    text = "Об этом сообщили в Министерстве культуры и информации Казахстана."
    assert "PER" not in mentions(nlp, text).values()


def test_organisation_named_after_a_person_stays_whole(nlp) -> None:
    text = "Спектакль покажет Национальный академический театр имени Янки Купалы."
    orgs = [e for e in nlp(text).entities if e.type == "ORG"]
    assert [e.name for e in orgs] == ["Национальный академический театр имени Янки Купалы"]
    assert not [e for e in nlp(text).entities if e.type == "PER"]


def test_bare_legal_form_is_no_entity(nlp: Pipeline) -> None:
    found = mentions(nlp, "Акции ПАО резко выросли, сообщил аналитик Иван Петров.")
    assert found.get("ПАО") is None
    assert mentions(nlp, "Акции ПАО «Лукойл» выросли.").get("Лукойл") == "ORG"


def test_name_after_organisation_word_is_an_organisation(nlp: Pipeline) -> None:
    found = mentions(nlp, "Команда Феррари не стала подавать апелляцию.")
    assert found.get("Феррари") == "ORG"
    found = mentions(nlp, "Посольство Перу в Москве закрыто, сообщает правительство Чили.")
    assert found.get("Перу") == "LOC"


def test_person_an_organisation_is_named_after(nlp: Pipeline) -> None:
    found = mentions(nlp, "Спектакль показали в Театре им. Евгения Вахтангова в Москве.")
    assert found.get("Театре им. Евгения Вахтангова") == "ORG"


def test_complement_stops_at_a_new_nominative(nlp: Pipeline) -> None:
    text = (
        "На заседании Совета при Президенте РФ по развитию гражданского общества "
        "глава государства Дмитрий Медведев выступил с речью."
    )
    found = mentions(nlp, text)
    assert found.get("Совета при Президенте РФ по развитию гражданского общества") == "ORG"
    assert found.get("Дмитрий Медведев") == "PER"


def test_country_adjective_before_abbreviation_is_its_owner(nlp: Pipeline) -> None:
    text = (
        "Глава МИД России Сергей Лавров провёл переговоры. "
        "Позже в российском МИД сообщили о встрече."
    )
    ents = entities(nlp, text)
    assert "МИД России" in ents
    assert "российский МИД" not in ents
    assert {m["text"] for m in ents["МИД России"]["mentions"]} == {"МИД", "российском МИД"}


def test_superlative_keeps_its_stem(nlp: Pipeline) -> None:
    ents = entities(nlp, "Заседание Высшего Евразийского экономического совета прошло в Минске.")
    assert "Высший Евразийский экономический совет" in ents


def test_relational_adjective_opens_an_organisation(nlp: Pipeline) -> None:
    found = mentions(nlp, "Решение приняла государственная Комиссия по атомной энергии Индии.")
    assert found.get("государственная Комиссия по атомной энергии") == "ORG"
    found = mentions(nlp, "Об этом заявил глава влиятельного Комитета по иностранным делам.")
    assert "влиятельного Комитета по иностранным делам" not in found


def test_regional_branch_is_one_name(nlp: Pipeline) -> None:
    text = "Об этом сообщили в ГУ МЧС России по Новосибирской области в понедельник."
    found = mentions(nlp, text)
    assert found.get("ГУ МЧС России по Новосибирской области") == "ORG"
    found = mentions(nlp, "Сотрудники МЧС прибыли в Новосибирск по вызову.")
    assert found.get("МЧС") == "ORG"
    assert found.get("Новосибирск") == "LOC"


def test_organisation_word_before_latin_name_left_out(nlp: Pipeline) -> None:
    found = mentions(nlp, "Как передаёт ИА Regnum, переговоры завершились.")
    assert found.get("Regnum") == "ORG"
    assert "ИА Regnum" not in found


def test_lowercase_council_after_geographic_adjective(nlp: Pipeline) -> None:
    found = mentions(nlp, "Долг обсуждали на заседании парижского клуба кредиторов.")
    assert found.get("парижского клуба кредиторов") == "ORG"
    found = mentions(nlp, "Занятия ведут в русском культурном центре «Радуга» в Берлине.")
    assert "русском культурном центре" not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Цветы передали Наине Иосифовне, вдове первого президента.", "Наина Иосифовна"),
        ("Льюис Хэмилтон опередил Кими Райкконена на две секунды.", "Кими Райкконен"),
        ("Тренер назвал основным вратарём Йенса Лемана.", "Йенс Леман"),
        ("Воспоминания Джоанны Стингрей переиздали в Лондоне.", "Джоанна Стингрей"),
        ("Экс-премьера Пакистана Беназир Бхутто вновь задержали.", "Беназир Бхутто"),
        ("Матч обслуживал арбитр: • Хорхе Ларрионда (Уругвай).", "Хорхе Ларрионда"),
        ("Спикер палаты Нэнси Пелоси отложила голосование.", "Нэнси Пелоси"),
        ("Грамоту вручили учительнице Анне Беловой.", "Анна Белова"),
        ("Приз достался Анне Хатауэй.", "Анне Хатауэй"),
        ("Проститься с Виктором Ступиным пришли сотни людей.", "Виктор Ступин"),
        ("Вчера хоронили Виктора Ступина.", "Виктор Ступин"),
    ],
)
def test_person_parts_agree_in_a_case_they_can_share(nlp: Pipeline, text: str, name: str) -> None:
    persons = {e["name"] for e in nlp(text).to_dict()["entities"] if e["type"] == "PER"}
    assert name in persons


def test_east_asian_name_surname_first_and_declined_given_name(nlp: Pipeline) -> None:
    text = "Министр обороны Китая Дун Цзюнь прибыл в Москву. Визит Дун Цзюня продлится два дня."
    ents = entities(nlp, text)
    dong = ents["Дун Цзюнь"]
    assert dong["parts"] == {"first": "Цзюнь", "middle": None, "last": "Дун"}
    assert [m["text"] for m in dong["mentions"]] == ["Дун Цзюнь", "Дун Цзюня"]
    ents = entities(nlp, "После смерти Кима Чен Ира его сын возглавил страну.")
    assert ents["Ким Чен Ир"]["parts"]["last"] == "Ким"


def test_european_name_after_an_east_asian_homonym_keeps_its_order(nlp: Pipeline) -> None:
    ents = entities(nlp, "Выступил польский писатель Ян Томашевский.")
    assert ents["Ян Томашевский"]["parts"] == {"first": "Ян", "middle": None, "last": "Томашевский"}
    ents = entities(nlp, "Наблюдатель Хуан Суареш сообщил о нарушениях.")
    assert ents["Хуан Суареш"]["parts"]["first"] == "Хуан"


def test_latin_name_in_brackets_is_the_same_person(nlp: Pipeline) -> None:
    text = "На станцию прилетит астронавт Гаррет Рейсман (Garrett Reisman), сообщило агентство."
    persons = [e for e in nlp(text).to_dict()["entities"] if e["type"] == "PER"]
    assert len(persons) == 1
    assert persons[0]["name"] == "Гаррет Рейсман"
    assert [m["text"] for m in persons[0]["mentions"]] == ["Гаррет Рейсман", "Garrett Reisman"]
    for m in persons[0]["mentions"]:
        assert text[m["start"] : m["stop"]] == m["text"]


def test_body_named_by_its_kind_takes_its_organisation_in_its_name(nlp: Pipeline) -> None:
    text = "Доклад подготовили в Институте востоковедения РАН к осени."
    ents = entities(nlp, text)
    assert "Институт востоковедения РАН" in ents
    found = mentions(nlp, text)
    assert found.get("Институте востоковедения") == "ORG"
    assert found.get("РАН") == "ORG"
    text = "Об этом сообщила Служба прессы Верховного суда в пятницу."
    assert "Служба прессы Верховного суда" in entities(nlp, text)


def test_union_with_an_unknown_name(nlp: Pipeline) -> None:
    found = mentions(nlp, "Рабочих поддержали члены профсоюза Юнайт и местные активисты.")
    assert found.get("Юнайт") == "ORG"


def test_lone_plurals_and_adjectives_are_no_persons(nlp: Pipeline) -> None:
    found = mentions(nlp, "Он был третьим из братьев Ямадаевых, погибших в Дубае.")
    assert "Ямадаевых" not in found
    found = mentions(nlp, "Будничная, повседневная работа продолжается.")
    assert "Будничная" not in found
    found = mentions(nlp, "По словам Куниц, решение уже принято. Сомова родилась в Бердске.")
    assert found.get("Куниц") == "PER"
    assert found.get("Сомова") == "PER"


def test_surname_ending_like_a_patronymic(nlp: Pipeline) -> None:
    ents = entities(nlp, "Акция в поддержку Николая Статкевича прошла в Минске.")
    assert ents["Николай Статкевич"]["parts"] == {
        "first": "Николай",
        "middle": None,
        "last": "Статкевич",
    }
    ents = entities(nlp, "Слово взял Ринат Тагирович, а затем Илья Васильевич.")
    assert ents["Ринат Тагирович"]["parts"]["middle"] == "Тагирович"
    assert ents["Илья Васильевич"]["parts"]["middle"] == "Васильевич"


def test_site_cited_by_its_address_is_an_organisation(nlp: Pipeline) -> None:
    text = "Премьера перенесена на осень, сообщает baltinfo.ru со ссылкой на театр."
    found = mentions(nlp, text)
    assert found.get("baltinfo.ru") == "ORG"
    found = mentions(nlp, "Компания зарегистрировала адрес fb.com ещё весной.")
    assert "fb.com" not in found
    found = mentions(nlp, "Вопросы принимают по адресу press@example.ru круглосуточно.")
    assert "example.ru" not in found


def test_organisation_names_of_one_body_in_the_singular(nlp: Pipeline) -> None:
    ents = entities(nlp, "Он пел на сценах Большого и Мариинского театров.")
    assert "Мариинский театр" in ents
    ents = entities(nlp, "В жюри «Новой волны-2009» вошли звёзды эстрады.")
    assert "Новая волна-2009" in ents
    ents = entities(nlp, "Работа Вооружённых сил России.")
    assert "Вооружённые силы России" in ents


def test_a_name_with_digits_is_no_person(nlp: Pipeline) -> None:
    found = mentions(nlp, "Этап Формулы-1 прошёл в Монако при полных трибунах.")
    assert found.get("Формулы-1") != "PER"


def test_capitalised_arabic_article_opens_an_organisation() -> None:
    from factex.entities.ner import WordSpan
    from factex.entities.orgs import split_article_orgs

    text = ["оператор", "Аль-Джазиры", "Сами", "аль-Хадж", "задержан"]
    words = [Token(0, 0, w, lemma=w.lower(), pos="NOUN") for w in text]
    spans = split_article_orgs([WordSpan(1, 4, "PER")], words)
    assert spans == [WordSpan(1, 2, "ORG"), WordSpan(2, 4, "PER")]
    spans = split_article_orgs([WordSpan(2, 4, "PER")], words)
    assert spans == [WordSpan(2, 4, "PER")]


def test_coordinated_adjectives_of_a_name_in_the_nominative(nlp: Pipeline) -> None:
    text = (
        "Эксперты Всемирной продовольственной и сельскохозяйственной организации"
        " предупредили о голоде."
    )
    assert "Всемирная продовольственная и сельскохозяйственная организация" in entities(nlp, text)


def test_vehicles_are_no_organisations(nlp: Pipeline) -> None:
    text = (
        "В космос отправятся шаттлы «Индевор» (в апреле) и «Атлантис» (в июне). "
        "Старт «Атлантиса» перенесли. Снимки сделал телескоп Хаббл. Хаббл исправен."
    )
    found = mentions(nlp, text)
    assert not [m for m, kind in found.items() if kind == "ORG"]
    found = mentions(nlp, "Газета «Известия» и «Коммерсантъ» сообщили о сделке.")
    assert found.get("Коммерсантъ") == "ORG"


def test_place_a_title_is_named_after(nlp: Pipeline) -> None:
    text = "Он стал чемпионом Европы, а затем выиграл чемпионат мира."
    found = mentions(nlp, text)
    assert found.get("Европы") == "LOC"
    assert "Европа" in entities(nlp, text)
    assert "мира" not in found


def test_a_lone_word_that_can_only_be_a_place_is_no_person(nlp: Pipeline) -> None:
    from factex.entities.rules import _place_only

    assert _place_only("Эфиопия")
    assert not _place_only("Киров")  # also a surname
    assert not _place_only("Путин")
    found = mentions(nlp, "Сергей Киров выступил в Ленинграде. Киров говорил долго.")
    assert found.get("Киров") == "PER"


def test_a_lone_surname_in_another_case_joins_its_person(nlp: Pipeline) -> None:
    text = (
        "Канцлер Фридрих Мерц прилетел в Рим. Мерцу показали Колизей. "
        "Вице-премьер Татьяна Голикова провела совещание. Голиковой доложили о вакцинации."
    )
    ents = entities(nlp, text)
    assert {m["text"] for m in ents["Фридрих Мерц"]["mentions"]} == {"Фридрих Мерц", "Мерцу"}
    assert "Голиковой" in {m["text"] for m in ents["Татьяна Голикова"]["mentions"]}
    assert not [e for e in ents.values() if e["type"] != "PER" and "Голик" in e["name"]]


def test_a_surname_two_people_share_stays_apart(nlp: Pipeline) -> None:
    text = (
        "Художник Андрей Петров и журналист Мария Петрова получили премию. "
        "Петрову вручили диплом, а Петровой — грамоту."
    )
    ents = entities(nlp, text)
    assert {m["text"] for m in ents["Андрей Петров"]["mentions"]} == {"Андрей Петров", "Петрову"}
    assert {m["text"] for m in ents["Мария Петрова"]["mentions"]} == {"Мария Петрова", "Петровой"}


def test_dateline_place_and_agency(nlp: Pipeline) -> None:
    text = (
        "НИЖНИЙ НОВГОРОД, 7 июля. /Киодо/. Губернатор открыл в Нижнем Новгороде технопарк.\n\n"
        "Делегация вернулась в Нижний Новгород."
    )
    ents = entities(nlp, text)
    city = ents["Нижний Новгород"]
    assert city["type"] == "LOC"
    assert {m["text"] for m in city["mentions"]} >= {"НИЖНИЙ НОВГОРОД", "Нижнем Новгороде"}
    assert ents["Киодо"]["type"] == "ORG"
    assert "НИЖНИЙ НОВГОРОД" not in ents


def test_a_name_in_brackets_after_an_organisation_is_the_same_organisation(nlp: Pipeline) -> None:
    text = (
        "Министерство финансов Российской Федерации (Минфин) подготовило поправки. "
        "Центральный банк Российской Федерации (Банк России) их поддержал. "
        "Глава Банка России выступил в Москве (Россия)."
    )
    ents = entities(nlp, text)
    minfin = ents["Министерство финансов Российской Федерации"]
    assert minfin["type"] == "ORG"
    assert "Минфин" in {m["text"] for m in minfin["mentions"]}
    bank = {m["text"] for m in ents["Центральный банк Российской Федерации"]["mentions"]}
    assert {"Банк России", "Банка России"} <= bank
    assert mentions(nlp, text)["Россия"] == "LOC"  # a place in brackets stays a place


def test_initials_after_the_surname(nlp: Pipeline) -> None:
    text = (
        "Указ подписал Путин В.В. в Кремле. Документ направлен Путину В. В. на согласование. "
        "Позже Владимир Путин прокомментировал указ."
    )
    ents = entities(nlp, text)
    putin = ents["Владимир Путин"]
    assert {m["text"] for m in putin["mentions"]} == {"Путин В.В", "Путину В. В", "Владимир Путин"}
    only = entities(nlp, "Суд вызвал Козлова А.П. для дачи показаний.")
    assert only["А. П. Козлов"]["parts"] == {"first": "А.", "middle": "П.", "last": "Козлов"}
    assert "С. В. Лавров" in entities(nlp, "Письмо подписал Лавров С.В. вчера.")


def test_legal_forms_and_courts(nlp: Pipeline) -> None:
    text = "АК «Алроса» и ТОО «Казмунайгаз» подписали договор. Екатеринбургский суд одобрил сделку."
    found = mentions(nlp, text)
    assert "АК" not in found and "ТОО" not in found
    assert found["Алроса"] == "ORG"
    assert found["Екатеринбургский суд"] == "ORG"


def test_a_longer_name_in_another_case_joins_its_person(nlp: Pipeline) -> None:
    text = (
        "Президент Южной Кореи Ли Чжэ Мён встретился с Ли Чжэ Ёном. Ли Чжэ Мёну показали завод. "
        "В Душанбе прибыл эмир Тамим бен Хамад Аль Тани. Тамиму бен Хамаду Аль Тани вручили орден."
    )
    ents = entities(nlp, text)
    assert {m["text"] for m in ents["Ли Чжэ Мён"]["mentions"]} == {"Ли Чжэ Мён", "Ли Чжэ Мёну"}
    assert "Ли Чжэ Мёну" not in {m["text"] for m in ents["Ли Чжэ Ён"]["mentions"]}
    emir = ents["Тамим бен Хамад Аль Тани"]
    assert "Тамиму бен Хамаду Аль Тани" in {m["text"] for m in emir["mentions"]}


def test_a_surname_the_tagger_missed_in_another_case(nlp: Pipeline) -> None:
    text = (
        "Председатель Госдумы Вячеслав Володин отметил, что закон поддержали все фракции. "
        "Володину направили обращение из Совета Федерации."
    )
    ents = entities(nlp, text)
    assert {m["text"] for m in ents["Вячеслав Володин"]["mentions"]} == {
        "Вячеслав Володин",
        "Володину",
    }


def test_a_power_plant_abbreviation_alone_is_no_organisation(nlp: Pipeline) -> None:
    found = mentions(nlp, "Инвесторам представили проект ГЭС на реке Вахш и новой ТЭЦ в Душанбе.")
    assert "ГЭС" not in found and "ТЭЦ" not in found
    assert found.get("Душанбе") == "LOC"


def test_an_adjective_sharing_the_next_names_noun_takes_it_in_its_name(nlp: Pipeline) -> None:
    text = "Паводок затронул села Курской, Брянской и Белгородской областей."
    record = nlp(text).to_dict()
    names = {e["name"] for e in record["entities"]}
    assert {"Курская область", "Брянская область", "Белгородская область"} <= names
    for e in record["entities"]:
        for m in e["mentions"]:
            assert text[m["start"] : m["stop"]] == m["text"]
