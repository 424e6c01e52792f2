"""Entity quality on the FactRuEval-2016 devset: factex vs plain slovnet, naeval style.

Token level: razdel tokens, a token is PER/LOC/ORG when it lies inside a span of
that type; gold Person mentions -> PER, Org -> ORG (its `org_name` spans only),
Location and LocOrg -> LOC (`loc_name` spans only); spans off token boundaries
are dropped and nested spans reduced to the outermost. Precision and recall are
summed over documents. Exact-span F1 compares (start, stop, type) triples.
Entity level (FactRuEval track 2): gold entities against factex's clustered
entities, names compared after lower-casing and `ё` -> `е`.

    PYTHONPATH=src python benchmarks/factru_entities.py [--limit N] [--errors TYPE]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from razdel import tokenize

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devset import load  # noqa: E402

TYPES = ("PER", "LOC", "ORG")
GOLD_TYPES = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}
NAME_SPAN = {"ORG": "org_name", "LOC": "loc_name"}

Span = tuple[int, int, str]


@dataclass
class Score:
    """Counts for precision and recall."""

    tp_pred: int = 0
    pred: int = 0
    tp_gold: int = 0
    gold: int = 0

    @property
    def p(self) -> float:
        return self.tp_pred / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.tp_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def outermost(spans: Iterable[Span]) -> list[Span]:
    """Drop every span that overlaps an earlier, longer one."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if out and out[-1][1] > span[0]:
            continue
        out.append(span)
    return out


def aligned(spans: Iterable[Span], tokens: list[tuple[int, int]]) -> list[Span]:
    starts = {a for a, _ in tokens}
    stops = {b for _, b in tokens}
    return [s for s in spans if s[0] in starts and s[1] in stops]


def gold_spans(doc: dict[str, Any]) -> list[Span]:
    """The naeval reading of a FactRuEval document's mentions."""
    by_id = {s["id"]: s for s in doc["spans"]}
    out: list[Span] = []
    for m in doc["mentions"]:
        kind = GOLD_TYPES.get(m["type"])
        if kind == "PER":
            out.append((m["start"], m["stop"], kind))
        elif kind:
            spans = [by_id[i] for i in m["span_ids"] if by_id[i]["type"] == NAME_SPAN[kind]]
            out.extend(outermost((s["start"], s["stop"], kind) for s in spans))
    return outermost(out)


def score_tokens(
    tokens: list[tuple[int, int]], pred: list[Span], gold: list[Span], scores: dict[str, Score]
) -> None:
    def tags(spans: list[Span]) -> list[str | None]:
        out: list[str | None] = [None] * len(tokens)
        for a, b, kind in spans:
            for i, (s, e) in enumerate(tokens):
                if a <= s and e <= b:
                    out[i] = kind
        return out

    for p, g in zip(tags(pred), tags(gold)):
        for kind in TYPES:
            sc = scores[kind]
            sc.pred += p == kind
            sc.gold += g == kind
            sc.tp_pred += p == kind and g == kind
            sc.tp_gold += p == kind and g == kind


def score_exact(pred: list[Span], gold: list[Span], scores: dict[str, Score]) -> None:
    gold_set, pred_set = set(gold), set(pred)
    for kind in TYPES:
        sc = scores[kind]
        sc.pred += sum(1 for s in pred if s[2] == kind)
        sc.gold += sum(1 for s in gold if s[2] == kind)
        sc.tp_pred += sum(1 for s in pred if s[2] == kind and s in gold_set)
        sc.tp_gold += sum(1 for s in gold if s[2] == kind and s in pred_set)


def fold(s: str) -> str:
    return " ".join(s.lower().replace("ё", "е").split())


def _gold_entities(doc: dict[str, Any]) -> list[dict[str, Any]]:
    mentions = {m["id"]: m for m in doc["mentions"]}
    out = []
    for e in doc["entities"]:
        ms = [mentions[i] for i in e["mention_ids"] if i in mentions]
        kinds = Counter(GOLD_TYPES.get(m["type"]) for m in ms)
        kind = kinds.most_common(1)[0][0] if ms else None
        if kind is None:
            continue
        attrs: dict[str, set[str]] = {}
        for key, value in e["attrs"]:
            attrs.setdefault(key.rstrip("12"), set()).add(fold(value))
        out.append({"type": kind, "spans": [(m["start"], m["stop"]) for m in ms], "attrs": attrs})
    return out


def _value_ok(value: str | None, gold: set[str]) -> bool:
    """One of the gold values, or all of them when the attribute has several
    (`firstname` = {`чен`, `ир`} for `Ким Чен Ир`)."""
    value = fold(value or "")
    return value in gold or sorted(value.split()) == sorted(w for g in gold for w in g.split())


def _name_ok(gold: dict[str, Any], entity: dict[str, Any]) -> bool:
    attrs = gold["attrs"]
    if gold["type"] == "PER":
        parts = entity.get("parts") or {}
        pairs = (("firstname", "first"), ("lastname", "last"), ("patronymic", "middle"))
        known = [(g, p) for g, p in pairs if g in attrs and attrs[g] - {""}]
        if not known:  # a person known by one name or a nickname (`Ванга`, `Наполеон`)
            names = attrs.get("name", set()) | attrs.get("nickname", set())
            return fold(entity["name"]) in names
        return all(_value_ok(parts.get(p), attrs[g]) for g, p in known)
    names = attrs.get("name", set())
    return fold(entity["name"]) in names


@dataclass
class EntityScore:
    found: Score = field(default_factory=Score)
    named: Score = field(default_factory=Score)


