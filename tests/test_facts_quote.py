"""quote facts: direct and reported speech with the speaker resolved."""

from __future__ import annotations

from factex import shared_pipeline as nlp  # the shared, process-wide pipeline


def quotes(text: str) -> list[dict]:
    return [f for f in nlp()(text).to_dict()["facts"] if f["type"] == "quote"]


def test_speaker_before_colon():
    (q,) = quotes("Сергей Лавров заявил: «Россия открыта для сотрудничества со всеми странами».")
    assert q["speaker"]["name"] == "Сергей Лавров"
    assert q["text"] == "Россия открыта для сотрудничества со всеми странами"
    assert q["direct"] is True


def test_speaker_after_dash_is_a_description():
    (q,) = quotes(
        "Премьер-министр Армении Никол Пашинян прибыл в Москву. "
        "«Мы готовы к диалогу», — отметил армянский премьер."
    )
    assert q["speaker"]["name"] == "Никол Пашинян"
    assert q["text"] == "Мы готовы к диалогу"


def test_reported_speech():
    (q,) = quotes("По словам Дмитрия Пескова, визит готовится.")
    assert q["speaker"]["name"] == "Дмитрий Песков"
    assert q["text"] == "визит готовится"
    assert q["direct"] is False


def test_reported_with_that():
    (q,) = quotes("Дмитрий Песков сообщил, что переговоры пройдут в Кремле.")
    assert q["speaker"]["name"] == "Дмитрий Песков"
    assert q["text"] == "переговоры пройдут в Кремле"


def test_title_in_quotes_is_no_quote():
    assert quotes("На сцене Малого театра показали драму «Парасат майданы».") == []


def test_a_title_followed_by_a_participle_is_no_quote():
    assert quotes("Главная картина - «Купание красного коня», написанная в 1912 году.") == []


def test_said_in_the_statement_names_the_body_that_reported():
    (q,) = quotes(
        "Об этом сообщила пресс-служба президента РФ. "
        '"Переговоры пройдут в Кремле", - сказано в сообщении.'
    )
    assert q["speaker"] is None
    assert q["speaker_text"] == "пресс-служба президента РФ"
    assert q["text"] == "Переговоры пройдут в Кремле"


def test_reported_speech_after_a_post_names_the_person():
    (q,) = quotes(
        "По словам главы МИД Казахстана Ерлана Абдрахманова, к переговорам готовы пять соглашений."
    )
    assert q["speaker"]["name"] == "Ерлан Абдрахманов"
    assert q["text"] == "к переговорам готовы пять соглашений"


def test_reported_speech_source_with_commas_inside_its_name():
    (q,) = quotes(
        "По данным Министерства инвестиций, промышленности и торговли Узбекистана, "
        "товарооборот вырос на 12%."
    )
    assert q["text"] == "товарооборот вырос на 12%"
    assert q["speaker"]["name"].startswith("Министерство инвестиций, промышленности и торговли")


def test_speaker_between_the_parts_of_a_quote():
    (q,) = quotes("«Мы готовы к диалогу, — сказал Владимир Путин, — но не на любых условиях».")
    assert q["speaker"]["name"] == "Владимир Путин"
    assert q["text"] == "Мы готовы к диалогу, но не на любых условиях"
    assert q["direct"] is True


def test_speaker_between_two_sentences_of_a_quote():
    (q,) = quotes("«Решение принято, — заявила Мария Захарова. — Подробности позже».")
    assert q["speaker"]["name"] == "Мария Захарова"
    assert q["text"] == "Решение принято. Подробности позже"


def test_according_to_with_quotation_marks_is_direct():
    (q,) = quotes("По словам министра финансов Антона Силуанова, «бюджет будет сбалансирован».")
    assert q["speaker"]["name"] == "Антон Силуанов"
    assert q["text"] == "бюджет будет сбалансирован"
    assert q["direct"] is True


def test_said_in_the_press_service():
    (q,) = quotes("Как заявили в пресс-службе правительства Москвы, работы завершатся в декабре.")
    assert q["speaker_text"] == "пресс-служба правительства Москвы"
    assert q["text"] == "работы завершатся в декабре"


def test_said_in_the_ministry_named_before():
    found = quotes(
        "Выставка организована при поддержке Министерства культуры РФ. "
        "Как сообщили в министерстве, выставка продлится до марта."
    )
    (q,) = found
    assert q["speaker"]["name"] == "Министерство культуры РФ"


