"""Dependency parsing on the UD Russian dev treebanks: factex's parse against natasha's
own NewsSyntaxParser, on the same gold-tokenised sentences.

Both get each sentence's gold words (multiword ranges and empty nodes left out) and
nothing else. factex's parse is `SyntaxParser` as the pipeline runs it (no padding,
BLAS on one thread, parses mended into trees); `factex-raw` is the same without the
mending (slovnet's own heads); `natasha-1` is natasha with BLAS on one thread. UAS: the
share of words whose head is right; LAS: head and relation right (full relation,
`acl:relcl` is not `acl`). Punctuation counts, as in the CoNLL 2018 shared task;
figures without it are printed too. CPU time is process
time of the parse alone (models loaded before).

    python benchmarks/syntax.py                    # both dev files in ../shared/data/ud
    python benchmarks/syntax.py FILE.conllu
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterator
from pathlib import Path

UD_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "ud"

Arcs = list[tuple[int, str]]  # (head, relation) per word; head 0 the root


def read_conllu(path: Path) -> Iterator[tuple[list[str], Arcs, list[bool]]]:
    """Each sentence's words, gold arcs and which words are punctuation."""
    rows: list[list[str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line and not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                rows.append(cols)
        elif not line and rows:
            yield (
                [r[1] for r in rows],
                [(int(r[6]), r[7]) for r in rows],
                [r[3] == "PUNCT" for r in rows],
            )
            rows = []


def factex_parser(mend: bool) -> Callable[[list[list[str]]], list[Arcs]]:
    from factex.stages import Models
    from factex.text.syntax import SyntaxParser

    models = Models()
    parser = SyntaxParser(models.navec, models.batch_size, mend=mend)
    return parser


def natasha_parser(one_thread: bool = False) -> Callable[[list[list[str]]], list[Arcs]]:
    from natasha import NewsEmbedding, NewsSyntaxParser

    from factex.text.batch import blas_within_one_thread

    parser = NewsSyntaxParser(NewsEmbedding())

    def run(sentences: list[list[str]]) -> list[Arcs]:
        if one_thread:
            with blas_within_one_thread():
                return run_all(sentences)
        return run_all(sentences)

    def run_all(sentences: list[list[str]]) -> list[Arcs]:
        return [[(int(t.head_id), t.rel) for t in m.tokens] for m in parser.map(sentences)]

    return run


def score(gold: list[Arcs], punct: list[list[bool]], got: list[Arcs]) -> dict[str, float]:
    counts = {"words": 0, "uas": 0, "las": 0, "words-np": 0, "uas-np": 0, "las-np": 0}
    for g_sent, p_sent, o_sent in zip(gold, punct, got):
        for (gh, gr), p, (oh, orel) in zip(g_sent, p_sent, o_sent):
            for suffix in ("", "-np") if not p else ("",):
                counts["words" + suffix] += 1
                counts["uas" + suffix] += gh == oh
                counts["las" + suffix] += gh == oh and gr == orel
    return {
        "UAS": counts["uas"] / counts["words"],
        "LAS": counts["las"] / counts["words"],
        "UAS no punct": counts["uas-np"] / counts["words-np"],
        "LAS no punct": counts["las-np"] / counts["words-np"],
        "words": counts["words"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    files = args.files or sorted(UD_DIR.glob("*.conllu"))
    systems = {
        "factex": factex_parser(True),
        "factex-raw": factex_parser(False),
        "natasha": natasha_parser(),
        "natasha-1": natasha_parser(one_thread=True),
    }
    print("| treebank | sentences | words | system | UAS | LAS | UAS no punct | LAS no punct "
          "| CPU s |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for path in files:
        data = list(read_conllu(path))
        words = [w for w, _, _ in data]
        gold, punct = [a for _, a, _ in data], [p for _, _, p in data]
        for name, run in systems.items():
            cpu = time.process_time()
            got = run(words)
            cpu = time.process_time() - cpu
            s = score(gold, punct, got)
            print(f"| {path.stem} | {len(data)} | {s['words']} | {name} | {s['UAS']:.4f} | "
                  f"{s['LAS']:.4f} | {s['UAS no punct']:.4f} | {s['LAS no punct']:.4f} | "
                  f"{cpu:.2f} |")  # fmt: skip


if __name__ == "__main__":
    main()
