"""The `factex serve` command: its options and starting the server."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from typing import Any, NoReturn

from ..corpus.pool import resolve_jobs


def _port(value: str) -> int:
    if not value.isdigit() or int(value) > 65535:
        raise argparse.ArgumentTypeError(f"expected a port number 0-65535, not {value!r}")
    return int(value)


def _count(value: str, least: int) -> int:
    if not value.isdigit() or int(value) < least:
        raise argparse.ArgumentTypeError(f"expected a whole number >= {least}, not {value!r}")
    return int(value)


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0
    if not seconds > 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds > 0, not {value!r}")
    return seconds


def _key(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError("the API key must not be empty")
    return value


def add_parser(commands: Any) -> None:
    """Add `serve` to the `factex` subcommands."""
    serve: argparse.ArgumentParser = commands.add_parser(
        "serve",
        help="run an HTTP service (needs pip install \"factex[serve]\")",
        description="An HTTP service: POST /extract, POST /extract/batch, GET /health, "
        "/ready, /version, /docs, and a page at / to try it in a browser (docs/serve.md).",
    )
    serve.error = _one_line(serve)  # type: ignore[method-assign]
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default: 127.0.0.1, this machine only; "
                       "0.0.0.0 for every interface)")  # fmt: skip
    serve.add_argument("--port", type=_port, default=8000, help="port (default: 8000)")
    serve.add_argument("--workers", type=lambda v: _count(v, 0), default=1, metavar="N",
                       help="worker processes, each with its own models "
                       "(default: 1; 0: one per core)")  # fmt: skip
    serve.add_argument("--max-bytes", type=lambda v: _count(v, 1), default=1_000_000,
                       metavar="N", help="largest request body in bytes (default: 1000000); "
                       "a larger one gets 413")  # fmt: skip
    serve.add_argument("--timeout", type=_seconds, default=60.0, metavar="SECONDS",
                       help="longest time for one document (default: 60); over it the "
                       "request gets 504 and its worker is replaced")  # fmt: skip
    serve.add_argument("--queue", type=lambda v: _count(v, 0), default=64, metavar="N",
                       help="requests that may wait for a free worker (default: 64); "
                       "more get 503 with Retry-After")  # fmt: skip
    serve.add_argument("--max-requests", type=lambda v: _count(v, 1), default=None,
                       metavar="N", help="requests handled at once, bodies being read "
                       "included (default: 4 x (queue + workers)); more get 503 at once",
                       )  # fmt: skip
    serve.add_argument("--api-key", type=_key, metavar="KEY",
                       help="require Authorization: Bearer KEY on every endpoint but /health "
                       "(default: the FACTEX_API_KEY environment variable, if set)")  # fmt: skip
    serve.add_argument("--cors", action="append", default=[], metavar="ORIGIN",
                       help="let pages from ORIGIN call the service (e.g. --cors "
                       "https://news.example.org; repeat for more; default: none)")  # fmt: skip
    serve.add_argument("--log-level", default="info",
                       choices=["debug", "info", "warning", "error"],
                       help="default: info, one line per request")  # fmt: skip


def _one_line(parser: argparse.ArgumentParser) -> Any:
    def error(message: str) -> NoReturn:
        parser.exit(2, f"{parser.prog}: {message} (see {parser.prog} --help)\n")

    return error


def run_serve(args: argparse.Namespace) -> int:
    from ..extras import MissingExtra, require

    try:
        require("fastapi", "serve")
        require("uvicorn", "serve")
    except MissingExtra as err:
        print(f"factex serve: {err}", file=sys.stderr)
        return 2
    key = args.api_key or os.environ.get("FACTEX_API_KEY") or None
    import uvicorn

    from .app import Settings, create_app

    settings = Settings(resolve_jobs(args.workers), args.max_bytes, args.timeout, args.queue,
                        key, args.cors, args.max_requests or 0)  # fmt: skip
    logging.basicConfig(format="%(asctime)s %(name)s %(levelname)s %(message)s",
                        level=args.log_level.upper(), stream=sys.stderr)  # fmt: skip
    logging.getLogger("factex.serve").info(
        "%d workers, queue %d, at most %d requests at once, max %d bytes, timeout %gs, "
        "API key %s, CORS %s",
        settings.workers, settings.queue, settings.request_limit, settings.max_bytes,
        settings.timeout,
        "on" if key else "off", ", ".join(settings.cors) or "off",
    )
    config = uvicorn.Config(create_app(settings), host=args.host, port=args.port,
                            log_level=args.log_level, access_log=False,
                            timeout_graceful_shutdown=None)  # fmt: skip
    server = uvicorn.Server(config)
    # uvicorn stops gracefully on SIGTERM and Ctrl-C, then sends the signal again to the
    # handler found before it: a handler that does nothing makes that a normal exit 0
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda signum, frame: None)
    server.run()
    return 0 if server.started else 1
