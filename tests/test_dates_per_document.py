"""Each document's own reference date (its publication date), on every road: `pipe`
contexts, table rows (`--date-column`, a `date` key in JSON Lines), Dask dict items
and DataFrame columns. The same text with two dates gives two resolutions; a bad date
gives that document an error record, not a crash."""

from __future__ import annotations

import csv
import json

import pytest
from cli_run import factex

TEXT = "Министр прибыл в Казань в среду, а в прошлом году он был в Туле."
DATES = ("2025-11-14", "2024-03-01")
RESOLVED = {"2025-11-14": ["2025-11-12", "2024"], "2024-03-01": ["2024-02-28", "2023"]}
BAD = "2025-13-45"


def _values(record: dict) -> list[str]:
    return [d["value"] for d in record["dates"]]


def test_reference_of_a_cell():
    import datetime as dt

    from factex import Reference

    assert Reference.of("2025-11-14T09:30:00+03:00") == Reference(2025, 11, 14)
    assert Reference.of(dt.datetime(2025, 11, 14, 9, 30)) == Reference(2025, 11, 14)
    assert Reference.of(float("nan")) is None and Reference.of(" ") is None
    with pytest.raises(ValueError, match="not a valid date: '2025-13-45'"):
        Reference.of(BAD)
    with pytest.raises(ValueError, match="not a date: 20251114"):
        Reference.of(20251114)


def test_pipe_contexts_carry_each_texts_date(nlp):
    contexts = [{"date": d, "n": k} for k, d in enumerate(DATES)] + [{"date": BAD}, {}]
    pairs = list(nlp.pipe(((TEXT, c) for c in contexts), "2025-11-14", as_tuples=True))
    assert [c for _, c in pairs] == contexts
    assert _values(pairs[0][0].to_dict()) == RESOLVED[DATES[0]]
    assert _values(pairs[1][0].to_dict()) == RESOLVED[DATES[1]]
    bad = pairs[2][0].to_dict()
    assert bad["error"]["code"] == "bad-date" and BAD in bad["error"]["message"]
    assert _values(pairs[3][0].to_dict()) == RESOLVED["2025-11-14"]  # the pipe's date


def test_table_rows_carry_their_dates(tmp_path):
    rows = [{"id": f"r{k}", "text": TEXT, "date": d} for k, d in enumerate(DATES)]
    rows += [{"id": "bad", "text": TEXT, "date": BAD}, {"id": "none", "text": TEXT}]
    jsonl = tmp_path / "news.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    table = tmp_path / "news.csv"
    with table.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, ["id", "text", "published"])
        writer.writeheader()
        for r in rows:
            writer.writerow({"id": r["id"], "text": r["text"], "published": r.get("date", "")})
    for path, extra in ((jsonl, []), (table, ["--date-column", "published"])):
        run = factex("extract", str(path), "--date", "2025-11-14", "--id-column", "id", *extra,
                     "--format", "jsonl", text=True)  # fmt: skip
        assert run.returncode == 1, run.stderr  # one row failed
        records = [json.loads(line) for line in run.stdout.splitlines()]
        assert [r["doc"]["id"] for r in records] == ["r0", "r1", "bad", "none"]
        assert _values(records[0]) == RESOLVED[DATES[0]]
        assert _values(records[1]) == RESOLVED[DATES[1]]
        assert records[2]["error"]["code"] == "bad-date", records[2]
        assert BAD in records[2]["error"]["message"] and "Traceback" not in run.stderr
        assert _values(records[3]) == RESOLVED["2025-11-14"]
    missing = factex("extract", str(table), "--date-column", "day", text=True)
    assert missing.returncode == 2 and "no column 'day' (--date-column)" in missing.stderr


def test_dask_items_and_columns_carry_their_dates(cluster):
    pytest.importorskip("dask.dataframe")
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    import factex.dask

    rows = [{"id": f"r{k}", "text": TEXT, "date": d} for k, d in enumerate(DATES)]
    rows.append({"id": "bad", "text": TEXT, "date": BAD})
    records = factex.dask.extract(db.from_sequence(rows, npartitions=2)).compute()
    assert [_values(r) for r in records[:2]] == [RESOLVED[d] for d in DATES]
    assert records[2]["error"]["code"] == "bad-date"
    frame = pd.DataFrame({"body": [TEXT, TEXT], "day": pd.to_datetime(list(DATES))})
    bag = factex.dask.extract(dd.from_pandas(frame, npartitions=2), text_column="body",
                              date_column="day")  # fmt: skip
    assert [_values(r) for r in bag.compute()] == [RESOLVED[d] for d in DATES]
