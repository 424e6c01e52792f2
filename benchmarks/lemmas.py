"""Lemma and part-of-speech accuracy on the UD Russian dev treebanks: factex, natasha, pymorphy3.

Each sentence's text (the `# text =` line) goes through each system on its own:
factex with `tokens=True`; natasha's Segmenter, NewsMorphTagger and MorphVocab;
pymorphy3's first parse of each razdel token (no context, no part of speech).
A system's token counts when its character span equals a gold token's span;
gold punctuation is left out. Lemmas are compared lower-cased, as written
(`ё` and `е` differ). Lemma and UPOS accuracy are over the aligned tokens; the
alignment rate (aligned / all gold tokens) is given beside them.

    python benchmarks/lemmas.py                      # both dev files in ../shared/data/ud
    python benchmarks/lemmas.py FILE.conllu --errors 20 --examples 5
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

UD_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "ud"
CONTENT = frozenset({"NOUN", "PROPN", "ADJ", "VERB", "ADV", "NUM"})
LEFT_OUT = frozenset({"PUNCT"})


@dataclass
class Gold:
    start: int
    stop: int
    form: str
    lemma: str
    upos: str


@dataclass
class Sentence:
    text: str
    tokens: list[Gold]


# (start, stop) -> (lemma, upos or None)
Output = dict[tuple[int, int], tuple[str, str | None]]


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Sentences with gold tokens placed in the `# text` line by their forms, in order."""
    text: str | None = None
    rows: list[list[str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# text = "):
            text = line[len("# text = ") :]
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():  # not a multiword range (1-2) or an empty node (1.1)
                rows.append(cols)
        elif not line and rows:
            if text is not None:
                yield Sentence(text, list(_place(text, rows)))
            text, rows = None, []


def _place(text: str, rows: list[list[str]]) -> Iterator[Gold]:
    pos = 0
    for cols in rows:
        start = text.find(cols[1], pos)
        if start < 0:  # a form not in the text as written: never aligned
            yield Gold(-1, -1, cols[1], cols[2], cols[3])
            continue
        pos = start + len(cols[1])
        yield Gold(start, pos, cols[1], cols[2], cols[3])


def factex_system() -> Callable[[str], Output]:
    from factex import Pipeline

    nlp = Pipeline()
    failures: list[str] = []

    def run(text: str) -> Output:
        try:
            record = nlp(text, tokens=True).to_dict()
        except Exception as exc:  # counted as a failed text, its tokens unaligned
            failures.append(f"{type(exc).__name__}: {text}")
            return {}
        if record.get("error") or record.get("warnings"):
            failures.append(text)
        return {(t["start"], t["stop"]): (t["lemma"], t["pos"]) for t in record.get("tokens", [])}

    run.failures = failures  # type: ignore[attr-defined]
    return run


def natasha_system() -> Callable[[str], Output]:
    from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, Segmenter

    segmenter, vocab = Segmenter(), MorphVocab()
    tagger = NewsMorphTagger(NewsEmbedding())

    def run(text: str) -> Output:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(tagger)
        out: Output = {}
        for token in doc.tokens:
            token.lemmatize(vocab)
            out[token.start, token.stop] = (token.lemma, token.pos)
        return out

    return run


def pymorphy_system() -> Callable[[str], Output]:
    import pymorphy3
    from razdel import tokenize

    analyzer = pymorphy3.MorphAnalyzer()

    def run(text: str) -> Output:
        return {
            (t.start, t.stop): (analyzer.parse(t.text)[0].normal_form, None) for t in tokenize(text)
        }

    return run


SYSTEMS = {"factex": factex_system, "natasha": natasha_system, "pymorphy3": pymorphy_system}


def error_kind(gold: Gold, got: tuple[str, str | None] | None) -> str:
    if got is None:
        return "not aligned"
    lemma, upos = got[0].lower(), got[1]
    if lemma.replace("ё", "е") == gold.lemma.lower().replace("ё", "е"):
        return "ё/е only"
    if lemma == gold.form.lower():
        return "surface form kept"
    if upos is not None and upos != gold.upos:
        return f"tagged {upos}"
    return "other lemma"


@dataclass
class Score:
    tokens: int = 0
    aligned: int = 0
    lemma: int = 0
    content: int = 0  # aligned content words
    content_lemma: int = 0
    upos: int = 0
    has_upos: bool = False
    errors: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, gold: Gold, got: tuple[str, str | None] | None) -> None:
        self.tokens += 1
        if got is None:
            self.errors[gold.upos, "not aligned"].append(gold.form)
            return
        self.aligned += 1
        content = gold.upos in CONTENT
        self.content += content
        if got[1] is not None:
            self.has_upos = True
            self.upos += got[1] == gold.upos
        if got[0].lower() == gold.lemma.lower():
            self.lemma += 1
            self.content_lemma += content
        else:
            example = f"{gold.form}->{got[0].lower()} ({gold.lemma.lower()})"
            self.errors[gold.upos, error_kind(gold, got)].append(example)


def evaluate(run: Callable[[str], Output], sentences: list[Sentence]) -> tuple[Score, float]:
    score = Score()
    start = time.perf_counter()
    for sent in sentences:
        out = run(sent.text)
        for gold in sent.tokens:
            if gold.upos not in LEFT_OUT:
                score.add(gold, out.get((gold.start, gold.stop)))
    return score, time.perf_counter() - start


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--systems", default="factex,natasha,pymorphy3")
    parser.add_argument("--errors", type=int, default=10, help="error classes shown per system")
    parser.add_argument("--examples", type=int, default=4, help="examples per error class")
    args = parser.parse_args(argv)
    files = args.files or sorted(UD_DIR.glob("*-dev.conllu"))
    if not files:
        print(f"no .conllu files (looked in {UD_DIR})", file=sys.stderr)
        return 2
    names = [n.strip() for n in args.systems.split(",") if n.strip()]
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        parser.error(f"unknown system {unknown[0]!r}; choose from {', '.join(SYSTEMS)}")
    runs = {name: SYSTEMS[name]() for name in names}
    rows = []
    for path in files:
        sentences = list(read_conllu(path))
        for name, run in runs.items():
            failures = getattr(run, "failures", None)
            before = len(failures) if failures is not None else 0
            score, seconds = evaluate(run, sentences)
            failed = len(failures) - before if failures is not None else 0
            rows.append((path.name, name, score, seconds, failed))
    header = "| dev file | system | lemma | content lemma | UPOS | aligned | failed | tokens | s |"
    print(header)
    print("| --- " * (header.count("|") - 1) + "|")
    for file, name, s, seconds, failed in rows:
        upos = _ratio(s.upos, s.aligned) if s.has_upos else "-"
        print(
            f"| {file} | {name} | {_ratio(s.lemma, s.aligned)} | "
            f"{_ratio(s.content_lemma, s.content)} | {upos} | {_ratio(s.aligned, s.tokens)} | "
            f"{failed} | {s.tokens} | {seconds:.0f} |"
        )
    for name, run in runs.items():
        for failure in getattr(run, "failures", []):
            print(f"{name} failed: {failure}")
    for file, name, s, _, _ in rows:
        print(f"\n{file}, {name}: the {args.errors} most frequent lemma error classes")
        wrong = {k: v for k, v in s.errors.items() if k[1] != "not aligned"}
        classes = sorted(wrong.items(), key=lambda kv: -len(kv[1]))[: args.errors]
        for (upos, kind), examples in classes:
            common = Counter(examples).most_common(args.examples)
            shown = ", ".join(e if n == 1 else f"{e} x{n}" for e, n in common)
            print(f"  {len(examples):5d}  {upos:6s} {kind:18s} {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
