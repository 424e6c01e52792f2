"""`factex serve`, tested as a user meets it: a real server process on a free port,
talked to over HTTP. One server with two workers for most tests; a second one with an
API key, one worker, a queue of one and a short time limit for the hostile cases."""

from __future__ import annotations

import json
import signal
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from serve_run import Server, cpu_ticks, start

import factex

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TEXTS = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))}
KEY = "s3cret-key"
MAX_BYTES = 400_000


def long_text(chars: int) -> str:
    """Sample articles one after another, `chars` characters long."""
    joined = "\n\n".join(TEXTS.values())
    return ((joined + "\n\n") * (chars // len(joined) + 1))[:chars]


def until(check, what: str, seconds: float = 60) -> None:
    """Wait until `check()` is true (the server has got that far)."""
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, f"not reached in {seconds} s: {what}"
        time.sleep(0.05)


def dead(pid: int) -> bool:
    """The process has exited (gone, or a zombie not yet reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def load(http: httpx.Client) -> tuple[int, int]:
    """Requests in hand and requests waiting for a worker."""
    body = http.get("/ready").json()
    return body["requests"], body["queued"]


def dumps(record: dict) -> bytes:
    """A record as `factex extract --format jsonl` writes one line (without the newline)."""
    return json.dumps(record, ensure_ascii=False).encode()


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Server:
    tmp = tmp_path_factory.mktemp("serve")
    srv = start(tmp, "--workers", "2", "--max-bytes", str(MAX_BYTES), "--timeout", "60",
                "--cors", "https://news.example.org")  # fmt: skip
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def guarded(tmp_path_factory) -> Server:
    """API key from the environment, one worker, one waiting request, 2 s per document,
    three requests at once."""
    tmp = tmp_path_factory.mktemp("guarded")
    srv = start(tmp, "--workers", "1", "--queue", "1", "--timeout", "2", "--max-requests", "3",
                "--max-bytes", str(MAX_BYTES), env={"FACTEX_API_KEY": KEY})  # fmt: skip
    yield srv
    srv.stop()


def test_extract_gives_the_library_record_byte_for_byte(server, nlp):
    with server.client() as http:
        for name, text in list(TEXTS.items())[:4]:
            answer = http.post("/extract", json={"text": text, "id": name, "date": "2025-11-11"})
            assert answer.status_code == 200, answer.text
            assert answer.headers["content-type"] == "application/json"
            expected = factex.extract(text, "2025-11-11", doc_id=name).to_dict()
            assert answer.content == dumps(expected)
        text = TEXTS["state-visit"]
        plain = http.post("/extract", params={"id": "v", "tokens": "true"}, content=text,
                          headers={"Content-Type": "text/plain; charset=utf-8"})  # fmt: skip
        assert plain.status_code == 200, plain.text
        assert plain.content == dumps(nlp(text, doc_id="v", tokens=True).to_dict())
        assert plain.json()["tokens"]
        cp1251 = "text/plain; charset=windows-1251"
        cp1251 = http.post("/extract", content=text.encode("cp1251"),
                           headers={"Content-Type": cp1251})  # fmt: skip
        assert cp1251.content == dumps(nlp(text).to_dict())


def test_stages_and_fact_types_as_a_pipeline_built_with_them(server):
    text = TEXTS["media-holding-deal"]
    deals = factex.Pipeline(facts=["deal"])
    with server.client() as http:
        answer = http.post("/extract", json={"text": text, "facts": "deal"})
        assert answer.status_code == 200, answer.text
        assert answer.content == dumps(deals(text).to_dict())
        assert {f["type"] for f in answer.json()["facts"]} == {"deal"}
        answer = http.post("/extract", json={"text": text, "disable": ["numbers"]})
        assert answer.json()["numbers"] == answer.json()["facts"] == []
        assert answer.content == dumps(factex.Pipeline(disable=["numbers"])(text).to_dict())


def test_batch_streams_lines_in_input_order_one_error_per_bad_item(server, nlp):
    names = list(TEXTS)[:6]
    items: list = [{"text": TEXTS[n], "id": n} for n in names]
    items[1:1] = [{"id": "no-text"}]
    items[4:4] = [{"text": "Путин.", "date": "11.11.2025", "id": "bad-date"}]
    with server.client() as http:
        answer = http.post("/extract/batch", json=items)
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("application/x-ndjson")
        lines = answer.content.split(b"\n")
        assert lines[-1] == b"" and len(lines) == len(items) + 1
        for item, line in zip(items, lines):
            if item["id"] in ("no-text", "bad-date"):
                error = json.loads(line)["error"]
                assert error["status"] == 422 and error["code"] in ("missing-text", "bad-date")
            else:
                assert line == dumps(nlp(item["text"], doc_id=item["id"]).to_dict())
        body = "\n".join([json.dumps({"text": "Путин в Москве.", "id": "a"}), "{oops",
                          json.dumps({"text": "Токаев в Астане.", "id": "c"}), ""])  # fmt: skip
        answer = http.post("/extract/batch", content=body.encode(),
                           headers={"Content-Type": "application/x-ndjson"})  # fmt: skip
    records = [json.loads(line) for line in answer.text.splitlines()]
    assert [r["doc"]["id"] for r in records] == ["a", "", "c"]
    assert records[1]["error"]["code"] == "malformed-json" and records[1]["error"]["status"] == 400
    assert records[2]["entities"][0]["name"] == "Токаев"


@pytest.mark.parametrize(
    ("body", "content_type", "status", "code"),
    [
        (b'{"text": "\xd0\x9f', "application/json", 400, "malformed-json"),
        (b"[1, 2", "application/json", 400, "malformed-json"),
        (b'{"id": "x"}', "application/json", 422, "missing-text"),
        (b'{"text": ["a"]}', "application/json", 422, "text-not-string"),
        (b'["text"]', "application/json", 422, "not-an-object"),
        (b'{"text": "a", "date": "2025-02-30"}', "application/json", 422, "bad-date"),
        (b'{"text": "a", "disable": ["nre"]}', "application/json", 422, "unknown-name"),
        (b'{"text": "a", "facts": "visit,vist"}', "application/json", 422, "unknown-name"),
        (b'{"text": "a", "path": "/etc/passwd"}', "application/json", 422, "unknown-field"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "text/plain", 415, "undecodable"),
        (b"\xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd\x00\x01", "text/plain", 415, "undecodable"),
        (b"text=abc", "application/x-www-form-urlencoded", 415, "unsupported-media-type"),
        (b"x" * (MAX_BYTES + 1), "text/plain", 413, "too-large"),
    ],
)
def test_bad_requests_get_json_errors(server, body, content_type, status, code):
    with server.client() as http:
        answer = http.post("/extract", content=body, headers={"Content-Type": content_type})
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/json"
    assert answer.json()["error"]["code"] == code
    assert answer.json()["error"]["message"]
    assert "Traceback" not in answer.text


def test_body_over_the_limit_without_a_length_is_refused(server):
    def chunks():
        for _ in range(MAX_BYTES // 10_000 + 2):
            yield b"x" * 10_000

    with server.client() as http:
        answer = http.post("/extract", content=chunks(), headers={"Content-Type": "text/plain"})
        assert answer.status_code == 413
        assert http.get("/nowhere").json()["error"]["code"] == "not-found"
        assert http.get("/extract").status_code == 405
        assert http.post("/extract", json={"text": "/etc/passwd"}).json()["entities"] == []


def test_service_endpoints_and_openapi(server):
    with server.client() as http:
        assert http.get("/health").json() == {"status": "ok"}
        ready = {"ready": True, "workers": 2, "workers_up": 2, "requests": 0, "queued": 0}
        assert http.get("/ready").json() == ready
        version = http.get("/version").json()
        assert version["factex"] == factex.__version__ and version["record"] == "1"
        names = {m["name"] for m in version["models"]}
        assert {"slovnet_ner_news_v1", "slovnet_morph_news_v1"} <= names
        spec = http.get("/openapi.json").json()
        docs = http.get("/docs")
    assert docs.status_code == 200 and "/openapi.json" in docs.text
    from factex.schema import record_schema

    schemas = spec["components"]["schemas"]
    ok = spec["paths"]["/extract"]["post"]["responses"]["200"]["content"]["application/json"]
    assert ok["schema"] == {"$ref": "#/components/schemas/Record"}
    refs = [one["$ref"] for one in schemas["Record"]["oneOf"]]
    assert refs == ["#/components/schemas/document", "#/components/schemas/error_record"]
    assert set(record_schema()["$defs"]) <= set(schemas)
    assert "#/$defs/" not in json.dumps(spec)
    body = spec["paths"]["/extract"]["post"]["requestBody"]["content"]
    assert body["application/json"]["schema"] == {"$ref": "#/components/schemas/ExtractRequest"}
    assert "422" in spec["paths"]["/extract"]["post"]["responses"]


def test_request_ids_cors_and_one_log_line_per_request(server):
    with server.client() as http:
        given = http.post("/extract", json={"text": "Путин в Москве."},
                          headers={"X-Request-ID": "crawler-42"})  # fmt: skip
        made = http.get("/health", headers={"Origin": "https://news.example.org"})
        other = http.get("/health", headers={"Origin": "https://evil.example.com"})
    assert given.headers["x-request-id"] == "crawler-42"
    assert len(made.headers["x-request-id"]) == 32
    assert made.headers["access-control-allow-origin"] == "https://news.example.org"
    assert "access-control-allow-origin" not in other.headers
    time.sleep(0.2)
    line = next(ln for ln in server.log_text().splitlines() if "crawler-42" in ln)
    assert "POST /extract 200 chars=15 ms=" in line
    assert made.headers["x-request-id"] in server.log_text()


def test_api_key(guarded):
    with guarded.client() as http:
        assert http.get("/health").status_code == 200
        for method, path in [("GET", "/ready"), ("GET", "/version"), ("GET", "/"),
                             ("GET", "/openapi.json"), ("POST", "/extract")]:  # fmt: skip
            answer = http.request(method, path, json={"text": "Путин."})
            assert answer.status_code == 401, path
            assert answer.json()["error"]["code"] == "unauthorized"
            assert answer.headers["www-authenticate"] == "Bearer"
        wrong = http.get("/ready", headers={"Authorization": "Bearer s3cret-kez"})
        assert wrong.status_code == 401
        assert "access-control-allow-origin" not in wrong.headers  # CORS off by default
    with guarded.client(Authorization=f"Bearer {KEY}") as http:
        assert http.get("/ready").status_code == 200
        assert http.post("/extract", json={"text": "Путин."}).status_code == 200


def test_busy_queue_full_then_timeout_replaces_the_worker(guarded):
    long = long_text(150_000)  # well over 2 s of work on any machine
    release = threading.Event()

    def trickle():
        yield b'{"text": "'
        release.wait(30)
        yield 'Токаев."}'.encode()

    with guarded.client(Authorization=f"Bearer {KEY}") as http, ThreadPoolExecutor(3) as pool:
        slow = pool.submit(http.post, "/extract", json={"text": long})
        until(lambda: load(http) == (1, 0), "the long text in the only worker")
        uploading = pool.submit(http.post, "/extract", content=trickle(),
                                headers={"Content-Type": "application/json"})  # fmt: skip
        until(lambda: load(http) == (2, 0), "the upload begun")
        queued = pool.submit(http.post, "/extract", json={"text": "Путин в Москве."})
        until(lambda: load(http) == (3, 1), "a short text in the queue")
        busy = http.post("/extract", json={"text": "Токаев."})
        assert busy.status_code == 503 and busy.json()["error"]["code"] == "busy"
        assert http.get("/ready").status_code == 200  # health checks are always answered
        release.set()  # the upload ends, and finds the queue of one full
        refused = uploading.result()
        assert refused.status_code == 503, refused.text
        assert refused.json()["error"]["code"] == "queue-full"
        assert int(refused.headers["retry-after"]) >= 1
        refused = http.post("/extract/batch", json=[{"text": "Токаев."}])
        assert refused.status_code == 503
        timed_out = slow.result()
        assert timed_out.status_code == 504, timed_out.text
        assert timed_out.json()["error"]["code"] == "timeout"
        answered = queued.result()  # by the worker started in place of the stopped one
        assert answered.status_code == 200, answered.text
        assert answered.json()["entities"][0]["name"] == "Путин"


def test_worker_killed_mid_request_costs_that_request_only(server):
    long = long_text(60_000)
    with server.client() as http, ThreadPoolExecutor(1) as pool:
        before = {pid: cpu_ticks(pid) for pid in server.workers()}
        assert len(before) == 2
        doomed = pool.submit(http.post, "/extract", json={"text": long, "id": "doomed"})

        def busiest() -> int:
            return max(before, key=lambda pid: cpu_ticks(pid) - before[pid])

        until(lambda: cpu_ticks(busiest()) - before[busiest()] > 20, "a worker at work")
        busy = busiest()
        subprocess.run(["kill", "-KILL", str(busy)], check=True)
        answer = doomed.result()
        assert answer.status_code == 500, answer.text
        assert answer.json()["error"]["code"] == "worker-crashed"
        after = http.post("/extract", json={"text": "Путин в Москве."})  # the other worker
        assert after.status_code == 200
        deadline = time.monotonic() + 120
        while http.get("/ready").json()["workers_up"] < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert http.get("/ready").json()["workers_up"] == 2
        assert busy not in server.workers()
        idle = server.workers()[0]  # a worker killed while it waits for work
        subprocess.run(["kill", "-KILL", str(idle)], check=True)
        until(lambda: dead(idle), "the killed worker gone")
        for _ in range(3):  # whichever worker they go to, they are answered
            assert http.post("/extract", json={"text": "Путин в Москве."}).status_code == 200


def chromium() -> str | None:
    import shutil

    return next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(n)), None)  # fmt: skip


def test_page_highlights_a_pasted_text_in_chromium(server, nlp, tmp_path):
    from test_html import Marks, highlighted, mentions

    browser = chromium()
    if browser is None:
        pytest.skip("Chromium is not installed (apt-get install -y chromium)")
    with server.client() as http:
        page = http.get("/")
    assert page.status_code == 200 and "<textarea" in page.text
    text = TEXTS["state-visit"]
    from urllib.parse import urlencode

    url = f"{server.url}/#" + urlencode({"text": text, "date": "2025-12-01"})
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
             "--virtual-time-budget=30000", "--dump-dom", url]  # fmt: skip
    run = subprocess.run([browser, *flags], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]

    class Frame(Marks):
        def handle_starttag(self, tag, attrs):
            if tag == "iframe":
                self.srcdoc = dict(attrs).get("srcdoc", "")
            super().handle_starttag(tag, attrs)

    outer = Frame()
    outer.feed(run.stdout)
    assert getattr(outer, "srcdoc", ""), run.stdout[-2000:]
    inner = Marks()
    inner.feed(outer.srcdoc)
    record = nlp(text, "2025-12-01").to_dict()
    assert record["entities"]
    assert highlighted(inner) == mentions(record)
    for fact in record["facts"]:
        assert f"ev-{fact['id']}" in inner.ids


def test_bad_options_are_one_line_usage_errors(capsys):
    from factex.cli import main

    for args in (["--port", "http"], ["--workers", "-1"], ["--timeout", "0"], ["--bogus"],
                 ["--api-key", ""]):  # fmt: skip
        try:
            code = main(["serve", *args])
        except SystemExit as stop:
            code = stop.code
        assert code == 2, args
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("factex serve: "), (args, err)


def test_sigterm_finishes_the_requests_in_flight_then_exits_0(server):
    text = long_text(60_000)
    answers: list[httpx.Response] = []

    def post(i: int) -> None:
        with server.client() as http:
            answers.append(http.post("/extract", json={"text": text, "id": f"t{i}"}))

    threads = [threading.Thread(target=post, args=(i,)) for i in range(3)]
    for thread in threads:
        thread.start()
    with server.client() as http:  # one may be answered before the last is taken
        until(lambda: load(http)[0] + len(answers) == 3 and load(http)[0] > 0,
              "the requests in hand")  # fmt: skip
    server.process.send_signal(signal.SIGTERM)
    for thread in threads:
        thread.join(120)
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert server.process.wait(60) == 0
    with pytest.raises(httpx.TransportError):
        httpx.get(server.url + "/health", timeout=5)
    assert "Traceback" not in server.log_text()
