"""`factex.to_frames` and `factex.read_jsonl`: shapes, dtypes and flattened facts."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

import factex
from factex.frames import COLUMNS

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


TOKAYEV = {"ref": "T2", "name": "Касым-Жомарт Токаев"}
PUTIN = {"ref": "T1", "name": "Владимир Путин"}
RUSSIA = {"ref": "T3", "name": "Россия"}
DATES = {"ref": "D1", "text": "11-12 ноября", "value": "2025-11-11/2025-11-12"}

RECORD = {
    "factex": "1",
    "doc": {"id": "visit", "source": "visit.txt", "title": "Визит", "date": "2025-11-11",
            "date_source": "option",
            "dateline": {"place": "Москва", "date": "2025-11-11", "agency": "ТАСС",
                         "start": 0, "stop": 25}},
    "entities": [
        {"id": "T1", "type": "PER", "name": "Владимир Путин",
         "parts": {"first": "Владимир", "middle": None, "last": "Путин"},
         "mentions": [{"start": 30, "stop": 44, "text": "Владимир Путин"},
                      {"start": 90, "stop": 95, "text": "Путин"}]},
        {"id": "T2", "type": "PER", "name": "Касым-Жомарт Токаев",
         "parts": {"first": "Касым-Жомарт", "middle": None, "last": "Токаев"},
         "mentions": [{"start": 50, "stop": 57, "text": "Токаева"}]},
        {"id": "T3", "type": "LOC", "name": "Россия",
         "mentions": [{"start": 60, "stop": 66, "text": "Россию"}]},
    ],
    "dates": [{"id": "D1", "start": 70, "stop": 81, "text": "11-12 ноября",
               "value": "2025-11-11/2025-11-12", "kind": "range"},
              {"id": "D2", "start": 100, "stop": 108, "text": "в апреле", "value": "2026-04",
               "kind": "month", "mod": "start"}],
    "numbers": [{"id": "N1", "start": 110, "stop": 113, "text": "XXI", "value": 21,
                 "kind": "ordinal"}],
    "facts": [
        {"id": "F1", "type": "visit", "evidence": {"start": 26, "stop": 120},
         "visitor": TOKAYEV, "destination": RUSSIA, "host": PUTIN,
         "kind": "государственный", "dates": DATES, "duration_days": 2},
        {"id": "F2", "type": "meeting", "evidence": {"start": 26, "stop": 120},
         "participants": [PUTIN, TOKAYEV], "place": None, "dates": DATES, "format": None,
         "topics": ["энергетика", "транспорт"]},
        {"id": "F3", "type": "occupation", "evidence": {"start": 26, "stop": 60},
         "person": PUTIN, "position": "президент", "org": RUSSIA},
        {"id": "F4", "type": "event", "evidence": {"start": 100, "stop": 140},
         "name": "Форум регионов", "kind": "форум", "ordinal": 21, "place": None,
         "dates": None, "theme": None, "participants": []},
        {"id": "F5", "type": "quote", "evidence": {"start": 120, "stop": 160},
         "speaker": PUTIN, "text": "Мы рады гостям", "direct": True},
        {"id": "F6", "type": "signing", "evidence": {"start": 120, "stop": 160},
         "parties": [RUSSIA], "document": "двусторонние документы", "dates": None,
         "confidence": 0.5},
    ],
}  # fmt: skip

ERROR = {"factex": "1", "doc": {"id": "gone", "source": "gone.txt"},
         "error": {"code": "not-found", "message": "no such file"}}  # fmt: skip


def check_columns(frames) -> None:
    for name, columns in COLUMNS.items():
        frame = frames[name]
        assert list(frame.columns[: len(columns)]) == list(columns), name
        for col, dtype in columns.items():
            assert str(frame[col].dtype) == dtype, (name, col, frame[col].dtype)


def test_empty_input_has_every_column():
    frames = factex.to_frames([])
    assert set(frames) == set(COLUMNS)
    check_columns(frames)
    assert all(len(f) == 0 for f in frames.values())


def test_hand_made_record():
    frames = factex.to_frames(RECORD)
    check_columns(frames)
    entities = frames.entities.set_index("entity_id")
    assert entities.loc["T1", "mention_count"] == 2
    assert entities.loc["T1", "last"] == "Путин"
    assert pd.isna(entities.loc["T3", "first"])
    assert len(frames.mentions) == 4 and set(frames.mentions.doc_id) == {"visit"}
    assert frames.dates.loc[1, "mod"] == "start" and pd.isna(frames.dates.loc[0, "mod"])
    assert frames.numbers.loc[0, "value"] == 21
    facts = frames.facts.set_index("fact_id")
    assert facts.loc["F1", "visitor_name"] == "Касым-Жомарт Токаев"
    assert facts.loc["F1", "visitor_ref"] == "T2"
    assert facts.loc["F1", "destination_name"] == "Россия"
    assert facts.loc["F1", "dates_value"] == "2025-11-11/2025-11-12"
    assert facts.loc["F1", "duration_days"] == 2
    assert facts.loc["F2", "participants"] == ["Владимир Путин", "Касым-Жомарт Токаев"]
    assert facts.loc["F2", "participants_refs"] == ["T1", "T2"]
    assert facts.loc["F2", "topics"] == ["энергетика", "транспорт"]
    assert facts.loc["F1", "participants"] == []
    assert facts.loc["F3", "org_name"] == "Россия" and facts.loc["F3", "position"] == "президент"
    assert facts.loc["F4", "ordinal"] == 21 and pd.isna(facts.loc["F4", "dates_value"])
    assert bool(facts.loc["F5", "direct"]) and facts.loc["F5", "text"] == "Мы рады гостям"
    assert facts.loc["F6", "parties"] == ["Россия"]
    assert facts.loc["F6", "confidence"] == 0.5  # unknown arguments come after the documented
    assert frames.documents.loc[0, "dateline_agency"] == "ТАСС"


def test_error_records_only_in_documents():
    frames = factex.to_frames([RECORD, ERROR])
    docs = frames.documents.set_index("doc_id")
    assert docs.loc["gone", "error_code"] == "not-found"
    assert pd.isna(docs.loc["visit", "error_code"])
    assert set(frames.entities.doc_id) == {"visit"}


def test_read_jsonl(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in (RECORD, ERROR)) + "\n",
        encoding="utf-8",
    )
    with pytest.warns(UserWarning, match="gone.txt: no such file"):
        records = factex.read_jsonl(path)
    assert [r["doc"]["id"] for r in records] == ["visit"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(factex.read_jsonl(path, errors="keep")) == 2
        assert len(factex.read_jsonl(path, errors="skip")) == 1
    with pytest.raises(ValueError, match="1 error record"):
        factex.read_jsonl(path, errors="raise")

    pretty = tmp_path / "one.json"
    pretty.write_text(json.dumps(RECORD, ensure_ascii=False, indent=2), encoding="utf-8")
    assert factex.read_jsonl(pretty)[0]["doc"]["id"] == "visit"
    broken = tmp_path / "broken.jsonl"
    broken.write_text(json.dumps(RECORD) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(ValueError, match="broken.jsonl:2"):
        factex.read_jsonl(broken)


def test_documents_from_the_pipeline(nlp):
    texts = sorted(SAMPLES.glob("*.txt"))
    if not texts:
        pytest.skip("samples/*.txt are absent")
    docs = [nlp(p.read_text(encoding="utf-8"), doc_id=p.stem, source=str(p)) for p in texts[:3]]
    frames = factex.to_frames(docs)
    check_columns(frames)
    assert list(frames.documents.doc_id) == [p.stem for p in texts[:3]]
    assert len(frames.entities) == sum(len(d.entities) for d in docs)
    assert frames.entities.mention_count.sum() == len(frames.mentions)
    for doc in docs:  # every mention row points back to its words
        rows = frames.mentions[frames.mentions.doc_id == doc.info.id]
        assert all(doc.text[r.start : r.stop] == r.text for r in rows.itertuples())
    records = factex.to_frames([d.to_dict() for d in docs])
    pd.testing.assert_frame_equal(records.facts, frames.facts)
    pd.testing.assert_frame_equal(records.entities, frames.entities)


def test_position_ids_when_doc_id_is_missing():
    record = {**RECORD, "doc": {**RECORD["doc"], "id": ""}}
    frames = factex.to_frames([record, record])
    assert list(frames.documents.doc_id) == ["doc1", "doc2"]


def test_deal_and_ownership_columns(nlp):
    doc = nlp("Фонд «Ориент» приобрел у Инны Лебедевой 30% акций сети «Кофемания-Юг».")
    doc2 = nlp("Сети «Кофемания-Юг» принадлежит 30% акций фабрики «Сладкий край».")
    facts = factex.to_frames([doc, doc2]).facts
    deal = facts[facts["type"] == "deal"].iloc[0]
    assert set(deal["parties"]) >= {"Ориент", "Инна Лебедева"}
    assert deal["kind"] == "купля/продажа"
    owned = facts[facts["type"] == "ownership"].iloc[0]
    assert (owned["owner_name"], owned["property_name"], owned["share"]) == (
        "Кофемания-Юг",
        "Сладкий край",
        "30%",
    )
