"""Money written as contracts and news write it: amounts in words in brackets, a
country's adjective before the currency, `US$`; values and exact spans."""

from __future__ import annotations

from factex import Pipeline


def _money(nlp: Pipeline, text: str) -> list[tuple[str, object, str | None]]:
    items = nlp(text).to_dict()["money"]
    for m in items:
        assert text[m["start"] : m["stop"]] == m["text"]
    return [(m["text"], m["amount"], m["currency"]) for m in items]


def test_amount_in_words_in_brackets(nlp: Pipeline) -> None:
    text = "Суд назначил штраф 300 000 (триста тысяч) рублей."
    assert _money(nlp, text) == [("300 000 (триста тысяч) рублей", 300000, "RUB")]


def test_country_adjective_before_the_currency(nlp: Pipeline) -> None:
    assert _money(nlp, "Фирма получила 5 млн американских долларов.") == [
        ("5 млн американских долларов", 5000000, "USD")
    ]
    assert _money(nlp, "Акимат дал 100 млн казахстанских тенге.") == [
        ("100 млн казахстанских тенге", 100000000, "KZT")
    ]
    # the table's own adjectives still win: Belarusian roubles are not Russian ones
    assert _money(nlp, "Зарплата — 2000 белорусских рублей.")[0][2] == "BYN"
    assert _money(nlp, "Дом стоит 900 тыс. канадских долларов.")[0][2] == "CAD"


def test_us_dollar_sign(nlp: Pipeline) -> None:
    assert _money(nlp, "Сделка на US$ 300 млн закрыта.") == [("US$ 300 млн", 300000000, "USD")]


def test_millions_thousands_and_units(nlp: Pipeline) -> None:
    text = "Сделка оценивается в 3 млн 250 тыс. 500 рублей."
    assert _money(nlp, text) == [("3 млн 250 тыс. 500 рублей", 3250500, "RUB")]
    fine = "Штраф — 1 млн 200 тыс. рублей."
    assert _money(nlp, fine) == [("1 млн 200 тыс. рублей", 1200000, "RUB")]


def test_one_and_a_half_in_an_oblique_case(nlp: Pipeline) -> None:
    text = "На программу выделят свыше полутора миллиардов рублей."
    assert _money(nlp, text) == [("свыше полутора миллиардов рублей", 1500000000, "RUB")]
    assert _money(nlp, "Бюджет составил около полутора млн евро.") == [
        ("около полутора млн евро", 1500000, "EUR")
    ]
