"""factex's facts against NEREL's relations: a second measure for facts, with NEREL's
conventions (issue 17).

NEREL (Russian news, brat `NNN.txt` + `NNN.ann`; fetch the train and dev splits for
local use, never commit them, never use the test split) links entity mentions by
relations. Read as factex's pairs:

- `person-org` (occupation: person, org): WORKPLACE from a PERSON, or from a PROFESSION
  that a PERSON WORKS_AS, to an ORGANIZATION, COUNTRY, STATE_OR_PROVINCE, CITY or
  DISTRICT;
- `person-post` (occupation: person, position): WORKS_AS from a PERSON to a PROFESSION;
- `owner-property` (ownership): OWNER_OF, and FOUNDED_BY read backwards (the founder
  owns), between persons, organisations and countries;
- `person-age` (an `ages` item and its `person`): AGE_IS from a PERSON to an AGE.

A gold pair is found when one predicted pair has, for each side, a mention (or the
item) overlapping that side's span; a predicted pair is right when some gold pair
matches it so. A factex entity holds all its mentions, so one predicted fact can find
the gold pairs of several sentences. NEREL marks generic organisations
(`правительство`, `компания`) and posts as entities that factex does not name, and it
links more loosely than FactRuEval; the figures are for comparing factex with itself.

    python benchmarks/nerel_facts.py --dir /work/corpora/nerel/dev [--dir ...]
        [--misses person-org] [--extra owner-property] [--limit 300] [--frames-off]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "benchmarks")]

from kinds import run_factex  # noqa: E402

Span = tuple[int, int]
Pair = tuple[list[Span], list[Span]]  # the two sides' spans
PLACES = {"ORGANIZATION", "COUNTRY", "STATE_OR_PROVINCE", "CITY", "DISTRICT"}
OWNERS = {"PERSON", "ORGANIZATION", "COUNTRY"}
KINDS = ("person-org", "person-post", "owner-property", "person-age")


@dataclass
class Doc:
    """One NEREL document: its text, its mentions by id, its relations."""

    id: str
    text: str
    mentions: dict[str, tuple[str, Span]] = field(default_factory=dict)
    relations: list[tuple[str, str, str]] = field(default_factory=list)

    def gold(self) -> dict[str, set[tuple[Span, Span]]]:
        """The gold pairs of each kind, as (span, span)."""
        out: dict[str, set[tuple[Span, Span]]] = {k: set() for k in KINDS}
        works_as: dict[str, set[str]] = {}  # profession id -> persons holding it
        for rel, a, b in self.relations:
            if rel == "WORKS_AS" and self._is(a, {"PERSON"}) and self._is(b, {"PROFESSION"}):
                works_as.setdefault(b, set()).add(a)
                out["person-post"].add((self.span(a), self.span(b)))
        for rel, a, b in self.relations:
            if rel == "WORKPLACE" and self._is(b, PLACES):
                holders = {a} if self._is(a, {"PERSON"}) else works_as.get(a, set())
                out["person-org"].update((self.span(p), self.span(b)) for p in holders)
            elif rel == "OWNER_OF" and self._is(a, OWNERS) and self._is(b, OWNERS):
                out["owner-property"].add((self.span(a), self.span(b)))
            elif rel == "FOUNDED_BY" and self._is(a, OWNERS) and self._is(b, OWNERS):
                out["owner-property"].add((self.span(b), self.span(a)))
            elif rel == "AGE_IS" and self._is(a, {"PERSON"}) and self._is(b, {"AGE"}):
                out["person-age"].add((self.span(a), self.span(b)))
        return out

    def _is(self, mention: str, types: set[str]) -> bool:
        return mention in self.mentions and self.mentions[mention][0] in types

    def span(self, mention: str) -> Span:
        return self.mentions[mention][1]


def read(folder: Path) -> list[Doc]:
    """The documents of one brat folder, in file-name order."""
    docs = []
    for ann in sorted(folder.glob("*.ann")):
        doc = Doc(f"{folder.name}/{ann.stem}", ann.with_suffix(".txt").read_text("utf-8"))
        for line in ann.read_text("utf-8").splitlines():
            cells = line.split("\t")
            if line.startswith("T") and len(cells) >= 2:
                type_, offsets = cells[1].split(" ", 1)
                cuts = [int(x) for part in offsets.split(";") for x in part.split()]
                doc.mentions[cells[0]] = (type_, (min(cuts), max(cuts)))
            elif line.startswith("R") and len(cells) >= 2:
                rel, a, b = cells[1].split()
                doc.relations.append((rel, a.removeprefix("Arg1:"), b.removeprefix("Arg2:")))
        docs.append(doc)
    return docs


def predicted(record: dict[str, Any]) -> dict[str, list[Pair]]:
    """factex's pairs of each kind, each side as the spans that stand for it."""
    spans = {e["id"]: [(m["start"], m["stop"]) for m in e["mentions"]] for e in record["entities"]}
    items = {i["id"]: [(i["start"], i["stop"])] for i in record.get("professions", [])}
    out: dict[str, list[Pair]] = {k: [] for k in KINDS}

    def side(arg: Any) -> list[Span]:
        return spans.get(arg["ref"], []) if isinstance(arg, dict) and "ref" in arg else []

    for fact in record["facts"]:
        if fact.get("modality") == "negated":
            continue
        if fact["type"] == "occupation":
            person = side(fact.get("person"))
            if fact.get("org"):
                out["person-org"].append((person, side(fact["org"])))
            if fact.get("position_ref") in items:
                out["person-post"].append((person, items[fact["position_ref"]]))
        elif fact["type"] == "ownership" and fact.get("property"):
            out["owner-property"].append(
                (side(fact.get("owner")), side(fact["property"]))
            )
    for age in record.get("ages", []):
        if age.get("person"):
            out["person-age"].append((side(age["person"]), [(age["start"], age["stop"])]))
    return out


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def _matches(gold: tuple[Span, Span], pair: Pair) -> bool:
    return _overlaps(gold[0], pair[0]) and _overlaps(gold[1], pair[1])


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    right: int = 0

    def row(self, kind: str) -> str:
        r = self.found / self.gold if self.gold else 0.0
        p = self.right / self.predicted if self.predicted else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"| {kind} | {p:.3f} | {r:.3f} | {f:.3f} | {self.predicted} | {self.gold} |"


