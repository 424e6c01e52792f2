"""The sample articles and their expected records.

`python tests/samples.py` rewrites `samples/expected/*.json` from the current
output; review the diff before committing it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = SAMPLES / "expected"


def articles() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


def record(nlp, path: Path) -> dict:
    """The record factex gives for a sample, as `factex extract samples/NAME.txt` does."""
    text = path.read_text(encoding="utf-8")
    return nlp(text, doc_id=path.stem, source=f"samples/{path.name}").to_dict()


def expected_path(path: Path) -> Path:
    return EXPECTED / f"{path.stem}.json"


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from factex import Pipeline

    nlp = Pipeline()
    EXPECTED.mkdir(exist_ok=True)
    for path in articles():
        body = json.dumps(record(nlp, path), ensure_ascii=False, indent=1)
        expected_path(path).write_text(body + "\n", encoding="utf-8")
        print(f"wrote {expected_path(path).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
