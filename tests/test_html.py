"""The HTML page: escaped, self-contained, every mention highlighted (checked in Chromium)."""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

import factex

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "state-visit.txt"
TEXT = (
    "МОСКВА, 11 ноября. /ТАСС/. Президент Казахстана Касым-Жомарт Токаев 11-12 ноября "
    "совершит визит в Россию <script>alert(1)</script> & «Газпром». Его примет Владимир Путин."
)


class Marks(HTMLParser):
    """Collects `<mark>` elements with their attributes and text, and all ids and links."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict] = []
        self.open: list[dict | None] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.add(tag)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag == "mark":
            item = {**a, "text": ""}
            self.marks.append(item)
            self.open.append(item)

    def handle_endtag(self, tag):
        if tag == "mark" and self.open:
            self.open.pop()

    def handle_data(self, data):
        for item in self.open:
            if item is not None:
                item["text"] += data


def record_with_facts(nlp, text: str) -> dict:
    """A real record plus a hand-made date and facts (the fact rules may still be empty)."""
    record = nlp(text, "2025-11-11", doc_id="visit").to_dict()
    start = text.index("11-12 ноября")
    record["dates"] = [{"id": "D1", "start": start, "stop": start + 12, "text": "11-12 ноября",
                        "value": "2025-11-11/2025-11-12", "kind": "range"}]  # fmt: skip
    person = next(e for e in record["entities"] if e["type"] == "PER")
    record["facts"] = [
        {"id": "F1", "type": "visit", "evidence": {"start": 27, "stop": len(text)},
         "visitor": {"ref": person["id"], "name": person["name"]},
         "dates": {"ref": "D1", "text": "11-12 ноября", "value": "2025-11-11/2025-11-12"}},
        {"id": "F2", "type": "quote", "evidence": {"start": 30, "stop": 100},
         "speaker": {"ref": person["id"], "name": "<u>evil</u>"}, "text": "\"<i>\"",
         "direct": True},
    ]  # fmt: skip
    return record


def mentions(record: dict) -> set[tuple[str, int, int, str]]:
    return {
        (e["id"], m["start"], m["stop"], m["text"])
        for e in record["entities"]
        for m in e["mentions"]
    }


def highlighted(parser: Marks) -> set[tuple[str, int, int, str]]:
    return {
        (m["data-entity"], int(m["data-start"]), int(m["data-stop"]), m["text"])
        for m in parser.marks
        if "data-entity" in m
    }


def test_page_is_escaped_and_self_contained(nlp):
    record = record_with_facts(nlp, TEXT)
    page = factex.to_html(record, texts=TEXT)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in page
    assert "<u>" not in page and "&lt;u&gt;evil" in page and "&lt;i&gt;" in page
    for external in ("http://", "https://", "<link", "src=", "@import", "url("):
        assert external not in page
    parser = Marks()
    parser.feed(page)
    assert highlighted(parser) == mentions(record)
    assert any(m.get("data-date") == "D1" for m in parser.marks)
    assert {"ev-F1", "ev-F2"} <= parser.ids
    assert all(link[1:] in parser.ids for link in parser.links if link.startswith("#"))
    person = next(m for m in parser.marks if m.get("class") == "PER" and "data-entity" in m)
    assert "person: " in person["title"]


def test_several_documents_one_page(nlp):
    records = [nlp(t, doc_id=f"d{i}").to_dict() for i, t in enumerate([TEXT, "Путин в Москве."])]
    error = {"factex": "1", "doc": {"id": "gone"}, "error": {"code": "x", "message": "no <file>"}}
    page = factex.to_html([*records, error], texts=[TEXT, "Путин в Москве.", ""])
    parser = Marks()
    parser.feed(page)
    assert highlighted(parser) >= set()
    assert {"s1-top", "s2-top", "s3-top"} <= parser.ids
    assert "no &lt;file&gt;" in page
    assert len([m for m in parser.marks if "data-entity" in m]) == sum(
        len(mentions(r)) for r in records
    )


def test_documents_need_no_texts(nlp):
    doc = nlp(TEXT)
    assert "Токаев" in factex.to_html(doc)
    with pytest.raises(ValueError, match="texts"):
        factex.to_html(doc.to_dict())


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("Chromium is not installed (apt-get install -y chromium)")


def headless(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        f"--user-data-dir={profile}",
    ]  # fmt: skip
    return subprocess.run([browser, *flags, *args], capture_output=True, text=True, timeout=120)


def test_every_entity_highlighted_in_chromium(nlp, tmp_path):
    browser = chromium()
    text = SAMPLE.read_text(encoding="utf-8") if SAMPLE.is_file() else TEXT
    if text is TEXT:
        record = record_with_facts(nlp, text)
    else:
        record = nlp(text, "2025-12-01", doc_id="state-visit").to_dict()
        if not record["facts"]:  # an evidence span that cuts a mention is widened, not lost
            first = record["entities"][0]["mentions"][0]
            evidence = {"start": first["start"] + 1, "stop": first["stop"] + 200}
            record["facts"] = [{"id": "F1", "type": "visit", "evidence": evidence}]
    page = tmp_path / "page.html"
    page.write_text(factex.to_html(record, texts=text), encoding="utf-8")

    run = headless(browser, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    parser = Marks()
    parser.feed(run.stdout)
    assert record["entities"], "the sample should have entities"
    assert highlighted(parser) == mentions(record)
    for fact in record["facts"]:
        assert f"ev-{fact['id']}" in parser.ids

    shot = tmp_path / "page.png"
    run = headless(browser, tmp_path / "profile", f"--screenshot={shot}",
                   "--window-size=1200,1600", page.as_uri())  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"screenshot: {shot}")
    keep = os.environ.get("FACTEX_SCREENSHOT")  # docs/images/html-state-visit.png is made so
    if keep:
        shutil.copyfile(shot, keep)


def test_deal_and_ownership_rows_link_their_names(nlp):
    doc = nlp("Владелец холдинга «Полюс-Медиа» Артем Гордеев купил газету «Утро Сибири».")
    page = factex.to_html(doc)
    types = {f["type"] for f in doc.to_dict()["facts"]}
    assert {"deal", "ownership"} <= types
    assert "<td>deal</td>" in page and "<td>ownership</td>" in page
    assert "<b>parties:</b> <a href=" in page and "<b>owner:</b> <a href=" in page
