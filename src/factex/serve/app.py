"""The HTTP application of `factex serve`: routes, errors as JSON, the API key, one
log line per request, and the OpenAPI description with the record's JSON Schema."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..record import SPEC_VERSION, DocInfo, error_record
from . import openapi as describe
from . import requests
from .page import PAGE
from .requests import ApiError
from .workers import Answer, Job, QueueFull, WorkerDied, WorkerPool, WorkerTimeout

log = logging.getLogger("factex.serve")


@dataclass
class Settings:
    """How the service runs (the options of `factex serve`)."""

    workers: int = 1
    max_bytes: int = 1_000_000
    timeout: float = 60.0
    queue: int = 64
    api_key: str | None = None
    cors: list[str] = field(default_factory=list)
    max_requests: int = 0  # requests handled at once; 0: 4 x (queue + workers)
    retry_after: int = 1  # seconds, in a 503's Retry-After

    @property
    def request_limit(self) -> int:
        return self.max_requests or 4 * (self.queue + self.workers)


def error(status: int, code: str, message: str, headers: dict[str, str] | None = None
          ) -> JSONResponse:  # fmt: skip
    return JSONResponse({"error": {"code": code, "message": message}}, status, headers)


def _failure(err: Exception, settings: Settings) -> ApiError:
    """The ApiError for a job that could not be done."""
    if isinstance(err, QueueFull):
        return ApiError(503, "queue-full", "every worker is busy and the queue is full: "
                        "retry later", {"Retry-After": str(settings.retry_after)})  # fmt: skip
    if isinstance(err, WorkerTimeout):
        return ApiError(504, "timeout", f"the document took more than {settings.timeout:g} "
                                        "seconds; its worker was replaced")  # fmt: skip
    if isinstance(err, WorkerDied):
        return ApiError(500, "worker-crashed", "the worker process processing the document "
                                               "died (killed, or out of memory)")  # fmt: skip
    raise err


def create_app(settings: Settings) -> FastAPI:
    pool = WorkerPool(settings.workers, settings.queue, settings.timeout)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await pool.start()
        try:
            yield
        finally:
            await pool.close()

    app = FastAPI(
        title="factex",
        version=__version__,
        description="Russian entities, dates, numbers and facts as JSON records (SPEC.md).",
        lifespan=lifespan,
    )
    app.state.pool = pool
    load = Load()

    def admit() -> None:
        """Refuse at once, before reading the body, when the queue is already full."""
        if pool.full:
            raise _failure(QueueFull(), settings)

    async def answer(job: Job) -> Answer:
        try:
            return await pool.run(job)
        except (QueueFull, WorkerTimeout, WorkerDied) as err:
            raise _failure(err, settings) from None

    @app.exception_handler(ApiError)
    async def api_error(request: Request, err: ApiError) -> Response:
        return error(err.status, err.code, err.message, err.headers)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, err: HTTPException) -> Response:
        code = {404: "not-found", 405: "method-not-allowed"}.get(err.status_code, "http-error")
        return error(err.status_code, code, str(err.detail), dict(err.headers or {}))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, err: Exception) -> Response:
        log.exception("unexpected error")
        return error(500, "internal-error", "an unexpected error in the service (logged)")

    @app.get("/health", summary="Alive", tags=["service"])
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/ready", summary="Models loaded and workers up", tags=["service"],
             responses={503: {"description": "Not ready yet"}})  # fmt: skip
    async def ready() -> Response:
        body = {"ready": pool.ready, "workers": pool.size, "workers_up": pool.loaded,
                "requests": load.requests, "queued": pool.waiting}  # fmt: skip
        return JSONResponse(body, 200 if pool.ready else 503)

    @app.get("/version", summary="Versions of factex, the record and the models",
             tags=["service"])  # fmt: skip
    async def version() -> dict[str, Any]:
        from ..resources import table

        models = []
        for name, source, _, sha256, *_ in table("manifest"):
            package, _, installed = source.partition("==")
            models.append({"name": name, "package": package, "version": installed,
                           "sha256": None if sha256 == "-" else sha256})  # fmt: skip
        return {"factex": __version__, "record": SPEC_VERSION, "models": models}

    @app.post("/extract", summary="The record of one text", tags=["extract"],
              **describe.SINGLE)  # fmt: skip
    async def extract(request: Request) -> Response:
        admit()
        job = await requests.single(request, settings.max_bytes)
        request.state.chars = len(job.text)
        result = await answer(job)
        return Response(result.body, 500 if result.failed else 200,
                        media_type="application/json")  # fmt: skip

    @app.post("/extract/html", summary="The HTML view of one text (the page at / uses it)",
              tags=["extract"], **describe.HTML)  # fmt: skip
    async def extract_html(request: Request) -> Response:
        admit()
        job = await requests.single(request, settings.max_bytes, html=True)
        request.state.chars = len(job.text)
        result = await answer(job)
        if result.html is None:
            return Response(result.body, 500, media_type="application/json")
        return HTMLResponse(result.html)

    @app.post("/extract/batch", summary="Records of many texts, as JSON Lines in input order",
              tags=["extract"], **describe.BATCH)  # fmt: skip
    async def extract_batch(request: Request) -> Response:
        admit()
        items = await requests.batch(request, settings.max_bytes)
        request.state.chars = sum(len(i.text) for i in items if isinstance(i, Job))
        admit()
        return StreamingResponse(_stream(pool, items, settings),
                                 media_type="application/x-ndjson")  # fmt: skip

    @app.get("/", summary="A page to try factex in a browser", tags=["page"],
             response_class=HTMLResponse)  # fmt: skip
    async def page() -> HTMLResponse:
        return HTMLResponse(PAGE)

    app.openapi = lambda: describe.openapi(app)  # type: ignore[method-assign]
    app.add_middleware(ApiKey, key=settings.api_key)
    if settings.cors:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=settings.cors,
                           allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
                           expose_headers=["X-Request-ID", "Retry-After"])  # fmt: skip
    app.add_middleware(Busy, limit=settings.request_limit, retry_after=settings.retry_after,
                       load=load)  # fmt: skip
    app.add_middleware(RequestLog)
    return app


async def _stream(pool: WorkerPool, items: list[requests.Item], settings: Settings
                  ) -> AsyncIterator[bytes]:  # fmt: skip
    """One line per item, in input order, while later items are already processed."""
    window = max(2, 2 * pool.size)
    pending: list[tuple[requests.Item, asyncio.Task[Answer] | None]] = []
    it = iter(items)
    try:
        while True:
            while len(pending) < window:
                item = next(it, None)
                if item is None:
                    break
                task = asyncio.ensure_future(pool.run(item, admitted=True)) \
                    if isinstance(item, Job) else None  # fmt: skip
                pending.append((item, task))
            if not pending:
                return
            item, task = pending.pop(0)
            yield await _line(item, task, settings)
    finally:
        for _, task in pending:
            if task is not None:
                task.cancel()


async def _line(item: requests.Item, task: asyncio.Task[Answer] | None, settings: Settings
                ) -> bytes:  # fmt: skip
    if task is None:
        assert isinstance(item, ApiError)
        return _error_line("", item)
    assert isinstance(item, Job)
    try:
        return (await task).body + b"\n"
    except (QueueFull, WorkerTimeout, WorkerDied) as err:
        return _error_line(item.id, _failure(err, settings))


def _error_line(doc_id: str, err: ApiError) -> bytes:
    record = error_record(DocInfo(id=doc_id), err.code, err.message)
    record["error"]["status"] = err.status
    return json.dumps(record, ensure_ascii=False).encode() + b"\n"


_REQUEST_ID = re.compile(r"[A-Za-z0-9._:/+=@-]{1,128}")


class RequestLog:
    """Gives every request an id (its `X-Request-ID`, or a new one), sends it back, and
    logs one line per request: id, method, path, status, characters of text, time."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        rid = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        scope.setdefault("state", {})
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [(k, v) for k, v in message.get("headers", []) if k != b"x-request-id"]
                message = {**message, "headers": [*headers, (b"x-request-id", rid.encode())]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            ms = (time.perf_counter() - started) * 1000
            chars = scope["state"].get("chars", "-")
            log.info("%s %s %s %s chars=%s ms=%.1f", rid, scope["method"], scope["path"],
                     status, chars, ms)  # fmt: skip


@dataclass
class Load:
    """The requests in hand now (all but /health and /ready)."""

    requests: int = 0


class Busy:
    """At most `limit` requests at once (reading a body, waiting, processing): past it a
    request gets 503 at once, so that memory stays bounded under a flood. `/health`
    and `/ready` are always answered."""

    def __init__(self, app: ASGIApp, limit: int, retry_after: int, load: Load) -> None:
        self.app = app
        self.limit = limit
        self.retry_after = retry_after
        self.load = load

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in ("/health", "/ready"):
            await self.app(scope, receive, send)
            return
        if self.load.requests >= self.limit:
            response = error(503, "busy", f"{self.limit} requests are being handled: retry "
                             "later", {"Retry-After": str(self.retry_after)})  # fmt: skip
            await response(scope, receive, send)
            return
        self.load.requests += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.load.requests -= 1


class ApiKey:
    """With a key set, every request but `GET /health` needs `Authorization: Bearer KEY`."""

    def __init__(self, app: ASGIApp, key: str | None) -> None:
        self.app = app
        self.key = key.encode() if key else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.key is None or scope["type"] != "http" or scope["path"] == "/health":
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(b"authorization", b"")
        scheme, _, token = given.partition(b" ")
        if scheme.lower() == b"bearer" and hmac.compare_digest(token.strip(), self.key):
            await self.app(scope, receive, send)
            return
        response = error(401, "unauthorized", "this service needs an API key: "
                         "Authorization: Bearer KEY", {"WWW-Authenticate": "Bearer"})  # fmt: skip
        await response(scope, receive, send)
