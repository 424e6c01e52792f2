"""Decoding input: UTF-8, legacy Cyrillic encodings, binary and undecodable data."""

import os

import pytest

from factex.reading import InputError, decode, read_file

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
