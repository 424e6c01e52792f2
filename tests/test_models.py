"""The model files factex loads are the ones the manifest names."""

import hashlib

import pytest

from factex.resources import MODELS_DIR, natasha_data_dir, table, wordlist


def _manifest_rows():
    return [row for row in table("manifest") if row[3] != "-"]


@pytest.mark.parametrize("row", _manifest_rows(), ids=lambda row: row[0])
def test_model_file_matches_manifest(row):
    name, package, path, sha256, size = row
    assert package.startswith("natasha")
    file = natasha_data_dir() / path.removeprefix("data/")
    assert file.is_file(), f"{name}: {file} missing"
    assert file.stat().st_size == int(size)
    assert hashlib.sha256(file.read_bytes()).hexdigest() == sha256


def test_word_lists_are_readable():
    for path in MODELS_DIR.glob("*.txt"):
        assert wordlist(path.stem) is not None
    assert table("aliases")[0][:2] == ("LOC", "Россия")
