"""Descriptions resolved to persons (SPEC 0.2 `descriptions`) and used as arguments."""

from __future__ import annotations

from factex import shared_pipeline as nlp  # the shared, process-wide pipeline


def record(text: str) -> dict:
    return nlp()(text, "2026-03-10").to_dict()


def described(rec: dict) -> dict[str, list[str]]:
    return {
        e["name"]: [d["text"] for d in e["descriptions"]]
        for e in rec["entities"]
        if e.get("descriptions")
    }


def test_a_description_is_recorded_with_exact_offsets():
    text = (
        "Президент Монголии Батбаяр Ганзориг прибыл в Москву. "
        "Монгольский лидер проведет переговоры с Игорем Савиным."
    )
    rec = record(text)
    assert described(rec) == {"Батбаяр Ганзориг": ["Монгольский лидер"]}
    (d,) = next(e for e in rec["entities"] if e["name"] == "Батбаяр Ганзориг")["descriptions"]
    assert text[d["start"] : d["stop"]] == d["text"]
    assert "descriptions" not in next(e for e in rec["entities"] if e["name"] == "Игорь Савин")


def test_a_description_speaks_for_its_person():
    rec = record(
        "Генеральный директор завода «Уралприбор» Денис Котляров выступил перед рабочими. "
        "Глава предприятия заявил, что зарплаты вырастут."
    )
    (quote,) = [f for f in rec["facts"] if f["type"] == "quote"]
    assert quote["speaker"]["name"] == "Денис Котляров"


def test_two_candidates_resolve_nothing():
    rec = record(
        "Министр транспорта Олег Зайцев и министр строительства Павел Дьячков осмотрели мост. "
        "Министр заявил, что ремонт завершится летом."
    )
    assert described(rec) == {}
