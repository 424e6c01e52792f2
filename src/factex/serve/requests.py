"""Reading a request: its body within the size limit, decoded, parsed and checked into
`Job`s, or an `ApiError` with the HTTP status and a one-line message."""

from __future__ import annotations

import codecs
import json
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request

from ..pipeline import check_names
from ..time.reference import Reference
from .workers import Job

FIELDS = ("text", "id", "date", "disable", "facts", "tokens")


class ApiError(Exception):
    """A request that cannot be answered: its status, an error code and a message."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message}}


async def read_body(request: Request, max_bytes: int) -> bytes:
    """The body, refused with 413 as soon as it is known to be over `max_bytes`."""
    too_large = ApiError(413, "too-large", f"the body is over the limit of {max_bytes} bytes")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_large
    parts: list[bytes] = []
    size = 0
    async for part in request.stream():
        size += len(part)
        if size > max_bytes:
            raise too_large
        parts.append(part)
    return b"".join(parts)


def media_type(request: Request) -> tuple[str, str | None]:
    """The media type of the body (lower case) and its charset parameter, if any."""
    value = request.headers.get("content-type", "")
    kind, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, val = param.partition("=")
        if name.strip().lower() == "charset":
            charset = val.strip().strip('"') or None
    return kind.strip().lower(), charset


def decode(body: bytes, charset: str | None = None) -> str:
    """The body as text: UTF-8 unless the request names another charset (415 if the
    bytes are not in it)."""
    name = charset or "utf-8"
    try:
        codecs.lookup(name)
    except LookupError:
        raise ApiError(415, "unknown-charset", f"unknown charset {name!r}") from None
    try:
        text = body.decode("utf-8-sig" if name.lower() in ("utf-8", "utf8") else name)
    except UnicodeDecodeError as err:
        raise ApiError(
            415, "undecodable", f"the body is not valid {name} (byte {err.start}): send UTF-8 text"
        ) from None
    if "\x00" in text:
        raise ApiError(415, "undecodable", "the body holds NUL bytes: send text, not binary data")
    return text


def parse_json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise ApiError(400, "malformed-json", f"malformed JSON: {err}") from None
    except RecursionError:
        raise ApiError(400, "malformed-json", "malformed JSON: nested too deeply") from None


def _names(value: Any, field: str) -> list[str]:
    """`disable`/`facts` as a list of names: a JSON list of strings, or one string with
    names separated by commas."""
    if isinstance(value, str):
        return [name.strip() for name in value.split(",") if name.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    raise ApiError(422, "bad-field", f'"{field}" must be a list of names or one string of '
                                     f"names separated by commas")  # fmt: skip


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("1", "true", "yes", "0", "false", "no", ""):
        return value.lower() in ("1", "true", "yes")
    raise ApiError(422, "bad-field", '"tokens" must be true or false')


def job(fields: Mapping[str, Any], html: bool = False) -> Job:
    """A checked Job from the fields of a request (JSON object or query parameters)."""
    if not isinstance(fields, Mapping):
        raise ApiError(422, "not-an-object", 'expected a JSON object such as {"text": "..."}')
    unknown = [k for k in fields if k not in FIELDS]
    if unknown:
        raise ApiError(422, "unknown-field", f"unknown field {unknown[0]!r} "
                                             f"(known: {', '.join(FIELDS)})")  # fmt: skip
    if "text" not in fields or fields["text"] is None:
        raise ApiError(422, "missing-text", 'the request has no "text"')
    text = fields["text"]
    if not isinstance(text, str):
        raise ApiError(422, "text-not-string",
                       f'"text" must be a string, not {json_type(text)}')  # fmt: skip
    doc_id = fields.get("id")
    if doc_id is None:
        doc_id = ""
    if not isinstance(doc_id, str):
        raise ApiError(422, "bad-field", f'"id" must be a string, not {json_type(doc_id)}')
    date = fields.get("date")
    if date is not None:
        if not isinstance(date, str):
            raise ApiError(422, "bad-date", f'"date" must be a YYYY-MM-DD string, '
                                            f"not {json_type(date)}")  # fmt: skip
        try:
            Reference.parse(date)
        except ValueError as err:
            raise ApiError(422, "bad-date", str(err)) from None
    disable = _names(fields["disable"], "disable") if fields.get("disable") is not None else []
    facts = _names(fields["facts"], "facts") if fields.get("facts") is not None else None
    unknown_name = check_names(disable, (), facts)
    if unknown_name:
        raise ApiError(422, "unknown-name", unknown_name)
    tokens = _flag(fields.get("tokens", False))
    return Job(text, doc_id, date, tuple(disable), None if facts is None else tuple(facts),
               tokens, html)  # fmt: skip


def json_type(value: Any) -> str:
    """The JSON name of a value's type, for messages."""
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string",
             list: "a list", dict: "an object", type(None): "null"}  # fmt: skip
    return names.get(type(value), type(value).__name__)


JSON_TYPES = ("application/json",)
LINES_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines",
               "application/json-lines")  # fmt: skip


async def single(request: Request, max_bytes: int, html: bool = False) -> Job:
    """The Job of `POST /extract`: a JSON object, or plain text with the options as query
    parameters."""
    kind, charset = media_type(request)
    if kind not in (*JSON_TYPES, "text/plain") and not kind.endswith("+json"):
        raise _unsupported(kind, "application/json or text/plain")
    body = await read_body(request, max_bytes)
    text = decode(body, charset)
    if kind == "text/plain":
        return job({**request.query_params, "text": text}, html)
    if request.query_params:
        raise ApiError(422, "unknown-field", "with a JSON body, give the options in the body, "
                                             "not as query parameters")  # fmt: skip
    return job(parse_json(text), html)


def _unsupported(kind: str, expected: str) -> ApiError:
    given = f"Content-Type {kind}" if kind else "no Content-Type"
    return ApiError(415, "unsupported-media-type", f"{given}: send {expected}")


Item = Job | ApiError


async def batch(request: Request, max_bytes: int) -> list[Item]:
    """The items of `POST /extract/batch`: a JSON list, or JSON Lines (one object per
    line); an item that is not a good request becomes its ApiError, alone."""
    kind, charset = media_type(request)
    if kind not in (*JSON_TYPES, *LINES_TYPES):
        raise _unsupported(kind, "a JSON list (application/json) or JSON Lines "
                                 "(application/x-ndjson)")  # fmt: skip
    text = decode(await read_body(request, max_bytes), charset)
    if kind in JSON_TYPES and text.lstrip().startswith("["):
        values = parse_json(text)
        if not isinstance(values, list):
            raise ApiError(400, "malformed-json", "expected a JSON list of objects")
        return [_item(value, parse=False) for value in values]
    # only "\n" ends a line: JSON strings may hold U+2028 and other breaks unescaped
    return [_item(line, parse=True) for line in text.split("\n") if line.strip()]


def _item(value: Any, parse: bool) -> Item:
    try:
        return job(parse_json(value) if parse else value)
    except ApiError as err:
        return err
