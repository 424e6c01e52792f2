"""The fact cases of `tests/data/facts-dev.txt` (the development set) and
`tests/data/facts-sealed.txt` (the sealed held-out set), and how they are scored (shared by
`tests/test_facts_dev.py`, `tests/test_facts_sealed.py` and `benchmarks/fact_sets.py`).

A predicted fact matches an expected one of the same type when every argument the case
gives matches: names of entities fuzzily (case, `ё`, quotes and two edits aside, or one
name holding the other word for word: `Вектор` ~ `агентство «Вектор»`), lists one to one,
other values exactly. An entity argument also matches its `<argument>_text` (`org_text`).
Facts marked `modality: negated` or `cancelled` are no claims and are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEV = Path(__file__).parent / "data" / "facts-dev.txt"
SEALED = DEV.with_name("facts-sealed.txt")
REFERENCE = "2025-11-11"
# Arguments compared word for word; every other argument names an entity.
EXACT = {"position", "kind", "format", "share", "dates", "subject", "document", "direct"}
NULL = "-"
NO_CLAIM = {"negated", "cancelled"}  # modalities of facts that state nothing happened
WORD = re.compile(r"[^\W_]+")
Run = tuple[str, ...]
# The arguments a case may give per fact type, and the deal kinds.
ARGS = {
    "occupation": {"person", "position", "org"},
    "meeting": {"participants", "place", "dates", "format", "topics"},
    "quote": {"speaker", "text", "direct"},
    "deal": {"parties", "kind", "subject", "dates"},
    "ownership": {"owner", "property", "share"},
}
KINDS = {"купля/продажа", "инвестиции", "услуги", "санкции", "штраф", "займ"}


@dataclass
class Case:
    group: str
    text: str
    line: int
    date: str = REFERENCE
    facts: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    entities: list[tuple[str, list[str]]] = field(default_factory=list)
    none: set[str] = field(default_factory=set)

    @property
    def types(self) -> set[str]:
        """The fact types the case checks."""
        return {t for t, _ in self.facts} | self.none


def load_cases(path: Path = DEV) -> list[Case]:
    """The cases of the file, in order; raises ValueError naming a malformed line."""
    cases: list[Case] = []
    group = ""
    case: Case | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            case = None
            continue
        if line.startswith("#"):
            continue
        if line.startswith("== "):
            group, case = line[3:].strip(), None
            continue
        key, sep, rest = line.partition(":")
        if not sep:
            raise ValueError(f"line {number}: no `key:`")
        key, rest = key.strip(), rest.strip()
        if key == "text":
            if case is not None or not group:
                raise ValueError(f"line {number}: a case starts without a blank line or group")
            case = Case(group, rest, number)
            cases.append(case)
            continue
        if case is None:
            raise ValueError(f"line {number}: `{key}:` outside a case")
        if key == "date":
            case.date = rest
        elif key == "none":
            case.none |= set(rest.split())
        elif key == "entity":
            name, _, tail = rest.partition("|")
            dkey, _, values = tail.partition("=")
            if dkey.strip() != "descriptions":
                raise ValueError(f"line {number}: entity without descriptions=")
            described = [] if values.strip() == NULL else _members(values)
            case.entities.append((name.strip(), described))
        else:
            args: dict[str, str] = {}
            for part in rest.split(" | "):
                name, eq, value = part.partition("=")
                if not eq or not value.strip():
                    raise ValueError(f"line {number}: argument `{part}` is not name=value")
                args[name.strip()] = value.strip()
            case.facts.append((key, args))
    return cases


def runs(text: str, n: int = 4) -> set[Run]:
    """The word n-grams of a text (words: runs of letters and digits, lower-cased, `ё` as
    `е`), by which held-out texts are kept apart from code and from the development set."""
    words = WORD.findall(text.lower().replace("ё", "е"))
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def malformed(case: Case) -> list[str]:
    """What is wrong with a case: no expectation, a bad date, an unknown type, argument
    or deal kind; empty when it is well formed."""
    out = []
    if not (case.facts or case.entities or case.none):
        out.append("no expectation")
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", case.date):
        out.append(f"date {case.date!r}")
    out += [f"none: {t}" for t in sorted(case.none - set(ARGS))]
    for kind, args in case.facts:
        if kind not in ARGS or kind in case.none:
            out.append(f"type {kind}")
            continue
        out += [
            f"{kind} {a}"
            for a in sorted(set(args) - ARGS[kind] - {f"{x}_text" for x in ARGS[kind]})
        ]
        if kind == "deal" and args.get("kind", "купля/продажа") not in KINDS:
            out.append(f"deal kind {args['kind']}")
    return out


def unwritten_names(case: Case) -> list[str]:
    """Expected persons, parties and owners not written in the case's text: a name counts
    as written when the first three letters of each word of one alternative are."""
    text = case.text.lower().replace("ё", "е")
    names = [n for n, _ in case.entities]
    for _, args in case.facts:
        for arg in {"person", "participants", "parties", "owner", "speaker"} & set(args):
            names += args[arg].split(" + ")
    return [
        name
        for name in names
        if name != NULL
        and not any(
            all(_stem(w) in text for w in alternative.split()) for alternative in name.split(" ~ ")
        )
    ]


def ill_formed(cases: list[Case]) -> list[tuple[int, list[str]]]:
    """The lines of cases that are malformed or expect a name their text does not write."""
    found = [(c.line, malformed(c) + unwritten_names(c)) for c in cases]
    return [(line, problems) for line, problems in found if problems]


def _stem(word: str) -> str:
    return word.rstrip("?").strip().lower().replace("ё", "е")[:3]  # `Надь` ~ `Надем`


def _members(value: str) -> list[str]:
    return [m.strip() for m in value.split(" + ") if m.strip()]


# matching


def norm(s: str) -> str:
    s = s.lower().replace("ё", "е")
    for q in "«»“”„\"'":
        s = s.replace(q, "")
    return " ".join(s.split())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: insertions, deletions and substitutions of one character."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(cur[j - 1] + 1, prev[j] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return any(longer[k : k + n] == shorter for k in range(len(longer) - n + 1))


def same_name(expected: str, predicted: str) -> bool:
    """Names of one entity: equal up to two edits (case endings), or one inside the other
    word for word."""
    e, p = norm(expected), norm(predicted)
    if not e or not p:
        return False
    if e == p or (min(len(e), len(p)) >= 5 and edit_distance(e, p) <= 2):
        return True
    ew, pw = e.split(), p.split()
    return _contains(pw, ew) if len(pw) >= len(ew) else _contains(ew, pw)


def _value_matches(arg: str, expected: str, predicted: str) -> bool:
    alternatives = [a.strip() for a in expected.split(" ~ ")]
    if arg in EXACT:
        return any(norm(a) == norm(predicted) for a in alternatives)
    return any(same_name(a, predicted) for a in alternatives)


def _values(fact: dict[str, Any], arg: str) -> list[str] | None:
    """What a predicted fact gives for `arg`: names, a date value or a string; None
    when null. An entity argument also reads its `<arg>_text` (`фракция «Яблоко»` beside
    `Яблоко`), and only that when the entity is null."""
    value = fact.get(arg)
    text = fact.get(f"{arg}_text")
    if isinstance(value, list):
        return [_scalar(v) for v in value]
    if value is None or value == "":
        return [str(text)] if text else None
    return [_scalar(value)] + ([str(text)] if text else [])


def _scalar(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("name") or value.get("value") or value.get("text") or "")
    return str(value)


def _list_matches(expected: str, predicted: list[str]) -> bool:
    """One to one: every required member matched by its own name, the rest optional."""
    members = _members(expected)
    required = [m for m in members if not m.endswith("?")]
    optional = [m[:-1].strip() for m in members if m.endswith("?")]
    left = list(predicted)
    for member in required:
        hit = next((p for p in left if _value_matches("", member, p)), None)
        if hit is None:
            return False
        left.remove(hit)
    for p in left:
        hit = next((o for o in optional if _value_matches("", o, p)), None)
        if hit is None:
            return False
        optional.remove(hit)
    return True


def fact_matches(expected: dict[str, str], fact: dict[str, Any]) -> bool:
    for arg, want in expected.items():
        got = _values(fact, arg)
        if want == NULL:
            if got:
                return False
            continue
        if not got:
            return False
        if " + " in want or isinstance(fact.get(arg), list):
            if not _list_matches(want, got):
                return False
        elif not any(_value_matches(arg, want, g) for g in got):
            return False  # the entity's name or, beside it, its `<arg>_text`
    return True


@dataclass
class Score:
    """Counts of one group: expected items found, and predicted items that are right."""

    expected: int = 0
    found: int = 0
    predicted: int = 0
    right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        return self.found / self.expected if self.expected else None

    @property
    def precision(self) -> float | None:
        return self.right / self.predicted if self.predicted else None

    def add(self, other: Score) -> None:
        self.expected += other.expected
        self.found += other.found
        self.predicted += other.predicted
        self.right += other.right
        self.misses += other.misses


def claims(record: dict[str, Any], types: Iterable[str]) -> list[dict[str, Any]]:
    wanted = set(types)
    return [f for f in record["facts"] if f["type"] in wanted and f.get("modality") not in NO_CLAIM]


def score_case(case: Case, record: dict[str, Any]) -> Score:
    """How the record of the case's text does on the case."""
    s = Score()
    predicted = claims(record, case.types)
    s.predicted += len(predicted)
    left = list(predicted)
    for kind, args in case.facts:
        s.expected += 1
        hit = next((f for f in left if f["type"] == kind and fact_matches(args, f)), None)
        if hit is None:
            s.misses.append(f"line {case.line}: missed {kind} {args}")
        else:
            s.found += 1
            s.right += 1
            left.remove(hit)
    s.misses += [f"line {case.line}: extra {_brief(f)}" for f in left]
    if case.entities:
        described = [
            (e["name"], d["text"]) for e in record["entities"] for d in e.get("descriptions", [])
        ]
        s.predicted += len(described)
        for name, texts in case.entities:
            for text in texts:
                s.expected += 1
                hit = next(
                    (x for x in described if same_name(name, x[0]) and norm(x[1]) == norm(text)),
                    None,
                )
                if hit is None:
                    s.misses.append(f"line {case.line}: missed description {text!r} of {name}")
                else:
                    s.found += 1
                    s.right += 1
                    described.remove(hit)
        s.misses += [f"line {case.line}: extra description {t!r} of {n}" for n, t in described]
    return s