def score_entities(
    doc: dict[str, Any], entities: list[dict[str, Any]], scores: dict[str, EntityScore]
) -> None:
    """Match gold entities one to one with factex's by type and shared mentions."""
    used: set[int] = set()
    for gold in _gold_entities(doc):
        sc = scores[gold["type"]]
        sc.found.gold += 1
        sc.named.gold += 1
        best, best_n = None, 0
        for k, ent in enumerate(entities):
            if k in used or ent["type"] != gold["type"]:
                continue
            n = sum(
                1
                for m in ent["mentions"]
                for a, b in gold["spans"]
                if m["start"] < b and a < m["stop"]
            )
            if n > best_n:
                best, best_n = k, n
        if best is None:
            continue
        used.add(best)
        sc.found.tp_gold += 1
        sc.found.tp_pred += 1
        if _name_ok(gold, entities[best]):
            sc.named.tp_gold += 1
            sc.named.tp_pred += 1
    for ent in entities:
        scores[ent["type"]].found.pred += 1
        scores[ent["type"]].named.pred += 1


class SlovnetNER:
    """Plain slovnet NER run on the whole text, as natasha's NewsNERTagger does."""

    def __init__(self) -> None:
        from navec import Navec
        from slovnet import NER

        from factex.resources import model_path

        navec = Navec.load(str(model_path("emb/navec_news_v1_1B_250K_300d_100q.tar")))
        self.ner = NER.load(str(model_path("model/slovnet_ner_news_v1.tar")))
        self.ner.navec(navec)

    def __call__(self, text: str) -> list[Span]:
        return [(s.start, s.stop, s.type) for s in self.ner(text).spans]


def factex_spans(record: dict[str, Any]) -> list[Span]:
    return [(m["start"], m["stop"], e["type"]) for e in record["entities"] for m in e["mentions"]]


def _table(rows: list[tuple[str, dict[str, Score]]]) -> list[str]:
    out = ["| system | type | P | R | F1 |", "| --- | --- | --- | --- | --- |"]
    for name, scores in rows:
        for kind in TYPES:
            s = scores[kind]
            out.append(f"| {name} | {kind} | {s.p:.3f} | {s.r:.3f} | {s.f1:.3f} |")
    return out


@dataclass
class Errors:
    """Token-level disagreements, grouped by the surface of the span."""

    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def add(self, text: str, pred: list[Span], gold: list[Span], kind: str) -> None:
        gp = {s for s in pred if s[2] == kind}
        gg = {s for s in gold if s[2] == kind}
        for a, b, _ in gp - gg:
            other = [f"{text[c:d]}/{t}" for c, d, t in gold if c < b and a < d]
            self.fp[f"{text[a:b]!r} vs {other}"] += 1
        for a, b, _ in gg - gp:
            other = [f"{text[c:d]}/{t}" for c, d, t in pred if c < b and a < d]
            self.fn[f"{text[a:b]!r} vs {other}"] += 1


def run(
    nlp: Callable[..., Any],
    docs: list[dict[str, Any]],
    slovnet: SlovnetNER | None = None,
    errors: str | None = None,
) -> str:
    """Score `nlp` (a factex Pipeline) and plain slovnet on `docs`; a markdown report."""
    slovnet = slovnet or SlovnetNER()
    token = {n: {k: Score() for k in TYPES} for n in ("factex", "slovnet")}
    exact = {n: {k: Score() for k in TYPES} for n in ("factex", "slovnet")}
    ents = {k: EntityScore() for k in TYPES}
    seconds = {"factex": 0.0, "slovnet": 0.0}
    err = Errors()
    for doc in docs:
        text = doc["text"]
        tokens = [(t.start, t.stop) for t in tokenize(text)]
        gold = aligned(gold_spans(doc), tokens)
        t0 = time.perf_counter()
        record = nlp(text).to_dict()
        t1 = time.perf_counter()
        plain = slovnet(text)
        seconds["factex"] += t1 - t0
        seconds["slovnet"] += time.perf_counter() - t1
        for name, spans in (("factex", factex_spans(record)), ("slovnet", plain)):
            pred = aligned(outermost(spans), tokens)
            score_tokens(tokens, pred, gold, token[name])
            score_exact(pred, gold, exact[name])
            if name == "factex" and errors:
                err.add(text, pred, gold, errors)
        score_entities(doc, record["entities"], ents)
    lines = [f"FactRuEval-2016 devset: {len(docs)} documents", "", "Token level (naeval):", ""]
    lines += _table([(n, token[n]) for n in token])
    lines += ["", "Exact spans:", ""] + _table([(n, exact[n]) for n in exact])
    lines += [
        "",
        "Entities (factex, track 2: found = type + shared mention; named = also the"
        " name parts / normal name right):",
        "",
        "| type | found P | found R | found F1 | named P | named R | named F1 |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for kind in TYPES:
        f, n = ents[kind].found, ents[kind].named
        lines.append(
            f"| {kind} | {f.p:.3f} | {f.r:.3f} | {f.f1:.3f} | {n.p:.3f} | {n.r:.3f} | {n.f1:.3f} |"
        )
    lines += [
        "",
        f"Seconds: factex (whole pipeline) {seconds['factex']:.2f}, "
        f"slovnet NER alone {seconds['slovnet']:.2f}",
    ]
    if errors:
        lines += ["", f"False {errors} spans:"] + [f"{n} {k}" for k, n in err.fp.most_common()]
        lines += ["", f"Missed {errors} spans:"] + [f"{n} {k}" for k, n in err.fn.most_common()]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--errors", choices=TYPES, help="list factex's span errors of a type")
    args = parser.parse_args()
    from factex import Pipeline

    print(run(Pipeline(), load(args.limit), errors=args.errors))


if __name__ == "__main__":
    main()