def test_a_kind_word_opening_a_quote_is_no_event():
    text = "«Фестиваль, — по словам организаторов, — станет ежегодным»."
    facts = nlp()(text).to_dict()["facts"]
    assert [f for f in facts if f["type"] == "event"] == []


def test_headline_name_and_colon():
    (q,) = quotes("Захарова: «Москва не оставит это без ответа».")
    assert q["speaker"]["name"] == "Захарова"
    assert q["text"] == "Москва не оставит это без ответа"


def test_a_quote_after_said_colon_keeps_its_speaker_when_a_gerund_follows():
    found = quotes(
        "Владимир Путин заявил: «Россия открыта к диалогу», добавив, что условия известны."
    )
    direct = next(q for q in found if q["direct"])
    assert direct["speaker"]["name"] == "Владимир Путин"
    assert direct["text"] == "Россия открыта к диалогу"


def test_headline_words_after_a_name_and_colon_are_reported():
    (q,) = quotes("Лавров: переговоры прошли конструктивно.")
    assert q["speaker"]["name"] == "Лавров"
    assert q["text"] == "переговоры прошли конструктивно"
    assert q["direct"] is False


def test_headline_with_a_post_before_the_name():
    (q,) = quotes("Пресс-секретарь президента Дмитрий Песков: «Никаких решений пока нет».")
    assert q["speaker"]["name"] == "Дмитрий Песков"
    assert q["direct"] is True


def test_a_colon_after_a_place_is_no_speaker():
    assert quotes("Москва: погода на выходные.") == []


def test_a_description_opening_the_sentence_loses_its_capital():
    (q,) = quotes("Министр подчеркнул: «Бюджет сбалансирован».")
    assert q["speaker"] is None
    assert q["speaker_text"] == "министр"


def test_about_this_reports_the_sentence_before():
    text = (
        "МОСКВА, 10 ноября. /ТАСС/. Сборная России выиграла чемпионат Европы по самбо. "
        "Об этом сообщил министр спорта РФ Михаил Дегтярев."
    )
    (q,) = [f for f in nlp()(text).to_dict()["facts"] if f["type"] == "quote"]
    assert q["speaker"]["name"] == "Михаил Дегтярев"
    assert q["text"] == "Сборная России выиграла чемпионат Европы по самбо"
    assert q["direct"] is False
    assert text[q["evidence"]["start"] :].startswith("Сборная")


def test_about_this_after_a_quotation_is_direct():
    text = "«Мы готовы к переговорам». Об этом заявил министр Михаил Дегтярев."
    (q,) = [f for f in nlp()(text).to_dict()["facts"] if f["type"] == "quote"]
    assert (q["text"], q["direct"]) == ("Мы готовы к переговорам", True)


def test_about_this_without_a_speaker_is_no_quote():
    assert quotes("Сборная выиграла турнир. Об этом стало известно в среду.") == []


def test_a_pronoun_speaker_is_the_person_of_the_sentence_before():
    (q,) = quotes(
        "Официальный представитель МИД России Мария Захарова провела брифинг. "
        "Она отметила, что Москва готова к диалогу."
    )
    assert q["speaker"]["name"] == "Мария Захарова"
    assert q["text"] == "Москва готова к диалогу"


def test_a_pronoun_of_another_gender_or_with_nobody_before_has_no_speaker():
    assert quotes("Мария Захарова провела брифинг. Он отметил, что Москва готова к диалогу.") == []
    assert quotes("Он отметил, что Москва готова к диалогу.") == []


def test_a_pronoun_after_the_quote_and_by_his_words():
    found = quotes(
        "Губернатор Приморья Олег Кожемяко провел совещание. "
        "«Мы ожидаем гостей из 70 стран», - добавил он."
    )
    assert [(q["speaker"]["name"], q["direct"]) for q in found] == [("Олег Кожемяко", True)]
    (q,) = quotes(
        "Выставку посетил мэр Москвы Сергей Собянин. "
        "По его словам, экспозиция продлится до конца января."
    )
    assert q["speaker"]["name"] == "Сергей Собянин"
    assert q["text"] == "экспозиция продлится до конца января"


def test_about_this_thing_is_no_report_of_the_sentence_before():
    text = (
        "В Екатеринбурге открылся памятник Борису Ельцину. "
        "Об этом человеке говорят разное, сообщил историк Иван Петров."
    )
    assert all(not q["text"].startswith("В Екатеринбурге") for q in quotes(text))


def test_sentence_ending_in_a_colon_says_nothing():
    # A headline-style colon with no words after it, at the end of the document.
    for text in ["Benteler в России принадлежит две компании:", "(А в былине:"]:
        assert quotes(text) == []