def _brief(fact: dict[str, Any]) -> str:
    args = {k: _values(fact, k) for k in fact if k not in {"id", "type", "evidence"}}
    return f"{fact['type']} " + ", ".join(f"{k}={v}" for k, v in args.items() if v)


def score(cases: list[Case], records: list[dict[str, Any]]) -> dict[str, Score]:
    """Scores by group, and `all` over every group, for records in the order of cases."""
    out: dict[str, Score] = {}
    total = Score()
    for case, record in zip(cases, records):
        s = score_case(case, record)
        out.setdefault(case.group, Score()).add(s)
        total.add(s)
    out["all"] = total
    return out


def check_floor(s: Score, group: str, recall: float, precision: float) -> None:
    """Fail unless a group's recall and precision reach their floors (misses shown)."""
    assert (s.recall or 0.0) >= recall, (group, s.recall, s.misses[:10])
    assert (s.precision or 0.0) >= precision, (group, s.precision, s.misses[:10])


def named_facts(nlp: Any, text: str, kind: str) -> list[dict[str, Any]]:
    """The facts of one type in a text's record, entity arguments as their names."""
    record = nlp(text).to_dict()
    names = {e["id"]: e["name"] for e in record["entities"]}

    def name(value: Any) -> Any:
        if isinstance(value, list):
            return [name(v) for v in value]
        return names.get(value["ref"]) if isinstance(value, dict) and "ref" in value else value

    return [{k: name(v) for k, v in f.items()} for f in record["facts"] if f["type"] == kind]


def named_occupations(nlp: Any, text: str) -> set[tuple[Any, Any, Any]]:
    """(person, position, organisation) of a text's occupations, by name."""
    return {
        (f["person"], f.get("position"), f.get("org"))
        for f in named_facts(nlp, text, "occupation")
    }
