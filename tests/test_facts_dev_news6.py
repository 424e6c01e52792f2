"""Occupations and meetings in long agency-news sentences: the development cases of
`tests/data/facts-dev-news6.txt` (issue 17, coordinator, round six), written and
committed before any rule change (first score .882/.938), then read while general fixes
were made (.961/.961 when they landed). The test checks the file is well-formed, holds a
floor a little below that figure, and checks each fix on sentences of its own."""

from __future__ import annotations

from fact_cases import DEV, check_floor, ill_formed, load_cases, named_facts, named_occupations

CASES = load_cases(DEV.with_name("facts-dev-news6.txt"))


def test_the_file_is_well_formed():
    assert {c.group for c in CASES} == {"agency"}
    assert len(CASES) >= 30
    assert not ill_formed(CASES)


def test_floor(scores):
    check_floor(scores["all"], "all", 0.92, 0.92)


def test_participle_posts_in_any_case(nlp):
    text = "Суд рассмотрел иск конкурсного управляющего банка «Кедр» Олега Ямова."
    assert named_occupations(nlp, text) == {("Олег Ямов", "конкурсный управляющий", "Кедр")}
    assert not named_facts(nlp, text, "ownership")
    text = "Заведующая кафедрой МГУ Инна Лосева выступила с докладом."
    assert ("Инна Лосева", "заведующий", "МГУ") in named_occupations(nlp, text)
    assert not named_occupations(nlp, "Управляющая компания «Жилсервис» подала иск.")


def test_a_body_the_post_is_held_within(nlp):
    text = "Руководитель фракции ЛДПР в Госдуме Олег Ямов выступил против."
    assert ("Олег Ямов", "руководитель", "ЛДПР") in named_occupations(nlp, text)


def test_meetings_in_the_plural_are_one_with_each(nlp):
    text = "Олег Ямов провел встречи с мэром Твери Инной Лосевой и ректором МГУ Павлом Рыжовым."
    found = sorted(sorted(f["participants"]) for f in named_facts(nlp, text, "meeting"))
    assert found == [["Инна Лосева", "Олег Ямов"], ["Олег Ямов", "Павел Рыжов"]]
    text = "Олег Ямов провел встречу с мэром Твери Инной Лосевой и ректором МГУ Павлом Рыжовым."
    assert len(named_facts(nlp, text, "meeting")) == 1
