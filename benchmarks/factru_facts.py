"""FactRuEval-2016 track 3 on the devset: `occupation`, `meeting`, `deal` and `ownership`.

A predicted fact matches a gold fact of the same type when at least one argument
matches; arguments match when the predicted value is within Levenshtein distance 2
of one of the gold values (an entity's name variants: mention texts, `name`
attributes, first/last/patronymic combinations; a position's span texts and their
nominative forms, as the official evaluation also accepts them). A pair scores the share of
matched arguments, the position counting half. Precision is the summed score over
predicted facts, recall over gold facts.

As in the official evaluation's default (easy) mode, gold facts marked
`Сложность повышенная` are ignored: they count neither as gold nor, when a
prediction can match one of them (and no other gold fact), as predicted.

Writes the official response files (`book_N.task3`) into `benchmarks/out/task3/`.
Run: `PYTHONPATH=src python benchmarks/factru_facts.py`.
"""

from __future__ import annotations

import sys
import time
from functools import cache
from itertools import product
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import devset  # noqa: E402
from fact_cases import edit_distance  # noqa: E402

OUT = Path(__file__).resolve().parent / "out" / "task3"
TYPES = ("occupation", "meeting", "deal", "ownership")
# factex deal kinds (SPEC) as FactRuEval's Deal types; FactRuEval has no sanctions type
# and annotates sanctions and embargoes as `наложение/выплата штрафа`
DEAL_TYPES = {
    "штраф": "наложение/выплата штрафа",
    "санкции": "наложение/выплата штрафа",
    "займ": "займ/возвращение займа",
}
SPECIAL = {"модальность", "сложность", "фаза"}
WEIGHT = {"position": 0.5}
HARD = ("сложность", "повышенная")

Args = list[tuple[str, Any]]  # (argument name, value or set of values)


def norm(s: str) -> str:
    s = s.lower().strip().replace("ё", "е")
    for q in "«»“”„":
        s = s.replace(q, '"')
    return " ".join(s.split())


def same(value: str, variants: set[str]) -> bool:
    v = norm(value)
    return any(abs(len(v) - len(g)) <= 2 and edit_distance(v, g) <= 2 for g in variants)


# gold


_CASES = {"gent", "datv", "accs", "ablt", "loct", "gen2", "loc2", "acc2"}


@cache
def nominative(position: str) -> str:
    """A gold position span in the nominative (`генерального директора` ->
    `генеральный директор`): the leading adjectives and the first noun are
    inflected, agreeing with the noun; the complement after it stays."""
    from factex.text.morph import analyzer

    words = position.split()
    parses = [analyzer().parse(w)[0] for w in words]
    head = next((p for p in parses if p.tag.POS == "NOUN"), None)
    out = []
    for k, (word, parse) in enumerate(zip(words, parses)):
        if parse.tag.POS == "CONJ":  # `чрезвычайного и полномочного посла`
            out.append(word)
            continue
        if parse.tag.case not in _CASES or parse.tag.POS not in {"NOUN", "ADJF", "PRTF"}:
            out += words[k:]
            break
        grammemes = {"nomn"}
        if parse.tag.POS != "NOUN" and head is not None and head.tag.gender:
            grammemes |= {head.tag.number or "sing"} | (
                {head.tag.gender} if head.tag.number != "plur" else set()
            )
        form = parse.inflect(grammemes)
        out.append(form.word if form else word)
        if parse.tag.POS == "NOUN":
            out += words[k + 1 :]
            break
    return " ".join(out)


def entity_variants(doc: dict[str, Any]) -> dict[str, set[str]]:
    """Name variants of each gold entity of a document."""
    mention_text = {m["id"]: m["text"] for m in doc["mentions"]}
    out: dict[str, set[str]] = {}
    for e in doc["entities"]:
        values = {mention_text[m] for m in e["mention_ids"] if m in mention_text}
        attrs: dict[str, list[str]] = {}
        for key, value in e["attrs"]:
            key = key.rstrip("0123456789")
            attrs.setdefault(key, []).append(value)
            if key in {"name", "nickname"}:
                values.add(value)
        f, last, p = (
            attrs.get("firstname", []),
            attrs.get("lastname", []),
            attrs.get("patronymic", []),
        )
        for combo in ([f, p, last], [last, f, p], [f, last], [last, f], [f, p], [last], [f]):
            if all(combo):
                values |= {" ".join(x) for x in product(*combo)}
        out[e["id"]] = {norm(v) for v in values if v}
    return out


def gold_facts(doc: dict[str, Any]) -> tuple[dict[str, list[Args]], dict[str, list[Args]]]:
    """Gold facts by type, and the ignored (`Сложность повышенная`) ones apart."""
    variants = entity_variants(doc)
    out: dict[str, list[Args]] = {t: [] for t in TYPES}
    ignored: dict[str, list[Args]] = {t: [] for t in TYPES}
    for fact in doc["facts"]:
        kind = fact["type"].lower()
        if kind not in out:
            continue
        args: Args = []
        hard = False
        for arg in fact["args"]:
            name = arg["name"].lower()
            hard = hard or (name, arg["value"].strip().lower()) == HARD
            if name in SPECIAL:
                continue
            name = "position" if name == "job" else name
            if (arg["ref"] or {}).get("kind") == "obj":
                values = set(variants.get(arg["ref"]["id"], set())) | {norm(arg["value"])}
            else:
                parts = arg["value"].split("|")
                values = {
                    norm(p.split(" ", 1)[1] if p.strip().startswith("span") else p) for p in parts
                }
                values = {norm(v) for v in values}
                values |= {norm(p) for p in parts}
                if name == "position":
                    values |= {norm(nominative(v)) for v in values}
            args.append((name, values))
        (ignored if hard else out)[kind].append(args)
    return out, ignored


