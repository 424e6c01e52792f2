"""Where factex finds its model weights and word lists, loaded once per process."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent / "models"


class ResourceError(RuntimeError):
    """A model file or word list that factex needs is missing."""


def natasha_data_dir() -> Path:
    """The folder of model weights inside natasha's wheel, found without importing natasha.

    Importing natasha pulls in pymorphy2, which breaks on new Pythons, so only
    the package's location is looked up.
    """
    spec = importlib.util.find_spec("natasha")
    if spec is None or spec.origin is None:
        raise ResourceError("the 'natasha' package is not installed: pip install natasha")
    return Path(spec.origin).parent / "data"


def model_path(relative: str) -> Path:
    """A file under natasha's data folder, e.g. `model/slovnet_ner_news_v1.tar`."""
    path = natasha_data_dir() / relative
    if not path.is_file():
        raise ResourceError(f"model file missing: {path} (reinstall natasha)")
    return path


def _lines(path: Path) -> list[str]:
    if not path.is_file():
        raise ResourceError(f"word list missing: {path}")
    lines = (line.split("#", 1)[0].rstrip() for line in path.read_text("utf-8").splitlines())
    return [line for line in lines if line.strip()]


@cache
def wordlist(name: str) -> tuple[str, ...]:
    """The lines of `models/<name>.txt`, without blanks and `#` comments."""
    return tuple(line.strip() for line in _lines(MODELS_DIR / f"{name}.txt"))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of `models/<name>.tsv`: tab-separated cells, `#` comments."""
    rows = _lines(MODELS_DIR / f"{name}.tsv")
    return tuple(tuple(cell.strip() for cell in row.split("\t")) for row in rows)
