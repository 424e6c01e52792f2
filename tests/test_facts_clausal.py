"""Meeting triggers beyond `встреча`: `договориться с`, `с участием`, `на встрече с`."""

from __future__ import annotations

from factex import shared_pipeline as nlp  # the shared, process-wide pipeline


def met(text: str) -> list[set[str]]:
    facts = nlp()(text, "2026-03-10").to_dict()["facts"]
    return [{p["name"] for p in f["participants"]} for f in facts if f["type"] == "meeting"]


def test_agreeing_with_someone_is_a_meeting():
    assert met("Министр спорта Ильдар Гайнуллин договорился с мэром Сочи Русланом Ткачуком.") == [
        {"Ильдар Гайнуллин", "Руслан Ткачук"}
    ]


def test_agreeing_to_do_something_is_none():
    assert met("Стороны договорились перенести поездку на весну.") == []


def test_with_the_participation_of():
    assert met(
        "Совещание с участием министра связи Глеба Орехова и губернатора Тулы Ивана Дымова "
        "прошло в Туле."
    ) == [{"Глеб Орехов", "Иван Дымов"}]


def test_who_speaks_at_a_meeting_takes_part():
    assert met(
        "«Мы готовы к диалогу», — сказал Глеб Орехов на встрече с послом Чили Хорхе Рамосом."
    ) == [{"Глеб Орехов", "Хорхе Рамос"}]
