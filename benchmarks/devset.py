"""Loading FactRuEval-2016 devset from ../shared/data/factru (shared by the benchmarks)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FACTRU = Path(os.environ.get("FACTEX_FACTRU", ROOT.parent / "shared" / "data" / "factru"))


def load(limit: int | None = None) -> list[dict[str, Any]]:
    """Documents of devset.jsonl: `doc`, `text`, `spans`, `mentions`, `entities`, `facts`."""
    path = FACTRU / "devset.jsonl"
    if not path.is_file():
        raise SystemExit(f"FactRuEval devset not found at {path} (set FACTEX_FACTRU)")
    with path.open(encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    return docs[:limit] if limit else docs
