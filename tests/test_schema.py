"""The JSON Schema of the SPEC record: it is a valid schema, shipped with the package,
takes every record factex writes and refuses records that break SPEC."""

from __future__ import annotations

import copy
import json

import pytest
from cli_run import ARTICLE, factex
from jsonschema import Draft202012Validator
from schema_check import records_in, schema_problems

from factex.schema import record_schema

DATE = {"ref": "D1", "text": "11 ноября", "value": "2025-11-11"}
PER = {"ref": "T1", "name": "Иван Петров"}
ORG = {"ref": "T2", "name": "Ромашка"}


@pytest.fixture(scope="module")
def record(nlp) -> dict:
    return nlp(ARTICLE, "2025-11-11", doc_id="visit", tokens=True).to_dict()


def test_schema_is_a_valid_draft_2020_12_schema():
    Draft202012Validator.check_schema(record_schema())
    assert record_schema() is not record_schema()  # a fresh copy each time


def test_records_factex_writes_are_valid(record):
    assert record["entities"] and record["dates"] and record["facts"] and record["tokens"]
    assert schema_problems(record) == []
    assert schema_problems(record | {"warnings": [{"stage": "facts", "message": "E: x"}]}) == []
    more = {"extra": 1, "doc": record["doc"] | {"encoding": "cp1251"}}
    assert schema_problems(record | more) == []


def _an_argument(fact: dict) -> str:
    """A key SPEC requires of the fact, beside id, type and evidence."""
    optional = {"id", "type", "evidence", "modality", "former"}
    return next(k for k in sorted(fact) if k not in optional and not k.endswith("_text"))


def _broken(record: dict) -> dict[str, dict]:
    """Copies of the record, each broken in one way SPEC forbids."""
    out = {}

    def edit(name, change):
        r = copy.deepcopy(record)
        change(r)
        out[name] = r

    edit("no entities", lambda r: r.pop("entities"))
    edit("no doc id", lambda r: r["doc"].pop("id"))
    edit("version", lambda r: r.update(factex="2"))
    edit("date in words", lambda r: r["dates"][0].update(value="11 ноября"))
    edit("date kind", lambda r: r["dates"][0].update(kind="week"))
    edit("negative offset", lambda r: r["facts"][0]["evidence"].update(start=-1))
    edit("offset as text", lambda r: r["entities"][0]["mentions"][0].update(start="3"))
    edit("no mentions", lambda r: r["entities"][0].update(mentions=[]))
    edit("entity type", lambda r: r["entities"][0].update(type="PERSON"))
    edit("person without parts", lambda r: [e.pop("parts", None) for e in r["entities"]])
    edit("fact without evidence", lambda r: r["facts"][0].pop("evidence"))
    edit("fact argument missing", lambda r: r["facts"][0].pop(_an_argument(r["facts"][0])))
    edit("empty warnings", lambda r: r.update(warnings=[]))
    edit("warning without stage", lambda r: r.update(warnings=[{"message": "x"}]))
    edit("tokens without sentences", lambda r: r.pop("sentences"))
    edit("record and error", lambda r: r.update(error={"code": "x", "message": "y"}))
    return out


def test_records_that_break_spec_are_refused(record):
    for name, broken in _broken(record).items():
        assert schema_problems(broken), name


def test_error_records(record):
    doc = record["doc"]
    error = {"code": "c", "message": "m"}
    assert schema_problems({"factex": "1", "doc": doc, "error": error}) == []
    assert schema_problems({"factex": "1", "doc": doc, "error": {"code": "c"}})
    assert schema_problems({"factex": "1", "error": {"code": "c", "message": "m"}})


def _fact(fact_type: str, **args) -> dict:
    return {"id": "F1", "type": fact_type, "evidence": {"start": 0, "stop": 5}, **args}


@pytest.mark.parametrize(
    ("fact", "valid"),
    [
        (_fact("deal", parties=[PER, ORG], kind="займ", subject="кредит", dates=DATE), True),
        (_fact("deal", parties=[], kind=None, subject=None, dates=None), True),
        (_fact("deal", parties=[PER], kind="подарок", subject=None, dates=None), False),
        (_fact("deal", parties=[PER], kind=None, subject=None), False),
        (_fact("ownership", owner=PER, property=ORG, share="51%"), True),
        (_fact("ownership", owner=PER, property=None, property_text="яхта", share=None), True),
        (_fact("ownership", owner=PER, property=None, property_text=None, share=None), False),
        (_fact("ownership", owner="Иван", property=ORG, share=None), False),
        (_fact("quote", speaker=None, speaker_text="источник", text="…", direct=False), True),
        (_fact("quote", speaker=PER, text="…", direct="yes"), False),
        (_fact("visit", visitor=PER, destination=ORG, host=None, kind=None, dates=DATE,
               duration_days=2), True),
        (_fact("visit", visitor=PER, destination=ORG, host=None, kind=None,
               dates={"ref": "T1", "text": "x", "value": None}, duration_days=None), False),
        (_fact("meeting", participants=[PER], place=None, dates=None, format=None,
               topics=["газ"]), True),
        (_fact("meeting", participants=PER, place=None, dates=None, format=None, topics=[]),
         False),
    ],
)
def test_fact_arguments(record, fact, valid):
    full = copy.deepcopy(record) | {"facts": [fact]}
    assert (schema_problems(full) == []) is valid, schema_problems(full)


@pytest.mark.parametrize(
    "value", ["2025-11-11", "2025-11", "2025", "--11-11", "--11", "--11-11/--11-12",
              "2024/2025", "2025-09/2025-11", "P2D", "P10Y", "PT3H", "--12-02T03:00",
              "2025-12-02T03:00/2025-12-02T05:30", None]
)
def test_date_values(record, value):
    r = copy.deepcopy(record)
    r["dates"][0]["value"] = value
    assert schema_problems(r) == []


def test_cli_output_is_checked_against_the_schema(tmp_path, article):
    """Every CLI test checks its records (cli_run.factex); here a batch with an error."""
    missing = tmp_path / "missing.txt"
    run = factex("extract", str(article), str(missing), "--format", "jsonl", "--tokens")
    lines = records_in(run.stdout)
    assert len(lines) == 2 and "error" in lines[1]
    assert all(schema_problems(r) == [] for r in lines)
    assert records_in(b"<html></html>") == [] and records_in(json.dumps(lines)) == lines


def test_shipped_schema_is_the_one_composed_from_the_layers():
    """After adding a layer: `python -m factex.schema --write`."""
    from factex.schema import compose

    composed, shipped = compose()["$defs"], record_schema()["$defs"]
    differ = {k: v for k, v in composed.items() if shipped.get(k) != v}
    paste = [f'"{k}": {json.dumps(v, ensure_ascii=False)}' for k, v in differ.items()]
    assert not differ, "\n".join(paste)
    assert compose() == record_schema()
    assert compose()["$defs"]["entity"]["properties"]["type"] == {"enum": ["PER", "LOC", "ORG"]}