def score(docs: list[Doc], records: list[dict[str, Any]]) -> dict[str, Score]:
    scores = {k: Score() for k in KINDS}
    for doc, record in zip(docs, records):
        gold, pred = doc.gold(), predicted(record)
        for kind in KINDS:
            s = scores[kind]
            s.gold += len(gold[kind])
            s.found += sum(1 for g in gold[kind] if any(_matches(g, p) for p in pred[kind]))
            s.predicted += len(pred[kind])
            s.right += sum(1 for p in pred[kind] if any(_matches(g, p) for g in gold[kind]))
    return scores


def misses(docs: list[Doc], records: list[dict[str, Any]], kind: str) -> Iterator[str]:
    """The gold pairs of one kind that no predicted pair matches, with their sentence."""
    for doc, record in zip(docs, records):
        pred = predicted(record)[kind]
        for g in sorted(doc.gold()[kind]):
            if not any(_matches(g, p) for p in pred):
                a, b = min(g[0][0], g[1][0]), max(g[0][1], g[1][1])
                left = doc.text.rfind("\n", 0, a) + 1
                right = doc.text.find("\n", b)
                line = doc.text[left : right if right >= 0 else len(doc.text)]
                first, second = doc.text[slice(*g[0])], doc.text[slice(*g[1])]
                yield f"{doc.id}: {first} -> {second}  ## {line[:300]}"


def extras(docs: list[Doc], records: list[dict[str, Any]], kind: str) -> Iterator[str]:
    """The predicted pairs of one kind that match no gold pair, with the line of the
    closest two mentions of their sides."""
    for doc, record in zip(docs, records):
        gold = doc.gold()[kind]
        for first, second in predicted(record)[kind]:
            if not first or not second or any(_matches(g, (first, second)) for g in gold):
                continue
            a, b = min(((x, y) for x in first for y in second),
                       key=lambda p: abs(p[0][0] - p[1][0]))  # fmt: skip
            left = doc.text.rfind("\n", 0, min(a[0], b[0])) + 1
            right = doc.text.find("\n", max(a[1], b[1]))
            line = doc.text[left : right if right >= 0 else len(doc.text)]
            yield f"{doc.id}: {doc.text[slice(*a)]} -> {doc.text[slice(*b)]}  ## {line[:300]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, action="append", required=True)
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--misses", choices=KINDS, help="list the missed gold pairs")
    parser.add_argument("--extra", choices=KINDS, help="list the predicted pairs not in gold")
    parser.add_argument("--frames-off", action="store_true", help="without the fact frames")
    args = parser.parse_args()
    docs = [d for folder in args.dir for d in read(folder)][: args.limit]
    if args.frames_off:
        import factex.facts

        factex.facts.match = lambda *_: []  # type: ignore[assignment]
    records = run_factex(docs)
    print("| pair | P | R | F1 | predicted | gold |\n| --- | ---: | ---: | ---: | ---: | ---: |")
    for kind, s in score(docs, records).items():
        print(s.row(kind))
    print(f"\n{len(docs)} documents")
    if args.misses:
        for line in misses(docs, records, args.misses):
            print(line)
    if args.extra:
        for line in extras(docs, records, args.extra):
            print(line)


if __name__ == "__main__":
    main()
