"""FactRuEval-2016 devset: entity scores (issue 5) and fact scores (track 3) in one run.

    python benchmarks/factru.py [--limit N]

The parts run on their own too: `factru_entities.py` (token, exact-span and
entity-level scores, factex vs slovnet) and `factru_facts.py` (occupation,
meeting, deal and ownership P/R/F1, response files in benchmarks/out/task3/).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import factru_entities  # noqa: E402
import factru_facts  # noqa: E402
from devset import load  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    args = parser.parse_args()
    from factex import Pipeline

    nlp = Pipeline()
    docs = load(args.limit)
    print("# Entities\n")
    print(factru_entities.run(nlp, docs))
    print("\n# Facts\n")
    print(factru_facts.run(nlp, docs))


if __name__ == "__main__":
    main()
