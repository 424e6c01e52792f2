"""Named stages: choosing what runs, and one failing stage costing only its own layer."""

from __future__ import annotations

import sys

import pytest
from cli_run import ARTICLE

from factex import Pipeline, cli
from factex.pipeline import StageError
from factex.stages import STAGES, needed_by

# The layers of mention kinds that need the entities (SPEC 0.3), in stage order.
MENTION_KINDS = ["laws", "awards", "nationalities", "professions", "events"]


@pytest.fixture(scope="module")
def lenient() -> Pipeline:
    return Pipeline(strict=False)


def _broken(nlp: Pipeline, stage: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(analysis: object) -> None:
        raise IndexError("list index out of range")

    monkeypatch.setitem(nlp._runs, stage, fail)


def test_stages_in_order_with_their_needs():
    names = list(STAGES)
    assert names[:8] == [
        "segment", "header", "morph", "ner", "entities", "syntax", "dates", "numbers"
    ]  # fmt: skip
    assert names[-1] == "facts" and set(MENTION_KINDS) <= set(names)
    for s in STAGES.values():
        assert all(names.index(n) < names.index(s.name) for n in s.needs)
    assert needed_by(["ner"]) == {"ner", "entities", "facts", *MENTION_KINDS}
    assert needed_by(["events"]) == {"events"}  # the facts run without it


def test_the_suite_runs_strict(nlp):
    assert nlp.strict


def test_failed_stage_keeps_the_other_layers(lenient, monkeypatch):
    _broken(lenient, "numbers", monkeypatch)
    record = lenient(ARTICLE, "2025-11-11").to_dict()
    assert record["warnings"] == [
        {"stage": "numbers", "message": "IndexError: list index out of range"}
    ]
    assert record["numbers"] == [] and record["facts"] == []  # facts need numbers
    assert {e["name"] for e in record["entities"]} >= {"Касым-Жомарт Токаев", "Владимир Путин"}
    assert [d["text"] for d in record["dates"]] == ["11 ноября"]
    assert record["doc"]["dateline"]["agency"] == "ТАСС"


def test_failed_morphology_keeps_tokens_and_dates(lenient, monkeypatch):
    _broken(lenient, "morph", monkeypatch)
    record = lenient(ARTICLE, "2025-11-11", tokens=True).to_dict()
    assert [w["stage"] for w in record["warnings"]] == ["morph"]
    assert record["entities"] == [] and record["facts"] == []
    assert record["dates"] and record["tokens"][0] == {
        **record["tokens"][0], "pos": "X", "feats": {}, "lemma": record["tokens"][0]["text"].lower()
    }  # fmt: skip


def test_no_warnings_key_without_warnings(lenient):
    assert "warnings" not in lenient(ARTICLE).to_dict()


def test_strict_raises(monkeypatch):
    nlp = Pipeline(strict=True, exclude=["ner"])
    _broken(nlp, "dates", monkeypatch)
    with pytest.raises(StageError, match="stage dates: IndexError") as caught:
        nlp(ARTICLE)
    assert isinstance(caught.value.__cause__, IndexError)


def test_disable_and_choose_facts(nlp):
    only = Pipeline(disable=["facts"])
    assert only.pipe_names == [n for n in STAGES if n != "facts"]
    record = only(ARTICLE, "2025-11-11").to_dict()
    assert record["facts"] == [] and record["entities"] and record["dates"]
    full = {f["type"] for f in nlp(ARTICLE, "2025-11-11").to_dict()["facts"]}
    assert {"occupation", "visit"} <= full
    chosen = Pipeline(facts=["visit"])(ARTICLE, "2025-11-11").to_dict()
    assert {f["type"] for f in chosen["facts"]} == {"visit"}


def test_exclude_needs_no_models():
    nlp = Pipeline(exclude=["morph", "ner"])
    assert nlp.excluded == ["morph", "ner", "entities", "syntax", *MENTION_KINDS, "facts"]
    assert "navec" not in vars(nlp.models)  # never loaded
    record = nlp(ARTICLE, "2025-11-11").to_dict()
    assert record["entities"] == [] and record["dates"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"disable": ["fact"]}, "unknown stage 'fact'"),
        ({"exclude": ["nerr"]}, "unknown stage 'nerr'"),
        ({"facts": ["deals", "visit"]}, "unknown fact type 'deals'"),
    ],
)
def test_unknown_names(options, message):
    with pytest.raises(ValueError, match=message):
        Pipeline(**options)


def test_cli_unknown_names(article, capsys):
    assert cli.main(["extract", str(article), "--disable", "facts,bogus"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown stage 'bogus'" in err
    assert cli.main(["extract", str(article), "--facts", "visits"]) == 2
    assert "unknown fact type 'visits'" in capsys.readouterr().err


def test_cli_names_the_failed_stage(article, capsys, monkeypatch, lenient):
    _broken(lenient, "facts", monkeypatch)
    monkeypatch.setattr(sys.modules["factex.pipeline"], "Pipeline", lambda **options: lenient)
    assert cli.main(["extract", str(article)]) == 0
    captured = capsys.readouterr()
    assert f"{article}: stage facts failed" in captured.err
    assert '"warnings"' in captured.out


def test_cli_facts_option(article, capsys):
    assert cli.main(["extract", str(article), "--facts", "occupation", "--date", "2025-11-11"]) == 0
    out = capsys.readouterr().out
    assert '"type": "occupation"' in out and '"type": "visit"' not in out
