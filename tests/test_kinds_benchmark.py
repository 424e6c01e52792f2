"""The overlap score of benchmarks/kinds.py on a two-document brat folder written here."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from kinds import read_brat, score  # noqa: E402

TEXT = "Министр обороны вручил орден Мужества 5 мая."
ANN = (
    "T1\tPROFESSION 0 15\tМинистр обороны\n"
    "T2\tAWARD 23 37\tорден Мужества\n"
    "T3\tDATE 38 43\t5 мая\n"
    "T4\tPROFESSION 0 7;8 15\tМинистр обороны\n"
    "R1\tAWARDED_WITH Arg1:T1 Arg2:T2\n"
)


def test_overlap_scores(tmp_path: Path) -> None:
    (tmp_path / "001.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "001.ann").write_text(ANN, encoding="utf-8")
    (doc,) = read_brat(tmp_path)
    assert doc.gold["PROFESSION"] == [(0, 15), (0, 15)]
    record = {
        "professions": [{"start": 0, "stop": 7}, {"start": 16, "stop": 22}],
        "dates": [{"start": 38, "stop": 41, "kind": "date"}],
    }
    scores = score([doc], [record], ["PROFESSION", "DATE", "AWARD"])
    prof = scores["PROFESSION"]
    assert (prof.gold, prof.found, prof.predicted, prof.right) == (2, 2, 2, 1)
    assert prof.p == 0.5 and prof.r == 1.0 and round(prof.f1, 3) == 0.667
    assert scores["DATE"].f1 == 1.0
    assert scores["AWARD"].missing and scores["AWARD"].gold == 1
