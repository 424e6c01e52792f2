"""Who a fact's verb is about when the sentence names no subject, and owners among
several names (`tests/data/facts-dev-roles.txt` holds more cases)."""

from __future__ import annotations

from factex import Pipeline


def _pairs(nlp: Pipeline, text: str, kind: str, first: str, second: str) -> set:
    out = set()
    for f in nlp(text).to_dict()["facts"]:
        if f["type"] == kind and f.get(first) and f.get(second):
            out.add((f[first]["name"], f[second]["name"]))
    return out


def test_a_verb_with_no_subject_is_about_the_person_of_the_sentence_before(nlp) -> None:
    text = (
        "Олег Сазонов — уральский предприниматель. Контролирует строительную группу "
        "«Монолит», владеет хоккейным клубом «Металлург-Юг»."
    )
    assert _pairs(nlp, text, "ownership", "owner", "property") == {
        ("Олег Сазонов", "Монолит"),
        ("Олег Сазонов", "Металлург-Юг"),
    }


def test_no_subject_is_lent_by_two_persons_or_another_gender(nlp) -> None:
    two = "Анна Белова и Иван Орлов прилетели в Томск. Затем возглавил компанию «Вега»."
    assert not _pairs(nlp, two, "occupation", "person", "org")
    gender = "Анна Белова выступила на форуме. Затем возглавил компанию «Вега» ее коллега."
    assert not _pairs(nlp, gender, "occupation", "person", "org")


def test_a_degree_of_a_university_is_not_owned(nlp) -> None:
    text = "Мамед Алиев окончил ТГУ, обладает степенью магистра МГУ."
    assert not _pairs(nlp, text, "ownership", "owner", "property")
