"""The kinds layers (SPEC 0.3) on the team's cases in `tests/data/kinds-dev.tsv`."""

from __future__ import annotations

import pytest
from kind_cases import DATA, check, load_cases

from factex import Pipeline

CASES = load_cases(DATA / "kinds-dev.tsv")


@pytest.fixture(scope="module")
def records(nlp: Pipeline) -> dict[str, dict]:
    texts = sorted({c.text for c in CASES})
    return {t: nlp(t).to_dict() for t in texts}


@pytest.mark.parametrize("case", CASES, ids=[f"{c.list}-{c.line}" for c in CASES])
def test_case(case, records) -> None:
    record = records[case.text]
    assert check(case, record), f"{case}\n got {record.get(case.list)}"
    for item in record.get(case.list) or []:
        assert case.text[item["start"] : item["stop"]] == item["text"]


LINKED = (
    "МОСКВА, 11 ноября. /ТАСС/. Министр обороны России Андрей Белоусов открыл Петербургский "
    "международный экономический форум. Форум продлится четыре дня."
)


@pytest.fixture(scope="module")
def linked(nlp: Pipeline) -> dict:
    return nlp(LINKED, "2025-11-11").to_dict()


def test_occupation_points_to_its_profession(linked) -> None:
    (occupation,) = [f for f in linked["facts"] if f["type"] == "occupation"]
    professions = {p["id"]: p for p in linked["professions"]}
    assert professions[occupation["position_ref"]]["text"] == "Министр обороны России"


def test_event_mentions_point_to_their_fact(linked) -> None:
    (event,) = [f for f in linked["facts"] if f["type"] == "event"]
    named = [e for e in linked["events"] if e["kind"] == "форум"]
    assert [e["text"] for e in named] == [
        "Петербургский международный экономический форум",
        "Форум",
    ]
    assert all(e["fact"] == event["id"] for e in named)


def test_layers_reach_tables_and_spacy(nlp: Pipeline) -> None:
    from factex import to_frames

    doc = nlp(LINKED, "2025-11-11")
    frames = to_frames(doc)
    assert list(frames.professions["text"]) == ["Министр обороны России", "Министр"]
    assert set(frames.events["fact"].dropna()) == {"F1"}
    from factex.spacy_component import to_doc

    sdoc = to_doc(nlp.analyse(LINKED, "2025-11-11"))
    spans = sdoc.spans
    assert [s.text for s in spans["professions"]] == ["Министр обороны России", "Министр"]
    assert {s.label_ for s in spans["events"]} == {"EVENT"}


def test_disabled_layer_keeps_the_facts() -> None:
    record = Pipeline(disable=["professions", "events"])(LINKED, "2025-11-11").to_dict()
    assert "professions" not in record and "events" not in record
    (occupation,) = [f for f in record["facts"] if f["type"] == "occupation"]
    assert "position_ref" not in occupation
    assert [f["type"] for f in record["facts"]].count("event") == 1
