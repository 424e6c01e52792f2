"""What each offset rule of the fact modules still adds next to the fact frames over the
dependency parse (issue 17: keep an offset rule only where it measures better).

Each rule is switched off in turn (its function made to find nothing) and the facts
are scored again: the development fact sets (`tests/data/facts-dev*.txt`, recall and
precision over all their cases) and FactRuEval's devset track 3 (F1 per fact type).
The table gives each score with the rule off minus the score with every rule on: a
rule whose removal lowers nothing is covered by the frames. `frames` switches the
frames off instead, for comparison. Only the facts are computed again per rule (the
stages before them run once per text).

    python benchmarks/ablate.py [--only LABEL ...]
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests"), str(ROOT / "benchmarks")]

import devset  # noqa: E402
import factru_facts  # noqa: E402
from fact_cases import Score, load_cases, score  # noqa: E402


def _none(*_: Any) -> None:
    return None


def _empty(*_: Any) -> list[Any]:
    return []


def _unsettled(*_: Any) -> tuple[list[Any], None, bool]:
    return [], None, False


# label -> (module under factex.facts, attribute or `DICT:key`, what it returns when off)
RULES: dict[str, tuple[str, str, Callable[..., Any]]] = {
    "occ.right_after": ("occupation", "_right_after", _unsettled),
    "occ.later": ("occupation", "_later", _none),
    "occ.signature": ("occupation", "_signature", _none),
    "occ.in_brackets": ("occupation", "_in_brackets", _none),
    "occ.before": ("occupation", "_before", _none),
    "occ.chain": ("occupation", "_chain", _empty),
    "occ.plural_holders": ("occupation", "holders", _empty),
    "occ.appointments": ("occupation", "_appointments", _empty),
    "occ.headed": ("occupation", "_headed", _empty),
    "occ.affiliations": ("occupation", "_affiliations", _empty),
    "occ.countries_of_persons": ("occupation", "_countries_of_persons", _none),
    "occ.implied_orgs": ("occupation", "_implied_orgs", _none),
    "occ.countries_of_text": ("occupation", "_countries_of_text", _none),
    "occ.orgs_within_document": ("occupation", "_orgs_within_document", _none),
    "own.owner_noun": ("ownership", "RULES:owner-noun", _empty),
    "own.own": ("ownership", "RULES:own", _empty),
    "own.belong": ("ownership", "RULES:belong", _empty),
    "own.share": ("ownership", "RULES:share", _empty),
    "own.part": ("ownership", "RULES:part", _empty),
    "own.subsidiary": ("ownership", "RULES:subsidiary", _empty),
    "own.controlled": ("ownership", "RULES:controlled", _empty),
    "own.possessive": ("ownership", "_possessive", _empty),
    "own.bracket_holders": ("ownership", "_bracket_holders", _empty),
    "deal.all_rules": ("deal", "find", _empty),
    "meeting.all_rules": ("meeting", "find", _empty),
    "frames": ("", "match", _empty),
}


@contextmanager
def switched_off(label: str) -> Iterator[None]:
    """Rule `label` finds nothing inside the block."""
    module_name, attr, off = RULES[label]
    module = importlib.import_module("factex.facts" + (f".{module_name}" if module_name else ""))
    owner: Any = module
    if ":" in attr:
        table, attr = attr.split(":")
        owner = getattr(module, table)
        old = owner[attr]
        owner[attr] = off
    else:
        old = getattr(module, attr)
        setattr(module, attr, off)
    try:
        yield
    finally:
        if isinstance(owner, dict):
            owner[attr] = old
        else:
            setattr(owner, attr, old)


class Texts:
    """The development cases and the devset documents, analysed once up to the facts."""

    def __init__(self) -> None:
        from factex import Pipeline

        self.files = sorted((ROOT / "tests" / "data").glob("facts-dev*.txt"))
        self.cases = [c for path in self.files for c in load_cases(path)]
        self.docs = devset.load()
        nlp = Pipeline()
        self.analyses = [nlp.analyse(c.text, c.date) for c in self.cases]
        self.analyses += [nlp.analyse(d["text"], doc_id=d["doc"]) for d in self.docs]

    def scores(self) -> dict[str, float]:
        """Recall and precision on the development sets, F1 per type on the devset."""
        from factex.facts import extract_facts

        records = []
        for a in self.analyses:
            for entity in a.document.entities:  # the facts stage fills them
                entity.descriptions = []
            a.document.facts = extract_facts(a, a.fact_types)
            a.context = None
            a.document.assign_ids()
            records.append(a.document.to_dict())
        n = len(self.cases)
        dev: Score = score(self.cases, records[:n])["all"]
        out = {"dev R": dev.recall or 0.0, "dev P": dev.precision or 0.0}
        for t, (_, _, f1, _, _) in factru_facts.scores(records[n:], self.docs).items():
            out[f"{t[:4]} F1"] = f1
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(RULES), help="these rules only")
    args = parser.parse_args()
    texts = Texts()
    base = texts.scores()
    names = list(base)
    print(f"{len(texts.cases)} development cases ({len(texts.files)} files), "
          f"{len(texts.docs)} devset documents\n")  # fmt: skip
    print("| rule off | " + " | ".join(names) + " |")
    print("| --- |" + " ---: |" * len(names))
    print("| (none) | " + " | ".join(f"{base[k]:.3f}" for k in names) + " |")
    for label in args.only or RULES:
        with switched_off(label):
            found = texts.scores()
        deltas = [round(found[k] - base[k], 3) for k in names]
        cells = [f"{d:+.3f}" if d else "0" for d in deltas]
        print(f"| {label} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
