"""Numbers: ordinals and cardinals outside dates, with exact offsets."""

from __future__ import annotations

import pytest
from conftest import SEED

from factex.numbers import find_numbers
from factex.time.dates import find_dates
from factex.time.reference import Reference

REF = Reference.parse("2025-11-11")


def numbers(text: str) -> list[tuple[str, int, str]]:
    found = find_numbers(text, find_dates(text, REF))
    assert all(text[n.start : n.stop] == n.text for n in found)
    return [(n.text, n.value, n.kind) for n in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Roman numerals
        ("Открылся XXI Форум регионов.", ("XXI", 21, "ordinal")),
        ("Прошел XV съезд партии.", ("XV", 15, "ordinal")),
        ("Николай II отрекся от престола.", ("II", 2, "ordinal")),
        ("Это IV конференция.", ("IV", 4, "ordinal")),
        ("Стартовал XXXIX фестиваль.", ("XXXIX", 39, "ordinal")),
        ("Открылся ХХI Форум.", ("ХХI", 21, "ordinal")),  # Cyrillic Х
        # ordinal words, any case and gender
        ("Это двадцать первый форум.", ("двадцать первый", 21, "ordinal")),
        ("Итоги тридцать второго съезда.", ("тридцать второго", 32, "ordinal")),
        ("Он стал четырнадцатым.", ("четырнадцатым", 14, "ordinal")),
        ("В третьей попытке он победил.", ("третьей", 3, "ordinal")),
        ("Это уже сотая встреча.", ("сотая", 100, "ordinal")),
        ("На сороковой день.", ("сороковой", 40, "ordinal")),
        ("Праздновали девяносто девятую годовщину.", ("девяносто девятую", 99, "ordinal")),
        ("Первая попытка не удалась.", ("Первая", 1, "ordinal")),
        ("Открылся первый форум регионов.", ("первый", 1, "ordinal")),
        ("Второе место занял он.", ("Второе", 2, "ordinal")),
        ("Сто двадцать пятый сезон.", ("Сто двадцать пятый", 125, "ordinal")),
        # digits with endings
        ("Числа 25-го он уехал.", ("25-го", 25, "ordinal")),
        ("Прошел 21-й форум.", ("21-й", 21, "ordinal")),
        ("Это 7-я партия.", ("7-я", 7, "ordinal")),
        ("В 3-м туре.", ("3-м", 3, "ordinal")),
        ("Подписан в 2-х экземплярах.", ("2-х", 2, "cardinal")),
        # cardinal words and compounds
        ("Начался двухдневный визит.", ("двухдневный", 2, "cardinal")),
        ("В рамках трехдневного визита.", ("трехдневного", 3, "cardinal")),
        ("В рамках трёхдневного визита.", ("трёхдневного", 3, "cardinal")),
        ("Утвержден пятилетний план.", ("пятилетний", 5, "cardinal")),
        ("Отметили двадцатипятилетний юбилей.", ("двадцатипятилетний", 25, "cardinal")),
        ("Столетний юбилей.", ("Столетний", 100, "cardinal")),
        ("Празднуют 80-летие Победы.", ("80-летие", 80, "cardinal")),
        ("Утвержден 5-летний план.", ("5-летний", 5, "cardinal")),
        ("Прошло двадцать пять лет.", ("двадцать пять", 25, "cardinal")),
        ("Пришли две тысячи человек.", ("две тысячи", 2000, "cardinal")),
        ("Выделили три миллиона рублей.", ("три миллиона", 3000000, "cardinal")),
        ("Он провел там шесть месяцев.", ("шесть", 6, "cardinal")),
        ("Около восьмисот человек.", ("восьмисот", 800, "cardinal")),
        # digits
        ("На митинг пришли 500 человек.", ("500", 500, "cardinal")),
        ("Подано 176 668 заявок.", ("176 668", 176668, "cardinal")),
        ("Работают около 5 тысяч человек.", ("5 тысяч", 5000, "cardinal")),
        ("Выделено 1,5 млн рублей.", ("1,5 млн", 1500000, "cardinal")),
        # the number of an article, part, point or place names which one: an ordinal
        ("Дело возбуждено по ч. 4 ст. 159 УК РФ.", ("4", 4, "ordinal")),
        ("Дело возбуждено по ч. 4 ст. 159 УК РФ.", ("159", 159, "ordinal")),
        ("Его обвиняют по части 2 статьи 105 УК.", ("105", 105, "ordinal")),
        ("Согласно пункту 3 договора, срок истёк.", ("3", 3, "ordinal")),
        ("Совбез принял резолюцию № 2231.", ("2231", 2231, "ordinal")),
        ("Согласно 155 статье конституции, власть перешла к центру.", ("155", 155, "ordinal")),
        ("Команда заняла 26 место в таблице.", ("26", 26, "ordinal")),
        ("Клуб остался на 14 месте.", ("14", 14, "ordinal")),
        ("Партия получила 26 мест в парламенте.", ("26", 26, "cardinal")),
    ],
)
def test_number(text, expected):
    assert expected in numbers(text)


