"""Reading input files: encoding detection for Russian text, clear errors."""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass
from pathlib import Path

# Single-byte Cyrillic encodings still met in Russian archives, most common first,
# and Western Latin-1 (cp1252), so that a French or German file is not read as Cyrillic.
LEGACY = ("cp1251", "koi8_r", "cp866", "cp1252")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_GOOD = re.compile(r"[а-яёa-z0-9\s.,;:!?«»\"'()\-–—№%]", re.IGNORECASE)
_LOWER_CYR = re.compile(r"[а-яё]")
_CYR = re.compile(r"[А-ЯЁа-яё]")
_WORD = re.compile(r"[^\W\d_]+")
_ANY_CYR = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_ACCENTED = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]")


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


def _mixed(text: str) -> float:
    """Share of words that mix Latin and Cyrillic letters (`prйsident`: a Latin-1
    text read as cp1251)."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    return sum(1 for w in words if _ANY_CYR.search(w) and _LATIN.search(w)) / len(words)


def _accented(text: str) -> int:
    """Accented Latin letters in words that also have plain ones (`président`, not
    `Ïðåçèäåíò`, which is Russian read as Latin-1)."""
    return sum(
        len(_ACCENTED.findall(w)) for w in _WORD.findall(text) if re.search("[a-zA-Z]", w)
    )


def _plausibility(text: str) -> float:
    """How much `text` looks like prose: share of ordinary characters, with
    lower-case Cyrillic letters weighed in (a KOI8-R text read as cp1251 comes
    out in capitals) and words in two scripts weighed against."""
    if not text:
        return 0.0
    good = (len(_GOOD.findall(text)) + _accented(text)) / len(text)
    cyr = len(_CYR.findall(text))
    lower = len(_LOWER_CYR.findall(text)) / cyr if cyr else 0.5
    return good * 0.7 + lower * 0.3 - _mixed(text)


def _utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM, little- or big-endian, if it reads as clean prose."""
    if len(data) % 2:
        return None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if not _CONTROL.search(text) and _plausibility(text) >= 0.75:
            return Decoded(text, name)
    return None


def _cut_utf8(data: bytes, err: UnicodeDecodeError) -> bool:
    """UTF-8 text (with non-ASCII letters) cut inside its last character."""
    if err.reason != "unexpected end of data" or data[: err.start].isascii():
        return False
    try:
        data[: err.start].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode bytes: the named encoding, else UTF-8 (with or without BOM),
    UTF-16 with a BOM or without one, else the legacy encoding that reads best."""
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
        utf16 = _utf16(data)
        if utf16 is None:
            raise InputError("binary", "binary data, not text (it contains NUL bytes)")
        return utf16
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        if _cut_utf8(data, err):
            raise InputError(
                "truncated", "ends in the middle of a UTF-8 character (a truncated file?)"
            ) from None
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
            "not text in a supported encoding (tried UTF-8, UTF-16, cp1251, KOI8-R, cp866, "
            "cp1252); "
            "name it with --encoding",
        )
    return best


def check_text(text: str) -> str:
    """Refuse decoded text that is really binary (many control characters)."""
    if _CONTROL.search(text) and len(_CONTROL.findall(text)) > max(2, len(text) * 0.01):
        raise InputError("binary", "binary data, not text (control characters)")
    return text


def decode_text(data: bytes, encoding: str | None = None) -> Decoded:
    """Bytes of one input as checked text: decoded, and refused if really binary."""
    decoded = decode(data, encoding)
    decoded.text = check_text(decoded.text)
    return decoded


def _file_bytes(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("not-found", "no such file") from None
    except IsADirectoryError:
        raise InputError("is-directory", "is a directory, not a file") from None
    except PermissionError:
        raise InputError("permission", "permission denied") from None
    except OSError as err:
        raise InputError("unreadable", err.strerror or str(err)) from None


def _stdin_bytes() -> bytes:
    if sys.stdin is None:
        raise InputError("unreadable", "standard input is closed")
    try:
        return sys.stdin.buffer.read()
    except OSError as err:
        raise InputError("unreadable", err.strerror or str(err)) from None


def read_file(path: str | Path, encoding: str | None = None) -> Decoded:
    """Read and decode one file, raising InputError with a readable reason."""
    return decode_text(_file_bytes(path), encoding)


def read_input(name: str, encoding: str | None = None) -> Decoded:
    """A file, or standard input for `-`, decoded and checked the same way."""
    return decode_text(_stdin_bytes() if name == "-" else _file_bytes(name), encoding)
