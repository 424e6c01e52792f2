"""signing facts: document, parties."""

from __future__ import annotations

from factex import shared_pipeline as nlp  # the shared, process-wide pipeline


def signings(text: str) -> list[dict]:
    return [f for f in nlp()(text).to_dict()["facts"] if f["type"] == "signing"]


def test_agreement_about():
    (s,) = signings("Стороны планируют подписать соглашение о сотрудничестве в области энергетики.")
    assert s["document"] == "соглашение о сотрудничестве в области энергетики"


def test_a_date_after_the_document_is_its_date_not_its_name():
    (s,) = signings("Стороны подпишут соглашение о сотрудничестве в энергетике 15 мая 2025 года.")
    assert s["document"] == "соглашение о сотрудничестве в энергетике"
    assert s["dates"]["value"] == "2025-05-15"


def test_leaders_of_two_countries_are_the_parties():
    (s,) = signings(
        "Президент России Владимир Путин встретил президента Казахстана Касым-Жомарта Токаева. "
        "Лидеры двух стран подпишут важные двусторонние документы."
    )
    assert s["document"] == "двусторонние документы"
    assert {p["name"] for p in s["parties"]} == {"Владимир Путин", "Касым-Жомарт Токаев"}


def test_signature_of_a_painting_is_no_signing():
    assert signings("Художник подписал картину в углу холста.") == []


def test_a_count_is_no_part_of_the_document():
    (s,) = signings("В первый день будет подписано более 40 соглашений.")
    assert s["document"] == "соглашения"


def test_companies_named_in_quotes_are_parties():
    (s,) = signings('"Газпром" и Сбербанк подписали соглашение о стратегическом сотрудничестве.')
    assert {p["name"] for p in s["parties"]} >= {"Сбербанк"}
    assert len(s["parties"]) == 2


def test_the_speaker_of_a_quote_is_no_party():
    found = signings(
        "«Наши заводы намерены подписать контракты на 10 млрд рублей», - сказал губернатор "
        "Омской области Виталий Хоценко."
    )
    assert all(not f["parties"] for f in found)


def test_the_term_of_an_agreement_is_not_its_date():
    (s,) = signings(
        "«Роснефть» и «Сбербанк» подписали соглашение о сотрудничестве на 2027-2031 годы."
    )
    assert s["dates"] is None
    assert {p["name"] for p in s["parties"]} >= {"Сбербанк"}


def test_parties_of_a_signing_stay():
    (s,) = signings("Правительство Омской области и ВТБ подписали соглашение о кредитовании.")
    assert s["parties"]


def test_the_reporter_before_the_signing_is_no_party():
    (s,) = signings("Как сообщил министр Иван Петров, стороны подпишут соглашение о торговле.")
    assert s["parties"] == []


def test_countries_as_subjects_are_parties():
    (s,) = signings("Россия и Индия подписали меморандум о сотрудничестве в области энергетики.")
    assert [p["name"] for p in s["parties"]] == ["Россия", "Индия"]
    assert s["document"] == "меморандум о сотрудничестве в области энергетики"


def test_between_names_the_parties_not_the_document():
    (s,) = signings(
        "По итогам переговоров было подписано соглашение между Россией и Монголией "
        "о строительстве газопровода."
    )
    assert [p["name"] for p in s["parties"]] == ["Россия", "Монголия"]
    assert s["document"] == "соглашение о строительстве газопровода"


def test_a_place_where_it_was_signed_is_no_party():
    (s,) = signings("В Москве подписали соглашение о сотрудничестве.")
    assert s["parties"] == []


def test_a_set_of_documents():
    assert signings("Стороны подписали пакет документов.")[0]["document"] == "пакет документов"
    assert signings("В ходе визита будет подписан ряд документов.")[0]["document"] == (
        "ряд документов"
    )


def test_document_before_the_verb():
    (s,) = signings("Документ подписал председатель правительства Михаил Мишустин.")
    assert s["document"] == "документ"
    assert [p["name"] for p in s["parties"]] == ["Михаил Мишустин"]
    (s,) = signings(
        "Соглашение о создании зоны свободной торговли было подписано в Санкт-Петербурге."
    )
    assert s["document"] == "соглашение о создании зоны свободной торговли"


def test_the_purpose_of_a_contract_is_part_of_it_a_place_is_not():
    (s,) = signings("Компании «Роснефть» и «Газпром нефть» подписали контракт на поставку нефти.")
    assert s["document"] == "контракт на поставку нефти"
    (s,) = signings("Россия и Китай подписали соглашение на полях форума.")
    assert s["document"] == "соглашение"


def test_a_law_signed_and_its_year():
    (s,) = signings("Владимир Путин подписал закон о бюджете на 2026 год.")
    assert s["document"] == "закон о бюджете"
    assert [p["name"] for p in s["parties"]] == ["Владимир Путин"]


def test_documents_not_signed_are_negated():
    (s,) = signings("Документы подписаны не были.")
    assert s["modality"] == "negated"


def test_the_document_named_again_adds_its_signatories():
    (s,) = signings(
        "«Газпром нефть» и Ленинградская область подписали соглашение о строительстве завода. "
        "Документ подписали губернатор Александр Дрозденко и Вадим Яковлев."
    )
    names = {p["name"] for p in s["parties"]}
    assert {"Александр Дрозденко", "Вадим Яковлев"} <= names


def test_subscribing_is_no_signing():
    assert signings("Он подписался на рассылку новостей.") == []


def test_a_signing_that_something_would_allow_is_only_possible():
    (s,) = signings("Министр заявил, что новое соглашение позволит подписать крупные контракты.")
    assert s["modality"] == "possible"


def test_a_document_that_may_be_signed_is_a_possible_signing():
    (s,) = signings("Соглашение о зоне свободной торговли может быть подписано до конца года.")
    assert s["document"] == "соглашение о зоне свободной торговли"
    assert s["modality"] == "possible"


def test_the_sides_sign_for_the_meeting_before():
    (s,) = signings(
        "Премьер-министр РФ Михаил Мишустин провел встречу с премьер-министром Армении "
        "Николом Пашиняном в Москве. Стороны подписали пакет документов."
    )
    assert [p["name"] for p in s["parties"]] == ["Михаил Мишустин", "Никол Пашинян"]
    assert signings("Стороны подписали пакет документов.")[0]["parties"] == []


def test_a_party_after_what_the_speaker_said_signs():
    (s,) = signings(
        "Вице-премьер Алексей Оверчук заявил, что Россия и Азербайджан могут подписать "
        "соглашение о транзите до конца года."
    )
    assert [p["name"] for p in s["parties"]] == ["Россия", "Азербайджан"]


def test_a_bare_document_noun_in_the_next_sentence_is_the_same_signing():
    (s,) = signings(
        "«Ростех» и индийская компания HAL подписали контракт на поставку двигателей. "
        "Соглашение подписали на полях авиасалона МАКС."
    )
    assert [p["name"] for p in s["parties"]] == ["Ростех", "HAL"]
    assert s["document"] == "контракт на поставку двигателей"
