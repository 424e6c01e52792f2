"""Decoding input: UTF-8, legacy Cyrillic encodings, binary and undecodable data."""

import io
import os
import sys
from pathlib import Path

import pytest

from factex.reading import InputError, decode, read_file, read_input

TEXT = "Президент Казахстана Касым-Жомарт Токаев начинает государственный визит в Россию."


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251", "koi8_r", "cp866"])
def test_recognises_russian_encodings(encoding):
    decoded = decode(TEXT.encode(encoding))
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_utf8_bom_is_dropped():
    assert decode(b"\xef\xbb\xbf" + TEXT.encode()).text == TEXT


def test_named_encoding_wins_and_fails_clearly():
    assert decode(TEXT.encode("koi8_r"), "koi8_r").text == TEXT
    with pytest.raises(InputError, match="cannot be decoded as utf-8"):
        decode(TEXT.encode("cp1251"), "utf-8")
    with pytest.raises(InputError, match="unknown encoding"):
        decode(b"abc", "no-such-codec")


def test_binary_and_noise_are_refused():
    with pytest.raises(InputError) as err:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert err.value.code == "binary"
    noise = bytes(b % 255 + 1 for b in os.urandom(4096))
    with pytest.raises(InputError) as err:
        decode(noise)
    assert err.value.code in {"decode-error", "binary"}


def test_file_errors(tmp_path):
    with pytest.raises(InputError) as err:
        read_file(tmp_path / "missing.txt")
    assert err.value.code == "not-found"
    with pytest.raises(InputError) as err:
        read_file(tmp_path)
    assert err.value.code == "is-directory"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert read_file(empty).text == ""


FRENCH = "Le président Macron a rencontré à l'Élysée le ministre français, déjà très âgé."


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(encoding):
    decoded = decode(TEXT.encode(encoding))
    assert (decoded.text, decoded.encoding) == (TEXT, encoding)


def test_latin1_is_not_read_as_cyrillic():
    for text in (FRENCH, "Müller traf Schröder in Köln, äußerst überraschend."):
        decoded = decode(text.encode("cp1252"))
        assert (decoded.text, decoded.encoding) == (text, "cp1252")
    for encoding in ("cp1251", "koi8_r", "cp866"):
        assert decode("Сергей Ёлкин прибыл в Москву.".encode(encoding)).encoding == encoding


def test_mostly_control_characters_are_binary(tmp_path):
    path = tmp_path / "ctl.txt"
    path.write_text("Путин" + "".join(map(chr, range(1, 9))) * 20, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_file(path)
    assert err.value.code == "binary"


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin_is_checked_like_a_file(monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Stdin(TEXT.encode("koi8_r")))
    assert read_input("-").text == TEXT
    monkeypatch.setattr(sys, "stdin", _Stdin(b"a\x01\x02\x03\x04\x05\x06\x07b"))
    with pytest.raises(InputError, match="control characters"):
        read_input("-")
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(InputError, match="standard input is closed"):
        read_input("-")


def test_permission_denied(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(TEXT, encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError) as err:
        read_file(path)
    assert (err.value.code, err.value.message) == ("permission", "permission denied")
