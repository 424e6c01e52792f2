"""The facts of the seed article (../shared/seed/tass-tokayev-visit.txt)."""

from __future__ import annotations

from functools import cache

import pytest
from conftest import SEED

import factex


@cache
def record() -> dict:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    return factex.shared_pipeline()(SEED.read_text("utf-8"), "2025-11-11").to_dict()


def facts(kind: str) -> list[dict]:
    return [f for f in record()["facts"] if f["type"] == kind]


def needs_dates() -> None:
    if not record()["dates"]:
        pytest.skip("the dates stage is not merged yet")


def test_occupations():
    found = {(f["person"]["name"], f["position"]) for f in facts("occupation")}
    assert ("Касым-Жомарт Токаев", "президент") in found
    assert ("Владимир Путин", "президент") in found
    assert ("Дмитрий Песков", "пресс-секретарь") in found
    assert ("Рустам Минниханов", "глава") in found
    assert ("Руслан Желдибай", "пресс-секретарь") in found


def test_visit():
    (v,) = facts("visit")
    assert v["visitor"]["name"] == "Касым-Жомарт Токаев"
    assert v["destination"]["name"] == "Россия"
    assert v["kind"] == "государственный"
    assert v["duration_days"] == 2


def test_visit_dates():
    needs_dates()
    (v,) = facts("visit")
    assert v["dates"]["value"] == "2025-11-11/2025-11-12"


def test_talks_of_the_two_presidents():
    talks = [
        m
        for m in facts("meeting")
        if {p["name"] for p in m["participants"]} == {"Владимир Путин", "Касым-Жомарт Токаев"}
    ]
    assert talks
    assert any(m["topics"] for m in talks)


def test_meeting_with_the_head_of_tatarstan():
    (m,) = [m for m in facts("meeting") if m["place"] and m["place"]["name"] == "Астана"]
    assert {p["name"] for p in m["participants"]} == {"Рустам Минниханов", "Касым-Жомарт Токаев"}


def test_forum():
    forums = [e for e in facts("event") if e["kind"] == "форум"]
    assert len(forums) == 1
    (forum,) = forums
    assert forum["ordinal"] == 21
    assert forum["place"]["name"] == "Уральск"
    assert forum["theme"] == "Рабочие профессии - драйвер роста экономики"
    assert forum["name"].startswith("Форум межрегионального сотрудничества")


def test_forum_dates():
    needs_dates()
    (forum,) = [e for e in facts("event") if e["kind"] == "форум"]
    assert forum["dates"]["value"] == "2025-11-11/2025-11-12"


def test_summit_and_days_of_culture():
    by_kind = {e["kind"]: e for e in facts("event")}
    assert by_kind["саммит"]["place"]["name"] == "Душанбе"
    assert by_kind["дни культуры"]["place"]["name"] == "Москва"


def test_quotes():
    quotes = facts("quote")
    direct = [q for q in quotes if q["direct"]]
    assert any(q["text"].startswith("Россию с государственным визитом") for q in direct)
    ministry = [
        q for q in direct if q["speaker"] and "Министерство культуры" in q["speaker"]["name"]
    ]
    assert ministry and ministry[0]["text"].startswith("В целом культурное взаимодействие")
    peskov = [q for q in quotes if q["speaker"] and q["speaker"]["name"] == "Дмитрий Песков"]
    assert peskov and peskov[0]["direct"] is False


def test_signing():
    signings = [s for s in facts("signing") if s["document"] == "двусторонние документы"]
    assert len(signings) == 1
    assert {p["name"] for p in signings[0]["parties"]} == {"Владимир Путин", "Касым-Жомарт Токаев"}


def test_arguments_point_at_record_entities():
    ids = {e["id"] for e in record()["entities"]}
    for fact in record()["facts"]:
        for value in fact.values():
            items = value if isinstance(value, list) else [value]
            for item in items:
                if isinstance(item, dict) and (item.get("ref") or "").startswith("T"):
                    assert item["ref"] in ids
