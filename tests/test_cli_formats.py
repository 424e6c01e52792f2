"""`factex extract --format csv|parquet|html`, run as a subprocess like a user would."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from functools import partial

import cli_run
import pandas as pd
from cli_run import ARTICLE

from factex.frames import COLUMNS

factex = partial(cli_run.factex, text=True)


def test_csv_tables(article, tmp_path):
    out = tmp_path / "tables"
    missing = tmp_path / "missing.txt"
    run = factex("extract", str(article), str(missing), "--format", "csv", "-o", str(out))
    assert run.returncode == 1  # one document failed, the other was written
    assert "missing.txt" in run.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.csv" for name in COLUMNS)
    for name, columns in COLUMNS.items():
        frame = pd.read_csv(out / f"{name}.csv")
        assert list(frame.columns[: len(columns)]) == list(columns), name
    entities = pd.read_csv(out / "entities.csv")
    assert set(entities.doc_id) == {"visit"}
    tokayev = entities[entities.name == "Касым-Жомарт Токаев"].iloc[0]
    assert (tokayev.type, tokayev.first, tokayev.mention_count) == ("PER", "Касым-Жомарт", 1)
    mentions = pd.read_csv(out / "mentions.csv")
    assert all(ARTICLE[r.start : r.stop] == r.text for r in mentions.itertuples())
    documents = pd.read_csv(out / "documents.csv").set_index("doc_id")
    assert documents.loc["missing", "error_code"] == "not-found"
    assert documents.loc["visit", "date"] == "2025-11-11" or pd.isna(documents.loc["visit", "date"])


def test_csv_needs_a_directory(article, tmp_path):
    run = factex("extract", str(article), "--format", "csv")
    assert run.returncode == 2 and "-o DIR" in run.stderr
    run = factex("extract", str(article), "--format", "csv", "-o", str(article))
    assert run.returncode == 2 and "is a file" in run.stderr


def test_parquet(article, tmp_path):
    out = tmp_path / "pq"
    run = factex("extract", str(article), "--format", "parquet", "-o", str(out))
    if importlib.util.find_spec("pyarrow") is None:
        assert run.returncode == 2
        assert 'pip install "factex[parquet]"' in run.stderr
        assert len(run.stderr.strip().splitlines()) == 1
        return
    assert run.returncode == 0, run.stderr
    entities = pd.read_parquet(out / "entities.parquet")
    assert "Владимир Путин" in set(entities.name)
    facts = pd.read_parquet(out / "facts.parquet")
    assert list(facts.columns[: len(COLUMNS["facts"])]) == list(COLUMNS["facts"])


def test_parquet_without_pyarrow_names_the_extra(article, tmp_path):
    hide = "import sys; sys.modules['pyarrow'] = None; "  # find_spec then raises or is None
    code = hide + "from factex.cli import main; sys.exit(main(sys.argv[1:]))"
    run = subprocess.run(
        [sys.executable, "-c", code, "extract", str(article), "--format", "parquet",
         "-o", str(tmp_path / "pq")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 2
    assert run.stderr.strip() == (
        'factex: --format parquet: pyarrow is not installed: pip install "factex[parquet]"'
    )


def test_html_page(article, tmp_path):
    page = tmp_path / "page.html"
    run = factex("extract", str(article), "--date", "2025-11-11", "--format", "html", "-o",
                 str(page))  # fmt: skip
    assert run.returncode == 0, run.stderr
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'data-entity="' in html
    assert "Путин встретится с президентом Казахстана" in html
    run = factex("extract", str(article), str(article), "--format", "html")
    assert run.returncode == 0 and run.stdout.count("<section>") == 2


def test_json_unchanged(article):
    run = factex("extract", str(article), "--format", "jsonl")
    assert run.returncode == 0
    assert json.loads(run.stdout)["doc"]["id"] == "visit"