@pytest.mark.parametrize(
    "text",
    [
        "Федеральный закон № 123-ФЗ вступил в силу.",
        "Истребитель Су-2003 показали на выставке.",
        "Звоните по телефону +7 (495) 123-45-67.",
        "Звоните: +7 495 123-45-67.",
        "Горячая линия 8 (800) 555-35-35 работает круглосуточно.",
        "Телефон для справок: 8-912-345-67-89.",
        "Справки по телефону 8 800 100 20 30.",
        "Приемная: 8 (3452) 12-34-56.",
        # ranks and idioms, not counts
        "Первый вице-премьер провел совещание.",
        "Первый заместитель министра выступил.",
        "Второй секретарь посольства выслан.",
        "Первая леди выступила.",
        "В первую очередь помогут детям.",
        "На первый взгляд ничего не изменилось.",
        "Цены выросли на 15%.",
        "Рост составил 11,5 процента.",
        "Встреча началась в 15:00.",
        "Установлена версия 1.2.10.",
        "Одна из сторон отказалась.",
        "Тысячи людей вышли на улицы.",
        "Миллионные штрафы не помогли.",
    ],
)
def test_not_a_number(text):
    assert numbers(text) == []


def test_phone_is_neither_date_nor_number():
    text = "Горячая линия 8 (800) 555-35-35, справки: +7 495 123-45-67."
    assert find_dates(text, REF) == []
    assert numbers(text) == []


def test_big_number_with_spaces_is_not_a_phone():
    assert ("8 500 000 000", 8500000000, "cardinal") in numbers("Бюджет 8 500 000 000 рублей.")


def test_numbers_inside_durations_are_not_numbers():
    assert numbers("Переговоры шли в течение двух лет.") == []


def test_numbers_inside_dates_are_not_numbers():
    text = "11-12 ноября 2025 года пройдет форум, в XXI веке, с 2003 года, в 1990-е годы."
    assert numbers(text) == []


def test_roman_century_is_a_date_and_roman_forum_a_number():
    text = "В XXI веке прошел XXI Форум."
    assert numbers(text) == [("XXI", 21, "ordinal")]
    assert text.index("XXI Форум") == find_numbers(text, find_dates(text, REF))[0].start


def test_text_order_and_no_overlap():
    text = "Двадцать первый форум, 5 тысяч человек, 21-й съезд, двухдневный визит, XXI век."
    found = find_numbers(text, find_dates(text, REF))
    for a, b in zip(found, found[1:], strict=False):
        assert a.stop <= b.start


def test_seed_article():
    if not SEED.is_file():
        pytest.skip("seed article missing")
    text = SEED.read_text(encoding="utf-8")
    found = numbers(text)
    assert ("XXI", 21, "ordinal") in found
    assert ("двухдневный", 2, "cardinal") in found
    assert not any(n[0] in ("2003", "11", "12") for n in found)


def test_offsets_when_lower_case_changes_length():
    text = "İstanbul: XXI форум, 21-й съезд, двухдневный визит."
    assert ("21-й", 21, "ordinal") in numbers(text)
    assert ("XXI", 21, "ordinal") in numbers(text)