# predictions


def predicted(record: dict[str, Any]) -> dict[str, list[Args]]:
    """Track-3 facts from a factex record."""
    out: dict[str, list[Args]] = {t: [] for t in TYPES}
    for fact in record["facts"]:
        if fact["type"] == "occupation":
            args: Args = [("who", fact["person"]["name"])]
            where = fact.get("org_text") or (fact["org"] or {}).get("name")
            if where:  # the organisation, or its words when it is no entity
                args.append(("where", where))
            if fact.get("position"):
                args.append(("position", fact["position"]))
            out["occupation"].append(args)
        elif fact["type"] == "meeting" and fact.get("modality") is None:
            people = [p["name"] for p in fact["participants"]]
            if len(people) >= 2:
                out["meeting"].append([("participant", p) for p in people])
        elif fact["type"] == "deal" and fact.get("modality") != "negated":
            args = [("participant", p["name"]) for p in fact["parties"]]
            if fact.get("kind"):
                args.append(("type", DEAL_TYPES.get(fact["kind"], fact["kind"])))
            if args:
                out["deal"].append(args)
        elif fact["type"] == "ownership" and fact.get("modality") != "negated":
            args = [("owner", fact["owner"]["name"])]
            prop = (fact["property"] or {}).get("name") or fact.get("property_text")
            if prop:
                args.append(("property", prop))
            out["ownership"].append(args)
    return out


def task3(facts: dict[str, list[Args]]) -> str:
    blocks = []
    for kind in TYPES:
        for args in facts[kind]:
            blocks.append("\n".join([kind] + [f"{name} : {value}" for name, value in args]))
    return "\n\n".join(blocks) + ("\n" if blocks else "")


# scoring


def quality(pred: Args, gold: Args) -> float:
    matched_gold: set[int] = set()
    matched_pred: set[int] = set()
    for i, (name, value) in enumerate(pred):
        for j, (gname, values) in enumerate(gold):
            if j not in matched_gold and gname == name and same(value, values):
                matched_gold.add(j)
                matched_pred.add(i)
                break
    if not matched_pred:
        return 0.0
    w = [WEIGHT.get(n, 1.0) for n, _ in gold]
    wp = [WEIGHT.get(n, 1.0) for n, _ in pred]
    hit = sum(w[j] for j in matched_gold)
    miss = sum(w[j] for j in range(len(gold)) if j not in matched_gold)
    extra = sum(wp[i] for i in range(len(pred)) if i not in matched_pred)
    return hit / (hit + miss + extra)


def match(pred: list[Args], gold: list[Args], ignored: list[Args]) -> tuple[float, int]:
    """Summed quality of a greedy one-to-one matching of predicted and gold facts, and
    the number of predictions that count (those left unmatched that can match an
    ignored gold fact do not)."""
    pairs = sorted(
        ((quality(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    total = 0.0
    for q, i, j in pairs:
        if q > 0 and i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            total += q
    excused = sum(
        1 for i, p in enumerate(pred) if i not in used_p and any(quality(p, g) > 0 for g in ignored)
    )
    return total, len(pred) - excused


Scores = tuple[float, float, float, int, int]  # P, R, F1, predicted, gold


def scores(records: list[dict[str, Any]], docs: list[dict[str, Any]]) -> dict[str, Scores]:
    """P, R, F1, predicted and gold counts per fact type (and `overall`) of the docs'
    records; writes the official response files."""
    OUT.mkdir(parents=True, exist_ok=True)
    tp = {t: 0.0 for t in TYPES}
    n_pred = {t: 0 for t in TYPES}
    n_gold = {t: 0 for t in TYPES}
    for doc, record in zip(docs, records):
        pred, (gold, ignored) = predicted(record), gold_facts(doc)
        (OUT / f"{doc['doc']}.task3").write_text(task3(pred), encoding="utf-8")
        for t in TYPES:
            score, counted = match(pred[t], gold[t], ignored[t])
            tp[t] += score
            n_pred[t] += counted
            n_gold[t] += len(gold[t])
    out = {t: _prf(tp[t], n_pred[t], n_gold[t]) for t in TYPES}
    out["overall"] = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return out


def _prf(hit: float, n_pred: int, n_gold: int) -> Scores:
    p, r = (hit / n_pred if n_pred else 0.0), (hit / n_gold if n_gold else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), n_pred, n_gold


def run(nlp, docs: list[dict[str, Any]]) -> str:
    """Score `nlp` (a factex Pipeline) on the docs; returns a markdown table."""
    records = [nlp(doc["text"], doc_id=doc["doc"]).to_dict() for doc in docs]
    found = scores(records, docs)
    lines = ["| type | P | R | F1 | predicted | gold |", "| --- | --- | --- | --- | --- | --- |"]
    for t, (p, r, f, n_pred, n_gold) in found.items():
        lines.append(f"| {t} | {p:.3f} | {r:.3f} | {f:.3f} | {n_pred} | {n_gold} |")
    return "\n".join(lines)


def main() -> None:
    from factex.pipeline import Pipeline

    docs = devset.load()
    nlp = Pipeline()
    t0 = time.perf_counter()
    report = run(nlp, docs)
    print(report)
    print(f"\n{len(docs)} documents in {time.perf_counter() - t0:.1f} s; responses in {OUT}")


if __name__ == "__main__":
    main()
