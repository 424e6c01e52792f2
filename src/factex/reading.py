"""Reading input files: encoding detection for Russian text, clear errors."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

# Single-byte Cyrillic encodings still met in Russian archives, most common first.
LEGACY = ("cp1251", "koi8_r", "cp866")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_GOOD = re.compile(r"[а-яёa-z0-9\s.,;:!?«»\"'()\-–—№%]", re.IGNORECASE)
_LOWER_CYR = re.compile(r"[а-яё]")
_CYR = re.compile(r"[А-ЯЁа-яё]")


class InputError(Exception):
    """A document that cannot be read; `code` is stable, `message` is for people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Decoded:
    """Text read from bytes, and the encoding it was in."""

    text: str
    encoding: str


def _plausibility(text: str) -> float:
    """How much `text` looks like Russian prose: share of ordinary characters,
    with lower-case Cyrillic letters weighed in (a KOI8-R text read as cp1251
    comes out in capitals)."""
    if not text:
        return 0.0
    good = len(_GOOD.findall(text)) / len(text)
    cyr = len(_CYR.findall(text))
    lower = len(_LOWER_CYR.findall(text)) / cyr if cyr else 0.5
    return good * 0.7 + lower * 0.3


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode bytes: the named encoding, else UTF-8 (with or without BOM),
    UTF-16 with a BOM, else the legacy Cyrillic encoding that reads best."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError("bad-encoding", f"unknown encoding {encoding!r}") from None
        try:
            return Decoded(data.decode(encoding), encoding)
        except UnicodeDecodeError as err:
            raise InputError(
                "decode-error", f"cannot be decoded as {encoding}: bad byte at offset {err.start}"
            ) from None
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[3:].decode("utf-8", errors="strict"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(data.decode("utf-16"), "utf-16")
    if b"\x00" in data:
        raise InputError("binary", "binary data, not text (it contains NUL bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best: Decoded | None = None
    best_score = 0.0
    for name in LEGACY:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if score > best_score:
            best, best_score = Decoded(text, name), score
    if (
        best is None
        or best_score < 0.75
        or len(_CONTROL.findall(best.text)) > len(best.text) * 0.01
    ):
        raise InputError(
            "decode-error",
            "not text in a supported encoding (tried UTF-8, cp1251, KOI8-R, cp866); "
            "name it with --encoding",
        )
    return best


def check_text(text: str) -> str:
    """Refuse decoded text that is really binary (many control characters)."""
    if _CONTROL.search(text) and len(_CONTROL.findall(text)) > max(2, len(text) * 0.01):
        raise InputError("binary", "binary data, not text (control characters)")
    return text


def read_file(path: str | Path, encoding: str | None = None) -> Decoded:
    """Read and decode one file, raising InputError with a readable reason."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("not-found", "no such file") from None
    except IsADirectoryError:
        raise InputError("is-directory", "is a directory, not a file") from None
    except PermissionError:
        raise InputError("permission", "permission denied") from None
    except OSError as err:
        raise InputError("unreadable", err.strerror or str(err)) from None
    decoded = decode(data, encoding)
    decoded.text = check_text(decoded.text)
    return decoded
